package kverify.bench;

import java.lang.management.ClassLoadingMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import java.util.function.ToLongFunction;
import kverify.engine.EngineProbe;
import kverify.engine.Failure;
import kverify.engine.Property;
import kverify.engine.PropertyResult;
import kverify.engine.RunSettings;
import kverify.engine.Source;
import kverify.engine.TestCase;
import kverify.impl.luo.LuoVariant;
import kverify.impl.mk.MkVariant;
import kverify.model.luo.LuoGeometry;
import kverify.properties.luo.LuoEquivalence;
import kverify.properties.luo.corrupt.CorruptionProperties;
import kverify.properties.mk.MkCatalog;
import kverify.properties.mk.MkProbe;

/**
 * Part 3: how much checking a campaign second buys. A checked step is one operation applied to
 * the model and to the impl, outcomes and abstract states compared, and the impl's invariants
 * checked; each step is one trace line of the case, so steps = lines rendered. Cases come from
 * fixed seeds without shrinking; the shrinker is timed apart, per finding, on the first failures
 * those seeds produce. Corrupted images are counted through the corruption property's case sink.
 * Properties not yet on main are listed as not measured.
 */
final class PropertyThroughput {
    private static final long SEED = 20261121L;
    private static final int SHRINK_EVALUATIONS = 20_000;
    private static final int FINDINGS = 5;
    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

    private PropertyThroughput() {
    }

    static void run(Table t) {
        for (LuoGeometry g : LuoGeometry.named()) {
            for (LuoVariant v : List.of(LuoVariant.CORRECTED, LuoVariant.AS_POSTED)) {
                int cases = g.equals(LuoGeometry.REAL) ? 100 : 2_000;
                throughput(t, LuoEquivalence.name(v, g), src -> LuoEquivalence.runCase(src, v, g), cases, LUO_LINES);
            }
        }
        shrinking(t, LuoEquivalence.name(LuoVariant.AS_POSTED, LuoGeometry.SMALL),
                src -> LuoEquivalence.runCase(src, LuoVariant.AS_POSTED, LuoGeometry.SMALL));
        shrinking(t, LuoEquivalence.name(LuoVariant.REVIEW_SUGGESTION, LuoGeometry.UNIT),
                src -> LuoEquivalence.runCase(src, LuoVariant.REVIEW_SUGGESTION, LuoGeometry.UNIT));
        for (LuoVariant v : List.of(LuoVariant.CORRECTED, LuoVariant.AS_POSTED)) {
            images(t, v, 1_000);
        }
        imageShrinking(t, LuoVariant.AS_POSTED);
        for (MkVariant v : MkVariant.values()) {
            throughput(t, "mk.equivalence." + MkCatalog.slug(v), MkProbe.equivalence(v), 10_000, MK_LINES);
        }
        shrinking(t, "mk.equivalence." + MkCatalog.slug(MkVariant.AS_POSTED), MkProbe.equivalence(MkVariant.AS_POSTED));
    }

    /** Where no regression files are: the runs below generate only. */
    private static final Path NO_REGRESSIONS = Path.of("bench", "target", "no-regressions");

    private static RunSettings settings(int tries, long seed, int shrinkEvaluations, boolean stopAtFirstFailure) {
        return new RunSettings(tries, seed, Optional.empty(), shrinkEvaluations, NO_REGRESSIONS, NO_REGRESSIONS,
                stopAtFirstFailure);
    }

    /**
     * Corrupted handover images checked per second: the mixed corruption property (a valid image
     * from random actions, one to three corruptions, the model's verdict, the variant's next kernel
     * booted on it, the contract check), run as a campaign would, failures not shrunk.
     */
    private static void images(Table t, LuoVariant v, int tries) {
        AtomicLong images = new AtomicLong();
        Property p = CorruptionProperties.mixed(v, c -> images.incrementAndGet());
        // Cold: the first quarter run of this property in the JVM (JIT and shared base-image cache
        // not yet warm); then warm-up runs on other seeds, as a campaign's earlier properties warm both.
        long warmStart = System.nanoTime();
        p.run(settings(tries / 4, SEED + 1, 0, false));
        double coldRate = images.get() / ((System.nanoTime() - warmStart) / 1e9);
        for (long warmSeed = SEED + 2; System.nanoTime() - warmStart < WARM_UP_NANOS; warmSeed++) {
            p.run(settings(tries / 4, warmSeed, 0, false));
        }
        images.set(0);
        long cpuStart = THREADS.getCurrentThreadCpuTime();
        long start = System.nanoTime();
        PropertyResult r = p.run(settings(tries, SEED, 0, false));
        double s = (System.nanoTime() - start) / 1e9;
        double cpu = (THREADS.getCurrentThreadCpuTime() - cpuStart) / 1e9;
        t.add("3 throughput", p.name() + ": " + r.validCases() + " cases after a 5 s warm-up on other seeds, failures not shrunk",
                Table.num(images.get() / s) + " corrupted images checked/s (" + Table.num(images.get() / cpu) + " per CPU-second)",
                r.failures().size() + " distinct failures (keys) found; cold (the first " + tries / 4 + " cases, before the warm-up): "
                        + Table.num(coldRate) + " images/s; target >= 10,000/s");
    }

