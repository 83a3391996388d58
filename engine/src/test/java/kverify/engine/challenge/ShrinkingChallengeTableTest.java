package kverify.engine.challenge;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * The shrinking-challenge benchmark over 100 seeds per problem (seeds 0..99). Prints the table
 * and writes it to target/shrinking-challenge.md:
 * <pre>
 * mvn test -Pslow -pl engine -Dtest=ShrinkingChallengeTableTest -Dsurefire.failIfNoSpecifiedTests=false
 * </pre>
 * {@code -Dchallenge.firstSeed=F -Dchallenge.seeds=N} runs seeds F..F+N-1 instead (e.g. fresh
 * seeds, to check that the engine was not tuned to the first hundred).
 */
@Tag("slow")
class ShrinkingChallengeTableTest {
    static final int SEEDS = Integer.getInteger("challenge.seeds", 100);
    static final long FIRST_SEED = Long.getLong("challenge.firstSeed", 0L);
    /** The target: the normal form in at least 95% of runs on every problem. */
    static final double TARGET = 0.95;

    @Test
    void hundredSeedsPerProblem() throws IOException {
        List<ChallengeTable.Row> rows = ChallengeTable.measureAll(FIRST_SEED, SEEDS);
        String table = ChallengeTable.render(rows);
        String text = "# Shrinking challenge, " + SEEDS + " seeds per problem (seeds " + FIRST_SEED + ".."
                + (FIRST_SEED + SEEDS - 1) + ")\n\n" + table
                + "\nRuns that missed the normal form:\n\n" + ChallengeTable.renderMisses(rows);
        System.out.println(text);
        Path out = Path.of("target", "shrinking-challenge.md");
        Files.createDirectories(out.getParent());
        Files.writeString(out, text);
        for (ChallengeTable.Row row : rows) {
            assertThat(row.runs()).hasSize(SEEDS);
            assertThat((double) row.reached() / SEEDS).as("share of %s runs reaching %s", row.challenge().name(),
                    row.challenge().normalForm()).isGreaterThanOrEqualTo(TARGET);
        }
    }

    /** Prints the table without JUnit (e.g. from an IDE). */
    public static void main(String[] args) throws IOException {
        new ShrinkingChallengeTableTest().hundredSeedsPerProblem();
    }
}
