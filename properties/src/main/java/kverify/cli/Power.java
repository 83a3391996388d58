package kverify.cli;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import kverify.engine.Coverage;
import kverify.engine.RunSettings;
import org.apache.commons.math3.stat.descriptive.rank.Median;
import org.apache.commons.math3.stat.interval.ConfidenceInterval;

/**
 * How strong the suite is, per catalog entry. A campaign run detects an entry when any property
 * of one of its scopes (subsystem and variant of one of its keys) reports one of its keys. Each
 * of K seeds from the blind range runs every property of every scope once on the campaign's
 * budget (base tries times the subsystem's weight); per entry we report the share of seeds that
 * detect it with its 95% Wilson interval, the median try of the first detection and the median
 * shortest shrunk length, beside the shortest checked-in finding's length.
 *
 * <p>The blind range starts at {@link #BLIND_FIRST}: no generator was tuned on these seeds, and
 * none may be (docs/campaign.md); a rate measured on seeds used while tuning says little.
 */
final class Power {
    static final long BLIND_FIRST = 1_000_001L;
    static final long BLIND_LAST = 1_000_100L;

    private Power() {
    }

    record Row(Defect defect, int seeds, int detected, double lower, double upper, double medianTry, double medianLength,
            int checkedInLength) {

        boolean meetsGoal() {
            return detected * 100 >= 95 * seeds;
        }

        String render() {
            return String.format("%-11s %-22s %3d/%-3d [%5.1f%%, %5.1f%%] %8.1f %7.1f %7s%s", defect.id(), defect.classLabel(), detected,
                    seeds, 100 * lower, 100 * upper, medianTry, medianLength, checkedInLength < 0 ? "-" : String.valueOf(checkedInLength),
                    meetsGoal() ? "" : "  <95%");
        }
    }

    static String header() {
        return String.format("%-11s %-22s %7s %16s %8s %7s %7s", "id", "class", "found", "95% Wilson", "med.try", "med.len", "min.len");
    }

    /** One property's run on one blind seed. */
    record Task(CampaignEntry entry, long seed) {
        PowerOutcome run(RunSettings base) {
            return PowerOutcome.of(entry.property().run(Campaign.weighted(base, entry).withSeed(seed).collectingAllFailures()), seed);
        }

        String label() {
            return "seed " + seed + " " + entry.property().name();
        }
    }

    /**
     * The runs the power table of these properties needs on the first K blind seeds: seed by
     * seed, every property of a scope some catalog entry has keys on, in the given order.
     */
    static List<Task> tasks(DefectCatalog catalog, List<CampaignEntry> entries, int k) {
        if (k > BLIND_LAST - BLIND_FIRST + 1) {
            throw new UsageError("--power-seeds: at most " + (BLIND_LAST - BLIND_FIRST + 1) + " seeds (the blind range "
                    + BLIND_FIRST + ".." + BLIND_LAST + ")");
        }
        List<String> scopes = defectsInScope(catalog, entries).stream().flatMap(d -> d.scopes().stream()).distinct().toList();
        List<CampaignEntry> inScope = entries.stream().filter(e -> scopes.contains(scope(e))).toList();
        List<Task> out = new ArrayList<>();
        for (int i = 0; i < k; i++) {
            for (CampaignEntry e : inScope) {
                out.add(new Task(e, BLIND_FIRST + i));
            }
        }
        return out;
    }