    /**
     * The shrinker's time per finding on the corruption property: the same seed run to its first
     * failure twice, without shrinking and with the engine's default budget; the difference is
     * the shrink (generation up to the failure is identical).
     */
    private static void imageShrinking(Table t, LuoVariant v) {
        Property p = CorruptionProperties.mixed(v, c -> { });
        List<Long> nanos = new ArrayList<>();
        List<String> what = new ArrayList<>();
        for (long seed = SEED; seed < SEED + FINDINGS; seed++) {
            long seedNow = seed;
            long plain = Timing.time(() -> p.run(settings(2_000, seedNow, 0, true)));
            PropertyResult[] r = new PropertyResult[1];
            long shrunk = Timing.time(() -> r[0] = p.run(settings(2_000, seedNow, SHRINK_EVALUATIONS, true)));
            if (r[0].failures().isEmpty()) {
                continue;
            }
            Failure f = r[0].failures().get(0);
            nanos.add(Math.max(0, shrunk - plain));
            what.add(f.original().choices().length() + "->" + f.shrunkChoices().length() + " choices, " + f.shrinkEvaluations() + " ev.");
        }
        if (nanos.isEmpty()) {
            t.add("3 throughput", p.name() + ": shrinker", "no failure generated", FINDINGS + " seeds x 2,000 tries");
            return;
        }
        List<Long> sorted = new ArrayList<>(nanos);
        sorted.sort(null);
        t.add("3 throughput", p.name() + ": shrinker, " + nanos.size() + " findings (first failure of seeds "
                + SEED + ".." + (SEED + FINDINGS - 1) + ")", Table.millis(sorted.get(sorted.size() / 2) / 1e6) + " median per finding",
                "max " + Table.millis(sorted.get(sorted.size() - 1) / 1e6) + "; " + what);
    }

    /**
     * How a property's rendered lines count: checked steps (one per operation line; header lines
     * such as a machine description count 0) and single operations (a bulk line counts its size).
     */
    record Lines(ToLongFunction<String> steps, ToLongFunction<String> ops) {
    }

    /** LUO cases render one line per step; a create-sessions/close-sessions line is COUNT operations. */
    static final Lines LUO_LINES = new Lines(line -> 1, PropertyThroughput::singleOps);

    /** Multikernel cases render the variant and the machine first (not steps), then one line per operation. */
    static final Lines MK_LINES = new Lines(line -> MkProbe.isHeader(line) ? 0 : 1, line -> MkProbe.isHeader(line) ? 0 : 1);

    /**
     * Warm-up before a throughput row: cases are run until this much wall time has passed. The
     * first quarter of the row's case count is also timed on its own ("cold"): on two cores the
     * optimising JIT competes with the code for CPU, and multikernel cases (about four steps
     * each) finish a fixed case count before it is done, so a fixed count measured warm-up.
     */
    private static final long WARM_UP_NANOS = 5_000_000_000L;

