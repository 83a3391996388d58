package kverify.properties.luo.corrupt;

import java.util.ArrayList;
import java.util.List;
import kverify.engine.Property;
import kverify.impl.luo.LuoVariant;

/**
 * Every corruption property for the campaign, named {@code luo-image.<kind>.<variant>}: one per
 * family of corruption kinds that applies to the variant's version (fdt on v1, root on v7),
 * "mixed" (one to three kinds from every family), and "roundtrip", each on as-posted, corrected,
 * review-suggestion, v7-as-applied and v7-corrected; and the cross-version handovers
 * ({@code luo-image.cross-version-v1-to-v7}, {@code -v7-to-v1}). The corrected variants and the
 * cross-version properties must pass; the others are expected to diverge, and their divergences
 * are the findings in docs/corruption.md.
 */
public final class CorruptionCatalog {
    private CorruptionCatalog() {
    }

    public static List<Property> properties() {
        List<Property> out = new ArrayList<>();
        for (LuoVariant v : Variants.all()) {
            for (Family f : Family.of(v.version().image())) {
                out.add(CorruptionProperties.family(f, v));
            }
            out.add(CorruptionProperties.mixed(v, c -> { }));
            out.add(RoundTripProperty.of(v));
        }
        out.addAll(CrossVersionProperty.all());
        return out;
    }
}
