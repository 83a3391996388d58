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
    @EnumSource(value = Family.class, names = "ROOT", mode = EnumSource.Mode.EXCLUDE)
    void correctedKeepsTheContractOnEveryFamily(Family f) {
        CorruptionProperties.family(f, LuoVariant.CORRECTED).check();
    }

    @ParameterizedTest
    @EnumSource(value = Family.class, names = "FDT", mode = EnumSource.Mode.EXCLUDE)
    void v7CorrectedKeepsTheContractOnEveryFamily(Family f) {
        CorruptionProperties.family(f, LuoVariant.V7_CORRECTED).check();
    }

    /**
     * The v7 limit family tests the limit, not v7's count check: a session chain grown to exactly
     * KHO_MAX_BLOCKS one-entry blocks is taken by the model and both v7 variants, one more block is
     * ENOSPC at setup for all three.
     */
    @Test
    void v7ChainsAtTheLimitAreTakenAndOneBlockMoreIsEnospc() {
        Property.named("luo-image-test.v7-limit").triesScale(0.2).body(s -> {
            BaseImages.Base base = s.draw(BaseImages.gen(kverify.model.luo.LuoV7Geometry.SMALL, Needs.NONE, LuoVariant.V7_CORRECTED));
            ImageMap m = new ImageMap(base.image());
            for (CorruptionKind k : List.of(CorruptionKind.CHAIN_AT_LIMIT, CorruptionKind.CHAIN_OVER_LIMIT)) {
                var img = s.draw(k.label(), k.generator(m, Target.SESSIONS)).apply(Corrupted.of(base.image())).image();
                var verdict = kverify.model.luo.reference.HandoverReference.decide(img);
                boolean over = k == CorruptionKind.CHAIN_OVER_LIMIT;
                if (over ? !verdict.setup().equals(kverify.model.Outcome.err(kverify.model.Errno.ENOSPC)) : !verdict.isAccepted()) {
                    throw new AssertionError(k.label() + ": model " + verdict.label());
                }
                for (LuoVariant v : List.of(LuoVariant.V7_AS_APPLIED, LuoVariant.V7_CORRECTED)) {
                    Observation o = ImageRun.run(img, v);
                    if (!o.setup().equals(verdict.setup()) || (!over && o.sessions().size() != verdict.sessions().size())) {
                        throw new AssertionError(k.label() + " on " + v + ": setup " + o.setup() + ", " + o.sessions().size()
                                + " sessions; model " + verdict.setup() + ", " + verdict.sessions().size());
                    }
                }
            }
        }).build().check();
    }

    @Test
    void v7CorrectedKeepsTheContractOnMixedCorruptions() {
        CorruptionProperties.mixed(LuoVariant.V7_CORRECTED, c -> { }).check();
    }

    /** Cross-version handover (docs/versions-luo.md 7.5): must pass in both directions. */
    @Test
    void aNextKernelOfTheOtherVersionTakesNothingFromTheHandover() {
        CrossVersionProperty.all().forEach(Property::check);
    }

    /**
     * The rows of docs/versions-luo.md 7.5 exactly: as kexec runs it, KHO refuses the other
     * version's root compatible and every next kernel boots with no incoming session; if KHO
     * matched, every next kernel refuses the other version's LUO root at setup with EINVAL.
     */
    @Test
    void theCrossVersionRowsAreRefusedByKhoOrByTheLuoRoot() {
        for (Property p : CrossVersionProperty.all()) {
            PropertyResult r = p.run(RunSettings.fromSystemProperties());
            assertThat(r.passed()).as(p.name()).isTrue();
            java.util.Map<String, Integer> rows = new java.util.TreeMap<>();
            r.labelCounts().forEach((label, n) -> {
                if (label.contains(": ")) {
                    rows.put(label, n);
                }
            });
            System.out.println(p.name() + " (seed " + r.seed() + ", " + r.validCases() + " cases): " + rows);
            assertThat(rows.keySet()).isNotEmpty().allSatisfy(label -> assertThat(label).endsWith(
                    label.contains("(" + CrossVersionProperty.REFUSED + ")") ? ": no incoming session" : ": setup EINVAL (panic)"));
            assertThat(rows.keySet()).anyMatch(l -> l.contains(CrossVersionProperty.REFUSED)).anyMatch(l -> l.contains(CrossVersionProperty.MATCHED));
        }
    }

    /**
     * v7 as applied must diverge on every family of its version, and only in checked-in ways (the
     * v7 findings: docs/corruption.md, "Corruption kinds by version"). On count and limit only its
     * half-restored rejection shows (LUO-IMG-6); on root its unchecked sessions_pa (LUO-IMG-1).
     */
    @ParameterizedTest
    @EnumSource(value = Family.class, names = "FDT", mode = EnumSource.Mode.EXCLUDE)
    void v7AsAppliedDivergesOnlyInKnownWays(Family f) {
        divergesOnlyInKnownWays(CorruptionProperties.family(f, LuoVariant.V7_AS_APPLIED), true);
    }

    @Test
    void mixedCorruptionsFindNothingNewOnV7AsApplied() {
        divergesOnlyInKnownWays(CorruptionProperties.mixed(LuoVariant.V7_AS_APPLIED, c -> { }), true);
    }

    @Test
    void correctedKeepsTheContractOnMixedCorruptions() {
        CorruptionProperties.mixed(LuoVariant.CORRECTED, c -> { }).check();
    }

    @ParameterizedTest
    @EnumSource(LuoVariant.class)
    void anImageWrittenFromAValidStateRoundTrips(LuoVariant v) {
        RoundTripProperty.of(v).check();
    }

    @ParameterizedTest
    @EnumSource(value = Family.class, names = "ROOT", mode = EnumSource.Mode.EXCLUDE)
    void asPostedDivergesOnlyInKnownWays(Family f) {
        divergesOnlyInKnownWays(CorruptionProperties.family(f, LuoVariant.AS_POSTED), f != Family.FDT);
    }

    @ParameterizedTest
    @EnumSource(value = Family.class, names = "ROOT", mode = EnumSource.Mode.EXCLUDE)
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