    /** The power table for the entries in scope of these properties, from the runs {@link #tasks} lists. */
    static String table(DefectCatalog catalog, KnownFindings known, List<CampaignEntry> entries, int k, int baseTries,
            List<PowerOutcome> outcomes) {
        List<Row> rows = measure(catalog, known, entries, k, outcomes);
        StringBuilder sb = new StringBuilder(String.format("%nPower per catalog entry: %d blind seeds (%d..%d) at %d base tries times the"
                + " subsystem weights; detected = any of its keys found%n%s%n", k, BLIND_FIRST, BLIND_FIRST + k - 1, baseTries, header()));
        rows.forEach(r -> sb.append(r.render()).append('\n'));
        long met = rows.stream().filter(Row::meetsGoal).count();
        long defects = rows.stream().filter(r -> r.defect().kind().isDefect()).count();
        long defectsMet = rows.stream().filter(r -> r.defect().kind().isDefect() && r.meetsGoal()).count();
        sb.append(String.format("%d of %d entries (%d of %d defects of posted code or suggestions) detected by at least 95%% of the seeds%n",
                met, rows.size(), defectsMet, defects));
        return sb.toString();
    }

    private static List<Defect> defectsInScope(DefectCatalog catalog, List<CampaignEntry> entries) {
        List<String> scopesRun = entries.stream().map(Power::scope).distinct().toList();
        return catalog.all().stream().filter(d -> d.scopes().stream().anyMatch(scopesRun::contains))
                .sorted(CampaignFindings.GROUPS.thenComparing(DefectCatalog.ORDER)).toList();
    }

    static List<Row> measure(DefectCatalog catalog, KnownFindings known, List<CampaignEntry> entries, int k, List<PowerOutcome> outcomes) {
        List<Defect> defects = defectsInScope(catalog, entries);
        Map<Defect, List<Double>> tries = new LinkedHashMap<>();
        Map<Defect, List<Double>> lengths = new LinkedHashMap<>();
        defects.forEach(d -> {
            tries.put(d, new ArrayList<>());
            lengths.put(d, new ArrayList<>());
        });
        for (int i = 0; i < k; i++) {
            long seed = BLIND_FIRST + i;
            Map<Defect.Key, int[]> seen = seen(entries, outcomes.stream().filter(o -> o.seed() == seed).toList());
            for (Defect d : defects) {
                List<int[]> hits = d.keys().stream().filter(seen::containsKey).map(seen::get).toList();
                if (!hits.isEmpty()) {
                    tries.get(d).add((double) hits.stream().mapToInt(h -> h[0]).min().orElseThrow());
                    lengths.get(d).add((double) hits.stream().mapToInt(h -> h[1]).min().orElseThrow());
                }
            }
        }
        List<Row> rows = new ArrayList<>();
        for (Defect d : defects) {
            int detected = tries.get(d).size();
            ConfidenceInterval ci = Coverage.wilson(k, detected);
            rows.add(new Row(d, k, detected, ci.getLowerBound(), ci.getUpperBound(), median(tries.get(d)), median(lengths.get(d)),
                    Reproducers.of(d, catalog, known).map(KnownFindings.Known::steps).orElse(-1)));
        }
        return rows;
    }

    /** Per key found by one seed's runs: {earliest try, shortest shrunk length} over the properties of its scope. */
    private static Map<Defect.Key, int[]> seen(List<CampaignEntry> entries, List<PowerOutcome> runs) {
        Map<String, CampaignEntry> byName = new LinkedHashMap<>();
        entries.forEach(e -> byName.put(e.property().name(), e));
        Map<Defect.Key, int[]> seen = new LinkedHashMap<>();
        for (PowerOutcome r : runs) {
            CampaignEntry e = byName.get(r.property());
            for (PowerOutcome.Detection d : r.detections()) {
                seen.merge(new Defect.Key(e.subsystem(), e.variant(), d.key()), new int[] {d.firstTry(), d.length()},
                        (a, b) -> new int[] {Math.min(a[0], b[0]), Math.min(a[1], b[1])});
            }
        }
        return seen;
    }

    static String scope(CampaignEntry e) {
        return e.subsystem() + " " + e.variant();
    }

    private static double median(List<Double> values) {
        if (values.isEmpty()) {
            return Double.NaN;
        }
        return new Median().evaluate(values.stream().mapToDouble(Double::doubleValue).toArray());
    }
}
