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
import kverify.model.mk.MkConst;
import kverify.model.mk.MkOp;
import kverify.model.mk.MkState;
import kverify.model.mk.Segment;
import kverify.model.mk.UserBuffer;
import org.junit.jupiter.api.Test;

/** Where each variant keeps its images and what it remembers about guests (hand-written unit tests). */
class ImageStoreTest {
    private static final long MK = MkConst.KEXEC_MULTIKERNEL;
    private static final UserBuffer BUF = new UserBuffer(2, UserBuffer.NO_FAULT);

    private static MkOp.KexecLoad load(long mem, long flags) {
        return new MkOp.KexecLoad(mem, List.of(new Segment(mem, MkConst.PAGE_SIZE, MkConst.PAGE_SIZE, BUF)), flags);
    }

    private static MkImplKernel kernel(MkVariant v) {
        return MkImplKernel.create(v, ExampleMachines.fourCpus());
    }

    @Test
    void onlyTheCorrectedStoreRemembersWhichCpuRunsAGuest() {
        Kimage image = new Kimage(1, ImageType.MULTIKERNEL, 0x40000, List.of(), false);
        for (ImageStore s : List.of(new ImageStore.Slot(), new ImageList())) {
            s.started(image, 2);
            assertThat(s.guestOn(2)).as(s.getClass().getSimpleName()).isFalse();
            assertThat(s.anyGuest()).as(s.getClass().getSimpleName()).isFalse();
        }
        ImageStore.Corrected c = new ImageStore.Corrected();
        assertThat(c.anyGuest()).isFalse();
        c.started(image, 2);
        assertThat(c.guestOn(2)).isTrue();
        assertThat(c.guestOn(1)).isFalse();
        assertThat(c.anyGuest()).isTrue();
    }

    @Test
    void imageTrackingUnloadWithoutTheMultikernelFlagFreesOnlyKexecImage() {
        MkImplKernel k = kernel(MkVariant.IMAGE_TRACKING);
        assertThat(k.apply(load(0x20000, 0)).call()).isEqualTo(Call.ok());
        assertThat(k.apply(load(0x40000, MK)).call()).isEqualTo(Call.ok());
        assertThat(k.apply(new MkOp.Unload(0)).call()).isEqualTo(Call.ok());
        assertThat(k.state().images()).extracting(ImageInfo::id, ImageInfo::type).containsExactly(tuple(2, ImageType.MULTIKERNEL));
    }

    @Test
    void correctedKexecRebootReplacesTheKernelUnlessAGuestRuns() {
        MkImplKernel idle = kernel(MkVariant.CORRECTED);
        idle.apply(load(0x20000, 0));
        assertThat(idle.apply(MkOp.Reboot.command(MkConst.LINUX_REBOOT_CMD_KEXEC)).call()).isEqualTo(Call.HALTED);
        assertThat(idle.state().halt().kind()).isEqualTo(Halt.Kind.REPLACED);

        MkImplKernel busy = kernel(MkVariant.CORRECTED);
        busy.apply(load(0x20000, 0));
        busy.apply(load(0x40000, MK));
        assertThat(busy.apply(MkOp.Reboot.multikernel(2)).call()).isEqualTo(Call.ok());
        assertThat(busy.apply(MkOp.Reboot.command(MkConst.LINUX_REBOOT_CMD_KEXEC)).call()).isEqualTo(Call.err(Errno.EBUSY));
        assertThat(busy.state().halt()).isEqualTo(Halt.RUNNING);
    }

    @Test
    void aCorrectedCopyStillKnowsWhichCpuRunsAGuest() {
        MkImplKernel k = kernel(MkVariant.CORRECTED);
        k.apply(load(0x40000, MK));
        assertThat(k.apply(MkOp.Reboot.multikernel(2)).call()).isEqualTo(Call.ok());
        MkImplKernel c = k.copy();
        assertThat(c.apply(new MkOp.CpuOnline(2)).call()).isEqualTo(Call.err(Errno.EBUSY));
        assertThat(c.state().cpus().get(2).owner()).isEqualTo(CpuState.Owner.GUEST);
    }

    @Test
    void everyVariantCopiesItsImagesAndCpusIndependently() {
        for (MkVariant v : List.of(MkVariant.AS_POSTED, MkVariant.IMAGE_TRACKING, MkVariant.CORRECTED)) {
            MkImplKernel k = kernel(v);
            k.apply(load(0x40000, MK));
            k.apply(load(0x20000, 0));
            assertThat(k.apply(new MkOp.CpuOffline(1)).call()).isEqualTo(Call.ok());
            MkImplKernel c = k.copy();
            MkState s = k.state();
            assertThat(c.state()).as(v.name()).isEqualTo(s);
            assertThat(c.state().cpus().get(1)).as(v.name()).isEqualTo(CpuState.none().withHostOnline(false));
            assertThat(c.state().images()).as(v.name()).hasSize(v == MkVariant.AS_POSTED ? 1 : 2);
            c.apply(new MkOp.Unload(MK));
            c.apply(new MkOp.Unload(0));
            assertThat(c.state().images()).as(v.name()).isEmpty();
            assertThat(k.state()).as(v.name()).isEqualTo(s);
        }
    }
}
