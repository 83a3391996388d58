package kverify.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A long minimal case must still come out fully simplified within a modest budget: no single
 * pass may spend the budget before the value passes run.
 */
class ShrinkBudgetTest {
    @TempDir
    Path tmp;

    record Op(int kind, long a, long b) {
    }

    private static final Gen<Op> OPS = Gen.zip(Gen.ints(0, 5), Gen.longs(-1000, 1000), Gen.longs(0, 1 << 20), Op::new);

    /** Fails once 40 steps ran: the minimum is 40 steps of the simplest op. */
    private static final Property FORTY_STEPS = Property.named("engine.forty-steps")
            .body(s -> {
                int steps = 0;
                while (steps < 2000 && s.choice(20, 20) != 0) {
                    s.draw("op", OPS);
                    steps++;
                }
                if (steps >= 40) {
                    throw new Divergence("forty steps", steps + " steps");
                }
            })
            .build();

    @Test
    void fortyStepsShrinkToFortySimplestOpsWithinFiveThousandEvaluations() {
        for (long seed = 1; seed <= 2; seed++) {
            RunSettings settings = new RunSettings(1000, seed, Optional.empty(), 5000, tmp, tmp, true);
            Failure f = FORTY_STEPS.run(settings).failures().get(0);
            assertThat(f.shrinkEvaluations()).isLessThan(5000);
            assertThat(f.shrunkRendering()).hasSize(40).allMatch(l -> l.equals("op: Op[kind=0, a=0, b=0]"));
        }
    }
}
