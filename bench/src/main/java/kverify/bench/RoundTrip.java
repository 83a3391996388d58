package kverify.bench;

import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import kverify.impl.luo.LuoImpl;
import kverify.impl.luo.LuoInvariants;
import kverify.impl.luo.LuoProbe;
import kverify.impl.luo.LuoVariant;
import kverify.impl.memory.PhysicalMemory;
import kverify.model.Errno;
import kverify.model.Outcome;
import kverify.model.luo.IoctlResult;
import kverify.model.luo.LuoGeometry;
import kverify.model.luo.Uapi;
import kverify.model.luo.UserArg;
import kverify.model.luo.RebootFault;

/**
 * Part 1: one full live update at the real geometry through the byte-level implementation:
 * 8,190,000 sessions created (and the next one refused with ENOSPC), reboot (serialize and kexec
 * handover), early setup, first open (deserialize), and every session retrieved by name. The
 * physical floor is writing the 10,000 session blocks (625 MiB), measured in the same JVM as a plain
 * sequential write into a byte[] and into a fresh simulated memory.
 *
 * <p>The user program is the system calls themselves: /dev/liveupdate opened once, then
 * CREATE_SESSION (and in the next kernel RETRIEVE_SESSION) on it, every session fd kept open as a
 * number (the fd table gives them out in order, so the program checks each against the expected
 * number instead of naming it). Trace format v1's named handles ({@code createSession(name)})
 * would add a map entry per session in the program's own {@link kverify.model.luo.Process}, which
 * is user space, not the kernel code measured here; part 3 of issue 12 replays through them.
 */
final class RoundTrip {
    private static final LuoGeometry G = LuoGeometry.REAL;
    private static final int BLOCK = G.sessionBlockBytes();
    private static final long FLOOR_BYTES = (long) G.maxBlocks() * BLOCK;
    private static final String P = "1 round trip";

    private RoundTrip() {
    }

    /** What one round trip measured: the two floors, phase seconds, heap, and CPU nanoseconds. */
    private record Measured(double floorArray, double floorSimulated, double[] phases, HeapWatch.Peak peak,
            long mainCpu, long processCpu, long liveAtEnd) {
        double total() {
            return phases[0] + phases[1] + phases[3] + phases[4] + phases[5] + phases[6];
        }
    }

    static void run(Table t, LuoVariant variant) {
        for (long i : new long[] {0, 9, 10, 1234567, G.maxSessions()}) {
            expect(Arrays.equals(sessionArg(i), Uapi.sessionArg(Uapi.SESSION_ARG_SIZE, ("s" + i).getBytes(StandardCharsets.US_ASCII))),
                    "the program's argument for s" + i + " is Uapi.sessionArg's");
        }
        double floorArray = plainWriteSeconds();
        double floorSimulated = simulatedWriteSeconds();
        System.gc();
        long processCpu = processCpuNanos();
        long mainCpu = ManagementFactory.getThreadMXBean().getCurrentThreadCpuTime();
        try (HeapWatch watch = new HeapWatch()) {
            LuoImpl[] kept = new LuoImpl[1];
            double[] phases = roundTrip(variant, kept);
            HeapWatch.Peak peak = watch.peak();
            long main = ManagementFactory.getThreadMXBean().getCurrentThreadCpuTime() - mainCpu;
            long process = processCpuNanos() - processCpu;
            System.gc();
            long live = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
            expect(kept[0] != null, "the system is kept until the live heap is measured");
            Measured m = new Measured(floorArray, floorSimulated, phases, peak, main, process, live);
            reportPhases(t, m, variant);
            reportResources(t, m);
        }
    }

