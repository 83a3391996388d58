package kverify.properties.luo;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import kverify.impl.luo.LuoVariant;
import org.junit.jupiter.api.Test;

/**
 * Replays every checked-in finding: it must still diverge on the variant named in its header,
 * with the key it was found under, and must agree with the model at every step on CORRECTED.
 */
class LuoFindingsTest {

    @Test
    void everyFindingStillDivergesOnItsVariantAndAgreesOnCorrected() {
        List<Path> files = LuoFindings.files();
        assertThat(files).as("findings under " + LuoFindings.DIR).isNotEmpty();
        for (Path f : files) {
            LuoTrace t = LuoFindings.parse(f);
            assertThat(t.variant()).as(f + " names a defective variant").isNotEqualTo(LuoVariant.CORRECTED);
            Optional<LuoDuel.StepResult> onVariant = LuoFindings.firstDivergence(t, t.variant());
            assertThat(onVariant).as(f + " diverges on " + t.variant()).isPresent();
            assertThat(onVariant.get().key()).as(f + ": the key it was found under").isEqualTo(LuoFindings.comment(t, "key").orElse("(no key comment)"));
            assertThat(onVariant.get().step()).as(f + ": the divergence is at the last step of the shrunk trace")
                    .isEqualTo(t.steps().size());
            assertThat(LuoFindings.firstDivergence(t, LuoVariant.CORRECTED)).as(f + " on CORRECTED").isEmpty();
        }
    }

    @Test
    void everyFindingSaysWhatTheDefectIsAndWhereItWasFound() {
        for (Path f : LuoFindings.files()) {
            LuoTrace t = LuoFindings.parse(f);
            assertThat(LuoFindings.comment(t, "defect")).as(f + " defect line").isPresent().get().asString()
                    .doesNotContain("TODO").hasSizeGreaterThan(20);
            assertThat(LuoFindings.comment(t, "found by")).as(f + " provenance").isPresent().get().asString()
                    .contains("property luo.").contains("seed ").contains("tries ");
        }
    }
}
