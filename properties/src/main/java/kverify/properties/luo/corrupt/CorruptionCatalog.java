package kverify.properties.luo.corrupt;

import java.util.ArrayList;
import java.util.List;
import kverify.engine.Property;
import kverify.impl.luo.LuoVariant;

/**
 * Every corruption property for the campaign, named {@code luo-image.<kind>.<variant>}: one per
 * family of corruption kinds, "mixed" (one to three kinds from every family), and "roundtrip",
 * each on as-posted, corrected and review-suggestion. Corrected must pass; the others are
 * expected to diverge, and their divergences are the findings in docs/corruption.md.
 */
public final class CorruptionCatalog {
    private CorruptionCatalog() {
    }

    public static List<Property> properties() {
        List<Property> out = new ArrayList<>();
        for (LuoVariant v : Variants.all()) {
            for (Family f : Family.values()) {
                out.add(CorruptionProperties.family(f, v));
            }
            out.add(CorruptionProperties.mixed(v, c -> { }));
            out.add(RoundTripProperty.of(v));
        }
        return out;
    }
}