    private static void reportPhases(Table t, Measured m, LuoVariant variant) {
        double[] ph = m.phases();
        t.add(P, "floor: sequential write of " + FLOOR_BYTES + " B into a byte[] (64 KiB arraycopy chunks)",
                Table.seconds(m.floorArray()), Table.rate(FLOOR_BYTES / m.floorArray()));
        t.add(P, "floor: the same bytes into a fresh simulated PhysicalMemory (pages allocated on write)",
                Table.seconds(m.floorSimulated()), Table.rate(FLOOR_BYTES / m.floorSimulated()));
        t.add(P, "boot + create 8,190,000 sessions (+1 refused with ENOSPC), " + variant, Table.seconds(ph[0] + ph[1]),
                String.format(Locale.ROOT, "%.0f ns/create; ", ph[1] * 1e9 / G.maxSessions()) + gc(0, 1));
        t.add(P, "reboot: serialize 8,190,000 entries into 10,000 blocks + kexec", Table.seconds(ph[3]), gc(3));
        t.add(P, "setup (walk 10,000 blocks)", Table.seconds(ph[4]), gc(4));
        t.add(P, "open: deserialize 8,190,000 sessions", Table.seconds(ph[5]), gc(5));
        t.add(P, "check: retrieve every session by name (+1 unknown: ENOENT), count = 8,190,000", Table.seconds(ph[6]), gc(6));
        double gc = roundTripGc();
        t.add(P, "round trip total (boot .. check)", Table.seconds(m.total()),
                "target <= 3 s: " + (m.total() <= 3 ? "met" : "MISSED") + "; " + Table.ratio(m.total() / m.floorArray())
                        + " the byte[] floor, " + Table.ratio(m.total() / m.floorSimulated()) + " the simulated-memory floor");
        t.add(P, "GC pauses in the round trip (boot .. check) / share of its wall time", Table.seconds(gc) + " / "
                + String.format(Locale.ROOT, "%.1f%%", 100 * gc / m.total()), "target < 10%: " + (gc < 0.1 * m.total() ? "met" : "MISSED"));
        t.add(P, "process CPU time of the round trip (boot .. check; all threads: code, collector, JIT)",
                Table.seconds(roundTripCpu()), "CPU-seconds of all threads: on an unshared 2-core machine the wall time is about this or less");
        t.add(P, "invariants (LuoInvariants, outgoing before reboot + incoming after open)", Table.seconds(ph[2] + ph[7]),
                "not in the total");
        t.add(P, "main thread per phase (create, serialize, deserialize, retrieve): CPU time / bytes allocated per session",
                String.format(Locale.ROOT, "%.2f / %.2f / %.2f / %.2f s", MAIN_CPU_SECONDS[1], MAIN_CPU_SECONDS[3], MAIN_CPU_SECONDS[5],
                        MAIN_CPU_SECONDS[6]),
                String.format(Locale.ROOT, "%.0f / %.0f / %.0f / %.0f B", perSession(1), perSession(3), perSession(5), perSession(6))
                        + "; CPU time of the code under test, and the garbage it leaves for the collector");
    }

    private static void reportResources(Table t, Measured m) {
        HeapWatch.Peak peak = m.peak();
        t.add(P, "peak heap (sampled every 1 ms / sum of pool peaks) over the round trip",
                Table.bytes(peak.sampledPeakUsed()) + " / " + Table.bytes(peak.sumOfPoolPeaks()),
                "max heap " + Table.bytes(peak.maxHeap()) + ", committed at most " + Table.bytes(peak.maxCommitted())
                        + "; target <= 1.5 GiB: " + (peak.sampledPeakUsed() <= 3L << 29 ? "met" : "MISSED") + " (sampled peak)");
        t.add(P, "live heap after a full collection at the end (the next kernel's sessions and the simulated memory)",
                Table.bytes(m.liveAtEnd()), "what the round trip keeps; the rest of the peak is garbage not yet collected");
        t.add(P, "garbage collection during the round trip (and its invariant checks)", peak.gcCount() + " collections",
                Table.seconds(peak.gcMillis() / 1e3) + " total GC pause time");
        t.add(P, "CPU time of the round trip (and its invariant checks): main thread / whole process",
                Table.seconds(m.mainCpu() / 1e9) + " / " + Table.seconds(m.processCpu() / 1e9),
                "main thread = the code under test, GC pauses excluded; the process adds the GC and JIT threads");
    }

    /** Seconds per phase: boot, create, outgoing invariants, reboot, setup, open, check, incoming invariants. */
    private static double[] roundTrip(LuoVariant variant, LuoImpl[] kept) {
        double[] s = new double[8];
        LuoImpl[] box = new LuoImpl[1];
        int[] device = new int[1];
        s[0] = sec(() -> box[0] = LuoImpl.boot(variant, G));
        LuoImpl impl = box[0];
        long n = G.maxSessions();
        s[1] = sec(() -> createAll(impl, open(impl), n));
        s[2] = sec(() -> requireNoViolations(impl, "outgoing"));
        expect(LuoProbe.outgoingBlocks(impl) == G.maxBlocks(), "nblocks=" + LuoProbe.outgoingBlocks(impl));
        s[3] = sec(() -> expect(impl.reboot(RebootFault.NONE).equals(Outcome.ok()), "reboot"));
        s[4] = sec(() -> expect(impl.setup().equals(Outcome.ok()), "setup"));
        s[5] = sec(() -> device[0] = open(impl));
        s[6] = sec(() -> checkAll(impl, device[0], n));
        s[7] = sec(() -> requireNoViolations(impl, "incoming"));
        kept[0] = impl;
        return s;
    }

