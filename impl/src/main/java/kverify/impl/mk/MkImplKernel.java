package kverify.impl.mk;

import java.util.ArrayList;
import java.util.List;
import kverify.impl.memory.PhysicalMemory;
import kverify.model.mk.Call;
import kverify.model.mk.ImageInfo;
import kverify.model.mk.Machine;
import kverify.model.mk.MemoryImage;
import kverify.model.mk.MkKernel;
import kverify.model.mk.MkOp;
import kverify.model.mk.MkState;
import kverify.model.mk.StepResult;

/**
 * A simulated kernel with the multikernel RFC applied, in one of the named variants, on an
 * injected machine. kexec_load runs atomically; reboot, suspend and CPU hotplug run as step
 * lists, so a concurrent op can interleave them under its schedule.
 */
public final class MkImplKernel implements MkKernel {
    private final MkVariant variant;
    private final KState k;
    private List<String> lastSteps = List.of();
    /** The last snapshot of memory: the next one shares its unchanged pages. */
    private MemoryImage lastMemory = MemoryImage.EMPTY;

    private MkImplKernel(MkVariant variant, KState k) {
        this.variant = variant;
        this.k = k;
        boolean release = variant.fileLoad.releasesPool();
        k.images.onFree = image -> k.instances.imageFreed(image, release);
    }

    public static MkImplKernel create(MkVariant variant, Machine machine) {
        return new MkImplKernel(variant, new KState(machine, variant.store.get()));
    }

    public MkVariant variant() {
        return variant;
    }

    @Override
    public Machine machine() {
        return k.m;
    }

    @Override
    public StepResult apply(MkOp op) {
        k.events.clear();
        lastSteps = List.of();
        if (k.halt.halted()) {
            int n = op instanceof MkOp.Concurrent ? 2 : 1;
            return new StepResult(java.util.Collections.nCopies(n, Call.NOT_RUN), List.of());
        }
        List<Call> calls = new ArrayList<>();
        if (op instanceof MkOp.KexecLoad l) {
            calls.add(new KexecLoadPath(k, variant).load(l.entry(), l.segments(), l.flags()));
        } else if (op instanceof MkOp.KexecLoadUnreadable u) {
            calls.add(new KexecLoadPath(k, variant).loadUnreadable(u.nrSegments(), u.flags()));
        } else if (op instanceof MkOp.Panic) {
            calls.add(new HostPaths(k).panic());
        } else if (op instanceof MkOp.HostAlloc a) {
            calls.add(new HostPaths(k).alloc(a.pages()));
        } else if (op instanceof MkOp.KexecFileLoad f) {
            calls.add(new KexecFileLoadPath(k, variant).load(f));
        } else if (op instanceof MkOp.DtUpload u) {
            calls.add(variant.instances.upload(k, u));
        } else if (op instanceof MkOp.InstanceRemove r) {
            calls.add(variant.instances.remove(k, r));
        } else if (op instanceof MkOp.Unload u) {
            calls.add(new KexecLoadPath(k, variant).load(0, List.of(), u.flags()));
        } else {
            TaskPrograms programs = new TaskPrograms(k, variant);
            List<KTask> tasks = new ArrayList<>();
            List<Integer> schedule = List.of();
            if (op instanceof MkOp.Concurrent c) {
                tasks.add(programs.build(c.first()));
                tasks.add(programs.build(c.second()));
                schedule = c.schedule();
            } else {
                tasks.add(programs.build(op));
            }
            lastSteps = Scheduler.run(k, tasks, schedule);
            tasks.forEach(t -> calls.add(t.result()));
        }
        return new StepResult(calls, List.copyOf(k.events));
    }

    /** The steps the last reboot, suspend, hotplug or concurrent op took, as "task:step". */
    @Override
    public List<String> lastSteps() {
        return lastSteps;
    }

    @Override
    public MkState state() {
        List<ImageInfo> images = new ArrayList<>();
        for (Kimage i : k.images.all()) {
            images.add(i.info());
        }
        PhysicalMemory.Frozen pages = k.memory.freeze();
        lastMemory = MemoryImage.ofFrozen(pages.addresses(), pages.pages(), lastMemory);
        return new MkState(lastMemory, k.cpus.snapshot(), k.locks.held(), images, k.halt,
                k.limitReboot, k.limitPanic, k.readOnly, k.instances.snapshot(i -> false));
    }

    @Override
    public MkImplKernel copy() {
        return new MkImplKernel(variant, k.copy());
    }
}
