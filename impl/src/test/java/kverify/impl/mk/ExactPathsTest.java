package kverify.impl.mk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.util.List;
import kverify.model.Errno;
import kverify.model.mk.Call;
import kverify.model.mk.CpuState;
import kverify.model.mk.ExampleMachines;
import kverify.model.mk.Halt;
import kverify.model.mk.ImageInfo;
import kverify.model.mk.ImageType;
import kverify.model.mk.Machine;
import kverify.model.mk.MkConst;
import kverify.model.mk.MkOp;
import kverify.model.mk.PhysRange;
import kverify.model.mk.RangeSet;
import kverify.model.mk.Segment;
import kverify.model.mk.UserBuffer;
import org.junit.jupiter.api.Test;

/**
 * The paths of the posted code read against the real sources (docs/multikernel.md D24, D25,
 * D29-D32), on the four-CPU example machine: RAM [0, 1 MiB), multikernel memory [0x40000,
 * 0x80000), crashkernel [0x80000, 0xA0000), free RAM above it. Each test failed before the
 * variants were transcribed from those sources (hand-written unit tests).
 */
class ExactPathsTest {
    private static final long P = MkConst.PAGE_SIZE;
    private static final long MK = MkConst.KEXEC_MULTIKERNEL;
    private static final long CRASH = MkConst.KEXEC_ON_CRASH;
    private static final UserBuffer BUF = new UserBuffer(4, UserBuffer.NO_FAULT);

    /** One segment of {@code bytes} at {@code mem}, filled from a pattern buffer (HostPathsTest loads with it too). */
    static MkOp.KexecLoad load(long entry, long flags, long mem, long bytes) {
        return new MkOp.KexecLoad(entry, List.of(new Segment(mem, bytes, bytes, BUF)), flags);
    }

    private static MkImplKernel kernel(MkVariant v, Machine m) {
        return MkImplKernel.create(v, m);
    }

    @Test
    void aMultikernelSegmentInAHoleIsMappedByIoremapAndTheLoadSucceedsWritingNothing() {
        MkImplKernel k = kernel(MkVariant.AS_POSTED, ExampleMachines.fourCpus());
        var before = k.state().memory();
        assertThat(k.apply(load(0x200000, MK, 0x200000, P)).call()).isEqualTo(Call.ok());
        assertThat(k.state().memory()).isEqualTo(before);
        assertThat(k.state().images()).extracting(ImageInfo::type).containsExactly(ImageType.MULTIKERNEL);
    }

    @Test
    void pastThePhysicalAddressWidthMemremapFailsWithEnomemAfterTheRamPagesWereWritten() {
        Machine m = ExampleMachines.fourCpus();
        Machine narrow = new Machine(m.nrCpuIds(), m.nrCpus(), m.maxApicId(), m.cpus(), m.ram(), m.mkReserved(), m.kernelUsed(),
                m.crashKernel(), m.config(), m.caller(), 36);
        MkImplKernel k = kernel(MkVariant.AS_POSTED, narrow);
        long top = 1L << 36;
        assertThat(k.apply(load(top - P, MK, top - P, 2 * P)).call()).isEqualTo(Call.err(Errno.ENOMEM));
        assertThat(k.state().images()).isEmpty();
        assertThat(kernel(MkVariant.AS_POSTED, m).apply(load(top - P, MK, top - P, 2 * P)).call()).isEqualTo(Call.ok());
    }

    @Test
    void aCrashImageLeavesItsRegionReadOnlyExceptTheFirstFreePageForItsControlCode() {
        MkImplKernel k = kernel(MkVariant.CORRECTED, ExampleMachines.fourCpus());
        assertThat(k.apply(load(0x80000, CRASH, 0x80000, 2 * P)).call()).isEqualTo(Call.ok());
        assertThat(k.state().readOnly()).isEqualTo(RangeSet.EMPTY.plus(new PhysRange(0x80000, 0x82000)).plus(new PhysRange(0x83000, 0xA0000)));
        assertThat(k.apply(new MkOp.Unload(CRASH)).call()).isEqualTo(Call.ok());
        assertThat(k.state().readOnly()).isEqualTo(RangeSet.EMPTY);
        assertThat(k.apply(load(0x80000, CRASH, 0x80000, 0x20000)).call()).isEqualTo(Call.err(Errno.ENOMEM));
    }

