package kverify.engine.challenge;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import kverify.engine.RunSettings;
import kverify.engine.challenge.published.Published;
import org.junit.jupiter.api.Test;

/**
 * The comparison from the published starting cases, on the budget knob: the first ten cases of
 * every published set by default are written as our choices (each must fail and render exactly as
 * published) and shrunk, and must reach the normal form. The data are the copies in the test
 * resources ({@link Published#dataDir()}), so this runs in a clean clone. With every start of a
 * set ({@code -Dkverify.tries=10000}) it also checks the evaluations against Hypothesis's. The full table is
 * {@link ChallengeReportTest}.
 */
class PublishedStartsTest {
    /**
     * Starts per published set: 10 on the default budget, scaled with the one budget knob
     * ({@code -Dkverify.tries=10000}: 1000, every start of every set).
     */
    static final int STARTS = Math.max(1, RunSettings.fromSystemProperties().tries() / 10);

    @Test
    void publishedStartsTranslateFailAndShrinkToTheNormalForm() {
        List<StartsTable.Row> rows = StartsTable.measure(STARTS);
        assertThat(rows).hasSize(StartsRunner.comparisons().stream().mapToInt(c -> c.datasets().size()).sum());
        for (StartsTable.Row r : rows) {
            int n = Math.min(STARTS, r.dataset().runs().size());
            assertThat(r.pairs()).hasSize(n);
            String row = r.challenge().name() + " from " + r.dataset().source();
            if (r.challenge().alwaysReached()) {
                assertThat(r.ourReached()).as("normal form, %s", row).isEqualTo(n);
            }
            if (n == r.dataset().runs().size()) {
                // Every start of the set: the comparison the issue asks for (ChallengeReportTest makes the same).
                assertThat(StartsTable.mean(r.ours())).as("mean evaluations, " + row).isLessThanOrEqualTo(StartsTable.mean(r.theirs()));
                assertThat(ChallengeTable.median(r.ours())).as("median evaluations, " + row)
                        .isLessThanOrEqualTo(ChallengeTable.median(r.theirs()));
            }
        }
    }
}
