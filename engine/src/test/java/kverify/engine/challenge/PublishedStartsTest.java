package kverify.engine.challenge;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import kverify.engine.challenge.published.Published;
import org.junit.jupiter.api.Test;

/**
 * The quick version of the comparison from the published starting cases: the first ten cases of
 * every published set are written as our choices (each must fail and render exactly as
 * published) and shrunk, and must reach the normal form. The data are the copies in the test
 * resources ({@link Published#dataDir()}), so this runs in a clean clone. The full table is
 * {@link ChallengeReportTest}.
 */
class PublishedStartsTest {
    static final int QUICK_STARTS = 10;

    @Test
    void publishedStartsTranslateFailAndShrinkToTheNormalForm() {
        List<StartsTable.Row> rows = StartsTable.measure(QUICK_STARTS);
        assertThat(rows).hasSize(StartsRunner.comparisons().stream().mapToInt(c -> c.datasets().size()).sum());
        for (StartsTable.Row r : rows) {
            assertThat(r.pairs()).hasSize(QUICK_STARTS);
            if (r.challenge().alwaysReached()) {
                assertThat(r.ourReached()).as("%s from %s", r.challenge().name(), r.dataset().source()).isEqualTo(QUICK_STARTS);
            }
        }
    }
}
