package kverify.impl.luo;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Optional;
import kverify.model.luo.LuoGeometry;
import kverify.model.luo.LuoV7Geometry;
import kverify.model.luo.image.ImageVersion;
import org.junit.jupiter.api.Test;

/** The named variants by version, kind, geometry and slug: what the runners look them up by. */
class LuoVariantCatalogTest {
    @Test
    void variantsByVersionAndKind() {
        assertThat(LuoVariant.of(LuoVersion.V1)).containsExactly(LuoVariant.AS_POSTED, LuoVariant.CORRECTED, LuoVariant.REVIEW_SUGGESTION);
        assertThat(LuoVariant.of(LuoVersion.V7)).containsExactly(LuoVariant.V7_AS_APPLIED, LuoVariant.V7_CORRECTED);
        assertThat(LuoVariant.of(LuoVersion.V7, VariantKind.CORRECTED)).isEqualTo(Optional.of(LuoVariant.V7_CORRECTED));
        assertThat(LuoVariant.of(LuoVersion.V1, VariantKind.CORRECTED)).isEqualTo(Optional.of(LuoVariant.CORRECTED));
        assertThat(LuoVariant.of(LuoVersion.V1, VariantKind.AS_APPLIED)).isEmpty();
        assertThat(LuoVariant.of(LuoVersion.V7, VariantKind.AS_POSTED)).isEmpty();
        assertThat(LuoVariant.V7_AS_APPLIED.kind()).isEqualTo(VariantKind.AS_APPLIED);
        assertThat(LuoVariant.REVIEW_SUGGESTION.kind()).isEqualTo(VariantKind.REVIEW_SUGGESTION);
        assertThat(LuoVariant.V7_AS_APPLIED.slug()).isEqualTo("v7-as-applied");
        assertThat(LuoVariant.AS_POSTED.slug()).isEqualTo("as-posted");
    }

    @Test
    void variantsByGeometry() {
        assertThat(LuoVariant.at(LuoGeometry.SMALL)).containsExactly(LuoVariant.AS_POSTED, LuoVariant.CORRECTED, LuoVariant.REVIEW_SUGGESTION);
        assertThat(LuoVariant.at(LuoV7Geometry.SMALL)).containsExactly(LuoVariant.V7_AS_APPLIED, LuoVariant.V7_CORRECTED);
        assertThat(LuoVersion.V7.fits(LuoGeometry.SMALL)).isFalse();
        assertThat(LuoVersion.V1.fits(LuoV7Geometry.UNIT)).isFalse();
        assertThat(LuoVersion.V1.fits(LuoGeometry.UNIT)).isTrue();
        assertThat(LuoVersion.V7.fits(LuoV7Geometry.REAL)).isTrue();
        assertThat(LuoVersion.V1.geometries()).isEqualTo(LuoGeometry.named());
        assertThat(LuoVersion.V7.geometries()).isEqualTo(LuoV7Geometry.named());
    }

    @Test
    void versionsByImageVersion() {
        assertThat(LuoVersion.of(ImageVersion.V1)).isEqualTo(LuoVersion.V1);
        assertThat(LuoVersion.of(ImageVersion.V7)).isEqualTo(LuoVersion.V7);
        assertThat(LuoVersion.V1.image()).isEqualTo(ImageVersion.V1);
        assertThat(LuoVersion.V7.image()).isEqualTo(ImageVersion.V7);
        assertThat(LuoVersion.V7.root()).isEqualTo(HandoverRoot.LUO_SUBTREE);
    }
}
