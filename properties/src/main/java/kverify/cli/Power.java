package kverify.cli;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import kverify.engine.Coverage;
import kverify.engine.Failure;
import kverify.engine.PropertyResult;
import kverify.engine.RunSettings;
import org.apache.commons.math3.stat.descriptive.rank.Median;
import org.apache.commons.math3.stat.interval.ConfidenceInterval;

/**
 * How strong the suite is. A known finding is detected by a campaign run when any property of
 * its subsystem and variant (its scope: one defect shows through several properties, e.g. an
 * image corruption family and the mixed family) reports its key. Each of K independent seeds
 * (1..K) runs every property in scope once on the campaign's budget (base tries times the
 * subsystem's weight); per finding we report the share
 * of seeds that detect it with a 95% Wilson interval, the median tries until detection (the
 * earliest property to hit it), and the median shrunk length (the shortest any property in scope
 * reached) beside the checked-in length.
 */
final class Power {
    private Power() {
    }

    /** Findings of one defect under one subsystem and variant: several files may hold one key. */
    record Finding(String scope, String key, String property, int minimalLength) {
    }

    record Row(Finding finding, int seeds, int detected, double lower, double upper, double medianTries,
            double medianShrunkLength) {

        boolean meetsGoal() {
            return detected * 100 >= 95 * seeds;
        }

        String render() {
            return String.format("%-28s %-58s %3d/%-3d [%5.1f%%, %5.1f%%] %7.1f %7.1f %7d%s", finding.scope(),
                    abbreviate(finding.key(), 58), detected, seeds, 100 * lower, 100 * upper, medianTries,
                    medianShrunkLength, finding.minimalLength(), meetsGoal() ? "" : "  <95%");
        }
    }

    static String header() {
        return String.format("%-28s %-58s %7s %16s %7s %7s %7s", "scope (subsystem variant)", "finding (divergence key)",
                "found", "95% Wilson", "med.try", "med.len", "min.len");
    }

    static String scope(CampaignEntry e) {
        return e.subsystem() + " " + e.variant();
    }

    /** One row per distinct (scope, key) among the known findings whose property is in the catalog. */
    static List<Finding> findings(KnownFindings known, List<CampaignEntry> entries) {
        Map<String, Finding> out = new LinkedHashMap<>();
        for (KnownFindings.Known k : known.all()) {
            entries.stream().filter(e -> e.property().name().equals(k.property())).findFirst().ifPresent(e -> {
                Finding f = new Finding(scope(e), k.key(), k.property(), k.steps());
                out.merge(f.scope() + "\n" + f.key(), f,
                        (a, b) -> a.minimalLength() <= b.minimalLength() ? a : b);
            });
        }
        return new ArrayList<>(out.values());
    }

    static List<Row> measure(List<Finding> findings, List<CampaignEntry> entries, int k, RunSettings base, PrintStream err) {
        List<String> scopes = findings.stream().map(Finding::scope).distinct().toList();
        List<CampaignEntry> inScope = entries.stream().filter(e -> scopes.contains(scope(e))).toList();
        Map<Finding, List<Double>> tries = new LinkedHashMap<>();
        Map<Finding, List<Double>> lengths = new LinkedHashMap<>();
        findings.forEach(f -> {
            tries.put(f, new ArrayList<>());
            lengths.put(f, new ArrayList<>());
        });
        for (int seed = 1; seed <= k; seed++) {
            err.printf("power: seed %d of %d, %d properties%n", seed, k, inScope.size());
            Map<String, Integer> earliest = new LinkedHashMap<>();
            Map<String, Integer> shortest = new LinkedHashMap<>();
            for (CampaignEntry e : inScope) {
                PropertyResult r = e.property().run(Campaign.weighted(base, e).withSeed(seed).collectingAllFailures());
                for (Failure f : r.failures()) {
                    earliest.merge(scope(e) + "\n" + f.key(), f.foundAtTry(), Math::min);
                    shortest.merge(scope(e) + "\n" + f.key(), Traces.length(f), Math::min);
                }
            }
            for (Finding f : findings) {
                String id = f.scope() + "\n" + f.key();
                if (earliest.containsKey(id)) {
                    tries.get(f).add((double) earliest.get(id));
                    lengths.get(f).add((double) shortest.get(id));
                }
            }
        }
        List<Row> rows = new ArrayList<>();
        for (Finding f : findings) {
            int detected = tries.get(f).size();
            ConfidenceInterval ci = Coverage.wilson(k, detected);
            rows.add(new Row(f, k, detected, ci.getLowerBound(), ci.getUpperBound(), median(tries.get(f)),
                    median(lengths.get(f))));
        }
        return rows;
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
