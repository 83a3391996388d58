package kverify.impl.mk;

import java.util.List;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;
import kverify.model.Errno;
import kverify.model.mk.Cpu;
import kverify.model.mk.MkConst;
import kverify.model.mk.MkEvent;

/**
 * multikernel_kexec(cpu) (kernel/kexec_core.c) and multikernel_kick_ap() (arch/x86/kernel/smpboot.c),
 * split into the atomic steps other tasks can run between. A step returns null to continue or
 * the function's return value (0, a negative errno, or a positive wake-up status); a step that
 * returns releases the kexec and hotplug locks it took.
 */
interface StartSteps {

    record StartStep(String name, BooleanSupplier ready, Supplier<Integer> body) {
    }

    List<StartStep> steps(KState k, int task, int cpu);

    /**
     * RFC 1/7: cpu_online(cpu) with an unchecked index and before any lock; then kexec_trylock
     * and the kexec_image test (its type unchecked); then cpus_read_lock; then the kick, whose
     * positive wake-up status is returned as is.
     */
    StartSteps AS_POSTED = (k, task, cpu) -> {
        Kimage[] image = new Kimage[1];
        return List.of(
                new StartStep("online-check", () -> true, () -> k.cpus.cpuOnlineUnchecked(cpu, k.events) ? Errno.EBUSY.negated() : null),
                new StartStep("kexec-lock", () -> true, () -> {
                    if (!k.locks.kexecTrylock(task)) {
                        return Errno.EBUSY.negated();
                    }
                    image[0] = k.images.imageToStart();
                    if (image[0] == null) {
                        k.locks.kexecUnlock(task);
                        return Errno.EINVAL.negated();
                    }
                    return null;
                }),
                new StartStep("cpu-hotplug-lock", k.locks::canReadLockCpus, () -> {
                    k.locks.cpusReadLock(task);
                    return null;
                }),
                new StartStep("wake-up", () -> true, () -> {
                    int rc = kickAp(k, cpu, image[0]);
                    k.locks.cpusReadUnlock(task);
                    k.locks.kexecUnlock(task);
                    return rc;
                }));
    };

    /**
     * The contract: the cpu range first; the online and ownership test under the hotplug lock,
     * so no CPU can come online between the test and the kick; a failed wake-up is -EIO.
     */
    StartSteps CORRECTED = (k, task, cpu) -> {
        Kimage[] image = new Kimage[1];
        return List.of(
                new StartStep("range-check", () -> true, () -> k.m.isPossibleCpu(cpu) ? null : Errno.EINVAL.negated()),
                new StartStep("kexec-lock", () -> true, () -> k.locks.kexecTrylock(task) ? null : Errno.EBUSY.negated()),
                new StartStep("cpu-hotplug-lock", k.locks::canReadLockCpus, () -> {
                    k.locks.cpusReadLock(task);
                    return null;
                }),
                new StartStep("online-check", () -> true, () -> {
                    image[0] = k.images.imageToStart();
                    Errno e = k.cpus.online(cpu) || k.images.guestOn(cpu) ? Errno.EBUSY : image[0] == null ? Errno.EINVAL : null;
                    return e == null ? null : unlockBoth(k, task, e.negated());
                }),
                new StartStep("wake-up", () -> true, () -> {
                    int rc = kickAp(k, cpu, image[0]);
                    if (rc == 0) {
                        k.images.started(image[0], cpu);
                    }
                    return unlockBoth(k, task, rc > 0 ? Errno.EIO.negated() : rc);
                }));
    };

