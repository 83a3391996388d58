package kverify.bench;

import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;

/**
 * Peak heap over a scenario, from the platform MX beans: a daemon thread samples the heap in use
 * every millisecond (the sampled peak), each heap pool's own peak is reset at the start and summed
 * at the end (an upper bound: the pools need not peak together), and the collectors' counts and
 * times say how much of the wall time was garbage collection. Threads are fine here: this is the
 * benchmark harness, not model, impl or property code.
 */
final class HeapWatch implements AutoCloseable {
    private final MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
    private final Thread sampler;
    private final long gcCountAtStart;
    private final long gcMillisAtStart;
    private volatile boolean running = true;
    private volatile long sampledPeak;
    private volatile long maxCommitted;

    /** What one watch saw, in bytes and milliseconds. */
    record Peak(long sampledPeakUsed, long sumOfPoolPeaks, long maxCommitted, long maxHeap, long gcCount, long gcMillis) {
    }

    HeapWatch() {
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP) {
                pool.resetPeakUsage();
            }
        }
        gcCountAtStart = gcCount();
        gcMillisAtStart = gcMillis();
        sampler = new Thread(this::sample, "heap-watch");
        sampler.setDaemon(true);
        sampler.start();
    }

    private void sample() {
        while (running) {
            long used = memory.getHeapMemoryUsage().getUsed();
            long committed = memory.getHeapMemoryUsage().getCommitted();
            sampledPeak = Math.max(sampledPeak, used);
            maxCommitted = Math.max(maxCommitted, committed);
            try {
                Thread.sleep(1);
            } catch (InterruptedException e) {
                return;
            }
        }
    }

    Peak peak() {
        long pools = 0;
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP && pool.getPeakUsage() != null) {
                pools += pool.getPeakUsage().getUsed();
            }
        }
        return new Peak(sampledPeak, pools, maxCommitted, memory.getHeapMemoryUsage().getMax(),
                gcCount() - gcCountAtStart, gcMillis() - gcMillisAtStart);
    }

    @Override
    public void close() {
        running = false;
        sampler.interrupt();
    }

    /** Collections so far in this JVM, all collectors. */
    static long gcCountNow() {
        return gcCount();
    }

    /** Collector time so far in this JVM, all collectors, in milliseconds. */
    static long gcMillisNow() {
        return gcMillis();
    }

    private static long gcCount() {
        long n = 0;
        for (GarbageCollectorMXBean gc : ManagementFactory.getGarbageCollectorMXBeans()) {
            n += Math.max(0, gc.getCollectionCount());
        }
        return n;
    }

    private static long gcMillis() {
        long n = 0;
        for (GarbageCollectorMXBean gc : ManagementFactory.getGarbageCollectorMXBeans()) {
            n += Math.max(0, gc.getCollectionTime());
        }
        return n;
    }
}
