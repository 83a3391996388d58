package kverify.properties.luo;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Set;
import kverify.properties.NewFindingPolicy;
import kverify.engine.Failure;
import kverify.engine.PropertyResult;
import kverify.engine.RunSettings;
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
    /** A new divergence is shrunk for its report by a second run of the same seed. */
    private static final int REPORT_SHRINK = 2000;

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

    /**
     * Classifying a failure needs only its key, which the first failing case already has, so
     * the run does not shrink; a property with a new key is run again with the same seed and a
     * shrinking budget, so the report shows the shrunk case.
     */
    private static void onlyKnownDivergences(LuoVariant v) {
        Set<String> known = LuoFindings.knownKeys(v);
        assertThat(known).as("findings reproduce at least one defect of " + v).isNotEmpty();
        RunSettings settings = RunSettings.fromSystemProperties().collectingAllFailures();
        for (LuoGeometry g : LuoGeometry.named()) {
            PropertyResult r = LuoEquivalence.property(v, g).run(settings.withShrinkEvaluations(0));
            if (r.failures().stream().anyMatch(f -> !known.contains(f.key()))) {
                r = LuoEquivalence.property(v, g).run(settings.withSeed(r.seed()).withShrinkEvaluations(REPORT_SHRINK));
            }
            PropertyResult result = r;
            List<Failure> unknown = result.failures().stream().filter(f -> !known.contains(f.key())).toList();
            NewFindingPolicy.handle(result.property(), result.seed(), unknown, newDivergenceReport(result, unknown, known));
            assertThat(result.tooManyDiscards()).isNull();
            assertThat(result.coverageFailures()).as(result.property() + " coverage (decided when no case failed)").isEmpty();
        }
    }

    private static String newDivergenceReport(PropertyResult r, List<Failure> unknown, Set<String> known) {
        StringBuilder sb = new StringBuilder(r.property() + " (seed " + r.seed() + ", " + r.tries()
                + " tries) found divergences no finding reproduces; known: " + known + "\n");
        for (Failure f : unknown) {
            sb.append("NEW: ").append(f.key()).append(" (").append(f.origin()).append(")\n");
            f.shrunkRendering().forEach(l -> sb.append("    ").append(l).append('\n'));
            sb.append(f.shrunkError().getMessage()).append('\n');
        }
        sb.append("Promote it: LuoHunt properties/src/test/resources/findings/luo ").append(r.tries()).append(' ')
                .append(r.seed()).append(" <VARIANT> <geometry>, then write its defect line.\n");
        return sb.toString();
    }
}
