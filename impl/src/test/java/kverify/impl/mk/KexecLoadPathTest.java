package kverify.impl.mk;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import kverify.model.Errno;
import kverify.model.mk.Call;
import kverify.model.mk.ExampleMachines;
import kverify.model.mk.Lock;
import kverify.model.mk.Machine;
import kverify.model.mk.MkConst;
import kverify.model.mk.MkOp;
import kverify.model.mk.MkState;
import kverify.model.mk.Segment;
import kverify.model.mk.UserBuffer;
import org.junit.jupiter.api.Test;

/**
 * kexec_load's limits at their exact boundaries on the four-CPU example machine (hand-written
 * unit tests). There totalram_pages() is 160 (1 MiB of RAM minus 256 KiB multikernel and 128 KiB
 * crash reservations), so one image may take at most 80 pages; crashkernel is [0x80000, 0xA0000).
 */
class KexecLoadPathTest {
    private static final long MK = MkConst.KEXEC_MULTIKERNEL;
    private static final long CRASH = MkConst.KEXEC_ON_CRASH;
    private static final long P = MkConst.PAGE_SIZE;
    private static final UserBuffer BUF = new UserBuffer(3, UserBuffer.NO_FAULT);

    private static Segment seg(long mem, long bytes) {
        return new Segment(mem, bytes, 0, BUF);
    }

    private static Call load(MkVariant v, long entry, long flags, Segment... segs) {
        MkImplKernel k = MkImplKernel.create(v, ExampleMachines.fourCpus());
        return k.apply(new MkOp.KexecLoad(entry, List.of(segs), flags)).call();
    }

    @Test
    void sixteenSegmentsAreAcceptedAndSeventeenRefused() {
        List<Segment> segs = new ArrayList<>();
        for (int i = 0; i < MkConst.KEXEC_SEGMENT_MAX + 1; i++) {
            segs.add(seg(0x40000 + i * P, P));
        }
        Segment[] sixteen = segs.subList(0, MkConst.KEXEC_SEGMENT_MAX).toArray(new Segment[0]);
        assertThat(load(MkVariant.AS_POSTED, 0x40000, MK, sixteen)).isEqualTo(Call.ok());
        assertThat(load(MkVariant.AS_POSTED, 0x40000, MK, segs.toArray(new Segment[0]))).isEqualTo(Call.err(Errno.EINVAL));
    }

    @Test
    void aSegmentOrAnImageMayTakeHalfOfTotalRamButNotOnePageMore() {
        assertThat(load(MkVariant.CORRECTED, 0, 0, seg(0, 80 * P))).isEqualTo(Call.ok());
        assertThat(load(MkVariant.CORRECTED, 0, 0, seg(0, 81 * P))).isEqualTo(Call.err(Errno.EINVAL));
        assertThat(load(MkVariant.CORRECTED, 0, 0, seg(0, 40 * P), seg(0x100000, 40 * P))).isEqualTo(Call.ok());
        assertThat(load(MkVariant.CORRECTED, 0, 0, seg(0, 40 * P), seg(0x100000, 41 * P))).isEqualTo(Call.err(Errno.EINVAL));
    }

    @Test
    void aCrashEntryMayBeTheFirstOrLastByteOfCrashkernel() {
        Segment whole = seg(0x80000, 0x1F000); // the last page stays free for the control page
        assertThat(load(MkVariant.CORRECTED, 0x80000, CRASH, whole)).isEqualTo(Call.ok());
        assertThat(load(MkVariant.CORRECTED, 0x9FFFF, CRASH, whole)).isEqualTo(Call.ok());
        assertThat(load(MkVariant.CORRECTED, 0x7FFFF, CRASH, whole)).isEqualTo(Call.err(Errno.EADDRNOTAVAIL));
        assertThat(load(MkVariant.CORRECTED, 0xA0000, CRASH, whole)).isEqualTo(Call.err(Errno.EADDRNOTAVAIL));
    }

