package kverify.impl.mk;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import kverify.model.Errno;
import kverify.model.mk.Call;
import kverify.model.mk.Cpu;
import kverify.model.mk.CpuState;
import kverify.model.mk.ExampleMachines;
import kverify.model.mk.ImageInfo;
import kverify.model.mk.Machine;
import kverify.model.mk.MkConst;
import kverify.model.mk.MkEvent;
import kverify.model.mk.MkOp;
import kverify.model.mk.Segment;
import kverify.model.mk.StepResult;
import kverify.model.mk.UserBuffer;
import org.junit.jupiter.api.Test;

/**
 * Hotplug, the reboot commands and the start path's hardware checks on the four-CPU example
 * machine (CPUs 0 and 1 online, 2 offline, 3 not present); hand-written unit tests.
 */
class TaskProgramsTest {
    private static final long MK = MkConst.KEXEC_MULTIKERNEL;
    private static final UserBuffer BUF = new UserBuffer(4, UserBuffer.NO_FAULT);

    private static MkImplKernel kernel(MkVariant v) {
        return MkImplKernel.create(v, ExampleMachines.fourCpus());
    }

    private static MkOp.KexecLoad load(long mem, long flags) {
        return new MkOp.KexecLoad(mem, List.of(new Segment(mem, MkConst.PAGE_SIZE, 0, BUF)), flags);
    }

    private static Call apply(MkImplKernel k, MkOp op) {
        return k.apply(op).call();
    }

    @Test
    void theKernelBootsWithItsOwnMemoryFilledAndItsOnlineCpusRunningIt() {
        MkImplKernel k = kernel(MkVariant.CORRECTED);
        assertThat(k.state().memory().byteAt(0)).isEqualTo(MkConst.KERNEL_MEMORY_FILL);
        assertThat(k.state().memory().byteAt(0xFFFF)).isEqualTo(MkConst.KERNEL_MEMORY_FILL);
        assertThat(k.state().memory().byteAt(0x10000)).isZero();
        assertThat(k.state().cpus()).containsExactly(CpuState.host(), CpuState.host(), CpuState.none(), CpuState.none());
    }

    @Test
    void hotplugRefusesImpossibleAndAbsentCpusAndTheLastOnlineOne() {
        MkImplKernel k = kernel(MkVariant.AS_POSTED);
        assertThat(apply(k, new MkOp.CpuOnline(4))).isEqualTo(Call.err(Errno.EINVAL));
        assertThat(apply(k, new MkOp.CpuOffline(-1))).isEqualTo(Call.err(Errno.EINVAL));
        assertThat(apply(k, new MkOp.CpuOnline(3))).isEqualTo(Call.err(Errno.EINVAL));
        assertThat(apply(k, new MkOp.CpuOffline(3))).isEqualTo(Call.err(Errno.EINVAL));
        assertThat(apply(k, new MkOp.CpuOffline(2))).isEqualTo(Call.ok());
        assertThat(apply(k, new MkOp.CpuOnline(0))).isEqualTo(Call.ok());
        assertThat(apply(k, new MkOp.CpuOffline(1))).isEqualTo(Call.ok());
        assertThat(apply(k, new MkOp.CpuOffline(0))).isEqualTo(Call.err(Errno.EBUSY));
        assertThat(k.state().cpus().get(0)).isEqualTo(CpuState.host());
        assertThat(k.state().locksHeld()).isEmpty();
    }

    @Test
    void aHotplugWaitsWhileAStartHoldsTheCpusReadLock() {
        MkImplKernel k = kernel(MkVariant.AS_POSTED);
        apply(k, load(0x40000, MK));
        StepResult r = k.apply(new MkOp.Concurrent(MkOp.Reboot.multikernel(2), new MkOp.CpuOnline(2), List.of(1, 1, 1, 1, 1, 2)));
        assertThat(r.calls()).containsExactly(Call.ok(), Call.ok());
        assertThat(k.lastSteps()).containsExactly("1:system-transition-mutex", "1:copy-arg", "1:online-check", "1:kexec-lock",
                "1:cpu-hotplug-lock", "2:waits", "1:wake-up", "2:cpu-hotplug-write-lock", "2:bring-up");
        assertThat(k.state().cpus().get(2)).isEqualTo(CpuState.host());
    }

