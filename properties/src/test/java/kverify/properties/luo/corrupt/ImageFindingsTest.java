package kverify.properties.luo.corrupt;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import kverify.impl.luo.LuoVariant;
import kverify.impl.luo.image.ImageText;
import kverify.model.luo.image.HandoverImage;
import kverify.model.luo.image.ImageVerdict;
import kverify.model.luo.reference.HandoverReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every checked-in corrupted image still diverges, with its recorded key, on every variant it
 * names, and CORRECTED agrees with the contract on it. Each file also carries the provenance the
 * brief asks for: an explanation, the property, seed and tries that found it, and its choices.
 */
class ImageFindingsTest {

    static Stream<Path> findings() {
        return FindingFiles.all().stream();
    }

    @Test
    void thereAreFindings() {
        assertThat(FindingFiles.all()).hasSizeGreaterThanOrEqualTo(10);
    }

    @ParameterizedTest
    @MethodSource("findings")
    void stillDivergesOnItsVariantsAndAgreesOnCorrected(Path file) {
        HandoverImage img = ImageText.read(file);
        String key = FindingFiles.comment(file, "key").orElseThrow();
        List<String> variants = List.of(FindingFiles.comment(file, "diverges on").orElseThrow().split(" "));
        assertThat(variants).isNotEmpty().doesNotContain("corrected", "v7-corrected");
        ImageVerdict v = HandoverReference.decide(img);
        for (String name : variants) {
            LuoVariant variant = Variants.parse(name).orElseThrow();
            List<ContractCheck.Problem> ps = ContractCheck.problems(img, v, ImageRun.run(img, variant));
            assertThat(ps).as(file + " on " + name).isNotEmpty();
            assertThat(ContractCheck.key(v, ps.get(0))).as(file + " on " + name).isEqualTo(key);
        }
        LuoVariant corrected = Variants.corrected(img.version());
        assertThat(ContractCheck.problems(img, v, ImageRun.run(img, corrected))).as(file + " on " + Variants.name(corrected)).isEmpty();
    }

    /** The recorded property and choices still generate this very image and fail with this key. */
    @ParameterizedTest
    @MethodSource("findings")
    void itsChoicesStillGenerateIt(Path file) {
        String[] property = FindingFiles.comment(file, "found by").orElseThrow().split("[ ,]")[1].split("\\.");
        List<CorruptedCase> seen = new java.util.ArrayList<>();
        var variant = Variants.parse(property[2]).orElseThrow();
        var p = property[1].equals(CorruptionProperties.MIXED) ? CorruptionProperties.mixed(variant, seen::add)
                : CorruptionProperties.family(Family.valueOf(property[1].toUpperCase(java.util.Locale.ROOT)), variant, seen::add);
        var tc = p.runCase(kverify.engine.ChoiceSequence.parse(FindingFiles.comment(file, "choices").orElseThrow()));
        assertThat(tc.failureKey()).as(file.toString()).isEqualTo(FindingFiles.comment(file, "key").orElseThrow());
        assertThat(seen.get(seen.size() - 1).corrupted().image()).as(file.toString()).isEqualTo(ImageText.read(file));
    }

    @ParameterizedTest
    @MethodSource("findings")
    void carriesItsProvenance(Path file) {
        assertThat(FindingFiles.comment(file, "finding")).as(file.toString()).hasValueSatisfying(
                l -> assertThat(l).doesNotContain("NOT YET EXPLAINED").isNotBlank());
        assertThat(FindingFiles.comment(file, "found by")).as(file.toString()).hasValueSatisfying(
                l -> assertThat(l).matches("property luo-image\\.[a-z]+\\.[a-z0-9-]+, seed -?\\d+, \\d+ tries, .*"));
        assertThat(FindingFiles.comment(file, "choices")).as(file.toString()).hasValueSatisfying(c -> assertThat(c).matches("[0-9 ]+"));
    }
}
