package kverify.bench;

import java.util.Arrays;

/**
 * The scenario runner's clock: a trial sets itself up, times only the region it measures with
 * {@link System#nanoTime()} and returns the elapsed nanoseconds. Warm-up trials let the JIT
 * compile the code under test; the median of the measured trials is reported, with the minimum
 * beside it, because the machine is shared and a slow outlier says more about the neighbours
 * than about the code. JMH (see the *Benchmark classes) cross-checks the small cases.
 */
final class Timing {
    /** One timed trial: do any setup, time the measured region, return its nanoseconds. */
    @FunctionalInterface
    interface Trial {
        long nanos();
    }

    /** Median and minimum of the measured trials, in nanoseconds. */
    record Sample(long medianNanos, long minNanos, int trials) {
        double medianSeconds() {
            return medianNanos / 1e9;
        }

        double medianMillis() {
            return medianNanos / 1e6;
        }

        /** Bytes per second at the median. */
        double bandwidth(long bytes) {
            return bytes / medianSeconds();
        }
    }

    private Timing() {
    }

    static Sample measure(int warmups, int trials, Trial trial) {
        for (int i = 0; i < warmups; i++) {
            trial.nanos();
        }
        long[] t = new long[trials];
        for (int i = 0; i < trials; i++) {
            t[i] = trial.nanos();
        }
        Arrays.sort(t);
        return new Sample(t[trials / 2], t[0], trials);
    }

    /** Times a region that needs no setup. */
    static long time(Runnable region) {
        long start = System.nanoTime();
        region.run();
        return System.nanoTime() - start;
    }
}
