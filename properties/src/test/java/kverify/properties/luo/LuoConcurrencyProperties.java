package kverify.properties.luo;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Optional;
import java.util.TreeSet;
import kverify.impl.luo.LuoVariant;
import kverify.model.luo.LuoGeometry;
import org.junit.jupiter.api.Test;

/**
 * The concurrent-calls property (decision 39) at the small geometries, on every v1 variant: each
 * may diverge only in ways a checked-in finding (findings/luo or findings/luo-concurrent)
 * reproduces, with every coverage requirement met. CORRECTED is among them: with its lock order and
 * serialize rwsem it must show none of the races.
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
    void correctedAgreesWithTheModelAtEveryInterleaving() {
        for (LuoGeometry g : LuoCatalog.INTERFACE_GEOMETRIES) {
            LuoConcurrency.property(LuoVariant.CORRECTED, g).check();
        }
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
