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
    void theModelKeepsItsContractOnTheRfcV2Interface() {
        MkCatalog.modelContractV2().check();
    }

    @Test
    void v2CorrectedAgreesWithTheModelOnEveryProperty() {
        MkCatalog.of(MkVariant.V2_CORRECTED, Set.of()).forEach(Property::check);
    }

    @Test
    void v2AsPostedShowsOnlyItsKnownDivergences() {
        knownOnly(MkVariant.V2_AS_POSTED).forEach(MkProperties::checkReportingNewFindings);
    }

    @Test
    void asPostedShowsOnlyItsKnownDivergences() {
        knownOnly(MkVariant.AS_POSTED).forEach(MkProperties::checkReportingNewFindings);
    }

    @Test
    void imageTrackingShowsOnlyItsKnownDivergences() {
        knownOnly(MkVariant.IMAGE_TRACKING).forEach(MkProperties::checkReportingNewFindings);
    }

    /**
     * Known divergences are accepted inside these properties, so any failure left is a divergence
     * no finding reproduces (reported by NewFindingPolicy) or a coverage or discard problem
     * (which fails: the run would prove nothing).
     */
    private static void checkReportingNewFindings(Property p) {
        kverify.engine.PropertyResult r = p.run(kverify.engine.RunSettings.fromSystemProperties().collectingAllFailures());
        org.assertj.core.api.Assertions.assertThat(r.tooManyDiscards()).isNull();
        org.assertj.core.api.Assertions.assertThat(r.coverageFailures()).as(p.name() + " coverage").isEmpty();
        kverify.properties.NewFindingPolicy.handle(p.name(), r.seed(), r.failures(),
                "promote with MkFindingsExportTest (see docs/multikernel.md)");
    }

    private static List<Property> knownOnly(MkVariant v) {
        Set<String> known = MkFindings.knownKeys(MkTestPaths.findings(), v);
        return MkCatalog.of(v, known);
    }
}
