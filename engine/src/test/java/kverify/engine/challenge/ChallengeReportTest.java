package kverify.engine.challenge;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import kverify.engine.challenge.published.Published;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * The whole shrinking-challenge report from one run: every problem from 100 fresh seeds (seeds
 * 0..99) and from every published starting case (1000 per ECOOP 2020 problem, 100 per
 * shrinking-challenge report), ours beside Hypothesis's. Prints it and writes
 * target/shrinking-challenge.md (the tables of docs/shrinking-challenge.md and the README):
 * <pre>
 * mvn test -Pslow -pl engine -Dtest=ChallengeReportTest -Dsurefire.failIfNoSpecifiedTests=false
 * </pre>
 * {@code -Dchallenge.firstSeed=F -Dchallenge.seeds=N} runs seeds F..F+N-1 instead. Fails if a
 * problem outside {@link Challenge#MAY_MISS} misses its normal form in any run (fresh or from a
 * published start), or on any published set the engine needs more evaluations than Hypothesis
 * (mean or median).
 */
@Tag("slow")
class ChallengeReportTest {
    static final int SEEDS = Integer.getInteger("challenge.seeds", 100);
    static final long FIRST_SEED = Long.getLong("challenge.firstSeed", 0L);

    @Test
    void freshSeedsAndPublishedStarts() throws IOException {
        List<ChallengeTable.Row> fresh = ChallengeTable.measureAll(FIRST_SEED, SEEDS);
        List<StartsTable.Row> starts = StartsTable.measure(Integer.MAX_VALUE);
        String text = "# Shrinking challenge: " + SEEDS + " fresh seeds per problem (seeds " + FIRST_SEED + ".."
                + (FIRST_SEED + SEEDS - 1) + ") and every published start (" + Published.dataDir().getFileName() + ")\n\n"
                + "## Summary\n\n" + ChallengeSummary.render(fresh, starts)
                + "\n## From the published starting cases\n\n" + StartsTable.render(starts)
                + "\n## From fresh seeds\n\n" + ChallengeTable.render(fresh)
                + "\nRuns that missed the normal form (fresh seeds):\n\n" + ChallengeTable.renderMisses(fresh)
                + "\nStarts that missed the normal form:\n\n" + StartsTable.renderMisses(starts);
        System.out.println(text);
        Path out = Path.of("target", "shrinking-challenge.md");
        Files.createDirectories(out.getParent());
        Files.writeString(out, text);
        for (ChallengeTable.Row row : fresh) {
            assertThat(row.runs()).hasSize(SEEDS);
            if (row.challenge().alwaysReached()) {
                assertThat(row.misses()).as("fresh runs of %s missing %s", row.challenge().name(), row.challenge().normalForm()).isEmpty();
            }
        }
        for (StartsTable.Row r : starts) {
            String row = r.challenge().name() + " from " + r.dataset().source();
            assertThat(StartsTable.mean(r.ours())).as("mean evaluations, " + row).isLessThanOrEqualTo(StartsTable.mean(r.theirs()));
            assertThat(ChallengeTable.median(r.ours())).as("median evaluations, " + row)
                    .isLessThanOrEqualTo(ChallengeTable.median(r.theirs()));
            if (r.challenge().alwaysReached()) {
                assertThat(r.ourReached()).as("normal form, " + row).isEqualTo(r.pairs().size());
            }
        }
    }

    /** Prints the report without JUnit (e.g. from an IDE). */
    public static void main(String[] args) throws IOException {
        new ChallengeReportTest().freshSeedsAndPublishedStarts();
    }
}
