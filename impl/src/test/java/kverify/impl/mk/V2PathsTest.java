package kverify.impl.mk;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import kverify.model.Errno;
import kverify.model.mk.Call;
import kverify.model.mk.CpuState;
import kverify.model.mk.ExampleMachines;
import kverify.model.mk.Halt;
import kverify.model.mk.ImageType;
import kverify.model.mk.InstanceInfo;
import kverify.model.mk.Machine;
import kverify.model.mk.MkConst;
import kverify.model.mk.MkOp;
import kverify.model.mk.PhysRange;
import org.junit.jupiter.api.Test;

/**
 * RFC v2 as posted against the contract's corrected implementation, on the four-CPU example
 * machine (multikernel pool [0x40000, 0x80000), CPU 2 offline, RAM up to 1 MiB): each test is a
 * path read in the v2 mails (docs/versions-multikernel.md; hand-written unit tests).
 */
class V2PathsTest {
    private static final long P = MkConst.PAGE_SIZE;
    private static final long MK = MkConst.KEXEC_MULTIKERNEL;

    private static MkImplKernel kernel(MkVariant v) {
        return MkImplKernel.create(v, ExampleMachines.fourCpus());
    }

    private static MkOp.DtUpload instance(String name, int id, long bytes, int cpu) {
        return new MkOp.DtUpload(name, id, bytes, List.of(cpu));
    }

    private static MkOp.KexecFileLoad load(long id, long... sizes) {
        return new MkOp.KexecFileLoad(MK | (id << MkConst.KEXEC_MK_ID_SHIFT), java.util.Arrays.stream(sizes).boxed().toList(), 3);
    }

    @Test
    void theMultikernelFlagIsKexecFileNoCmaAndInstanceIdsAboveOneAreRefusedByTheFlagCheck() {
        for (MkVariant v : List.of(MkVariant.V2_AS_POSTED, MkVariant.V2_CORRECTED)) {
            MkImplKernel k = kernel(v);
            k.apply(instance("a", 2, 4 * P, 2));
            Call plainNoCma = k.apply(new MkOp.KexecFileLoad(MkConst.KEXEC_FILE_NO_CMA, List.of(P), 1)).call();
            Call two = k.apply(load(2, P)).call();
            assertThat(List.of(plainNoCma, two)).as(v.name()).isEqualTo(v == MkVariant.V2_AS_POSTED
                    ? List.of(Call.err(Errno.EINVAL), Call.err(Errno.EINVAL)) : List.of(Call.ok(), Call.ok()));
        }
    }

    @Test
    void deviceTreeErrorsAreSwallowedAndADuplicateIdLeaksThePoolAndTheOfflinedCpu() {
        MkImplKernel k = kernel(MkVariant.V2_AS_POSTED);
        assertThat(k.apply(instance("a", 1, P / 2, 2)).call()).isEqualTo(Call.ok());
        assertThat(k.state().instances()).isEmpty();
        assertThat(k.apply(instance("a", 1, 2 * P, 2)).call()).isEqualTo(Call.ok());
        assertThat(k.apply(instance("b", 1, 2 * P, 1)).call()).isEqualTo(Call.ok());
        assertThat(k.state().instances()).extracting(InstanceInfo::name).containsExactly("a");
        assertThat(k.state().cpus().get(1)).isEqualTo(CpuState.none());
        // The leaked chunk stays taken: the next instance's pool starts after it.
        assertThat(k.apply(instance("c", 3, P, 3)).call()).isEqualTo(Call.ok());
        assertThat(k.state().instances().get(1).pool()).containsExactly(new PhysRange(0x44000, 0x45000));
        assertThat(kernel(MkVariant.V2_CORRECTED).apply(instance("a", 1, P / 2, 2)).call()).isEqualTo(Call.err(Errno.EINVAL));
    }

    @Test
    void removingAnInstanceAfterItsImageWasUnloadedHitsGenPoolDestroysBug() {
        MkImplKernel k = kernel(MkVariant.V2_AS_POSTED);
        k.apply(instance("a", 1, 4 * P, 2));
        assertThat(k.apply(load(1, P)).call()).isEqualTo(Call.ok());
        assertThat(k.apply(new MkOp.InstanceRemove("a")).call()).isEqualTo(Call.err(Errno.EBUSY));
        assertThat(k.apply(new MkOp.Unload(MK)).call()).isEqualTo(Call.ok());
        assertThat(k.apply(new MkOp.InstanceRemove("a")).call()).isEqualTo(Call.HALTED);
        assertThat(k.state().halt().kind()).isEqualTo(Halt.Kind.OOPS);
    }

    @Test
    void aFileLoadedMultikernelImageLandsInKexecImageWhereTheNextLoadFreesItAndKexecRebootRunsIt() {
        MkImplKernel k = kernel(MkVariant.V2_AS_POSTED);
        k.apply(instance("a", 1, 4 * P, 2));
        k.apply(load(1, P));
        assertThat(k.apply(MkOp.Reboot.multikernel(1)).call()).isEqualTo(Call.ok());
        assertThat(k.apply(new MkOp.KexecFileLoad(0, List.of(P), 1)).call()).isEqualTo(Call.ok());
        assertThat(k.state().images()).extracting(i -> i.type()).containsExactly(ImageType.DEFAULT);
        MkImplKernel r = kernel(MkVariant.V2_AS_POSTED);
        r.apply(instance("a", 1, 4 * P, 2));
        r.apply(load(1, P));
        assertThat(r.apply(MkOp.Reboot.command(MkConst.LINUX_REBOOT_CMD_KEXEC)).call()).isEqualTo(Call.HALTED);
        assertThat(r.state().halt().kind()).isEqualTo(Halt.Kind.REPLACED);
    }

    @Test
    void whenThePoolIsFullASegmentFallsBackToTheTopOfRamAndIsWrittenThere() {
        MkImplKernel k = kernel(MkVariant.V2_AS_POSTED);
        k.apply(instance("a", 1, 4 * P, 2));
        assertThat(k.apply(load(1, 2 * P, 3 * P)).call()).isEqualTo(Call.ok());
        assertThat(k.state().images().get(0).segments()).contains(new PhysRange(0xFD000, 0x100000));
        assertThat(k.state().memory().byteAt(0xFD000)).isNotZero();
        MkImplKernel c = kernel(MkVariant.V2_CORRECTED);
        c.apply(instance("a", 1, 4 * P, 2));
        assertThat(c.apply(load(1, 2 * P, 3 * P)).call()).isEqualTo(Call.err(Errno.ENOMEM));
    }

    @Test
    void aFailedLoadLeavesTheInstanceLoadingWithAFreedImageThatAStartThenUses() {
        Machine m = ExampleMachines.fourCpus();
        MkImplKernel k = MkImplKernel.create(MkVariant.V2_AS_POSTED, m);
        k.apply(instance("a", 1, P, 2)); // room for the segment, not for the control page
        assertThat(k.apply(load(1, P)).call()).isEqualTo(Call.err(Errno.ENOMEM));
        assertThat(k.state().instances().get(0).status()).isEqualTo(InstanceInfo.Status.LOADING);
        assertThat(k.apply(load(1, P)).call()).isEqualTo(Call.err(Errno.EBUSY));
        assertThat(k.apply(MkOp.Reboot.multikernel(1)).call()).isEqualTo(Call.HALTED);
        assertThat(k.state().halt().kind()).isEqualTo(Halt.Kind.OOPS);
    }
}
