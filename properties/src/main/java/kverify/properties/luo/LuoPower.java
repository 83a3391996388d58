package kverify.properties.luo;

import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.Stream;
import kverify.engine.Coverage;
import kverify.engine.Failure;
import kverify.engine.PropertyResult;
import kverify.engine.RunSettings;
import kverify.impl.luo.LuoVariant;
import kverify.model.luo.LuoGeometry;
import org.apache.commons.math3.stat.descriptive.rank.Median;
import org.apache.commons.math3.stat.interval.ConfidenceInterval;

/**
 * Detection power of the LUO equivalence properties: each selected property runs with seeds
 * 1..K at a fixed base budget (the property's own tries scale applies, as in {@code mvn test}),
 * and for every divergence key the checked-in findings reproduce on that variant it reports the
 * seeds that found it with a 95% Wilson interval, the median try of first detection, and the
 * median shrunk length (trace operations) beside the shortest checked-in trace with that key.
 * Keys no finding reproduces are listed as NEW. Usage:
 * <pre>
 * LuoPower FINDINGS_DIR K BASE_TRIES [VARIANT|all] [GEOMETRY|all]
 * </pre>
 */
public final class LuoPower {
    private LuoPower() {
    }

    /** One known key at one property: how many of the seeds found it, when, and how short. */
    record Row(String property, String key, int seeds, List<Integer> firstTries, List<Integer> lengths, int minimal) {

        String render() {
            ConfidenceInterval ci = Coverage.wilson(seeds, firstTries.size());
            return String.format("%-40s %-42s %3d/%-3d [%5.1f%%, %5.1f%%] %8.1f %7.1f %7d", property, key,
                    firstTries.size(), seeds, 100 * ci.getLowerBound(), 100 * ci.getUpperBound(), median(firstTries),
                    median(lengths), minimal);
        }
    }

    static String header() {
        return String.format("%-40s %-42s %7s %16s %8s %7s %7s", "property", "finding key", "found", "95% Wilson",
                "med.try", "med.len", "min.len");
    }

    public static void main(String[] args) {
        if (args.length < 3) {
            System.err.println("usage: LuoPower FINDINGS_DIR K BASE_TRIES [VARIANT|all] [GEOMETRY|all]");
            System.exit(2);
        }
        Path dir = Paths.get(args[0]);
        int k = Integer.parseInt(args[1]);
        int tries = Integer.parseInt(args[2]);
        String variant = args.length > 3 ? args[3] : "all";
        String geometry = args.length > 4 ? args[4] : "all";
        List<LuoTrace> findings = findings(dir);
        System.out.println(header());
        for (LuoVariant v : LuoVariant.values()) {
            for (LuoGeometry g : v.version().geometries()) {
                if ((variant.equals("all") || variant.equals(v.name())) && (geometry.equals("all") || geometry.equals(g.label()))) {
                    measure(v, g, k, tries, findings, System.out).forEach(r -> System.out.println(r.render()));
                }
            }
        }
    }

    /** Runs the property of (v, g) with seeds 1..k; one row per key a finding reproduces on v. */
    static List<Row> measure(LuoVariant v, LuoGeometry g, int k, int tries, List<LuoTrace> findings, PrintStream log) {
        Map<String, Integer> minimal = knownKeys(v, findings);
        Map<String, List<Integer>> firstTries = new TreeMap<>();
        Map<String, List<Integer>> lengths = new TreeMap<>();
        RunSettings base = RunSettings.fromSystemProperties().withTries(tries).withReplay(Optional.empty())
                .collectingAllFailures();
        String name = LuoEquivalence.name(v, g);
        for (int seed = 1; seed <= k; seed++) {
            PropertyResult r = LuoEquivalence.property(v, g).run(base.withSeed(seed));
            for (Failure f : r.failures()) {
                firstTries.computeIfAbsent(f.key(), x -> new ArrayList<>()).add(f.foundAtTry());
                lengths.computeIfAbsent(f.key(), x -> new ArrayList<>()).add(f.shrunkRendering().size());
                if (!minimal.containsKey(f.key())) {
                    log.printf("NEW %s seed %d try %d: %s%n", name, seed, f.foundAtTry(), f.key());
                }
            }
            if (!r.coverageFailures().isEmpty()) {
                log.printf("COVERAGE %s seed %d: %s%n", name, seed, r.coverageFailures());
            }
        }
        List<Row> rows = new ArrayList<>();
        minimal.forEach((key, len) -> rows.add(new Row(name, key, k, firstTries.getOrDefault(key, List.of()),
                lengths.getOrDefault(key, List.of()), len)));
        return rows;
    }

    /** Keys the findings reproduce on v, each with the shortest finding's number of operations. */
    static Map<String, Integer> knownKeys(LuoVariant v, List<LuoTrace> findings) {
        Map<String, Integer> out = new TreeMap<>();
        for (LuoTrace t : findings) {
            LuoDuel duel = new LuoDuel(v, t.geometry());
            for (LuoTrace.Step s : t.steps()) {
                LuoDuel.StepResult r = duel.step(s.op());
                if (!r.agrees()) {
                    out.merge(r.key(), t.steps().size(), Math::min);
                    break;
                }
            }
        }
        return out;
    }

    static List<LuoTrace> findings(Path dir) {
        try (Stream<Path> s = Files.list(dir)) {
            List<LuoTrace> out = new ArrayList<>();
            for (Path p : s.filter(x -> x.toString().endsWith(".trace")).sorted().toList()) {
                out.add(LuoTraceFormat.parse(p.toString(), Files.readString(p, StandardCharsets.UTF_8)));
            }
            return out;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static double median(List<Integer> values) {
        if (values.isEmpty()) {
            return Double.NaN;
        }
        return new Median().evaluate(values.stream().mapToDouble(Integer::doubleValue).toArray());
    }
}