    @Test
    void crashSegmentsMustLieInsideCrashkernel() {
        assertThat(load(MkVariant.AS_POSTED, 0x80000, CRASH, seg(0x80000, P), seg(0x9F000, P))).isEqualTo(Call.ok());
        assertThat(load(MkVariant.AS_POSTED, 0x80000, CRASH, seg(0x7F000, P))).isEqualTo(Call.err(Errno.EADDRNOTAVAIL));
        assertThat(load(MkVariant.AS_POSTED, 0x80000, CRASH, seg(0x90000, 0x11000))).isEqualTo(Call.err(Errno.EADDRNOTAVAIL));
        assertThat(load(MkVariant.AS_POSTED, 0x80000, CRASH, seg(0x9F000, 2 * P))).isEqualTo(Call.err(Errno.EADDRNOTAVAIL));
    }

    /** No op sequence leaves kexec_lock held at a load (every holder releases it in the same call), so the state is set up directly. */
    @Test
    void aLoadWhileAnotherTaskHoldsKexecLockIsBusy() {
        KState k = new KState(ExampleMachines.fourCpus(), new ImageStore.Slot());
        assertThat(k.locks.kexecTrylock(99)).isTrue();
        Call c = new KexecLoadPath(k, MkVariant.AS_POSTED).load(0x40000, List.of(seg(0x40000, P)), MK);
        assertThat(c).isEqualTo(Call.err(Errno.EBUSY));
        assertThat(k.images.all()).isEmpty();
        assertThat(k.locks.held()).containsExactly(Lock.KEXEC_LOCK);
    }

    @Test
    void aKexecRebootWhileAnotherTaskHoldsKexecLockIsBusyAndReleasesTheMutex() {
        KState k = new KState(ExampleMachines.fourCpus(), new ImageStore.Slot());
        assertThat(k.locks.kexecTrylock(99)).isTrue();
        KTask t = new TaskPrograms(k, MkVariant.AS_POSTED).build(MkOp.Reboot.command(MkConst.LINUX_REBOOT_CMD_KEXEC));
        assertThat(Scheduler.run(k, List.of(t), List.of())).containsExactly("1:system-transition-mutex", "1:kernel-kexec");
        assertThat(t.result()).isEqualTo(Call.err(Errno.EBUSY));
        assertThat(k.locks.held()).containsExactly(Lock.KEXEC_LOCK);
    }

    private static MkImplKernel withCaller(Machine.Caller caller) {
        Machine m = ExampleMachines.fourCpus();
        return MkImplKernel.create(MkVariant.CORRECTED, new Machine(m.nrCpuIds(), m.nrCpus(), m.maxApicId(), m.cpus(), m.ram(),
                m.mkReserved(), m.kernelUsed(), m.crashKernel(), m.config(), caller, m.physBits()));
    }

    @Test
    void withoutCapSysBootOrWithLoadsDisabledEveryLoadIsEperm() {
        MkOp.KexecLoad ok = new MkOp.KexecLoad(0, List.of(seg(0, P)), 0);
        assertThat(withCaller(new Machine.Caller(false, true, false, -1, -1)).apply(ok).call()).isEqualTo(Call.err(Errno.EPERM));
        assertThat(withCaller(new Machine.Caller(true, true, true, -1, -1)).apply(ok).call()).isEqualTo(Call.err(Errno.EPERM));
    }

    @Test
    void eachLoadLimitIsSpentByItsOwnKindOfCallEvenWhenTheCallFailsLater() {
        MkImplKernel k = withCaller(new Machine.Caller(true, true, false, 1, 2));
        MkOp.KexecLoad crash = new MkOp.KexecLoad(0x80000, List.of(seg(0x80000, P)), CRASH);
        MkOp.KexecLoad badArch = new MkOp.KexecLoad(0, List.of(seg(0, P)), 3L << 16);
        assertThat(k.apply(badArch).call()).isEqualTo(Call.err(Errno.EINVAL));
        assertThat(k.state().loadLimitReboot()).isZero();
        assertThat(k.state().loadLimitPanic()).isEqualTo(2);
        assertThat(k.apply(new MkOp.KexecLoad(0, List.of(seg(0, P)), 0)).call()).isEqualTo(Call.err(Errno.EPERM));
        assertThat(k.apply(crash).call()).isEqualTo(Call.ok());
        assertThat(k.apply(crash).call()).isEqualTo(Call.ok());
        assertThat(k.apply(crash).call()).isEqualTo(Call.err(Errno.EPERM));
        MkState s = k.state();
        assertThat(s.loadLimitReboot()).isZero();
        assertThat(s.loadLimitPanic()).isZero();
    }

