package kverify.impl.mk;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import kverify.model.Errno;
import kverify.model.mk.Call;
import kverify.model.mk.ExampleMachines;
import kverify.model.mk.ImageInfo;
import kverify.model.mk.InstanceInfo;
import kverify.model.mk.MkConst;
import kverify.model.mk.MkOp;
import org.junit.jupiter.api.Test;

/**
 * kexec_file_load of RFC v2 on the four-CPU example machine, hand-written: the flag checks, an
 * instance id that names nothing, image ids taken only by loads that succeed, and a failed
 * instance load that (corrected) gives its pool pages back.
 */
class KexecFileLoadPathTest {
    private static final long P = MkConst.PAGE_SIZE;
    private static final long MK = MkConst.KEXEC_MULTIKERNEL;

    private static MkImplKernel kernel(MkVariant v) {
        return MkImplKernel.create(v, ExampleMachines.fourCpus());
    }

    private static Call call(MkImplKernel k, MkOp op) {
        return k.apply(op).call();
    }

    private static MkOp.KexecFileLoad load(long id, long... sizes) {
        return new MkOp.KexecFileLoad(MK | (id << MkConst.KEXEC_MK_ID_SHIFT), java.util.Arrays.stream(sizes).boxed().toList(), 3);
    }

    @Test
    void onCrashAndAnInstanceUnloadAreRefusedAndAMissingInstanceIsEnoent() {
        MkImplKernel k = kernel(MkVariant.V2_CORRECTED);
        assertThat(call(k, new MkOp.KexecFileLoad(MkConst.KEXEC_FILE_ON_CRASH, List.of(P), 1))).isEqualTo(Call.err(Errno.EINVAL));
        assertThat(call(k, new MkOp.KexecFileLoad(MkConst.KEXEC_FILE_UNLOAD | MK | (1L << MkConst.KEXEC_MK_ID_SHIFT), List.of(), 0)))
                .isEqualTo(Call.err(Errno.EINVAL));
        assertThat(call(k, load(5, P))).isEqualTo(Call.err(Errno.ENOENT));
        assertThat(k.state().images()).isEmpty();
    }

    @Test
    void onlyLoadsThatSucceedTakeAnImageId() {
        MkImplKernel k = kernel(MkVariant.V2_CORRECTED);
        assertThat(call(k, new MkOp.DtUpload("a", 1, 3 * P, List.of(2)))).isEqualTo(Call.ok());
        // Room for the segment and the control page, not for the swap page.
        assertThat(call(k, load(1, 2 * P))).isEqualTo(Call.err(Errno.ENOMEM));
        assertThat(call(k, new MkOp.KexecFileLoad(0, List.of(P), 1))).isEqualTo(Call.ok());
        assertThat(k.state().images()).extracting(ImageInfo::id).containsExactly(1);
        // The failed load gave its two pages back: a one-page segment, its control and its swap page fit.
        assertThat(call(k, load(1, P))).isEqualTo(Call.ok());
        assertThat(k.state().instances().get(0).status()).isEqualTo(InstanceInfo.Status.LOADING);
        assertThat(k.state().images()).extracting(ImageInfo::id).contains(2);
        assertThat(call(k, load(1, P))).isEqualTo(Call.err(Errno.EBUSY));
        assertThat(call(k, new MkOp.KexecFileLoad(0, List.of(P), 1))).isEqualTo(Call.ok());
        assertThat(k.state().images()).extracting(ImageInfo::id).contains(3);
    }

    /**
     * The contract: an instance image's entry is its first segment's address (0 without segments),
     * and unloading the multikernel images gives the instance's pool pages back, so the same load
     * fits again.
     */
    @Test
    void anInstanceImageStartsAtItsFirstSegmentAndItsUnloadGivesThePoolBack() {
        MkImplKernel k = kernel(MkVariant.V2_CORRECTED);
        assertThat(call(k, new MkOp.DtUpload("a", 1, 3 * P, List.of(2)))).isEqualTo(Call.ok());
        long pool = k.state().instances().get(0).pool().get(0).start();
        assertThat(call(k, load(1, P))).isEqualTo(Call.ok());
        assertThat(k.state().images()).singleElement().satisfies(i -> {
            assertThat(i.entry()).isEqualTo(pool);
            assertThat(i.instanceId()).isEqualTo(1);
        });
        assertThat(call(k, new MkOp.Unload(MK))).isEqualTo(Call.ok());
        assertThat(k.state().images()).isEmpty();
        assertThat(k.state().instances().get(0).status()).isEqualTo(InstanceInfo.Status.READY);
        assertThat(call(k, load(1, P))).as("the three pool pages are free again").isEqualTo(Call.ok());
        assertThat(call(k, new MkOp.Unload(MK))).isEqualTo(Call.ok());
        assertThat(call(k, load(1))).as("no segments: the control and swap pages only").isEqualTo(Call.ok());
        assertThat(k.state().images()).singleElement().satisfies(i -> assertThat(i.entry()).isZero());
    }
}
