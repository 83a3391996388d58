package kverify.properties.mk;

import java.util.List;
import kverify.engine.Source;
import kverify.model.mk.CpuState;
import kverify.model.mk.Machine;
import kverify.model.mk.MkConst;
import kverify.model.mk.MkEvent;
import kverify.model.mk.MkOp;
import kverify.model.mk.MkState;
import kverify.model.mk.Segment;
import kverify.model.mk.StepResult;

/** Coverage labels for the interesting inputs, so a run can prove it exercised them. */
public final class MkCoverage {
    public static final String CPU_OUT_OF_RANGE = "start: cpu out of range";
    public static final String CPU_MINUS_ONE = "start: cpu -1";
    public static final String CPU_NR_CPU_IDS = "start: cpu nr_cpu_ids";
    public static final String CPU_LAST = "start: cpu nr_cpu_ids-1";
    public static final String CPU_NR_CPUS_OR_ABOVE = "start: cpu >= NR_CPUS (outside the bitmap)";
    public static final String CPU_INT_EXTREME = "start: cpu INT_MIN or INT_MAX";
    public static final String CPU_ONLINE = "start: cpu online";
    public static final String CPU_GIVEN_AWAY = "start or online: cpu given away";
    public static final String STARTED = "start: image started";
    public static final String FAULTING_BUFFER = "load: faulting buffer";
    public static final String OVERLAPPING = "load: overlapping segments";
    public static final String MISPLACED = "load[MK]: segment outside mk-reserved";
    public static final String CONFLICTING_FLAGS = "load: MULTIKERNEL with a conflicting flag";
    public static final String MK_WITHOUT_JUMP = "load[MK]: CONFIG_KEXEC_JUMP=n";
    public static final String UNKNOWN_FLAG = "load: unknown flag bit";
    public static final String CONCURRENT = "concurrent";
    public static final String OUTSIDE_RAM_MAPPABLE = "load[MK]: segment outside RAM below 2^phys_bits";
    public static final String BEYOND_PHYS_BITS = "load[MK]: segment at or above 2^phys_bits";
    public static final String UNREADABLE_ARRAY = "load: segment array unreadable";
    public static final String CRASH_IMAGE_LOADED = "load[MK]: while a crash image is loaded";
    public static final String PANIC_CRASH_KERNEL = "panic: a crash image is loaded";
    public static final String PANIC_NONE = "panic: no crash image";
    public static final String HOST_ALLOC_WITH_IMAGE = "host_alloc: while a multikernel image is recorded";
    public static final String HOST_ALLOC = "host_alloc";
    public static final String V2_UPLOAD_NEW = "v2: device tree creates a new instance";
    public static final String V2_UPLOAD_CLASH = "v2: device tree names a taken name, id or CPU";
    public static final String V2_FILE_LOAD_INSTANCE = "v2: file load for an existing instance";
    public static final String V2_FILE_LOAD_ID_ZERO = "v2: file load with MULTIKERNEL and id 0 (KEXEC_FILE_NO_CMA)";
    public static final String V2_FILE_LOAD_HIGH_ID = "v2: file load for instance id 2 or more";
    public static final String V2_START_LOADED = "v2: start of an instance with an image";
    public static final String V2_RMDIR = "v2: instance removed or refused";
    public static final String REPEATED_FILE_LOADS = "v2: three or more successful file loads in one case";
    /** A posted variant showed one of its checked-in divergences (so the known-only run is not vacuous). */
    public static final String KNOWN_DIVERGENCE = "known divergence shown";
    public static final String OVER_TEN_IMAGES = "more than 10 multikernel images recorded";
    /** The schedule chose task 2 (which ran, or waited for a lock) just before this step of task 1. */
    public static final String INTERLEAVED_BEFORE = "interleave: task 2 scheduled just before task 1's ";

    private MkCoverage() {
    }

