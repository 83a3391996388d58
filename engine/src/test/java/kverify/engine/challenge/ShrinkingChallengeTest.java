package kverify.engine.challenge;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The quick version of the shrinking-challenge benchmark: seeds 0..9 of every problem must end
 * in the problem's normal form, except for the problems that may miss it
 * ({@link Challenge#MAY_MISS}, none now), which must reach it in most runs. The 100-seed table is
 * {@link ChallengeReportTest}.
 */
class ShrinkingChallengeTest {
    static final int QUICK_SEEDS = 10;

    @Test
    void everyQuickRunReachesTheNormalForm() {
        List<ChallengeTable.Row> rows = ChallengeTable.measureAll(0, QUICK_SEEDS);
        assertThat(rows).hasSize(Challenges.all().size());
        List<ChallengeTable.Row> always = rows.stream().filter(r -> r.challenge().alwaysReached()).toList();
        assertThat(always.stream().flatMap(r -> r.misses().stream()).toList())
                .as("runs that missed the normal form:%n%s", ChallengeTable.renderMisses(always))
                .isEmpty();
        for (ChallengeTable.Row r : rows) {
            assertThat(r.reached()).as("%s runs reaching %s", r.challenge().name(), r.challenge().normalForm())
                    .isGreaterThan(QUICK_SEEDS / 2);
        }
    }
}
