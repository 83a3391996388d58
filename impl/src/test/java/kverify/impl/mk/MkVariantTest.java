package kverify.impl.mk;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import kverify.model.Errno;
import kverify.model.Outcome;
import kverify.model.mk.Call;
import kverify.model.mk.Cpu;
import kverify.model.mk.CpuState;
import kverify.model.mk.ExampleMachines;
import kverify.model.mk.Halt;
import kverify.model.mk.Lock;
import kverify.model.mk.Machine;
import kverify.model.mk.MkConst;
import kverify.model.mk.MkEvent;
import kverify.model.mk.MkOp;
import kverify.model.mk.Segment;
import kverify.model.mk.StepResult;
import kverify.model.mk.UserBuffer;
import org.junit.jupiter.api.Test;

/** Hand-written unit tests of what each variant does on the RFC's known paths (not generated). */
class MkVariantTest {
    private static final long MK = MkConst.KEXEC_MULTIKERNEL;

    private static MkOp.KexecLoad mkLoad(long mem, long pages, long fault) {
        return new MkOp.KexecLoad(mem, List.of(new Segment(mem, pages * 4096, pages * 4096, new UserBuffer(1, fault))), MK);
    }

    private static MkImplKernel kernel(MkVariant v) {
        return MkImplKernel.create(v, ExampleMachines.fourCpus());
    }

    @Test
    void asPostedAcceptsMultikernelOnlyWithKexecJump() {
        MkImplKernel noJump = MkImplKernel.create(MkVariant.AS_POSTED, ExampleMachines.fourCpus(false, true));
        assertThat(noJump.apply(mkLoad(0x40000, 1, -1)).call()).isEqualTo(Call.err(Errno.EINVAL));
        MkImplKernel corrected = MkImplKernel.create(MkVariant.CORRECTED, ExampleMachines.fourCpus(false, true));
        assertThat(corrected.apply(mkLoad(0x40000, 1, -1)).call()).isEqualTo(Call.ok());
    }

    @Test
    void asPostedKeepsTheTransitionMutexAfterEfaultSoTheNextCallerHangs() {
        MkImplKernel k = kernel(MkVariant.AS_POSTED);
        MkOp.Reboot faulting = new MkOp.Reboot(MkConst.LINUX_REBOOT_MAGIC1, MkConst.LINUX_REBOOT_MAGIC2,
                MkConst.LINUX_REBOOT_CMD_MULTIKERNEL, 2, true);
        assertThat(k.apply(faulting).call()).isEqualTo(Call.err(Errno.EFAULT));
        assertThat(k.state().locksHeld()).containsExactly(Lock.SYSTEM_TRANSITION_MUTEX);
        assertThat(k.apply(new MkOp.Suspend()).call()).isEqualTo(Call.HUNG);
        MkImplKernel c = kernel(MkVariant.CORRECTED);
        assertThat(c.apply(faulting).call()).isEqualTo(Call.err(Errno.EFAULT));
        assertThat(c.state().locksHeld()).isEmpty();
    }

    @Test
    void asPostedReadsCpuOnlineMaskOutOfBoundsForNegativeOrHugeCpus() {
        MkImplKernel k = kernel(MkVariant.AS_POSTED);
        StepResult r = k.apply(MkOp.Reboot.multikernel(-1));
        assertThat(r.call()).isEqualTo(Call.err(Errno.EINVAL));
        assertThat(r.events()).containsExactly(new MkEvent.OutOfBoundsRead("cpu_online_mask", 0xFFFFFFFFL));
        assertThat(k.apply(MkOp.Reboot.multikernel(7)).events()).isEmpty();
        assertThat(kernel(MkVariant.CORRECTED).apply(MkOp.Reboot.multikernel(-1)).events()).isEmpty();
    }

    @Test
    void asPostedReturnsAPositiveWakeupStatusAndCorrectedReturnsEio() {
        Machine base = ExampleMachines.fourCpus();
        List<Cpu> cpus = List.of(base.cpus().get(0), base.cpus().get(1), new Cpu(2, true, false, true, 5), base.cpus().get(3));
        Machine m = new Machine(4, 8, 0xFE, cpus, base.ram(), base.mkReserved(), base.kernelUsed(), base.crashKernel(),
                base.config(), base.caller());
        for (MkVariant v : List.of(MkVariant.AS_POSTED, MkVariant.IMAGE_TRACKING, MkVariant.CORRECTED)) {
            MkImplKernel k = MkImplKernel.create(v, m);
            k.apply(mkLoad(0x40000, 1, -1));
            Outcome<Integer> want = v == MkVariant.CORRECTED ? Outcome.err(Errno.EIO) : Outcome.ok(5);
            assertThat(k.apply(MkOp.Reboot.multikernel(2)).call().outcome()).as(v.name()).isEqualTo(want);
        }
    }

