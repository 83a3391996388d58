package kverify.engine.challenge;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The quick version of the shrinking-challenge benchmark: seeds 0..9 of every problem must
 * end in the problem's normal form (about two seconds). The 100-seed table is
 * {@link ShrinkingChallengeTableTest}.
 */
class ShrinkingChallengeTest {
    static final int QUICK_SEEDS = 10;

    @Test
    void everyQuickRunReachesTheNormalForm() {
        List<ChallengeTable.Row> rows = ChallengeTable.measureAll(0, QUICK_SEEDS);
        assertThat(rows).hasSize(Challenges.all().size());
        assertThat(rows.stream().flatMap(r -> r.misses().stream()).toList())
                .as("runs that missed the normal form:%n%s", ChallengeTable.renderMisses(rows))
                .isEmpty();
    }
}
