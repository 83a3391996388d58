package kverify.properties.luo;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Optional;
import java.util.TreeSet;
import kverify.impl.luo.LuoVariant;
import kverify.model.luo.LuoGeometry;
import org.junit.jupiter.api.Test;

/**
 * The concurrent-calls property (decision 39) at the small geometries of each version, on every
 * variant: each may diverge only in ways a checked-in finding (findings/luo or
 * findings/luo-concurrent) reproduces, with every coverage requirement met. CORRECTED and
 * V7_CORRECTED are among them: with their lock orders and serialize rwsem they must show none of
 * the races.
 */
class LuoConcurrencyProperties {

    private static void check(LuoVariant v) {
        TreeSet<String> known = LuoFindings.knownKeys(v);
        known.addAll(LuoFindings.knownKeys(v, LuoFindings.CONCURRENT_DIR));
        KnownDivergences.check(v, LuoCatalog.interfaceGeometries(v), g -> LuoConcurrency.property(v, g), "concurrent", known);
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
    void v7AsAppliedDivergesOnlyInKnownWays() {
        check(LuoVariant.V7_AS_APPLIED);
    }

    @Test
    void correctedAgreesWithTheModelAtEveryInterleaving() {
        for (LuoGeometry g : LuoCatalog.INTERFACE_GEOMETRIES) {
            LuoConcurrency.property(LuoVariant.CORRECTED, g).check();
        }
    }

    /** v7's own lock order with the serialize rwsem released when a reboot returns (docs/luo.md U8). */
    @Test
    void v7CorrectedAgreesWithTheModelAtEveryInterleaving() {
        for (LuoGeometry g : LuoCatalog.interfaceGeometries(LuoVariant.V7_CORRECTED)) {
            LuoConcurrency.property(LuoVariant.V7_CORRECTED, g).check();
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
