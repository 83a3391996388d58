package kverify.impl.mk;

import java.util.ArrayList;
import java.util.List;
import kverify.impl.memory.PhysicalMemory;
import kverify.impl.memory.RamRange;
import kverify.model.mk.Halt;
import kverify.model.mk.Machine;
import kverify.model.mk.MkConst;
import kverify.model.mk.MkEvent;
import kverify.model.mk.PhysRange;
import kverify.model.mk.RangeSet;

/** All mutable state of the simulated kernel and machine; the code paths operate on it. */
final class KState {
    final Machine m;
    final PhysicalMemory memory;
    final CpuHardware cpus;
    final LockTable locks;
    final ImageStore images;
    /** Pages the running kernel allocated after boot. */
    final java.util.TreeSet<Long> hostPages = new java.util.TreeSet<>();
    /** RFC v2's instances and multikernel pool (unused in v1). */
    Instances instances;
    int limitReboot;
    int limitPanic;
    /** Images installed so far; the next one gets loads + 1 as its id. */
    int loads;
    int nextTask = 1;
    Halt halt = Halt.RUNNING;
    /** RAM whose direct mapping is read-only (arch_kexec_protect_crashkres). */
    RangeSet readOnly = RangeSet.EMPTY;
    /** Hardware events of the operation being applied. */
    final List<MkEvent> events = new ArrayList<>();

    KState(Machine m, ImageStore images) {
        this(m, bootMemory(m), new CpuHardware(m), new LockTable(), images);
        instances = new Instances(m);
        limitReboot = m.caller().loadLimitReboot();
        limitPanic = m.caller().loadLimitPanic();
    }

    private KState(Machine m, PhysicalMemory memory, CpuHardware cpus, LockTable locks, ImageStore images) {
        this.m = m;
        this.memory = memory;
        this.cpus = cpus;
        this.locks = locks;
        this.images = images;
    }

    /** RAM as the machine describes it, with the running kernel's pages holding KERNEL_MEMORY_FILL. */
    private static PhysicalMemory bootMemory(Machine m) {
        List<RamRange> ram = new ArrayList<>();
        for (PhysRange r : m.ram()) {
            ram.add(new RamRange(r.start(), r.end()));
        }
        PhysicalMemory mem = new PhysicalMemory(ram);
        for (PhysRange r : m.kernelUsed()) {
            mem.fill(r.start(), r.size(), (byte) MkConst.KERNEL_MEMORY_FILL);
        }
        return mem;
    }

    /** Physical memory as kernel code writes it now. */
    DirectMap directMap() {
        return new DirectMap(memory, m, readOnly);
    }

    KState copy() {
        KState c = new KState(m, memory.copy(), cpus.copy(), locks.copy(), images.copy());
        c.limitReboot = limitReboot;
        c.limitPanic = limitPanic;
        c.loads = loads;
        c.nextTask = nextTask;
        c.halt = halt;
        c.readOnly = readOnly;
        c.instances = instances.copy(m);
        c.hostPages.addAll(hostPages);
        return c;
    }
}