    @Test
    void asPostedKexecRebootRunsTheMultikernelImageAndOopses() {
        MkImplKernel k = kernel(MkVariant.AS_POSTED);
        k.apply(mkLoad(0x40000, 1, -1));
        assertThat(k.apply(MkOp.Reboot.command(MkConst.LINUX_REBOOT_CMD_KEXEC)).call()).isEqualTo(Call.HALTED);
        assertThat(k.state().halt().kind()).isEqualTo(Halt.Kind.OOPS);
        assertThat(k.apply(new MkOp.Suspend()).call()).isEqualTo(Call.NOT_RUN);
        MkImplKernel t = kernel(MkVariant.IMAGE_TRACKING);
        t.apply(mkLoad(0x40000, 1, -1));
        assertThat(t.apply(MkOp.Reboot.command(MkConst.LINUX_REBOOT_CMD_KEXEC)).call()).isEqualTo(Call.err(Errno.EINVAL));
    }

    @Test
    void asPostedLeavesPagesWrittenBeforeACopyFault() {
        MkImplKernel k = kernel(MkVariant.AS_POSTED);
        assertThat(k.apply(mkLoad(0x40000, 3, 0x1800)).call()).isEqualTo(Call.err(Errno.EFAULT));
        assertThat(k.state().memory().byteAt(0x40000)).isEqualTo(UserBuffer.byteAt(1, 0));
        assertThat(k.state().memory().byteAt(0x42000)).isZero();
        assertThat(k.state().images()).isEmpty();
    }

    @Test
    void imageTrackingUnloadFreesAtMostTenAndStartsTheSameImageTwice() {
        MkImplKernel k = kernel(MkVariant.IMAGE_TRACKING);
        for (int i = 0; i < 11; i++) {
            assertThat(k.apply(mkLoad(0x40000 + i * 0x1000L, 1, -1)).call()).isEqualTo(Call.ok());
        }
        assertThat(k.apply(new MkOp.Unload(MK)).call()).isEqualTo(Call.ok());
        assertThat(k.state().images()).singleElement().satisfies(i -> assertThat(i.id()).isEqualTo(11));
        k.apply(new MkOp.CpuOffline(1));
        k.apply(MkOp.Reboot.multikernel(1));
        k.apply(MkOp.Reboot.multikernel(2));
        assertThat(k.state().cpus().get(1).imageId()).isEqualTo(11);
        assertThat(k.state().cpus().get(2).imageId()).isEqualTo(11);
    }

    @Test
    void onlineBetweenTheCheckAndTheKickHandsAnOnlineCpuToTheGuestOnlyAsPosted() {
        MkOp.Concurrent race = new MkOp.Concurrent(MkOp.Reboot.multikernel(2), new MkOp.CpuOnline(2), List.of(1, 1, 1, 2, 2));
        MkImplKernel k = kernel(MkVariant.AS_POSTED);
        k.apply(mkLoad(0x40000, 1, -1));
        StepResult r = k.apply(race);
        assertThat(r.calls()).containsExactly(Call.ok(), Call.ok());
        assertThat(k.lastSteps()).startsWith("1:system-transition-mutex", "1:copy-arg", "1:online-check", "2:cpu-hotplug-write-lock");
        assertThat(k.state().cpus().get(2)).isEqualTo(new CpuState(CpuState.Owner.GUEST, 1,
                kverify.model.mk.ImageType.MULTIKERNEL, true));
        MkImplKernel c = kernel(MkVariant.CORRECTED);
        c.apply(mkLoad(0x40000, 1, -1));
        // The online check waits for the hotplug lock, so the online wins and the start is refused.
        assertThat(c.apply(race).calls()).containsExactly(Call.err(Errno.EBUSY), Call.ok());
        assertThat(c.state().cpus().get(2)).isEqualTo(CpuState.host());
    }

    @Test
    void copiesAreIndependent() {
        MkImplKernel k = kernel(MkVariant.CORRECTED);
        k.apply(mkLoad(0x40000, 1, -1));
        MkImplKernel c = k.copy();
        assertThat(c.state()).isEqualTo(k.state());
        c.apply(mkLoad(0x50000, 1, -1));
        assertThat(c.state()).isNotEqualTo(k.state());
    }

    @Test
    void eachVariantNamesItsVersionKindAndCorrectedSibling() {
        assertThat(MkVariant.V2_AS_POSTED.version()).isEqualTo(kverify.model.mk.MkVersion.RFC_V2);
        assertThat(MkVariant.IMAGE_TRACKING.version()).isEqualTo(kverify.model.mk.MkVersion.RFC_V1);
        assertThat(MkVariant.V2_AS_POSTED.kind()).isEqualTo(MkVariant.Kind.AS_POSTED);
        assertThat(MkVariant.CORRECTED.kind()).isEqualTo(MkVariant.Kind.CORRECTED);
        assertThat(MkVariant.V2_AS_POSTED.corrected()).isEqualTo(MkVariant.V2_CORRECTED);
        assertThat(MkVariant.AS_POSTED.corrected()).isEqualTo(MkVariant.CORRECTED);
    }
}
