package kverify.model.mk.reference;

import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;
import kverify.model.Errno;
import kverify.model.mk.Call;
import kverify.model.mk.Cpu;
import kverify.model.mk.CpuState;
import kverify.model.mk.Halt;
import kverify.model.mk.ImageInfo;
import kverify.model.mk.ImageType;
import kverify.model.mk.Machine;
import kverify.model.mk.MemoryImage;
import kverify.model.mk.MkConst;
import kverify.model.mk.MkEvent;
import kverify.model.mk.MkKernel;
import kverify.model.mk.MkOp;
import kverify.model.mk.MkState;
import kverify.model.mk.MkVersion;
import kverify.model.mk.PhysRange;
import kverify.model.mk.RangeSet;
import kverify.model.mk.StepResult;

/**
 * The reference model: what a kernel with multikernel support promises, written as plainly as
 * possible. Every call is atomic, so no lock is ever left held and nothing blocks. The order of
 * checks and the error codes are the contract's, documented in docs/multikernel.md; loading is in
 * {@link ReferenceLoad}.
 */
public final class ReferenceMk implements MkKernel {
    final Machine m;
    /** Which interface the kernel speaks: RFC v1 (reboot by CPU) or RFC v2 (instances). */
    final MkVersion version;
    /** Physical memory by page address; a missing page reads as zero. */
    final TreeMap<Long, byte[]> memory = new TreeMap<>();
    final List<CpuState> cpus = new ArrayList<>();
    ImageInfo kexecImage;
    ImageInfo crashImage;
    /** Multikernel images, loaded or running, in load order. */
    final List<ImageInfo> mkImages = new ArrayList<>();
    int limitReboot;
    int limitPanic;
    int loads;
    /** RAM the direct map holds read-only: the crash region around its image's control page, while one is loaded. */
    RangeSet readOnly = RangeSet.EMPTY;
    Halt halt = Halt.RUNNING;
    /** RFC v2's instances (none in v1). */
    ReferenceInstances instances;
    /** Pages the running kernel allocated after boot. */
    final java.util.TreeSet<Long> hostPages = new java.util.TreeSet<>();
    /** The last snapshot of memory: it holds the page arrays of {@code memory} (copy-on-write, see {@link #writablePage}). */
    private MemoryImage lastMemory = MemoryImage.EMPTY;
    /** Pages created or copied since the last snapshot or copy: only these are written in place. */
    private final java.util.Set<Long> ownPages = new java.util.HashSet<>();
    /**
     * The contents of every page the running kernel uses at boot and of every host-allocated page,
     * one array each for all such pages of all kernels (never written, see {@link #putShared}):
     * a case's set-up fills no pages, and snapshots and copies see untouched pages as shared.
     */
    private static final byte[] KERNEL_PAGE = filledPage(MkConst.KERNEL_MEMORY_FILL);
    private static final byte[] HOST_ALLOC_PAGE = filledPage(MkConst.HOST_ALLOC_FILL);

    private static byte[] filledPage(int fill) {
        byte[] page = new byte[(int) MkConst.PAGE_SIZE];
        java.util.Arrays.fill(page, (byte) fill);
        return page;
    }

    public ReferenceMk(Machine machine) {
        this(machine, MkVersion.RFC_V1);
    }

    public ReferenceMk(Machine machine, MkVersion version) {
        this(machine, version, true);
    }

    /** With boot false, a blank kernel for {@link #copy} to fill in. */
    private ReferenceMk(Machine machine, MkVersion version, boolean boot) {
        this.m = machine;
        this.version = version;
        this.instances = new ReferenceInstances(this);
        if (!boot) {
            return;
        }
        for (Cpu c : machine.cpus()) {
            cpus.add(c.online() ? CpuState.host() : CpuState.none());
        }
        for (PhysRange r : machine.kernelUsed()) {
            for (long page = r.start(); page < r.end(); page += MkConst.PAGE_SIZE) {
                putShared(page, KERNEL_PAGE);
            }
        }
        limitReboot = machine.caller().loadLimitReboot();
        limitPanic = machine.caller().loadLimitPanic();
    }

    @Override
    public Machine machine() {
        return m;
    }

    @Override
    public StepResult apply(MkOp op) {
        if (op instanceof MkOp.Concurrent c) {
            // Atomic calls: the first task's call, then the second's.
            StepResult a = apply(c.first());
            StepResult b = apply(c.second());
            List<MkEvent> events = new ArrayList<>(a.events());
            events.addAll(b.events());
            return new StepResult(List.of(a.call(), b.call()), events);
        }
        List<MkEvent> events = new ArrayList<>();
        Call call = halt.halted() ? Call.NOT_RUN : run(op, events);
        return StepResult.of(call, events);
    }

