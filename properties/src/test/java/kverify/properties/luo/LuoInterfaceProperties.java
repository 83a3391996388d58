package kverify.properties.luo;

import kverify.impl.luo.LuoVariant;
import kverify.model.luo.LuoGeometry;
import org.junit.jupiter.api.Test;

/**
 * The whole-interface property at the small geometries. CORRECTED must pass, with every coverage
 * requirement met. AS_POSTED and the review suggestion diverge: only in ways a checked-in finding
 * reproduces, else the new divergence is reported for promotion (LuoHunt ... interface).
 */
class LuoInterfaceProperties {

    @Test
    void correctedSmall() {
        LuoInterface.property(LuoVariant.CORRECTED, LuoGeometry.SMALL).check();
    }

    @Test
    void correctedUnit() {
        LuoInterface.property(LuoVariant.CORRECTED, LuoGeometry.UNIT).check();
    }

    @Test
    void asPostedDivergesOnlyInKnownWays() {
        KnownDivergences.check(LuoVariant.AS_POSTED, LuoCatalog.INTERFACE_GEOMETRIES, g -> LuoInterface.property(LuoVariant.AS_POSTED, g),
                "interface");
    }

    @Test
    void reviewSuggestionDivergesOnlyInKnownWays() {
        KnownDivergences.check(LuoVariant.REVIEW_SUGGESTION, LuoCatalog.INTERFACE_GEOMETRIES,
                g -> LuoInterface.property(LuoVariant.REVIEW_SUGGESTION, g), "interface");
    }
}
