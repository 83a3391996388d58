package kverify.impl.mk;

import java.util.ArrayList;
import java.util.List;
import kverify.model.Errno;
import kverify.model.Outcome;
import kverify.model.mk.Call;
import kverify.model.mk.Halt;
import kverify.model.mk.Machine;
import kverify.model.mk.MkConst;
import kverify.model.mk.MkOp;

/**
 * The calls that can run concurrently, as step lists: the reboot syscall (kernel/reboot.c with
 * RFC 1/7), suspend, and CPU online/offline (kernel/cpu.c, simplified per D17).
 */
final class TaskPrograms {
    private final KState k;
    private final MkVariant v;
    private final Machine m;

    TaskPrograms(KState k, MkVariant v) {
        this.k = k;
        this.v = v;
        this.m = k.m;
    }

    KTask build(MkOp op) {
        int task = k.nextTask++;
        List<KTask.Step> steps;
        if (op instanceof MkOp.Reboot r) {
            steps = reboot(task, r);
        } else if (op instanceof MkOp.CpuOnline c) {
            steps = hotplug(task, c.cpu(), true);
        } else if (op instanceof MkOp.CpuOffline c) {
            steps = hotplug(task, c.cpu(), false);
        } else if (op instanceof MkOp.Suspend) {
            steps = List.of(new KTask.Step("system-transition-mutex", k.locks::mutexFree, () -> {
                k.locks.mutexLock(task);
                return null;
            }), KTask.Step.always("suspend-resume", () -> unlockMutex(task, Call.ok())));
        } else {
            throw new IllegalArgumentException("not a task op: " + op);
        }
        return new KTask(task, steps);
    }

    /** Capability, magic and pid namespace are checked before the mutex; the command runs under it. */
    private List<KTask.Step> reboot(int task, MkOp.Reboot r) {
        Errno early = !m.caller().capSysBoot() ? Errno.EPERM
                : r.magic1() != MkConst.LINUX_REBOOT_MAGIC1 || !MkConst.isMagic2(r.magic2()) || !m.caller().initPidNs() ? Errno.EINVAL : null;
        List<KTask.Step> steps = new ArrayList<>();
        steps.add(new KTask.Step("system-transition-mutex", () -> early != null || k.locks.mutexFree(), () -> {
            if (early != null) {
                return Call.err(early);
            }
            k.locks.mutexLock(task);
            return null;
        }));
        if (r.cmd() == MkConst.LINUX_REBOOT_CMD_MULTIKERNEL) {
            steps.add(KTask.Step.always("copy-arg", () -> !r.argFaults() ? null
                    : v.reboot.releaseMutexOnArgFault() ? unlockMutex(task, Call.err(Errno.EFAULT)) : Call.err(Errno.EFAULT)));
            for (StartSteps.StartStep s : v.start.steps(k, task, r.cpu())) {
                steps.add(new KTask.Step(s.name(), s.ready(), () -> {
                    Integer rc;
                    try {
                        rc = s.body().get();
                    } catch (KernelOops oops) {
                        k.halt = Halt.oops(0, oops.getMessage());
                        return Call.HALTED;
                    }
                    return rc == null ? null : unlockMutex(task, Call.returned(fromReturn(rc)));
                }));
            }
        } else if (r.cmd() == MkConst.LINUX_REBOOT_CMD_KEXEC) {
            steps.add(KTask.Step.always("kernel-kexec", () -> unlockMutex(task, kernelKexec(task))));
        } else {
            boolean cad = r.cmd() == MkConst.LINUX_REBOOT_CMD_CAD_ON || r.cmd() == MkConst.LINUX_REBOOT_CMD_CAD_OFF;
            steps.add(KTask.Step.always("reboot-switch", () -> unlockMutex(task, cad ? Call.ok() : Call.err(Errno.EINVAL))));
        }
        return steps;
    }

    /**
     * kernel_kexec(): machine_kexec() runs whatever kexec_image holds. A kexec_load multikernel
     * image has no control page (1/7's kimage_alloc_init skipped it), so x86_64 machine_kexec
     * oopses on it; an RFC v2 file-loaded one has one, so it replaces this kernel.
     */
    private Call kernelKexec(int task) {
        if (!k.locks.kexecTrylock(task)) {
            return Call.err(Errno.EBUSY);
        }
        Kimage image = k.images.kexecImage;
        Call c;
        if (image == null) {
            c = Call.err(Errno.EINVAL);
        } else if (v.reboot.refuseKexecWhileGuestsRun() && k.images.anyGuest()) {
            c = Call.err(Errno.EBUSY);
        } else if (image.controlPage == Kimage.NULL_PAGE) {
            k.halt = Halt.oops(image.id, "machine_kexec: image #" + image.id + " is MULTIKERNEL and has no control page");
            c = Call.HALTED;
        } else if (image.preserveContext) {
            c = Call.ok();
        } else {
            k.halt = Halt.replacedBy(image.info());
            c = Call.HALTED;
        }
        k.locks.kexecUnlock(task);
        return c;
    }

    private List<KTask.Step> hotplug(int task, int cpu, boolean online) {
        boolean possible = m.isPossibleCpu(cpu);
        return List.of(new KTask.Step("cpu-hotplug-write-lock", () -> !possible || k.locks.canWriteLockCpus(), () -> {
            if (!possible) {
                return Call.err(Errno.EINVAL);
            }
            k.locks.cpusWriteLock(task);
            return null;
        }), KTask.Step.always(online ? "bring-up" : "take-down", () -> {
            Call c = online ? bringUp(cpu) : takeDown(cpu);
            k.locks.cpusWriteUnlock(task);
            return c;
        }));
    }

    private Call bringUp(int cpu) {
        if (!m.cpus().get(cpu).present()) {
            return Call.err(Errno.EINVAL);
        }
        if (v.reboot.refuseOnliningGuestCpu() && k.images.guestOn(cpu)) {
            return Call.err(Errno.EBUSY);
        }
        if (!k.cpus.online(cpu)) {
            k.cpus.bringUp(cpu); // INIT/SIPI: whatever the CPU ran before is gone
        }
        return Call.ok();
    }

    private Call takeDown(int cpu) {
        if (!m.cpus().get(cpu).present()) {
            return Call.err(Errno.EINVAL);
        }
        if (!k.cpus.online(cpu)) {
            return Call.ok();
        }
        if (k.cpus.onlineCount() == 1) {
            return Call.err(Errno.EBUSY);
        }
        k.cpus.takeDown(cpu);
        return Call.ok();
    }

    private Call unlockMutex(int task, Call c) {
        k.locks.mutexUnlock(task);
        return c;
    }

    /** A syscall's int return: 0 and positive values are returned, negative ones are errors. */
    static Outcome<Integer> fromReturn(int rc) {
        return rc < 0 ? Outcome.err(Errno.ofNumber(-rc)) : Outcome.ok(rc);
    }
}