    private Call run(MkOp op, List<MkEvent> events) {
        if (op instanceof MkOp.KexecLoad l) {
            return new ReferenceLoad(this).load(l.entry(), l.segments(), l.flags());
        } else if (op instanceof MkOp.KexecLoadUnreadable u) {
            return new ReferenceLoad(this).unreadable(u.nrSegments(), u.flags());
        } else if (op instanceof MkOp.Unload u) {
            return new ReferenceLoad(this).load(0, List.of(), u.flags());
        } else if (op instanceof MkOp.Reboot r) {
            return reboot(r, events);
        } else if (op instanceof MkOp.KexecFileLoad f) {
            return new ReferenceV2(this).fileLoad(f);
        } else if (op instanceof MkOp.DtUpload u) {
            return version == MkVersion.RFC_V2 ? instances.upload(u) : Call.err(Errno.ENOENT);
        } else if (op instanceof MkOp.InstanceRemove r) {
            return version == MkVersion.RFC_V2 ? instances.remove(r) : Call.err(Errno.ENOENT);
        } else if (op instanceof MkOp.Panic) {
            halt = crashImage != null ? Halt.replacedBy(crashImage) : Halt.PANICKED;
            return Call.HALTED;
        } else if (op instanceof MkOp.HostAlloc a) {
            return hostAlloc(a.pages());
        } else if (op instanceof MkOp.CpuOnline c) {
            return cpuOnline(c.cpu());
        } else if (op instanceof MkOp.CpuOffline c) {
            return cpuOffline(c.cpu());
        }
        return Call.ok(); // suspend: takes and releases system_transition_mutex, changes nothing here
    }

    private Call reboot(MkOp.Reboot r, List<MkEvent> events) {
        if (!m.caller().capSysBoot()) {
            return Call.err(Errno.EPERM);
        }
        if (r.magic1() != MkConst.LINUX_REBOOT_MAGIC1 || !MkConst.isMagic2(r.magic2()) || !m.caller().initPidNs()) {
            return Call.err(Errno.EINVAL);
        }
        if (r.cmd() == MkConst.LINUX_REBOOT_CMD_MULTIKERNEL) {
            if (r.argFaults()) {
                return Call.err(Errno.EFAULT);
            }
            return version == MkVersion.RFC_V2 ? new ReferenceV2(this).start(r.cpu(), events) : startOnCpu(r.cpu(), events);
        } else if (r.cmd() == MkConst.LINUX_REBOOT_CMD_KEXEC) {
            return kexecReboot();
        } else if (r.cmd() == MkConst.LINUX_REBOOT_CMD_CAD_ON || r.cmd() == MkConst.LINUX_REBOOT_CMD_CAD_OFF) {
            return Call.ok();
        }
        return Call.err(Errno.EINVAL);
    }

    /** Only a default image replaces the kernel, and never while other kernels run on our CPUs. */
    private Call kexecReboot() {
        if (kexecImage == null) {
            return Call.err(Errno.EINVAL);
        }
        if (cpus.stream().anyMatch(c -> c.owner() == CpuState.Owner.GUEST)) {
            return Call.err(Errno.EBUSY);
        }
        if (kexecImage.preserveContext()) {
            return Call.ok(); // the image ran and jumped back
        }
        halt = Halt.replacedBy(kexecImage);
        return Call.HALTED;
    }

    /** reboot(LINUX_REBOOT_CMD_MULTIKERNEL): the first multikernel image not yet started, on an offline CPU of nobody. */
    private Call startOnCpu(int cpu, List<MkEvent> events) {
        if (!m.isPossibleCpu(cpu)) {
            return Call.err(Errno.EINVAL);
        }
        if (cpus.get(cpu).owner() != CpuState.Owner.NONE) {
            return Call.err(Errno.EBUSY);
        }
        ImageInfo image = mkImages.stream().filter(i -> !isRunning(i)).findFirst().orElse(null);
        Cpu c = m.cpus().get(cpu);
        if (image == null || !c.present() || c.apicId() == MkConst.BAD_APICID || c.apicId() > m.maxApicId() || !c.inPresentMap()) {
            return Call.err(Errno.EINVAL);
        }
        if (c.wakeupStatus() != 0) {
            return Call.err(Errno.EIO);
        }
        cpus.set(cpu, CpuState.guest(image));
        events.add(new MkEvent.Kick(cpu, image.id()));
        return Call.ok();
    }

    /** The buddy allocator's free RAM: not the kernel's, not reserved at boot, not handed out yet; highest pages first (D37). */
    private Call hostAlloc(int pages) {
        List<Long> free = new ArrayList<>();
        for (int r = m.ram().size() - 1; r >= 0 && free.size() < pages; r--) {
            for (long p = m.ram().get(r).end() - MkConst.PAGE_SIZE; p >= m.ram().get(r).start() && free.size() < pages; p -= MkConst.PAGE_SIZE) {
                if (!reservedAtBoot(p) && !hostPages.contains(p)) {
                    free.add(p);
                }
            }
        }
        if (free.size() < pages) {
            return Call.err(Errno.ENOMEM);
        }
        for (long p : free) {
            hostPages.add(p);
            putShared(p, HOST_ALLOC_PAGE);
        }
        return Call.ok();
    }