    private static void throughput(Table t, String name, Consumer<Source> body, int cases, Lines lines) {
        SplittableRandom seeds = new SplittableRandom(SEED);
        Count cold = count(body, seeds, cases / 4, lines);
        long warmStart = System.nanoTime();
        while (System.nanoTime() - warmStart < WARM_UP_NANOS) {
            EngineProbe.randomCase(body, seeds.nextLong());
        }
        Count warm = count(body, seeds, cases, lines);
        t.add("3 throughput", name + ": " + cases + " generated cases after a 5 s warm-up, no shrinking",
                Table.num(warm.steps / warm.seconds) + " checked steps/s (" + Table.num(warm.steps / warm.cpuSeconds) + " per CPU-second)",
                String.format(Locale.ROOT, "%.0f cases/s, %.1f steps/case, %.0f single ops/s (bulk steps expanded), %d cases failed;"
                        + " cold (the first %d cases of the JVM's run of this row, before the warm-up): %s steps/s"
                        + " (%s per CPU-second), %d classes loaded;"
                        + " target >= 50,000 steps/s: %s", cases / warm.seconds, warm.steps / (double) cases, warm.ops / warm.seconds,
                        warm.failed, cases / 4, Table.num(cold.steps / cold.seconds), Table.num(cold.steps / cold.cpuSeconds),
                        cold.classesLoaded,
                        verdict(warm.steps / warm.seconds, warm.steps / warm.cpuSeconds)));
    }

    /**
     * What a row's cases cost; classesLoaded counts the classes the JVM loaded meanwhile (lambdas
     * and method handles included). A row whose cold window loads hundreds is the first in the JVM
     * to run its code (RFC v1's as posted, then v2's as posted, by the rows' order), and its cold
     * rate is mostly the interpreter and the compiler, not the variant.
     */
    private record Count(long steps, long ops, int failed, double seconds, double cpuSeconds, long classesLoaded) {
    }

    private static final ClassLoadingMXBean CLASSES = ManagementFactory.getClassLoadingMXBean();

    private static Count count(Consumer<Source> body, SplittableRandom seeds, int cases, Lines lines) {
        long steps = 0;
        long ops = 0;
        int failed = 0;
        long classesBefore = CLASSES.getTotalLoadedClassCount();
        long cpuStart = THREADS.getCurrentThreadCpuTime();
        long start = System.nanoTime();
        for (int i = 0; i < cases; i++) {
            TestCase tc = EngineProbe.randomCase(body, seeds.nextLong());
            steps += tc.rendering().stream().mapToLong(lines.steps()).sum();
            ops += tc.rendering().stream().mapToLong(lines.ops()).sum();
            failed += tc.failed() ? 1 : 0;
        }
        return new Count(steps, ops, failed, (System.nanoTime() - start) / 1e9, (THREADS.getCurrentThreadCpuTime() - cpuStart) / 1e9,
                CLASSES.getTotalLoadedClassCount() - classesBefore);
    }

    /** A bulk step (create-sessions PREFIX COUNT, close-sessions ...) stands for COUNT single operations. */
    private static long singleOps(String line) {
        String[] w = line.split(" ");
        return w[0].endsWith("-sessions") && w.length == 3 ? Long.parseLong(w[2]) : 1;
    }

    private static String verdict(double wall, double cpu) {
        if (wall >= 50_000) {
            return "met";
        }
        return cpu >= 50_000 ? "met per CPU-second, MISSED in wall time (shared machine)" : "MISSED";
    }

    /** Generates from fixed seeds until FINDINGS failures, shrinks each, reports the median shrink time. */
    private static void shrinking(Table t, String name, Consumer<Source> body) {
        SplittableRandom seeds = new SplittableRandom(SEED);
        List<Long> nanos = new ArrayList<>();
        List<String> sizes = new ArrayList<>();
        long evaluations = 0;
        for (int attempt = 0; attempt < 50_000 && nanos.size() < FINDINGS; attempt++) {
            TestCase tc = EngineProbe.randomCase(body, seeds.nextLong());
            if (!tc.failed()) {
                continue;
            }
            EngineProbe.Shrunk[] out = new EngineProbe.Shrunk[1];
            nanos.add(Timing.time(() -> out[0] = EngineProbe.shrink(body, tc, SHRINK_EVALUATIONS)));
            evaluations += out[0].evaluations();
            sizes.add(tc.rendering().size() + "->" + out[0].shrunk().rendering().size());
        }
        if (nanos.isEmpty()) {
            t.add("3 throughput", name + ": shrinker", "no failure generated", "in 50,000 cases from seed " + SEED);
            return;
        }
        List<Long> sorted = new ArrayList<>(nanos);
        sorted.sort(null);
        t.add("3 throughput", name + ": shrinker, " + nanos.size() + " findings",
                Table.millis(sorted.get(sorted.size() / 2) / 1e6) + " median per finding",
                String.format(Locale.ROOT, "max %s; %.0f evaluations per finding; trace lines %s",
                        Table.millis(sorted.get(sorted.size() - 1) / 1e6), evaluations / (double) nanos.size(), sizes));
    }
}