    /** open("/dev/liveupdate"): the fd every session ioctl of the program goes through. */
    private static int open(LuoImpl impl) {
        Outcome<Integer> dev = impl.open();
        expect(dev.isOk(), "open /dev/liveupdate: " + dev);
        return dev.value();
    }

    /** The ioctl on the device with session i's name; its outcome's fd must be the next one in order. */
    private static Outcome<IoctlResult> sessionIoctl(LuoImpl impl, int device, long cmd, long i) {
        return impl.ioctl(device, cmd, new UserArg(sessionArg(i), true));
    }

    /** Uapi.sessionArg(SESSION_ARG_SIZE, "s" + i) written straight into the struct (the program's own cost kept small). */
    static byte[] sessionArg(long i) {
        byte[] arg = new byte[Uapi.SESSION_ARG_SIZE];
        arg[0] = (byte) Uapi.SESSION_ARG_SIZE;
        int at = Uapi.SESSION_ARG_SIZE - Uapi.NAME_LENGTH;
        arg[at] = 's';
        int digits = 1;
        for (long v = i; v >= 10; v /= 10) {
            digits++;
        }
        for (long v = i, d = digits; d > 0; d--, v /= 10) {
            arg[at + (int) d] = (byte) ('0' + v % 10);
        }
        return arg;
    }

    /**
     * The program's arguments for s0, s1, ... in turn, in one struct whose decimal digits count up
     * in place between the calls, as a program would reuse its struct: no division per digit, no
     * new array per call, and the calls read the struct itself ({@link UserArg#over}). Checked
     * against {@link #sessionArg} at every power of ten and at the end.
     */
    private static final class Args {
        private static final int DIGITS_AT = Uapi.SESSION_ARG_SIZE - Uapi.NAME_LENGTH + 1;
        private final byte[] arg = sessionArg(0);
        private final UserArg user = UserArg.over(arg, true);
        private int digits = 1;
        private long i;
        private long checkAt = 1;

        /** The argument for s(i). */
        UserArg current() {
            return user;
        }

        void next() {
            int d = DIGITS_AT + digits - 1;
            while (d >= DIGITS_AT && arg[d] == '9') {
                arg[d--] = '0';
            }
            if (d >= DIGITS_AT) {
                arg[d]++;
            } else {
                arg[DIGITS_AT] = '1';
                arg[DIGITS_AT + digits++] = '0';
            }
            if (++i == checkAt) {
                checkAt *= 10;
                check();
            }
        }

        void check() {
            expect(Arrays.equals(arg, sessionArg(i)), "the counted argument for s" + i + " is sessionArg's");
        }
    }

    private static void createAll(LuoImpl impl, int device, long n) {
        Args args = new Args();
        for (long i = 0; i < n; i++, args.next()) {
            Outcome<IoctlResult> o = impl.ioctl(device, Uapi.CREATE_SESSION, args.current());
            if (!o.isOk() || o.value().fd().getAsInt() != device + 1 + i) {
                throw new IllegalStateException("create s" + i + ": " + o);
            }
        }
        args.check();
        expect(impl.ioctl(device, Uapi.CREATE_SESSION, args.current()).equals(Outcome.err(Errno.ENOSPC)),
                "session " + (n + 1) + " refused with ENOSPC");
    }

    private static void checkAll(LuoImpl impl, int device, long n) {
        Args args = new Args();
        for (long i = 0; i < n; i++, args.next()) {
            Outcome<IoctlResult> o = impl.ioctl(device, Uapi.RETRIEVE_SESSION, args.current());
            if (!o.isOk() || o.value().fd().getAsInt() != device + 1 + i) {
                throw new IllegalStateException("retrieve s" + i + ": " + o);
            }
        }
        args.check();
        expect(sessionIoctl(impl, device, Uapi.RETRIEVE_SESSION, n).equals(Outcome.err(Errno.ENOENT)), "the refused session is unknown");
        expect(LuoProbe.incomingSessions(impl) == n, "incoming sessions=" + LuoProbe.incomingSessions(impl));
    }