    @Test
    void onlyTheDefaultAndX8664ArchitecturesAreAccepted() {
        assertThat(load(MkVariant.CORRECTED, 0, MkConst.KEXEC_ARCH_X86_64, seg(0, P))).isEqualTo(Call.ok());
        assertThat(load(MkVariant.CORRECTED, 0, MkConst.KEXEC_ARCH_DEFAULT, seg(0, P))).isEqualTo(Call.ok());
        assertThat(load(MkVariant.CORRECTED, 0, 3L << 16, seg(0, P))).isEqualTo(Call.err(Errno.EINVAL));
    }

    @Test
    void sanityChecksRefuseWrappedUnalignedOverlappingAndOverfullSegments() {
        assertThat(load(MkVariant.CORRECTED, 0, 0, seg(0x20000, 0))).isEqualTo(Call.ok());
        assertThat(load(MkVariant.CORRECTED, 0, 0, seg(-P, 2 * P))).isEqualTo(Call.err(Errno.EADDRNOTAVAIL));
        assertThat(load(MkVariant.CORRECTED, 0, 0, seg(0x20800, 0x800))).isEqualTo(Call.err(Errno.EADDRNOTAVAIL));
        assertThat(load(MkVariant.CORRECTED, 0, 0, seg(0x20000, 0x800))).isEqualTo(Call.err(Errno.EADDRNOTAVAIL));
        assertThat(load(MkVariant.CORRECTED, 0, 0, seg(0x20000, 2 * P), seg(0x21000, P))).isEqualTo(Call.err(Errno.EINVAL));
        Segment overfull = new Segment(0x20000, P, P + 1, BUF);
        assertThat(load(MkVariant.CORRECTED, 0, 0, overfull)).isEqualTo(Call.err(Errno.EINVAL));
    }

    @Test
    void aDefaultImageWhoseBufferFaultsIsEfault() {
        Segment faulting = new Segment(0x20000, P, P, new UserBuffer(3, P - 1));
        assertThat(load(MkVariant.CORRECTED, 0, 0, faulting)).isEqualTo(Call.err(Errno.EFAULT));
        assertThat(load(MkVariant.CORRECTED, 0, 0, new Segment(0x20000, P, P, new UserBuffer(3, P)))).isEqualTo(Call.ok());
    }

    @Test
    void correctedRefusesAMultikernelImageOutsideTheReservedMemory() {
        assertThat(load(MkVariant.CORRECTED, 0x20000, MK, seg(0x20000, P))).isEqualTo(Call.err(Errno.EADDRNOTAVAIL));
        assertThat(load(MkVariant.AS_POSTED, 0x20000, MK, seg(0x20000, P))).isEqualTo(Call.ok());
    }

    /** Task ids only grow, so a lock left held by one call is never mistaken for a free one (id 0). */
    @Test
    void everyCallGetsAFreshNonZeroTaskId() {
        MkOp.Reboot faulting = new MkOp.Reboot(MkConst.LINUX_REBOOT_MAGIC1, MkConst.LINUX_REBOOT_MAGIC2,
                MkConst.LINUX_REBOOT_CMD_MULTIKERNEL, 2, true);
        for (MkOp first : List.of(new MkOp.KexecLoad(0, List.of(seg(0, P)), 0), new MkOp.Suspend())) {
            MkImplKernel k = MkImplKernel.create(MkVariant.AS_POSTED, ExampleMachines.fourCpus());
            assertThat(k.apply(first).call()).isEqualTo(Call.ok());
            assertThat(k.apply(faulting).call()).isEqualTo(Call.err(Errno.EFAULT));
            assertThat(k.state().locksHeld()).as(first.kind()).containsExactly(Lock.SYSTEM_TRANSITION_MUTEX);
        }
    }
}
