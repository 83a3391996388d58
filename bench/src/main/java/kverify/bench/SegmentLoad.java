package kverify.bench;

import java.util.List;
import java.util.Locale;
import kverify.impl.memory.PhysicalMemory;
import kverify.impl.memory.RamRange;
import kverify.impl.mk.MkImplKernel;
import kverify.impl.mk.MkVariant;
import kverify.impl.mk.SegmentProbe;
import kverify.model.mk.Call;
import kverify.model.mk.Cpu;
import kverify.model.mk.Machine;
import kverify.model.mk.MkConst;
import kverify.model.mk.MkKernel;
import kverify.model.mk.MkOp;
import kverify.model.mk.PhysRange;
import kverify.model.mk.Segment;
import kverify.model.mk.UserBuffer;
import kverify.model.mk.reference.ReferenceMk;

/**
 * Part 4: loading one 64 MiB multikernel segment. The whole kexec_load through the impl (bulk
 * copy) and through the reference model (the RFC's page-by-page loop, byte by byte), against
 * System.arraycopy of the same 64 MiB between two byte arrays; plus the stages of the impl's copy
 * (reading the simulated user buffer, writing into simulated memory) so a gap can be located.
 */
final class SegmentLoad {
    static final int SIZE = 64 << 20;
    static final long MK_BASE = 256L << 20;
    static final UserBuffer BUFFER = new UserBuffer(7, UserBuffer.NO_FAULT);
    static final Segment SEGMENT = new Segment(MK_BASE, SIZE, SIZE, BUFFER);
    private static final String P = "4 segment load";
    private static final int PAGE = (int) MkConst.PAGE_SIZE;
    static final MkOp.KexecLoad LOAD = new MkOp.KexecLoad(MK_BASE, List.of(SEGMENT), MkConst.KEXEC_MULTIKERNEL);

    private SegmentLoad() {
    }

    /**
     * Two CPUs (one online), 1 GiB of RAM with the running kernel at 1-2 MiB and 256 MiB reserved
     * for multikernel images at 256 MiB, so a 64 MiB segment passes every check of every variant.
     */
    static Machine machine() {
        return new Machine(2, 8, MkConst.XAPIC_MAX_APIC_ID,
                List.of(new Cpu(0, true, true, true, 0), new Cpu(1, true, false, true, 0)),
                List.of(new PhysRange(0, 1L << 30)), List.of(new PhysRange(MK_BASE, 2 * MK_BASE)),
                List.of(new PhysRange(1L << 20, 2L << 20)), new PhysRange(0, 0),
                new Machine.Config(true, true), new Machine.Caller(true, true, false, -1, -1));
    }

    static void run(Table t) {
        Machine m = machine();
        checkSameBytes(m);
        byte[] src = SegmentProbe.userBytes(BUFFER, SIZE);
        byte[] dst = new byte[SIZE];
        // The reference is the fastest of three arraycopy measurements (whole array twice, and in
        // page-sized chunks as PhysicalMemory copies), so a slow first measurement cannot flatter the impl.
        Timing.Sample whole = Timing.measure(3, 11, () -> Timing.time(() -> System.arraycopy(src, 0, dst, 0, SIZE)));
        Timing.Sample chunks = Timing.measure(3, 11, () -> Timing.time(() -> {
            for (int off = 0; off < SIZE; off += PAGE) {
                System.arraycopy(src, off, dst, off, PAGE);
            }
        }));
        Timing.Sample again = Timing.measure(3, 11, () -> Timing.time(() -> System.arraycopy(src, 0, dst, 0, SIZE)));
        double wallBase = Math.max(whole.bandwidth(SIZE), Math.max(chunks.bandwidth(SIZE), again.bandwidth(SIZE)));
        double cpuBase = Math.max(whole.cpuBandwidth(SIZE), Math.max(chunks.cpuBandwidth(SIZE), again.cpuBandwidth(SIZE)));
        Base base = new Base(wallBase, cpuBase);
        t.add(P, "System.arraycopy 64 MiB, byte[] to byte[] (destination touched): whole, 4 KiB chunks, whole again",
                Table.millis(whole.medianMillis()) + ", " + Table.millis(chunks.medianMillis()) + ", " + Table.millis(again.medianMillis()),
                Table.rate(wallBase) + " (the fastest) = 1.00, the reference bandwidth (per main-thread CPU-second "
                        + Table.rate(cpuBase) + ")");
        row(t, "System.arraycopy 64 MiB into a newly allocated byte[]", base, "",
                Timing.measure(3, 11, () -> Timing.time(() -> System.arraycopy(src, 0, new byte[SIZE], 0, SIZE))));
        loads(t, m, base);
        stages(t, src, base);
    }

    /**
     * Untimed loads of both variants on fresh kernels before the first measured row, for at least
     * this long (and at least {@link #WARM_UP_LOADS} each). Without it the first row measured the
     * JIT: on two cores the load path's compiled code settled only after about 20 loads (main-thread
     * CPU time of a first load 5.8-6.0 ms in the first 14 loads of a JVM, 5.1-5.3 ms afterwards, on
     * a heap already touched), and the row had 3 warm-ups; the other rows ran after it, warm.
     */
    private static final long WARM_UP_NANOS = 1_000_000_000L;
    private static final int WARM_UP_LOADS = 20;

