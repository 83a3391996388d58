package kverify.impl.mk;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import kverify.model.Errno;
import kverify.model.mk.Call;
import kverify.model.mk.ExampleMachines;
import kverify.model.mk.MkConst;
import kverify.model.mk.MkEvent;
import kverify.model.mk.MkOp;
import kverify.model.mk.Segment;
import kverify.model.mk.StepResult;
import kverify.model.mk.UserBuffer;
import org.junit.jupiter.api.Test;

/** How the step scheduler interleaves, blocks, hangs and stops tasks, seen through the kernel (hand-written). */
class SchedulerTest {
    private static final MkOp.Reboot KEXEC = MkOp.Reboot.command(MkConst.LINUX_REBOOT_CMD_KEXEC);

    private static MkImplKernel kernel(MkVariant v) {
        return MkImplKernel.create(v, ExampleMachines.fourCpus());
    }

    private static MkOp.KexecLoad defaultImage() {
        return new MkOp.KexecLoad(0x20000, List.of(new Segment(0x20000, 0x1000, 0, new UserBuffer(0, UserBuffer.NO_FAULT))), 0);
    }

    @Test
    void aScheduledTaskThatMustWaitIsRecordedAndTheOtherGoes() {
        MkImplKernel k = kernel(MkVariant.CORRECTED);
        StepResult r = k.apply(new MkOp.Concurrent(new MkOp.Suspend(), new MkOp.Suspend(), List.of(1, 2)));
        assertThat(r.calls()).containsExactly(Call.ok(), Call.ok());
        assertThat(k.lastSteps()).containsExactly("1:system-transition-mutex", "2:waits", "1:suspend-resume",
                "2:system-transition-mutex", "2:suspend-resume");
    }

    @Test
    void aHaltInOneTaskLeavesTheOtherNotRunAndLaterOpsDoNothing() {
        MkImplKernel k = kernel(MkVariant.AS_POSTED);
        k.apply(defaultImage());
        StepResult r = k.apply(new MkOp.Concurrent(KEXEC, new MkOp.Suspend(), List.of(1, 1)));
        assertThat(r.calls()).containsExactly(Call.HALTED, Call.NOT_RUN);
        assertThat(k.lastSteps()).containsExactly("1:system-transition-mutex", "1:kernel-kexec");
        assertThat(k.apply(new MkOp.Concurrent(new MkOp.Suspend(), new MkOp.Suspend(), List.of())).calls())
                .containsExactly(Call.NOT_RUN, Call.NOT_RUN);
        assertThat(k.apply(new MkOp.Suspend()).calls()).containsExactly(Call.NOT_RUN);
        assertThat(k.lastSteps()).isEmpty();
    }

    @Test
    void whenNoTaskCanRunOnlyTheUnfinishedOnesHang() {
        MkImplKernel k = kernel(MkVariant.AS_POSTED);
        MkOp.Reboot faulting = new MkOp.Reboot(MkConst.LINUX_REBOOT_MAGIC1, MkConst.LINUX_REBOOT_MAGIC2,
                MkConst.LINUX_REBOOT_CMD_MULTIKERNEL, 2, true);
        StepResult r = k.apply(new MkOp.Concurrent(faulting, new MkOp.Suspend(), List.of()));
        assertThat(r.calls()).containsExactly(Call.err(Errno.EFAULT), Call.HUNG);
        assertThat(k.lastSteps()).containsExactly("1:system-transition-mutex", "1:copy-arg");
    }

    @Test
    void hotplugStepsAreNamedAfterTheirDirection() {
        MkImplKernel k = kernel(MkVariant.AS_POSTED);
        assertThat(k.apply(new MkOp.CpuOffline(1)).call()).isEqualTo(Call.ok());
        assertThat(k.lastSteps()).containsExactly("1:cpu-hotplug-write-lock", "1:take-down");
        assertThat(k.apply(new MkOp.CpuOnline(2)).call()).isEqualTo(Call.ok());
        assertThat(k.lastSteps()).containsExactly("1:cpu-hotplug-write-lock", "1:bring-up");
    }

    @Test
    void asPostedOnlineCheckRefusesAnOnlineCpuAndReadsOutOfBoundsFromNrCpusOn() {
        MkImplKernel k = kernel(MkVariant.AS_POSTED);
        StepResult online = k.apply(MkOp.Reboot.multikernel(1));
        assertThat(online.call()).isEqualTo(Call.err(Errno.EBUSY));
        assertThat(online.events()).isEmpty();
        // NR_CPUS is 8: bit 7 is the last inside cpu_online_mask, bit 8 the first outside it.
        assertThat(k.apply(MkOp.Reboot.multikernel(7)).events()).isEmpty();
        StepResult outside = k.apply(MkOp.Reboot.multikernel(8));
        assertThat(outside.call()).isEqualTo(Call.err(Errno.EINVAL));
        assertThat(outside.events()).containsExactly(new MkEvent.OutOfBoundsRead("cpu_online_mask", 8));
    }

    @Test
    void theKernelReportsItsVariantMachineAndStartSteps() {
        MkImplKernel k = kernel(MkVariant.IMAGE_TRACKING);
        assertThat(k.variant()).isEqualTo(MkVariant.IMAGE_TRACKING);
        assertThat(k.machine()).isEqualTo(ExampleMachines.fourCpus());
        assertThat(MkVariant.AS_POSTED.startStepNames()).containsExactly("online-check", "kexec-lock", "cpu-hotplug-lock", "wake-up");
        assertThat(MkVariant.CORRECTED.startStepNames())
                .containsExactly("range-check", "kexec-lock", "cpu-hotplug-lock", "online-check", "wake-up");
    }
}
