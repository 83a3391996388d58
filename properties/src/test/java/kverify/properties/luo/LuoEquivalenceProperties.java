package kverify.properties.luo;

import kverify.impl.luo.LuoVariant;
import kverify.model.luo.LuoGeometry;
import org.junit.jupiter.api.Test;

/**
 * The equivalence property at every geometry. CORRECTED must pass. AS_POSTED and the review
 * suggestion are known to diverge: their runs pass only if every divergence found is one a
 * checked-in finding already reproduces; a new one fails with its shrunk case so it can be
 * promoted to a finding (LuoHunt writes the trace).
 */
class LuoEquivalenceProperties {
    @Test
    void correctedSmall() {
        LuoEquivalence.property(LuoVariant.CORRECTED, LuoGeometry.SMALL).check();
    }

    @Test
    void correctedUnit() {
        LuoEquivalence.property(LuoVariant.CORRECTED, LuoGeometry.UNIT).check();
    }

    @Test
    void correctedReal() {
        LuoEquivalence.property(LuoVariant.CORRECTED, LuoGeometry.REAL).check();
    }

    @Test
    void asPostedDivergesOnlyInKnownWays() {
        onlyKnownDivergences(LuoVariant.AS_POSTED);
    }

    @Test
    void reviewSuggestionDivergesOnlyInKnownWays() {
        onlyKnownDivergences(LuoVariant.REVIEW_SUGGESTION);
    }

    private static void onlyKnownDivergences(LuoVariant v) {
        KnownDivergences.check(v, LuoGeometry.named(), g -> LuoEquivalence.property(v, g), "equivalence");
    }
}
