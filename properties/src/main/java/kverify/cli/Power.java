package kverify.cli;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import kverify.engine.Coverage;
import kverify.engine.Failure;
import kverify.engine.PropertyResult;
import kverify.engine.RunSettings;
import org.apache.commons.math3.stat.descriptive.rank.Median;
import org.apache.commons.math3.stat.interval.ConfidenceInterval;

/**
 * How strong the suite is: for one known finding, K independent runs (seeds 1..K) of its
 * property on a fixed budget; the share that detect it (with a 95% Wilson interval), the median
 * tries until detection, and the median shrunk length beside the minimal known length.
 */
final class Power {
    private Power() {
    }

    record Row(String property, String findingKey, int seeds, int detected, double lower, double upper,
            double medianTries, double medianShrunkLength, int minimalLength) {

        String render() {
            return String.format("%-44s %-44s %3d/%-3d [%5.1f%%, %5.1f%%] %8.1f %8.1f %6d", property, abbreviate(findingKey, 44),
                    detected, seeds, 100 * lower, 100 * upper, medianTries, medianShrunkLength, minimalLength);
        }
    }

    static String header() {
        return String.format("%-44s %-44s %7s %16s %8s %8s %6s", "property", "finding", "found", "95% Wilson", "med.try",
                "med.len", "min.len");
    }

    /** Runs the finding's property with seeds 1..k and measures detection of the finding's key. */
    static Row measure(CampaignEntry entry, String key, int minimalLength, int k, RunSettings base) {
        int detected = 0;
        List<Double> tries = new ArrayList<>();
        List<Double> lengths = new ArrayList<>();
        for (int seed = 1; seed <= k; seed++) {
            PropertyResult r = entry.property().run(base.withSeed(seed).collectingAllFailures());
            Optional<Failure> hit = r.failures().stream().filter(f -> f.key().equals(key)).findFirst();
            if (hit.isPresent()) {
                detected++;
                tries.add((double) hit.get().foundAtTry());
                lengths.add((double) Traces.length(hit.get()));
            }
        }
        ConfidenceInterval ci = Coverage.wilson(k, detected);
        return new Row(entry.property().name(), key, k, detected, ci.getLowerBound(), ci.getUpperBound(),
                median(tries), median(lengths), minimalLength);
    }

    private static double median(List<Double> values) {
        if (values.isEmpty()) {
            return Double.NaN;
        }
        return new Median().evaluate(values.stream().mapToDouble(Double::doubleValue).toArray());
    }

    static String abbreviate(String s, int max) {
        return s.length() <= max ? s : s.substring(0, max - 3) + "...";
    }
}
