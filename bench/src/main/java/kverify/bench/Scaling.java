package kverify.bench;

import java.util.Locale;
import java.util.function.Function;
import java.util.function.Supplier;
import kverify.impl.luo.LuoImpl;
import kverify.impl.luo.LuoVariant;
import kverify.model.Outcome;
import kverify.model.luo.LuoGeometry;
import kverify.model.luo.LuoSystem;
import kverify.model.luo.RebootFault;
import kverify.model.luo.reference.LuoReference;
import org.apache.commons.math3.stat.regression.SimpleRegression;

/**
 * Part 2: the cost of n creates, and of deserializing n sessions (the first open of the next
 * kernel), for n from 1,000 to 100,000 at the real geometry, impl against the reference model.
 * The log-log slope (Commons Math SimpleRegression of ln time on ln n) is the growth exponent:
 * 1 is linear, 2 quadratic. Names are built before the clock starts, so only the system is timed.
 */
final class Scaling {
    static final int[] SIZES = {1_000, 2_000, 5_000, 10_000, 20_000, 50_000, 100_000};
    private static final String[] NAMES = names(SIZES[SIZES.length - 1]);
    /** Timed trials during which a collection ran (excluded from the figures where possible). */
    private static int trialsWithGc;
    /** Measurements in which every trial met a collection, so their figure includes one. */
    private static int measurementsAllWithGc;
    private static final String P = "2 scaling";

    private Scaling() {
    }

    /** The six log-log fits, filled one n at a time. */
    private record Fits(SimpleRegression implCreate, SimpleRegression modelCreate, SimpleRegression implOpen,
            SimpleRegression modelOpen, SimpleRegression implCreateSmall, SimpleRegression modelCreateSmall) {
        Fits() {
            this(new SimpleRegression(), new SimpleRegression(), new SimpleRegression(), new SimpleRegression(),
                    new SimpleRegression(), new SimpleRegression());
        }

        void add(int n, double ic, double mc, double io, double mo) {
            double x = Math.log(n);
            implCreate.addData(x, Math.log(ic));
            modelCreate.addData(x, Math.log(mc));
            implOpen.addData(x, Math.log(io));
            modelOpen.addData(x, Math.log(mo));
            if (n <= 20_000) {
                implCreateSmall.addData(x, Math.log(ic));
                modelCreateSmall.addData(x, Math.log(mc));
            }
        }
    }

    static void run(Table t) {
        Function<LuoGeometry, LuoSystem> impl = g -> LuoImpl.boot(LuoVariant.AS_POSTED, g);
        Function<LuoGeometry, LuoSystem> model = LuoReference::new;
        warmUp(impl, model);
        trialsWithGc = 0;
        measurementsAllWithGc = 0;
        Fits f = new Fits();
        for (int n : SIZES) {
            int trials = Math.max(7, Math.min(21, 200_000 / n));
            double ic = create(impl, n, trials);
            double mc = create(model, n, trials);
            double io = open(impl, n, trials);
            double mo = open(model, n, trials);
            f.add(n, ic, mc, io, mo);
            t.add(P, String.format(Locale.ROOT, "n=%,d: create impl / model; deserialize impl / model", n),
                    String.format(Locale.ROOT, "%s / %s; %s / %s", Table.millis(ic / 1e6), Table.millis(mc / 1e6),
                            Table.millis(io / 1e6), Table.millis(mo / 1e6)),
                    String.format(Locale.ROOT, "impl/model: create %s, deserialize %s; %.0f vs %.0f ns/create (fastest GC-free of %d)",
                            Table.ratio(ic / mc), Table.ratio(io / mo), ic / n, mc / n, trials));
        }
        report(t, f);
    }

    private static void report(Table t, Fits f) {
        slope(t, "create, impl", f.implCreate(), "target <= 1.1");
        slope(t, "create, reference model", f.modelCreate(),
                "the model's duplicate check is LinkedHashMap.containsKey (hash), not the kernel's linear strncmp scan");
        slope(t, "deserialize, impl", f.implOpen(), "target <= 1.1");
        slope(t, "deserialize, reference model", f.modelOpen(), "");
        slope(t, "create, impl, n <= 20,000 only", f.implCreateSmall(), "");
        slope(t, "create, reference model, n <= 20,000 only", f.modelCreateSmall(), "");
        t.add(P, "timed trials during which a GC ran (not used when a GC-free trial existed)",
                String.valueOf(trialsWithGc), measurementsAllWithGc + " of " + 4 * SIZES.length
                        + " measurements had no GC-free trial (their figure includes a collection)");
    }

    private static void slope(Table t, String what, SimpleRegression r, String comparison) {
        String verdict = comparison.startsWith("target") ? (r.getSlope() <= 1.1 ? "; met" : "; MISSED") : "";
        t.add(P, "log-log slope, " + what,
                String.format(Locale.ROOT, "%.3f (95%% CI +-%.3f, R^2 %.4f)", r.getSlope(), r.getSlopeConfidenceInterval(),
                        r.getRSquare()),
                comparison + verdict);
    }

    private static void warmUp(Function<LuoGeometry, LuoSystem> impl, Function<LuoGeometry, LuoSystem> model) {
        for (int i = 0; i < 3; i++) {
            create(impl, 100_000, 1);
            create(model, 100_000, 1);
            open(impl, 100_000, 1);
            open(model, 100_000, 1);
        }
    }

    /** Nanoseconds for n creates on a freshly booted system (see {@link #fastest}). */
    static double create(Function<LuoGeometry, LuoSystem> boot, int n, int trials) {
        return fastest(trials, () -> {
            LuoSystem s = boot.apply(LuoGeometry.REAL);
            return () -> createAll(s, n);
        });
    }

    /** Nanoseconds of the first open (deserialize) after n sessions were handed over. */
    static double open(Function<LuoGeometry, LuoSystem> boot, int n, int trials) {
        return fastest(trials, () -> {
            LuoSystem s = boot.apply(LuoGeometry.REAL);
            createAll(s, n);
            require(s.reboot(RebootFault.NONE), "reboot");
            require(s.setup(), "setup");
            return () -> require(s.openDevice(), "open");
        });
    }

    /**
     * The fastest trial in which no collection ran. Each trial starts after a full collection, so
     * a trial of 100,000 sessions (about 20 MB) normally runs without one; a trial that still met
     * a collection is not used unless all did (then the fastest of all, and the row says so). The
     * minimum, not the median: on a shared machine noise only ever adds time.
     */
    static double fastest(int trials, Supplier<Runnable> prepare) {
        long best = Long.MAX_VALUE;
        long bestAny = Long.MAX_VALUE;
        for (int i = 0; i < trials; i++) {
            Runnable region = prepare.get();
            System.gc();
            long gc = HeapWatch.gcCountNow();
            long ns = Timing.time(region);
            bestAny = Math.min(bestAny, ns);
            if (HeapWatch.gcCountNow() == gc) {
                best = Math.min(best, ns);
            } else {
                trialsWithGc++;
            }
        }
        if (best == Long.MAX_VALUE) {
            measurementsAllWithGc++;
            return bestAny;
        }
        return best;
    }

    private static void createAll(LuoSystem s, int n) {
        for (int i = 0; i < n; i++) {
            require(s.createSession(NAMES[i]), NAMES[i]);
        }
    }

    private static void require(Outcome<?> o, String what) {
        if (!o.equals(Outcome.ok())) {
            throw new IllegalStateException(what + ": " + o);
        }
    }

    private static String[] names(int n) {
        String[] out = new String[n];
        for (int i = 0; i < n; i++) {
            out[i] = "session-" + i;
        }
        return out;
    }
}
