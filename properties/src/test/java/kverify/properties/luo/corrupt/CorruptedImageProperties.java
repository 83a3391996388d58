package kverify.properties.luo.corrupt;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.TreeSet;
import kverify.properties.NewFindingPolicy;
import kverify.engine.Failure;
import kverify.engine.Property;
import kverify.engine.PropertyResult;
import kverify.engine.RunSettings;
import kverify.impl.luo.LuoVariant;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.api.Test;

/**
 * The corruption properties on the default budget. CORRECTED must pass every family, the mixed
 * property and the round trip, with every kind's coverage requirement met. As posted and the
 * review suggestion must diverge, and only in ways already checked in as findings: a key that is
 * not in findings/luo-images/ is a new divergence (harvest it, see docs/corruption.md). Those runs
 * do not shrink; they only classify.
 */
class CorruptedImageProperties {

    @ParameterizedTest
    @EnumSource(Family.class)
    void correctedKeepsTheContractOnEveryFamily(Family f) {
        CorruptionProperties.family(f, LuoVariant.CORRECTED).check();
    }

    @Test
    void correctedKeepsTheContractOnMixedCorruptions() {
        CorruptionProperties.mixed(LuoVariant.CORRECTED, c -> { }).check();
    }

    @ParameterizedTest
    @EnumSource(value = LuoVariant.class, names = {"AS_POSTED", "CORRECTED", "REVIEW_SUGGESTION"})
    void anImageWrittenFromAValidStateRoundTrips(LuoVariant v) {
        RoundTripProperty.of(v).check();
    }

    @ParameterizedTest
    @EnumSource(Family.class)
    void asPostedDivergesOnlyInKnownWays(Family f) {
        divergesOnlyInKnownWays(CorruptionProperties.family(f, LuoVariant.AS_POSTED), f != Family.FDT);
    }

    @ParameterizedTest
    @EnumSource(Family.class)
    void theReviewSuggestionDivergesOnlyInKnownWays(Family f) {
        divergesOnlyInKnownWays(CorruptionProperties.family(f, LuoVariant.REVIEW_SUGGESTION), f != Family.FDT);
    }

    @Test
    void mixedCorruptionsFindNothingNewOnAsPosted() {
        divergesOnlyInKnownWays(CorruptionProperties.mixed(LuoVariant.AS_POSTED, c -> { }), true);
    }

    private static void divergesOnlyInKnownWays(Property p, boolean mustDiverge) {
        RunSettings rs = RunSettings.fromSystemProperties().collectingAllFailures().withShrinkEvaluations(0);
        PropertyResult r = p.run(rs);
        TreeSet<String> known = FindingFiles.knownKeys();
        List<Failure> unknown = r.failures().stream().filter(f -> !known.contains(f.key())).toList();
        NewFindingPolicy.handle(p.name(), r.seed(), unknown, "not checked in under " + FindingFiles.dir()
                + "; harvest them with HarvestFindings:\n" + describe(unknown));
        if (mustDiverge) {
            assertThat(r.failures()).as(p.name() + " (seed " + r.seed() + ") found no divergence in " + r.validCases() + " cases")
                    .isNotEmpty();
        } else {
            assertThat(r.failures()).as(p.name() + ": as posted keeps the contract on this family").isEmpty();
        }
        assertThat(r.tooManyDiscards()).isNull();
    }

    private static String describe(List<Failure> failures) {
        StringBuilder sb = new StringBuilder();
        failures.forEach(f -> sb.append("  ").append(f.key()).append(" (").append(f.origin()).append(", choices ")
                .append(f.shrunkChoices().format()).append(")\n"));
        return sb.toString();
    }
}