    /** Labels for an operation about to be applied to a machine in state {@code st}. */
    public static void classify(Source s, Machine m, MkState st, MkOp op) {
        if (op instanceof MkOp.Concurrent c) {
            s.classify(CONCURRENT);
            classify(s, m, st, c.first());
            classify(s, m, st, c.second());
        } else if (op instanceof MkOp.Reboot r && r.cmd() == MkConst.LINUX_REBOOT_CMD_MULTIKERNEL) {
            cpuLabel(s, m, st, r.cpu(), true);
            if (st.instances().stream().anyMatch(i -> i.id() == r.cpu() && i.imageId() != 0)) {
                s.classify(V2_START_LOADED);
            }
        } else if (op instanceof MkOp.CpuOnline c) {
            cpuLabel(s, m, st, c.cpu(), false);
        } else if (op instanceof MkOp.KexecLoad l) {
            load(s, m, l);
            if ((l.flags() & MkConst.KEXEC_MULTIKERNEL) != 0 && hasImage(st, kverify.model.mk.ImageType.CRASH)) {
                s.classify(CRASH_IMAGE_LOADED);
            }
        } else if (op instanceof MkOp.KexecLoadUnreadable) {
            s.classify(UNREADABLE_ARRAY);
        } else if (op instanceof MkOp.Panic) {
            s.classify(hasImage(st, kverify.model.mk.ImageType.CRASH) ? PANIC_CRASH_KERNEL : PANIC_NONE);
        } else if (op instanceof MkOp.HostAlloc) {
            s.classify(HOST_ALLOC);
            if (hasImage(st, kverify.model.mk.ImageType.MULTIKERNEL)) {
                s.classify(HOST_ALLOC_WITH_IMAGE);
            }
        } else {
            v2(s, m, st, op);
        }
    }

    // Loops, not streams, in the labels of every step.
    private static boolean hasImage(MkState st, kverify.model.mk.ImageType type) {
        for (kverify.model.mk.ImageInfo i : st.images()) {
            if (i.type() == type) {
                return true;
            }
        }
        return false;
    }

    private static void cpuLabel(Source s, Machine m, MkState st, int cpu, boolean start) {
        if (start) {
            boundaryLabels(s, m, cpu);
        }
        if (!m.isPossibleCpu(cpu)) {
            s.classify(start ? CPU_OUT_OF_RANGE : "online: cpu out of range");
            return;
        }
        CpuState.Owner owner = st.cpus().get(cpu).owner();
        if (owner == CpuState.Owner.GUEST) {
            s.classify(CPU_GIVEN_AWAY);
        } else if (owner == CpuState.Owner.HOST && start) {
            s.classify(CPU_ONLINE);
        }
    }

    private static void boundaryLabels(Source s, Machine m, int cpu) {
        if (cpu == -1) {
            s.classify(CPU_MINUS_ONE);
        } else if (cpu == m.nrCpuIds()) {
            s.classify(CPU_NR_CPU_IDS);
        } else if (cpu == m.nrCpuIds() - 1) {
            s.classify(CPU_LAST);
        }
        if (cpu >= m.nrCpus()) {
            s.classify(CPU_NR_CPUS_OR_ABOVE);
        }
        if (cpu == Integer.MIN_VALUE || cpu == Integer.MAX_VALUE) {
            s.classify(CPU_INT_EXTREME);
        }
    }

