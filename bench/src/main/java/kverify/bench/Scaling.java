package kverify.bench;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Locale;
import java.util.function.Function;
import kverify.impl.luo.LuoImpl;
import kverify.impl.luo.LuoVariant;
import kverify.model.Outcome;
import kverify.model.luo.LuoGeometry;
import kverify.model.luo.LuoSystem;
import kverify.model.luo.RebootFault;
import kverify.model.luo.Uapi;
import kverify.model.luo.UserArg;
import kverify.model.luo.reference.LuoReference;
import org.apache.commons.math3.stat.regression.SimpleRegression;

/**
 * Part 2: the cost of n creates, and of deserializing n sessions (the first open of the next
 * kernel), for n from 1,000 to 100,000 at the real geometry, impl against the reference model.
 * The log-log slope (Commons Math SimpleRegression of ln time on ln n) is the growth exponent:
 * 1 is linear, 2 quadratic. Names and argument structs are built before the clock starts, so
 * only the system is timed.
 *
 * <p>The targets are timed at the system calls (open the device, one CREATE_SESSION ioctl per
 * name), as part 1 does. {@link LuoSystem#createSession} is also timed, apart and without a
 * target: it is trace format v1's user program, whose handle map (the model's {@code Process}, a
 * {@code TreeMap}) takes three O(log n) steps a create whichever system runs below it
 * (docs/benchmarks.md, "Part 2: what the slope measured").
 *
 * <p>The sizes are measured in {@link #ROUNDS} interleaved rounds (every size in every round), so
 * a burst of load on the shared machine spreads over the sizes instead of bending the fit at the
 * one size it lands on; each figure is the fastest GC-free trial over all rounds, and the slope of
 * each round alone is reported beside the fit as its run-to-run spread.
 */
final class Scaling {
    static final int[] SIZES = {1_000, 2_000, 5_000, 10_000, 20_000, 50_000, 100_000};
    static final int ROUNDS = 5;
    private static final String[] NAMES = names(SIZES[SIZES.length - 1]);
    private static final byte[][] ARGS = sessionArgs(NAMES);
    /** Timed trials during which a collection ran (excluded from the figures where possible). */
    private static int trialsWithGc;
    /** Figures for which every trial met a collection, so they include one. */
    private static int figuresAllWithGc;
    private static final String P = "2 scaling";

    private Scaling() {
    }

    /** The system under test: impl (AS_POSTED) or the reference model, booted at the real geometry. */
    private enum Subject {
        IMPL("impl", g -> LuoImpl.boot(LuoVariant.AS_POSTED, g)),
        MODEL("reference model", LuoReference::new);

        final String label;
        final Function<LuoGeometry, LuoSystem> boot;

        Subject(String label, Function<LuoGeometry, LuoSystem> boot) {
            this.label = label;
            this.boot = boot;
        }
    }

    /** What one trial times on a freshly booted system of n sessions. */
    private enum Measure {
        CREATE("create (system calls)", "target <= 1.1") {
            @Override
            Runnable prepare(LuoSystem s, int n) {
                return () -> createBySystemCalls(s, n);
            }
        },
        CREATE_TRACE_V1("create through trace v1's user program (LuoSystem.createSession)",
                "no target: includes the program's TreeMap of handles (3 O(log n) steps a create)") {
            @Override
            Runnable prepare(LuoSystem s, int n) {
                return () -> createByProgram(s, n);
            }
        },
        DESERIALIZE("deserialize (first open after the handover)", "target <= 1.1") {
            @Override
            Runnable prepare(LuoSystem s, int n) {
                createBySystemCalls(s, n);
                require(s.reboot(RebootFault.NONE), "reboot");
                require(s.setup(), "setup");
                return () -> require(s.open(), "open");
            }
        };

        final String label;
        final String target;

        Measure(String label, String target) {
            this.label = label;
            this.target = target;
        }

        /** Sets the system up for the trial and returns the region to time. */
        abstract Runnable prepare(LuoSystem s, int n);
    }

    /** Fastest trials of one (measure, subject) pair: per size over all rounds, and per round. */
    private static final class Series {
        final Measure measure;
        final Subject subject;
        final long[] bestGcFree = filled(SIZES.length);
        final long[] bestAny = filled(SIZES.length);
        final long[][] roundBest = new long[ROUNDS][SIZES.length];