    private static void requireNoViolations(LuoImpl impl, String when) {
        List<String> broken = LuoInvariants.check(impl);
        expect(broken.isEmpty(), when + " invariants: " + broken);
    }

    /** 64 KiB chunks into one touched byte[] of 655,360,000 bytes; median of 3 after one warm-up. */
    private static double plainWriteSeconds() {
        byte[] chunk = new byte[BLOCK];
        Arrays.fill(chunk, (byte) 0x5A);
        byte[] dst = new byte[(int) FLOOR_BYTES];
        return Timing.measure(1, 3, () -> Timing.time(() -> {
            for (int off = 0; off < dst.length; off += BLOCK) {
                System.arraycopy(chunk, 0, dst, off, BLOCK);
            }
        })).medianSeconds();
    }

    /** The same chunks, one per block address the allocator hands out, into a new PhysicalMemory each trial. */
    private static double simulatedWriteSeconds() {
        byte[] chunk = new byte[BLOCK];
        Arrays.fill(chunk, (byte) 0x5A);
        return Timing.measure(1, 3, () -> {
            PhysicalMemory m = PhysicalMemory.ofSize(LuoImpl.RAM_BYTES);
            return Timing.time(() -> {
                for (long b = 0; b < G.maxBlocks(); b++) {
                    m.write((1L << 20) + b * BLOCK, chunk, 0, BLOCK);
                }
            });
        }).medianSeconds();
    }

    private static final double[] GC_SECONDS = new double[8];
    private static final double[] CPU_SECONDS = new double[8];
    private static final double[] MAIN_CPU_SECONDS = new double[8];
    private static final long[] MAIN_ALLOCATED = new long[8];
    private static int phase;

    /** Wall seconds of one phase; its GC seconds go to GC_SECONDS in phase order. */
    private static long processCpuNanos() {
        return ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os
                ? os.getProcessCpuTime() : -1;
    }

    private static double sec(Runnable r) {
        long gc = HeapWatch.gcMillisNow();
        long cpu = processCpuNanos();
        long mainCpu = ManagementFactory.getThreadMXBean().getCurrentThreadCpuTime();
        long allocated = allocatedNow();
        double s = Timing.time(r) / 1e9;
        MAIN_ALLOCATED[phase % MAIN_ALLOCATED.length] = allocatedNow() - allocated;
        MAIN_CPU_SECONDS[phase % MAIN_CPU_SECONDS.length] = (ManagementFactory.getThreadMXBean().getCurrentThreadCpuTime() - mainCpu) / 1e9;
        CPU_SECONDS[phase % CPU_SECONDS.length] = (processCpuNanos() - cpu) / 1e9;
        GC_SECONDS[phase++ % GC_SECONDS.length] = (HeapWatch.gcMillisNow() - gc) / 1e3;
        return s;
    }

    /** Bytes the main thread allocated so far (-1 where the JVM does not count them). */
    private static long allocatedNow() {
        return ManagementFactory.getThreadMXBean() instanceof com.sun.management.ThreadMXBean t ? t.getCurrentThreadAllocatedBytes() : -1;
    }

    /** Bytes the main thread allocated in the phase, per session of the limit. */
    private static double perSession(int phase) {
        return (double) MAIN_ALLOCATED[phase] / G.maxSessions();
    }

    /** Process CPU seconds (all threads) of the round-trip phases, invariant checks left out. */
    private static double roundTripCpu() {
        return CPU_SECONDS[0] + CPU_SECONDS[1] + CPU_SECONDS[3] + CPU_SECONDS[4] + CPU_SECONDS[5] + CPU_SECONDS[6];
    }

    /** GC seconds of the round-trip phases, invariant checks left out. */
    private static double roundTripGc() {
        return GC_SECONDS[0] + GC_SECONDS[1] + GC_SECONDS[3] + GC_SECONDS[4] + GC_SECONDS[5] + GC_SECONDS[6];
    }

    private static String gc(int... phases) {
        double s = 0;
        for (int p : phases) {
            s += GC_SECONDS[p];
        }
        return String.format(Locale.ROOT, "of which GC %.2f s", s);
    }

    private static void expect(boolean ok, String what) {
        if (!ok) {
            throw new IllegalStateException("round trip check failed: " + what);
        }
    }
}
