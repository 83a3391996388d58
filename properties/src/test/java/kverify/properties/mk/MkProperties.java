package kverify.properties.mk;

import java.util.List;
import java.util.Set;
import kverify.engine.Property;
import kverify.impl.mk.MkVariant;
import org.junit.jupiter.api.Test;

/**
 * The multikernel properties of the default run. The model keeps its contract; CORRECTED agrees
 * with it on random sequences, every schedule, every flag combination and many images, with
 * coverage on the inputs that matter; the posted variants show no divergence beyond the
 * checked-in findings (a new one fails with the full report, ready to be checked in).
 */
class MkProperties {

    @Test
    void modelKeepsItsOwnContract() {
        MkCatalog.modelContract().check();
    }

    @Test
    void flagLegalityInTheModelDoesNotDependOnKexecJump() {
        MkCatalog.modelFlagLegality().check();
    }

    @Test
    void correctedAgreesWithTheModelAfterEveryStep() {
        MkCatalog.equivalence(MkVariant.CORRECTED, Set.of()).check();
    }

    @Test
    void correctedEndsLikeASerialOrderUnderEverySchedule() {
        MkCatalog.interleavings(MkVariant.CORRECTED, Set.of()).check();
    }

    @Test
    void correctedJudgesEveryFlagCombinationLikeTheModel() {
        MkCatalog.flags(MkVariant.CORRECTED, Set.of()).check();
    }

    @Test
    void correctedHoldsAndUnloadsManyImagesLikeTheModel() {
        MkCatalog.capacity(MkVariant.CORRECTED, Set.of()).check();
    }

    @Test
    void asPostedShowsOnlyItsKnownDivergences() {
        knownOnly(MkVariant.AS_POSTED).forEach(Property::check);
    }

    @Test
    void imageTrackingShowsOnlyItsKnownDivergences() {
        knownOnly(MkVariant.IMAGE_TRACKING).forEach(Property::check);
    }

    private static List<Property> knownOnly(MkVariant v) {
        Set<String> known = MkFindings.knownKeys(MkTestPaths.findings(), v);
        return List.of(MkCatalog.equivalence(v, known), MkCatalog.interleavings(v, known), MkCatalog.flags(v, known),
                MkCatalog.capacity(v, known));
    }
}
