package kverify.properties.luo;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Set;
import java.util.function.Function;
import kverify.engine.Failure;
import kverify.engine.Property;
import kverify.engine.PropertyResult;
import kverify.engine.RunSettings;
import kverify.impl.luo.LuoVariant;
import kverify.model.luo.LuoGeometry;
import kverify.properties.NewFindingPolicy;

/**
 * A posted variant's run of a LUO property passes only if every divergence it finds is one a
 * checked-in finding reproduces; a new one is handled by {@link NewFindingPolicy} with its shrunk
 * case. Classifying a failure needs only its key, which the first failing case already has, so
 * the run does not shrink; a property with a new key is run again with the same seed and a
 * shrinking budget, so the report shows the shrunk case.
 */
final class KnownDivergences {
    /** A new divergence is shrunk for its report by a second run of the same seed. */
    private static final int REPORT_SHRINK = 2000;

    private KnownDivergences() {
    }

    static void check(LuoVariant v, List<LuoGeometry> geometries, Function<LuoGeometry, Property> property, String huntFamily) {
        check(v, geometries, property, huntFamily, LuoFindings.knownKeys(v));
    }

    static void check(LuoVariant v, List<LuoGeometry> geometries, Function<LuoGeometry, Property> property, String huntFamily,
            Set<String> known) {
        assertThat(known).as("findings reproduce at least one defect of " + v).isNotEmpty();
        RunSettings settings = RunSettings.fromSystemProperties().collectingAllFailures();
        for (LuoGeometry g : geometries) {
            PropertyResult r = property.apply(g).run(settings.withShrinkEvaluations(0));
            if (r.failures().stream().anyMatch(f -> !known.contains(f.key()))) {
                r = property.apply(g).run(settings.withSeed(r.seed()).withShrinkEvaluations(REPORT_SHRINK));
            }
            PropertyResult result = r;
            List<Failure> unknown = result.failures().stream().filter(f -> !known.contains(f.key())).toList();
            NewFindingPolicy.handle(result.property(), result.seed(), unknown, report(result, unknown, known, huntFamily));
            assertThat(result.tooManyDiscards()).isNull();
            assertThat(result.coverageFailures()).as(result.property() + " coverage (decided when no case failed)").isEmpty();
        }
    }

    private static String report(PropertyResult r, List<Failure> unknown, Set<String> known, String huntFamily) {
        StringBuilder sb = new StringBuilder(r.property() + " (seed " + r.seed() + ", " + r.tries()
                + " tries) found divergences no finding reproduces; known: " + known + "\n");
        for (Failure f : unknown) {
            sb.append("NEW: ").append(f.key()).append(" (").append(f.origin()).append(")\n");
            f.shrunkRendering().forEach(l -> sb.append("    ").append(l).append('\n'));
            sb.append(f.shrunkError().getMessage()).append('\n');
        }
        sb.append("Promote it: LuoHunt properties/src/test/resources/findings/luo ").append(r.tries()).append(' ')
                .append(r.seed()).append(" <VARIANT> <geometry> ").append(huntFamily).append(", then write its defect line.\n");
        return sb.toString();
    }
}
