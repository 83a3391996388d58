package kverify.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
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

    /**
     * Median and minimum of the measured trials, in nanoseconds; and the median of the main
     * thread's CPU time in the timed regions, or -1 unless every trial timed one region with
     * {@link #time} (on a shared machine the CPU time leaves out waiting for a core; it also
     * leaves out the collector's threads).
     */
    record Sample(long medianNanos, long minNanos, int trials, long medianCpuNanos) {
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

        /** Bytes per main-thread CPU-second at the CPU-time median, or -1 if it was not measured. */
        double cpuBandwidth(long bytes) {
            return medianCpuNanos < 0 ? -1 : bytes / (medianCpuNanos / 1e9);
        }
    }

    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();
    /** The main thread's CPU nanoseconds in the last region {@link #time} timed; -1 before one. */
    private static long lastRegionCpuNanos = -1;

    private Timing() {
    }

    static Sample measure(int warmups, int trials, Trial trial) {
        for (int i = 0; i < warmups; i++) {
            trial.nanos();
        }
        long[] t = new long[trials];
        long[] cpu = new long[trials];
        for (int i = 0; i < trials; i++) {
            lastRegionCpuNanos = -1;
            t[i] = trial.nanos();
            cpu[i] = lastRegionCpuNanos;
        }
        Arrays.sort(t);
        Arrays.sort(cpu);
        return new Sample(t[trials / 2], t[0], trials, cpu[0] < 0 ? -1 : cpu[trials / 2]);
    }

    /** Times a region that needs no setup. */
    static long time(Runnable region) {
        long cpuStart = THREADS.getCurrentThreadCpuTime();
        long start = System.nanoTime();
        region.run();
        long elapsed = System.nanoTime() - start;
        lastRegionCpuNanos = THREADS.getCurrentThreadCpuTime() - cpuStart;
        return elapsed;
    }
}