    @Test
    void onlyARebootThatFailsItsEarlyChecksGetsPastAHeldMutex() {
        MkImplKernel k = kernel(MkVariant.AS_POSTED);
        MkOp.Reboot faulting = new MkOp.Reboot(MkConst.LINUX_REBOOT_MAGIC1, MkConst.LINUX_REBOOT_MAGIC2,
                MkConst.LINUX_REBOOT_CMD_MULTIKERNEL, 2, true);
        apply(k, faulting);
        MkOp.Reboot badMagic = new MkOp.Reboot(MkConst.LINUX_REBOOT_MAGIC1, 1, MkConst.LINUX_REBOOT_CMD_CAD_ON, 0, false);
        assertThat(apply(k, badMagic)).isEqualTo(Call.err(Errno.EINVAL));
        assertThat(apply(k, MkOp.Reboot.command(MkConst.LINUX_REBOOT_CMD_CAD_ON))).isEqualTo(Call.HUNG);
    }

    @Test
    void ctrlAltDelCommandsSucceedAndUnknownCommandsAreEinval() {
        MkImplKernel k = kernel(MkVariant.CORRECTED);
        assertThat(apply(k, MkOp.Reboot.command(MkConst.LINUX_REBOOT_CMD_CAD_ON))).isEqualTo(Call.ok());
        assertThat(apply(k, MkOp.Reboot.command(MkConst.LINUX_REBOOT_CMD_CAD_OFF))).isEqualTo(Call.ok());
        assertThat(apply(k, MkOp.Reboot.command(0x12345678))).isEqualTo(Call.err(Errno.EINVAL));
        assertThat(k.state().locksHeld()).isEmpty();
    }

    @Test
    void aPreserveContextKexecRebootReturnsAndReleasesItsLocks() {
        MkImplKernel k = kernel(MkVariant.AS_POSTED);
        assertThat(apply(k, load(0x20000, MkConst.KEXEC_PRESERVE_CONTEXT))).isEqualTo(Call.ok());
        assertThat(apply(k, MkOp.Reboot.command(MkConst.LINUX_REBOOT_CMD_KEXEC))).isEqualTo(Call.ok());
        assertThat(k.state().halt().halted()).isFalse();
        assertThat(k.state().locksHeld()).isEmpty();
    }

    @Test
    void asPostedStartRefusesCpusWithoutAValidPresentApicId() {
        Machine base = ExampleMachines.fourCpus();
        List<Cpu> cpus = List.of(base.cpus().get(0), base.cpus().get(1), new Cpu(0x1FF, true, false, true, 0),
                new Cpu(MkConst.BAD_APICID, false, false, true, 0));
        Machine m = new Machine(4, 8, MkConst.XAPIC_MAX_APIC_ID, cpus, base.ram(), base.mkReserved(), base.kernelUsed(),
                base.crashKernel(), base.config(), base.caller());
        MkImplKernel k = MkImplKernel.create(MkVariant.AS_POSTED, m);
        apply(k, load(0x40000, MK));
        assertThat(apply(k, MkOp.Reboot.multikernel(2))).isEqualTo(Call.err(Errno.EINVAL));
        assertThat(apply(k, MkOp.Reboot.multikernel(3))).isEqualTo(Call.err(Errno.EINVAL));
        StepResult impossible = k.apply(MkOp.Reboot.multikernel(-1));
        assertThat(impossible.call()).isEqualTo(Call.err(Errno.EINVAL));
        assertThat(impossible.events()).containsExactly(new MkEvent.OutOfBoundsRead("cpu_online_mask", 0xFFFFFFFFL));
        assertThat(k.state().cpus()).extracting(CpuState::owner).doesNotContain(CpuState.Owner.GUEST);
    }

    @Test
    void correctedStartsEachImageOnceAndUnloadKeepsTheRunningOnes() {
        MkImplKernel k = kernel(MkVariant.CORRECTED);
        apply(k, load(0x40000, MK));
        apply(k, load(0x20000, 0));
        apply(k, load(0x50000, MK));
        assertThat(k.state().images()).extracting(ImageInfo::id).containsExactly(1, 2, 3);
        apply(k, new MkOp.CpuOffline(1));
        assertThat(apply(k, MkOp.Reboot.multikernel(2))).isEqualTo(Call.ok());
        assertThat(apply(k, MkOp.Reboot.multikernel(1))).isEqualTo(Call.ok());
        assertThat(k.state().cpus().get(2).imageId()).isEqualTo(1);
        assertThat(k.state().cpus().get(1).imageId()).isEqualTo(3);
        apply(k, load(0x60000, MK));
        assertThat(apply(k, new MkOp.Unload(MK))).isEqualTo(Call.ok());
        assertThat(k.state().images()).extracting(ImageInfo::id).containsExactly(1, 2, 3);
        assertThat(apply(k, new MkOp.Unload(0))).isEqualTo(Call.ok());
        assertThat(k.state().images()).extracting(ImageInfo::id).containsExactly(1, 3);
    }
}