        Series(Measure measure, Subject subject) {
            this.measure = measure;
            this.subject = subject;
        }

        /** The figure for size k: the fastest GC-free trial, or the fastest of all if every trial met a collection. */
        double nanos(int k) {
            return bestGcFree[k] != Long.MAX_VALUE ? bestGcFree[k] : bestAny[k];
        }

        SimpleRegression fit() {
            SimpleRegression r = new SimpleRegression();
            for (int k = 0; k < SIZES.length; k++) {
                r.addData(Math.log(SIZES[k]), Math.log(nanos(k)));
            }
            return r;
        }

        double[] roundSlopes() {
            double[] out = new double[ROUNDS];
            for (int round = 0; round < ROUNDS; round++) {
                SimpleRegression r = new SimpleRegression();
                for (int k = 0; k < SIZES.length; k++) {
                    r.addData(Math.log(SIZES[k]), Math.log(roundBest[round][k]));
                }
                out[round] = r.getSlope();
            }
            return out;
        }
    }

    static void run(Table t) {
        Series[] all = new Series[Measure.values().length * Subject.values().length];
        int i = 0;
        for (Measure m : Measure.values()) {
            for (Subject s : Subject.values()) {
                all[i++] = new Series(m, s);
            }
        }
        warmUp(all);
        trialsWithGc = 0;
        figuresAllWithGc = 0;
        for (int round = 0; round < ROUNDS; round++) {
            for (int k = 0; k < SIZES.length; k++) {
                for (Series s : all) {
                    measure(s, round, k, trialsPerRound(SIZES[k]));
                }
            }
        }
        for (int k = 0; k < SIZES.length; k++) {
            row(t, all, k);
        }
        for (Series s : all) {
            slope(t, s);
        }
        for (Series s : all) {
            for (int k = 0; k < SIZES.length; k++) {
                figuresAllWithGc += s.bestGcFree[k] == Long.MAX_VALUE ? 1 : 0;
            }
        }
        t.add(P, "timed trials during which a GC ran (not used when a GC-free trial existed)",
                String.valueOf(trialsWithGc), figuresAllWithGc + " of " + all.length * SIZES.length
                        + " figures had no GC-free trial (they include a collection)");
    }

    /** Trials per size and round: {@link #ROUNDS} times this is 25 at n <= 10,000 and 10 above. */
    private static int trialsPerRound(int n) {
        return Math.max(2, Math.min(5, 50_000 / n));
    }

    private static void row(Table t, Series[] all, int k) {
        int n = SIZES[k];
        StringBuilder figure = new StringBuilder();
        StringBuilder perOp = new StringBuilder();
        for (Measure m : Measure.values()) {
            double impl = find(all, m, Subject.IMPL).nanos(k);
            double model = find(all, m, Subject.MODEL).nanos(k);
            figure.append(figure.length() == 0 ? "" : "; ").append(Table.millis(impl / 1e6)).append(" / ")
                    .append(Table.millis(model / 1e6));
            perOp.append(perOp.length() == 0 ? "" : "; ").append(String.format(Locale.ROOT, "%s %s (%.0f vs %.0f ns/session)",
                    shortName(m), Table.ratio(impl / model), impl / n, model / n));
        }
        t.add(P, String.format(Locale.ROOT, "n=%,d: impl / model: create (system calls); create (trace v1 program); deserialize", n),
                figure.toString(), "impl/model: " + perOp + String.format(Locale.ROOT, "; fastest GC-free of %d trials in %d rounds",
                        trialsPerRound(n) * ROUNDS, ROUNDS));
    }

    private static String shortName(Measure m) {
        return switch (m) {
            case CREATE -> "create";
            case CREATE_TRACE_V1 -> "create (program)";
            case DESERIALIZE -> "deserialize";
        };
    }

    private static Series find(Series[] all, Measure m, Subject s) {
        for (Series x : all) {
            if (x.measure == m && x.subject == s) {
                return x;
            }
        }
        throw new IllegalArgumentException(m + " " + s);
    }