    @Test
    void anOnCrashMultikernelImageHasNoControlPageSoEveryRamPageFromTheCrashRegionUpBecomesReadOnly() {
        assertThat(CrashProtection.nullPagePfn()).isEqualTo(0x5800000000L);
        MkImplKernel k = kernel(MkVariant.AS_POSTED, ExampleMachines.fourCpus());
        assertThat(k.apply(load(0x80000, CRASH | MK, 0x40000, P)).call()).isEqualTo(Call.ok());
        assertThat(k.state().readOnly()).isEqualTo(RangeSet.EMPTY.plus(new PhysRange(0x80000, 0x100000)));
        assertThat(k.state().images()).extracting(ImageInfo::id, ImageInfo::type).containsExactly(tuple(1, ImageType.MULTIKERNEL));
        // The next multikernel load that reaches that RAM writes through the read-only direct map.
        assertThat(k.apply(load(0xC0000, MK, 0xC0000, P)).call()).isEqualTo(Call.HALTED);
        assertThat(k.state().halt().kind()).isEqualTo(Halt.Kind.OOPS);
    }

    @Test
    void imageTrackingRoutesOnCrashFirstSoAnOnCrashMultikernelImageIsInTheCrashSlotAndStartable() {
        MkImplKernel k = kernel(MkVariant.IMAGE_TRACKING, ExampleMachines.fourCpus());
        assertThat(k.apply(load(0x80000, CRASH | MK, 0x40000, P)).call()).isEqualTo(Call.ok());
        assertThat(k.apply(MkOp.Reboot.multikernel(2)).call()).isEqualTo(Call.ok());
        assertThat(k.state().cpus().get(2)).isEqualTo(CpuState.guest(k.state().images().get(0)));
        assertThat(k.apply(new MkOp.Unload(CRASH)).call()).isEqualTo(Call.ok());
        assertThat(k.state().images()).isEmpty();
        assertThat(k.state().readOnly()).isEqualTo(RangeSet.EMPTY);
    }

    @Test
    void imageTrackingUnloadWithMultikernelFreesTheCrashSlotImageButLeavesItsRegionReadOnly() {
        MkImplKernel k = kernel(MkVariant.IMAGE_TRACKING, ExampleMachines.fourCpus());
        k.apply(load(0x80000, CRASH | MK, 0x40000, P));
        assertThat(k.apply(new MkOp.Unload(MK)).call()).isEqualTo(Call.ok());
        assertThat(k.state().images()).isEmpty();
        assertThat(k.state().readOnly().isEmpty()).isFalse();
        // No crash image, so the next crash load does not unprotect before writing the region.
        assertThat(k.apply(load(0x80000, CRASH, 0x80000, P)).call()).isEqualTo(Call.HALTED);
        assertThat(k.state().halt().kind()).isEqualTo(Halt.Kind.OOPS);
    }

    @Test
    void withoutCrashDumpImageTrackingPutsAnOnCrashImageInTheCrashSlotWhereKexecRebootDoesNotFindIt() {
        Machine m = ExampleMachines.fourCpus(true, false);
        MkImplKernel posted = kernel(MkVariant.AS_POSTED, m);
        MkImplKernel tracking = kernel(MkVariant.IMAGE_TRACKING, m);
        for (MkImplKernel k : List.of(posted, tracking)) {
            assertThat(k.apply(load(0x20000, CRASH, 0x20000, P)).call()).isEqualTo(Call.ok());
        }
        MkOp kexec = MkOp.Reboot.command(MkConst.LINUX_REBOOT_CMD_KEXEC);
        assertThat(posted.apply(kexec).call()).isEqualTo(Call.HALTED);
        assertThat(tracking.apply(kexec).call()).isEqualTo(Call.err(Errno.EINVAL));
    }

    @Test
    void anUnreadableSegmentArrayIsEfaultAfterTheFlagChecksAndSpendsTheLoadLimit() {
        Machine m = ExampleMachines.fourCpus();
        Machine limited = new Machine(m.nrCpuIds(), m.nrCpus(), m.maxApicId(), m.cpus(), m.ram(), m.mkReserved(), m.kernelUsed(),
                m.crashKernel(), m.config(), new Machine.Caller(true, true, false, 2, -1), m.physBits());
        MkImplKernel k = kernel(MkVariant.CORRECTED, limited);
        assertThat(k.apply(new MkOp.KexecLoadUnreadable(0, 1, MK)).call()).isEqualTo(Call.err(Errno.EFAULT));
        assertThat(k.apply(new MkOp.KexecLoadUnreadable(0, 17, MK)).call()).isEqualTo(Call.err(Errno.EINVAL));
        assertThat(k.state().loadLimitReboot()).isZero();
        assertThat(k.apply(new MkOp.KexecLoadUnreadable(0, 1, 0)).call()).isEqualTo(Call.err(Errno.EPERM));
    }
}