    private static void warmUp(Machine m) {
        long start = System.nanoTime();
        for (int i = 0; i < WARM_UP_LOADS || System.nanoTime() - start < WARM_UP_NANOS; i++) {
            for (MkVariant v : List.of(MkVariant.AS_POSTED, MkVariant.CORRECTED)) {
                load(MkImplKernel.create(v, m));
            }
        }
    }

    /** The whole kexec_load: impl variants (first load and reload) and the model. */
    private static void loads(Table t, Machine m, Base base) {
        warmUp(m);
        for (MkVariant v : List.of(MkVariant.AS_POSTED, MkVariant.CORRECTED)) {
            row(t, "impl kexec_load[MK] " + v + ", first load (fresh kernel: destination pages allocated)", base,
                    "target >= 0.50", Timing.measure(3, 11, () -> load(MkImplKernel.create(v, m))));
            MkImplKernel again = MkImplKernel.create(v, m);
            load(again);
            row(t, "impl kexec_load[MK] " + v + ", reload over the same destination (pages exist, as RAM does)", base,
                    "target >= 0.50", Timing.measure(3, 11, () -> reload(again)));
        }
        row(t, "reference model kexec_load[MK] (page-by-page loop, byte by byte)", base, "",
                Timing.measure(1, 3, () -> load(new ReferenceMk(m))));
    }

    /** The impl's copy taken apart: producing the user bytes, then writing them into simulated memory. */
    private static void stages(Table t, byte[] src, Base base) {
        row(t, "impl stage 1: read the simulated user buffer (SegmentWriter.userBytes: 256-byte blocks from a table)", base, "",
                Timing.measure(3, 11, () -> Timing.time(() -> SegmentProbe.userBytes(BUFFER, SIZE))));
        byte[] scratch = new byte[SIZE];
        row(t, "lower bound of stage 1: UserBuffer.byteAt for every byte into a preallocated byte[]", base, "",
                Timing.measure(3, 11, () -> Timing.time(() -> {
                    for (int i = 0; i < SIZE; i++) {
                        scratch[i] = (byte) BUFFER.byteAt(i);
                    }
                })));
        row(t, "impl stage 2: PhysicalMemory.write of the 64 MiB into fresh memory", base, "",
                Timing.measure(3, 11, () -> {
                    PhysicalMemory mem = new PhysicalMemory(List.of(new RamRange(0, 1L << 30)));
                    return Timing.time(() -> mem.write(MK_BASE, src, 0, SIZE));
                }));
        PhysicalMemory touched = new PhysicalMemory(List.of(new RamRange(0, 1L << 30)));
        touched.write(MK_BASE, src, 0, SIZE);
        row(t, "impl stage 2': PhysicalMemory.write of the 64 MiB over existing pages", base, "",
                Timing.measure(3, 11, () -> Timing.time(() -> touched.write(MK_BASE, src, 0, SIZE))));
    }

    /** Unloads the multikernel images (CORRECTED refuses an overlapping load), then times the load again. */
    private static long reload(MkImplKernel kernel) {
        Call unload = kernel.apply(new MkOp.Unload(MkConst.KEXEC_MULTIKERNEL)).call();
        if (!unload.equals(Call.ok())) {
            throw new IllegalStateException("unload failed: " + unload);
        }
        return load(kernel);
    }

    /**
     * The reference bandwidths: arraycopy's in wall time, which the target is judged on, and per
     * main-thread CPU-second, an informative second figure that a busy shared machine disturbs
     * less (it leaves out waiting for a core, and the collector's threads).
     */
    private record Base(double wall, double cpu) {
    }

    private static void row(Table t, String what, Base base, String target, Timing.Sample s) {
        double r = s.bandwidth(SIZE) / base.wall();
        String verdict = target.isEmpty() ? "" : "; " + target + ": " + (r >= 0.5 ? "met" : "MISSED");
        String cpu = s.cpuBandwidth(SIZE) < 0 ? "" : String.format(Locale.ROOT, " (by main-thread CPU time %.3f)",
                s.cpuBandwidth(SIZE) / base.cpu());
        t.add(P, what, Table.millis(s.medianMillis()), Table.rate(s.bandwidth(SIZE)) + " = " + String.format(
                Locale.ROOT, "%.3f", r) + " of arraycopy" + cpu + verdict);
    }

    /** Nanoseconds of one kexec_load on a new kernel; the load must succeed. */
    private static long load(MkKernel kernel) {
        Call[] result = new Call[1];
        long ns = Timing.time(() -> result[0] = kernel.apply(LOAD).call());
        if (!result[0].equals(Call.ok())) {
            throw new IllegalStateException("64 MiB load failed on " + kernel.getClass().getSimpleName() + ": " + result[0]);
        }
        return ns;
    }

    /** Once, untimed: every variant leaves the same machine state as the model after the load. */
    private static void checkSameBytes(Machine m) {
        ReferenceMk model = new ReferenceMk(m);
        load(model);
        for (MkVariant v : List.of(MkVariant.AS_POSTED, MkVariant.CORRECTED)) {
            MkImplKernel impl = MkImplKernel.create(v, m);
            load(impl);
            String diff = impl.state().firstDifference(model.state());
            if (diff != null) {
                throw new IllegalStateException(v + " differs from the model after the 64 MiB load: " + diff);
            }
        }
    }
}