    private static void slope(Table t, Series s) {
        SimpleRegression r = s.fit();
        double[] rounds = s.roundSlopes();
        Arrays.sort(rounds);
        boolean target = s.subject == Subject.IMPL && s.measure.target.startsWith("target");
        String verdict = target ? (r.getSlope() <= 1.1 ? "; met" : "; MISSED") : "";
        String comparison = s.subject == Subject.IMPL ? s.measure.target
                : s.measure == Measure.CREATE_TRACE_V1 ? "no target"
                : "no target; the model's duplicate check is LinkedHashMap.containsKey (hash), not the kernel's linear strncmp scan";
        t.add(P, "log-log slope, " + s.measure.label + ", " + s.subject.label,
                String.format(Locale.ROOT, "%.3f (95%% CI +-%.3f, R^2 %.4f)", r.getSlope(), r.getSlopeConfidenceInterval(), r.getRSquare()),
                comparison + verdict + String.format(Locale.ROOT, "; each round alone: median %.3f, %.3f .. %.3f over %d rounds",
                        rounds[ROUNDS / 2], rounds[0], rounds[ROUNDS - 1], ROUNDS));
    }

    private static void warmUp(Series[] all) {
        for (int i = 0; i < 3; i++) {
            for (Series s : all) {
                trial(s, SIZES[SIZES.length - 1]);
            }
        }
    }

    private static void measure(Series s, int round, int k, int trials) {
        long best = Long.MAX_VALUE;
        for (int i = 0; i < trials; i++) {
            Trial r = trial(s, SIZES[k]);
            best = Math.min(best, r.nanos());
            s.bestAny[k] = Math.min(s.bestAny[k], r.nanos());
            if (r.gcFree()) {
                s.bestGcFree[k] = Math.min(s.bestGcFree[k], r.nanos());
            } else {
                trialsWithGc++;
            }
        }
        s.roundBest[round][k] = best;
    }

    /** One timed trial: its nanoseconds, and whether no collection ran while it was timed. */
    private record Trial(long nanos, boolean gcFree) {
    }

    /**
     * One timed trial on a freshly booted system, after a full collection: a trial of 100,000
     * sessions (about 20 MB) then normally runs without one. The caller keeps the fastest: noise
     * on a shared machine only ever adds time.
     */
    private static Trial trial(Series s, int n) {
        Runnable region = s.measure.prepare(s.subject.boot.apply(LuoGeometry.REAL), n);
        System.gc();
        long gc = HeapWatch.gcCountNow();
        long ns = Timing.time(region);
        return new Trial(ns, HeapWatch.gcCountNow() == gc);
    }

    /** open("/dev/liveupdate") and one CREATE_SESSION ioctl per name, the argument struct built before the clock. */
    private static void createBySystemCalls(LuoSystem s, int n) {
        Outcome<Integer> dev = s.open();
        require(dev, "open");
        int fd = dev.value();
        for (int i = 0; i < n; i++) {
            require(s.ioctl(fd, Uapi.CREATE_SESSION, new UserArg(ARGS[i], true)), NAMES[i]);
        }
    }

    /** The same sessions through {@link LuoSystem#createSession} (trace format v1's program: a handle per session). */
    private static void createByProgram(LuoSystem s, int n) {
        for (int i = 0; i < n; i++) {
            require(s.createSession(NAMES[i]), NAMES[i]);
        }
    }

    private static void require(Outcome<?> o, String what) {
        if (!o.isOk()) {
            throw new IllegalStateException(what + ": " + o);
        }
    }

    private static long[] filled(int n) {
        long[] a = new long[n];
        Arrays.fill(a, Long.MAX_VALUE);
        return a;
    }

    private static String[] names(int n) {
        String[] out = new String[n];
        for (int i = 0; i < n; i++) {
            out[i] = "session-" + i;
        }
        return out;
    }

    private static byte[][] sessionArgs(String[] names) {
        byte[][] out = new byte[names.length][];
        for (int i = 0; i < names.length; i++) {
            out[i] = Uapi.sessionArg(Uapi.SESSION_ARG_SIZE, names[i].getBytes(StandardCharsets.ISO_8859_1));
        }
        return out;
    }
}