    private boolean reservedAtBoot(long page) {
        PhysRange p = new PhysRange(page, page + MkConst.PAGE_SIZE);
        return m.kernelUsed().stream().anyMatch(p::overlaps) || m.mkReserved().stream().anyMatch(p::overlaps) || m.crashKernel().overlaps(p);
    }

    boolean isRunning(ImageInfo image) {
        return cpus.stream().anyMatch(c -> c.owner() == CpuState.Owner.GUEST && c.imageId() == image.id());
    }

    private Call cpuOnline(int cpu) {
        if (!m.isPossibleCpu(cpu) || !m.cpus().get(cpu).present()) {
            return Call.err(Errno.EINVAL);
        }
        if (cpus.get(cpu).owner() == CpuState.Owner.GUEST) {
            return Call.err(Errno.EBUSY);
        }
        cpus.set(cpu, CpuState.host());
        return Call.ok();
    }

    private Call cpuOffline(int cpu) {
        if (!m.isPossibleCpu(cpu) || !m.cpus().get(cpu).present()) {
            return Call.err(Errno.EINVAL);
        }
        if (cpus.get(cpu).owner() != CpuState.Owner.HOST) {
            return Call.ok();
        }
        if (cpus.stream().filter(c -> c.owner() == CpuState.Owner.HOST).count() == 1) {
            return Call.err(Errno.EBUSY);
        }
        cpus.set(cpu, CpuState.none());
        return Call.ok();
    }

    @Override
    public MkState state() {
        List<ImageInfo> images = new ArrayList<>(mkImages);
        if (kexecImage != null) {
            images.add(kexecImage);
        }
        if (crashImage != null) {
            images.add(crashImage);
        }
        images.sort(java.util.Comparator.comparingInt(ImageInfo::id));
        long[] addresses = new long[memory.size()];
        byte[][] arrays = new byte[memory.size()][];
        int i = 0;
        for (java.util.Map.Entry<Long, byte[]> e : memory.entrySet()) {
            addresses[i] = e.getKey();
            arrays[i++] = e.getValue();
        }
        lastMemory = MemoryImage.ofFrozen(addresses, arrays, lastMemory);
        ownPages.clear();
        return new MkState(lastMemory, cpus, List.of(), images, halt, limitReboot, limitPanic, readOnly, instances.state());
    }

    @Override
    public ReferenceMk copy() {
        ReferenceMk c = new ReferenceMk(m, version, false);
        c.memory.putAll(memory); // shared arrays: both kernels copy a page before writing it
        ownPages.clear();
        c.cpus.addAll(cpus);
        c.lastMemory = lastMemory;
        c.kexecImage = kexecImage;
        c.crashImage = crashImage;
        c.mkImages.addAll(mkImages);
        c.limitReboot = limitReboot;
        c.limitPanic = limitPanic;
        c.loads = loads;
        c.halt = halt;
        c.readOnly = readOnly;
        c.instances = instances.copy(c);
        c.hostPages.addAll(hostPages);
        return c;
    }

    ImageInfo newImage(ImageType type, long entry, List<PhysRange> segments, boolean preserveContext) {
        return newImage(type, entry, segments, preserveContext, 0);
    }

    ImageInfo newImage(ImageType type, long entry, List<PhysRange> segments, boolean preserveContext, int instanceId) {
        loads++;
        return new ImageInfo(loads, type, entry, segments, preserveContext, instanceId);
    }

    /** A file-loaded image's range filled from its pattern (file loads copy whole kernel buffers). */
    void writeImagePages(PhysRange r, int pattern) {
        byte[] page = null;
        for (long a = r.start(); a < r.end(); a++) {
            if (page == null || (a & ~MkConst.PAGE_MASK) == 0) {
                page = writablePage(a & MkConst.PAGE_MASK);
            }
            page[(int) (a & ~MkConst.PAGE_MASK)] = (byte) kverify.model.mk.UserBuffer.byteAt(pattern, a - r.start());
        }
    }

    /**
     * Makes {@code shared} the page at {@code address}. The array is never written: the page is
     * not this kernel's own, so {@link #writablePage} copies it before the first write.
     */
    private void putShared(long address, byte[] shared) {
        memory.put(address, shared);
        ownPages.remove(address);
    }

    /**
     * The page at {@code address} to write into: a new zero page, or, when a snapshot or a copy
     * may hold its array, a private copy of it (so snapshots keep the arrays without copying them).
     */
    byte[] writablePage(long address) {
        byte[] page = memory.get(address);
        if (page == null) {
            page = new byte[(int) MkConst.PAGE_SIZE];
            memory.put(address, page);
            ownPages.add(address);
        } else if (ownPages.add(address)) {
            page = page.clone();
            memory.put(address, page);
        }
        return page;
    }
}