    /**
     * RFC v2 09/16 multikernel_kexec_by_id(): kexec_trylock, the image through the instance
     * (a kfree()d image left by a failed load is a use-after-free: oops, V10), the first CPU of
     * the instance, cpu_online() under kexec_lock only, then cpus_read_lock and the kick; no record
     * of the start, the positive wake-up status returned as is.
     */
    StartSteps V2_AS_POSTED = (k, task, id) -> {
        Kimage[] image = new Kimage[1];
        int[] cpu = new int[1];
        return List.of(
                new StartStep("kexec-lock", () -> true, () -> {
                    if (!k.locks.kexecTrylock(task)) {
                        return Errno.EBUSY.negated();
                    }
                    Instances.Instance inst = id <= 0 ? null : k.instances.byId.get(id);
                    if (inst != null && inst.kimageFreed) {
                        throw new KernelOops("multikernel_kexec_by_id: instance " + id + "'s kimage was freed by kfree()");
                    }
                    if (inst == null || inst.kimage == null || inst.cpus.isEmpty()) {
                        k.locks.kexecUnlock(task);
                        return Errno.EINVAL.negated();
                    }
                    image[0] = inst.kimage;
                    cpu[0] = inst.cpus.first();
                    return null;
                }),
                new StartStep("online-check", () -> true, () -> {
                    if (k.cpus.online(cpu[0])) {
                        k.locks.kexecUnlock(task);
                        return Errno.EBUSY.negated();
                    }
                    return null;
                }),
                new StartStep("cpu-hotplug-lock", k.locks::canReadLockCpus, () -> {
                    k.locks.cpusReadLock(task);
                    return null;
                }),
                new StartStep("wake-up", () -> true, () -> unlockBoth(k, task, kickAp(k, cpu[0], image[0]))));
    };

    /** The contract for RFC v2's interface: the instance, its CPU's owner and the image's state are tested under both locks. */
    StartSteps V2_CORRECTED = (k, task, id) -> {
        Kimage[] image = new Kimage[1];
        int[] cpu = new int[1];
        return List.of(
                new StartStep("kexec-lock", () -> true, () -> k.locks.kexecTrylock(task) ? null : Errno.EBUSY.negated()),
                new StartStep("cpu-hotplug-lock", k.locks::canReadLockCpus, () -> {
                    k.locks.cpusReadLock(task);
                    return null;
                }),
                new StartStep("online-check", () -> true, () -> {
                    Instances.Instance inst = k.instances.byId.get(id);
                    if (inst == null || inst.kimage == null || inst.cpus.isEmpty()) {
                        return unlockBoth(k, task, Errno.EINVAL.negated());
                    }
                    image[0] = inst.kimage;
                    cpu[0] = inst.cpus.first();
                    boolean busy = k.cpus.online(cpu[0]) || k.images.guestOn(cpu[0]) || inst.status == kverify.model.mk.InstanceInfo.Status.ACTIVE;
                    return busy ? unlockBoth(k, task, Errno.EBUSY.negated()) : null;
                }),
                new StartStep("wake-up", () -> true, () -> {
                    int rc = kickAp(k, cpu[0], image[0]);
                    if (rc == 0) {
                        k.images.started(image[0], cpu[0]);
                        k.instances.byId.get(id).status = kverify.model.mk.InstanceInfo.Status.ACTIVE;
                    }
                    return unlockBoth(k, task, rc > 0 ? Errno.EIO.negated() : rc);
                }));
    };

    private static int unlockBoth(KState k, int task, int rc) {
        k.locks.cpusReadUnlock(task);
        k.locks.kexecUnlock(task);
        return rc;
    }

    /** multikernel_kick_ap(): APIC id checks, then the wake-up; the CPU runs the image iff it returns 0. */
    private static int kickAp(KState k, int cpu, Kimage image) {
        long apicId = k.cpus.presentToApicid(cpu);
        if (apicId == MkConst.BAD_APICID || apicId > k.m.maxApicId()) {
            return Errno.EINVAL.negated();
        }
        Cpu c = k.cpus.describe(cpu);
        if (!c.inPresentMap()) {
            return Errno.EINVAL.negated();
        }
        if (c.wakeupStatus() == 0) {
            k.cpus.wakeInto(cpu, image);
            k.events.add(new MkEvent.Kick(cpu, image.id));
        }
        return c.wakeupStatus();
    }
}
