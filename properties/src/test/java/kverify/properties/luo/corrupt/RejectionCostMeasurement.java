package kverify.properties.luo.corrupt;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import kverify.engine.RunSettings;
import kverify.impl.luo.LuoVariant;
import kverify.model.luo.image.HandoverImage;
import kverify.model.luo.reference.HandoverReference;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Prints the cost-of-rejection table and the checking throughput reported in docs/corruption.md.
 * A measurement, not a check: the wall-clock numbers are printed, never asserted.
 * Run: {@code mvn -B test -Pslow -pl properties -am -Dtest=RejectionCostMeasurement -Dsurefire.failIfNoSpecifiedTests=false}
 */
@Tag("slow")
class RejectionCostMeasurement {

    @Test
    void blocksVisitedBeforeACyclicChainIsRejected() {
        System.out.println("real geometry, LUO_MAX_BLOCKS = 10000: block headers read by setup before rejecting a cycle");
        System.out.println("chain length | back to block | as-posted | corrected | corrected bound (length + 1)");
        for (int n : List.of(1, 2, 3, 5, 8)) {
            HandoverImage valid = RejectionCostTest.realChain(n);
            for (int j : n == 1 ? List.of(0) : List.of(0, n - 1)) {
                long[] v = RejectionCostTest.visits(valid, j);
                System.out.printf("%12d | %13d | %9d | %9d | %d%n", n, j, v[0], v[1], n + 1);
            }
        }
    }

    @Test
    void imagesCheckedPerSecond() {
        List<CorruptedCase> cases = new ArrayList<>();
        RunSettings rs = RunSettings.fromSystemProperties().withTries(3000).withSeed(1).collectingAllFailures().withShrinkEvaluations(0);
        CorruptionProperties.mixed(LuoVariant.CORRECTED, cases::add).run(rs.withTries(200));
        cases.clear();
        long t0 = System.nanoTime();
        CorruptionProperties.mixed(LuoVariant.CORRECTED, cases::add).run(rs);
        double generateAndCheck = cases.size() / ((System.nanoTime() - t0) / 1e9);
        long t1 = System.nanoTime();
        int checks = 0;
        for (CorruptedCase c : cases) {
            HandoverImage img = c.corrupted().image();
            var verdict = HandoverReference.decide(img);
            for (LuoVariant v : LuoVariant.values()) {
                ContractCheck.problems(img, verdict, ImageRun.run(img, v));
                checks++;
            }
        }
        double seconds = (System.nanoTime() - t1) / 1e9;
        System.out.printf("mixed corruptions, seed 1: %d images generated (valid image + 1-3 corruptions) and checked on corrected:"
                + " %.0f images/s%n", cases.size(), generateAndCheck);
        System.out.printf("checking only (model decision + next kernel run + contract check): %d images x 3 variants in %.2f s:"
                + " %.0f images/s (all three variants each), %.0f variant runs/s%n", cases.size(), seconds, cases.size() / seconds,
                checks / seconds);
        assertThat(cases).isNotEmpty();
    }
}
