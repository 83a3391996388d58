package kverify.properties.luo;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Optional;
import java.util.TreeSet;
import kverify.impl.luo.LuoVariant;
import org.junit.jupiter.api.Test;

/**
 * The concurrent-calls property (decision 39) at the small geometries, on every v1 variant: each
 * may diverge only in ways a checked-in finding (findings/luo or findings/luo-concurrent)
 * reproduces, with every coverage requirement met. CORRECTED is among them: it corrects no lock
 * point, so it shares the races LUO-14 and LUO-15.
 */
class LuoConcurrencyProperties {

    private static void check(LuoVariant v) {
        TreeSet<String> known = LuoFindings.knownKeys(v);
        known.addAll(LuoFindings.knownKeys(v, LuoFindings.CONCURRENT_DIR));
        KnownDivergences.check(v, LuoCatalog.INTERFACE_GEOMETRIES, g -> LuoConcurrency.property(v, g), "concurrent", known);
    }

    @Test
    void asPostedDivergesOnlyInKnownWays() {
        check(LuoVariant.AS_POSTED);
    }

    @Test
    void reviewSuggestionDivergesOnlyInKnownWays() {
        check(LuoVariant.REVIEW_SUGGESTION);
    }

    @Test
    void correctedDivergesOnlyInTheKnownRaces() {
        check(LuoVariant.CORRECTED);
    }

    @Test
    void everyConcurrentFindingStillDivergesOnItsVariantWithItsKeyAtItsLastStep() {
        var files = LuoFindings.files(LuoFindings.CONCURRENT_DIR);
        assertThat(files).isNotEmpty();
        for (Path f : files) {
            LuoTrace t = LuoFindings.parse(f);
            Optional<LuoDuel.StepResult> r = LuoFindings.firstDivergence(t, t.variant());
            assertThat(r).as(f + " diverges on " + t.variant()).isPresent();
            assertThat(r.get().key()).as(f + " key").isEqualTo(LuoFindings.comment(t, "key").orElse("(no key comment)"));
            assertThat(r.get().step()).as(f + " at its last step").isEqualTo(t.steps().size());
            assertThat(LuoFindings.comment(t, "defect")).as(f + " defect line").isPresent().get().asString().doesNotContain("TODO");
            assertThat(LuoFindings.comment(t, "found by")).as(f + " provenance").isPresent().get().asString().contains("property luo.concurrent.");
        }
    }
}
