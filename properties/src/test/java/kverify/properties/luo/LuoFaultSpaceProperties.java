package kverify.properties.luo;

import kverify.impl.luo.LuoVariant;
import kverify.model.luo.LuoGeometry;
import org.junit.jupiter.api.Test;

/**
 * The fault-space property (allocation failures, reboots that return) at the small geometries.
 * CORRECTED must pass with every coverage requirement met; the posted variants may diverge only
 * in ways a checked-in finding reproduces.
 */
class LuoFaultSpaceProperties {

    @Test
    void correctedSmall() {
        LuoFaultSpace.property(LuoVariant.CORRECTED, LuoGeometry.SMALL).check();
    }

    @Test
    void correctedUnit() {
        LuoFaultSpace.property(LuoVariant.CORRECTED, LuoGeometry.UNIT).check();
    }

    @Test
    void asPostedDivergesOnlyInKnownWays() {
        KnownDivergences.check(LuoVariant.AS_POSTED, LuoCatalog.INTERFACE_GEOMETRIES, g -> LuoFaultSpace.property(LuoVariant.AS_POSTED, g),
                "faults");
    }

    @Test
    void reviewSuggestionDivergesOnlyInKnownWays() {
        KnownDivergences.check(LuoVariant.REVIEW_SUGGESTION, LuoCatalog.INTERFACE_GEOMETRIES,
                g -> LuoFaultSpace.property(LuoVariant.REVIEW_SUGGESTION, g), "faults");
    }
}