    private static void load(Source s, Machine m, MkOp.KexecLoad l) {
        List<Segment> segs = l.segments();
        boolean mk = (l.flags() & MkConst.KEXEC_MULTIKERNEL) != 0;
        boolean faulting = false;
        boolean misplaced = false;
        boolean outsideRamMappable = false;
        boolean beyondPhysBits = false;
        long limit = 1L << m.physBits();
        for (Segment g : segs) {
            faulting |= g.buffer().faultsWithin(0, g.bufsz());
            boolean inReserved = false;
            for (kverify.model.mk.PhysRange r : m.mkReserved()) {
                inReserved |= r.containsUnsigned(g.mem(), g.memsz());
            }
            misplaced |= !inReserved;
            outsideRamMappable |= g.memsz() > 0 && !m.isRam(g.mem(), MkConst.PAGE_SIZE) && g.mem() >= 0 && g.mem() < limit;
            beyondPhysBits |= g.memsz() > 0 && Long.compareUnsigned(g.memEnd(), limit) > 0
                    && Long.compareUnsigned(g.memEnd(), MkConst.KEXEC_DESTINATION_MEMORY_LIMIT) < 0;
        }
        if (faulting) {
            s.classify(FAULTING_BUFFER);
        }
        for (int i = 0; i < segs.size(); i++) {
            for (int j = 0; j < i; j++) {
                if (segs.get(i).memEnd() > segs.get(j).mem() && segs.get(i).mem() < segs.get(j).memEnd()) {
                    s.classify(OVERLAPPING);
                }
            }
        }
        if (mk && misplaced) {
            s.classify(MISPLACED);
        }
        if (mk && outsideRamMappable) {
            s.classify(OUTSIDE_RAM_MAPPABLE);
        }
        if (mk && beyondPhysBits) {
            s.classify(BEYOND_PHYS_BITS);
        }
        long conflicts = MkConst.KEXEC_ON_CRASH | MkConst.KEXEC_PRESERVE_CONTEXT | MkConst.KEXEC_UPDATE_ELFCOREHDR
                | MkConst.KEXEC_CRASH_HOTPLUG_SUPPORT;
        if (mk && (l.flags() & conflicts) != 0) {
            s.classify(CONFLICTING_FLAGS);
        }
        if (mk && !m.config().kexecJump()) {
            s.classify(MK_WITHOUT_JUMP);
        }
        if ((l.flags() & ~MkConst.KEXEC_ARCH_MASK & ~0x1FL) != 0) {
            s.classify(UNKNOWN_FLAG);
        }
    }

    /** Labels for RFC v2's operations. */
    private static void v2(Source s, Machine m, MkState st, MkOp op) {
        if (op instanceof MkOp.DtUpload u) {
            boolean clash = st.instances().stream().anyMatch(i -> i.name().equals(u.name()) || i.id() == u.id()
                    || i.cpus().stream().anyMatch(u.cpus()::contains));
            s.classify(clash ? V2_UPLOAD_CLASH : V2_UPLOAD_NEW);
        } else if (op instanceof MkOp.KexecFileLoad f && (f.flags() & MkConst.KEXEC_MULTIKERNEL) != 0) {
            long id = (f.flags() & MkConst.KEXEC_MK_ID_MASK) >> MkConst.KEXEC_MK_ID_SHIFT;
            s.classify(id == 0 ? V2_FILE_LOAD_ID_ZERO : id >= 2 ? V2_FILE_LOAD_HIGH_ID : V2_FILE_LOAD_INSTANCE);
            if (id > 0 && st.instances().stream().anyMatch(i -> i.id() == id)) {
                s.classify(V2_FILE_LOAD_INSTANCE);
            }
        } else if (op instanceof MkOp.InstanceRemove) {
            s.classify(V2_RMDIR);
        }
    }

    /** Labels for what a step did: a start that kicked a CPU, and where the two tasks interleaved. */
    public static void classifyResult(Source s, StepResult model, List<String> implSteps) {
        if (model != null) {
            for (MkEvent e : model.events()) {
                if (e instanceof MkEvent.Kick) {
                    s.classify(STARTED);
                    break;
                }
            }
        }
        for (int i = 1; i < implSteps.size(); i++) {
            if (implSteps.get(i).startsWith("1:") && implSteps.get(i - 1).startsWith("2:")) {
                s.classify(INTERLEAVED_BEFORE + implSteps.get(i).substring(2));
            }
        }
    }
}
