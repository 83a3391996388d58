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
import java.util.Optional;
import java.util.TreeMap;
import kverify.engine.Failure;
import kverify.engine.Property;
import kverify.engine.PropertyResult;
import kverify.engine.RunSettings;
import kverify.impl.luo.LuoVariant;
import kverify.model.luo.LuoGeometry;

/**
 * Runs LUO equivalence properties generatively, collecting every distinct failure, and writes
 * each one's shrunk case as a trace file (header, provenance comments, the shrunk operations).
 * The trace body is the engine's shrunk rendering, parsed back to validate it; nothing is
 * written by hand. Usage:
 * <pre>
 * LuoHunt OUT_DIR TRIES SEED[,SEED...] [VARIANT|all] [GEOMETRY|all] [equivalence|interface|faults|concurrent]
 * </pre>
 * The family is the equivalence property (trace format v1, the default), the whole-interface one
 * (v2), or the fault space (v2, issue 15).
 */
public final class LuoHunt {
    private LuoHunt() {
    }

    public static void main(String[] args) {
        if (args.length < 3) {
            System.err.println("usage: LuoHunt OUT_DIR TRIES SEED[,SEED...] [VARIANT|all] [GEOMETRY|all] [equivalence|interface|faults|concurrent]");
            System.exit(2);
        }
        Path out = Paths.get(args[0]);
        int tries = Integer.parseInt(args[1]);
        String variant = args.length > 3 ? args[3] : "all";
        String geometry = args.length > 4 ? args[4] : "all";
        String family = args.length > 5 ? args[5] : "equivalence";
        boolean iface = !family.equals("equivalence");
        for (String seed : args[2].split(",")) {
            for (LuoVariant v : LuoVariant.values()) {
                for (LuoGeometry g : v.version().geometries()) {
                    if ((variant.equals("all") || variant.equals(v.name())) && (geometry.equals("all") || geometry.equals(g.label()))) {
                        Property p = family.equals("concurrent") ? LuoConcurrency.property(v, g)
                                : family.equals("faults") ? LuoFaultSpace.property(v, g)
                                : iface ? LuoInterface.property(v, g) : LuoEquivalence.property(v, g);
                        hunt(p, iface ? 2 : 1, v, g, tries,
                                Long.parseLong(seed.trim()), out, System.out);
                    }
                }
            }
        }
    }

    static void hunt(LuoVariant v, LuoGeometry g, int tries, long seed, Path out, PrintStream log) {
        hunt(LuoEquivalence.property(v, g), 1, v, g, tries, seed, out, log);
    }

    static void hunt(Property p, int version, LuoVariant v, LuoGeometry g, int tries, long seed, Path out, PrintStream log) {
        RunSettings settings = RunSettings.fromSystemProperties().withTries(tries).withSeed(seed)
                .withReplay(Optional.empty()).collectingAllFailures();
        PropertyResult r = p.run(settings);
        log.printf("%s seed=%d tries=%d valid=%d discarded=%d failures=%d%n", p.name(), seed, r.tries(), r.validCases(),
                r.discarded(), r.failures().size());
        new TreeMap<>(r.labelCounts()).forEach((label, n) -> log.printf("    label %-50s %d%n", label, n));
        r.coverage().forEach(c -> log.println("    coverage " + c));
        for (Failure f : r.failures()) {
            log.printf("  FAILURE key=%s%n    found by %s, %d occurrences, %d shrink evaluations%n", f.key(), f.origin(),
                    f.occurrences(), f.shrinkEvaluations());
            f.shrunkRendering().forEach(l -> log.println("      " + l));
            Path written = write(out, version, v, g, p.name(), seed, r.tries(), tries, f);
            log.println("    trace: " + (written == null ? "(not written: a trace with this key exists)" : written));
        }
    }

    /** Writes the finding unless a trace with the same "# key:" is already in the directory. */
    static Path write(Path dir, int version, LuoVariant v, LuoGeometry g, String property, long seed, int tries, int requestedTries,
            Failure f) {
        Path file = dir.resolve(slug(f.key()) + ".trace");
        if (Files.exists(file) || hasKey(dir, f.key())) {
            return null;
        }
        List<String> comments = new ArrayList<>();
        comments.add("defect: TODO one-line explanation");
        comments.add("key: " + f.key());
        comments.add("found by: property " + property + ", " + f.origin() + ", seed " + seed + ", tries " + tries);
        comments.add("shrunk in " + f.shrinkEvaluations() + " evaluations; " + f.occurrences() + " generated cases hit this key");
        comments.add("reproduce the search: LuoHunt DIR " + requestedTries + " " + seed + " " + v.name() + " " + g.label()
                + (property.startsWith(LuoConcurrency.NAME_PREFIX) ? " concurrent"
                        : property.startsWith(LuoFaultSpace.NAME_PREFIX) ? " faults" : version == 2 ? " interface" : ""));
        String body = String.join("\n", f.shrunkRendering());
        String header = (version == 2 ? LuoTraceFormat.MAGIC_V2 : LuoTraceFormat.MAGIC) + "\nvariant: " + v.name() + "\ngeometry: "
                + g.label() + "\n";
        LuoTrace parsed = LuoTraceFormat.parse(file.toString(), header + body + "\n");
        String text = LuoTraceFormat.print(new LuoTrace(parsed.version(), parsed.variant(), parsed.geometry(), comments, parsed.steps()));
        try {
            Files.createDirectories(dir);
            Files.writeString(file, text, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return file;
    }

    private static boolean hasKey(Path dir, String key) {
        if (!Files.isDirectory(dir)) {
            return false;
        }
        try (java.util.stream.Stream<Path> files = Files.list(dir)) {
            for (Path p : files.filter(x -> x.toString().endsWith(".trace")).toList()) {
                if (Files.readAllLines(p, StandardCharsets.UTF_8).contains("# key: " + key)) {
                    return true;
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return false;
    }

    static String slug(String key) {
        return kverify.engine.RegressionStore.words(key, 70);
    }
}
