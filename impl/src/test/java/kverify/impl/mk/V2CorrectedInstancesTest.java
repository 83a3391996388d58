package kverify.impl.mk;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import kverify.model.Errno;
import kverify.model.mk.Call;
import kverify.model.mk.CpuState;
import kverify.model.mk.ExampleMachines;
import kverify.model.mk.InstanceInfo;
import kverify.model.mk.MkConst;
import kverify.model.mk.MkOp;
import kverify.model.mk.PhysRange;
import org.junit.jupiter.api.Test;

/**
 * The instance rules of RFC v2 as the contract corrects them ({@link CorrectedInstances}) on the
 * four-CPU example machine (nr_cpu_ids 4, CPUs 0 and 1 online, pool [0x40000, 0x80000) of 64
 * pages): each refusal at its boundary, the CPUs an instance takes down, and a removal that gives
 * its memory back. Hand-written unit tests.
 */
class V2CorrectedInstancesTest {
    private static final long P = MkConst.PAGE_SIZE;
    private static final int MAX_ID = (int) (MkConst.KEXEC_MK_ID_MASK >> MkConst.KEXEC_MK_ID_SHIFT);

    private static MkImplKernel kernel() {
        return MkImplKernel.create(MkVariant.V2_CORRECTED, ExampleMachines.fourCpus());
    }

    private static Call upload(MkImplKernel k, String name, int id, long bytes, Integer... cpus) {
        return k.apply(new MkOp.DtUpload(name, id, bytes, List.of(cpus))).call();
    }

    @Test
    void namesAndIdsAreUniqueAndIdsLieInOneToTheMaskLimit() {
        MkImplKernel k = kernel();
        assertThat(upload(k, "a", 1, 4 * P, 2)).isEqualTo(Call.ok());
        assertThat(upload(k, "a", 2, 4 * P, 3)).isEqualTo(Call.err(Errno.EEXIST));
        assertThat(upload(k, "b", 1, 4 * P, 3)).isEqualTo(Call.err(Errno.EEXIST));
        assertThat(upload(k, "b", 0, 4 * P, 3)).isEqualTo(Call.err(Errno.EINVAL));
        assertThat(upload(k, "b", MAX_ID + 1, 4 * P, 3)).isEqualTo(Call.err(Errno.EINVAL));
        assertThat(upload(k, "b", MAX_ID, 4 * P, 3)).isEqualTo(Call.ok());
        assertThat(k.state().instances()).extracting(InstanceInfo::name, InstanceInfo::id)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("a", 1), org.assertj.core.groups.Tuple.tuple("b", MAX_ID));
    }

    @Test
    void memoryMustBePagesAndCpusMustExist() {
        MkImplKernel k = kernel();
        assertThat(upload(k, "a", 1, P + 1, 2)).isEqualTo(Call.err(Errno.EINVAL));
        assertThat(upload(k, "a", 1, P, 4)).isEqualTo(Call.err(Errno.EINVAL));
        assertThat(upload(k, "a", 1, 65 * P, 3)).isEqualTo(Call.err(Errno.ENOMEM));
        assertThat(k.state().instances()).isEmpty();
        assertThat(upload(k, "a", 1, 0, 3)).isEqualTo(Call.ok());
        assertThat(k.state().instances().get(0).pool()).isEmpty();
        assertThat(upload(k, "b", 2, 64 * P, 2)).isEqualTo(Call.ok());
        assertThat(k.state().instances().get(1).pool()).containsExactly(new PhysRange(0x40000, 0x80000));
    }

    @Test
    void aCpuOfAnotherInstanceOrTheHostsLastIsBusyAndAnOnlineOneIsTakenDown() {
        MkImplKernel k = kernel();
        CpuState host = k.state().cpus().get(1);
        assertThat(upload(k, "a", 1, P, 0, 1)).as("no CPU left to the host").isEqualTo(Call.err(Errno.EBUSY));
        assertThat(upload(k, "a", 1, P, 2)).isEqualTo(Call.ok());
        assertThat(upload(k, "b", 2, P, 2, 3)).isEqualTo(Call.err(Errno.EBUSY));
        assertThat(upload(k, "b", 2, P, 1)).isEqualTo(Call.ok());
        assertThat(k.state().cpus().get(1)).isNotEqualTo(host);
        assertThat(k.state().cpus().get(0)).isEqualTo(host);
        assertThat(upload(k, "c", 3, P, 0)).as("CPU 0 is the host's last").isEqualTo(Call.err(Errno.EBUSY));
    }

    @Test
    void aRemovalOfAnInstanceWithoutAnImageGivesItsMemoryBack() {
        MkImplKernel k = kernel();
        assertThat(k.apply(new MkOp.InstanceRemove("a")).call()).isEqualTo(Call.err(Errno.ENOENT));
        assertThat(upload(k, "a", 1, 64 * P, 2)).isEqualTo(Call.ok());
        assertThat(upload(k, "b", 2, P, 3)).isEqualTo(Call.err(Errno.ENOMEM));
        assertThat(k.apply(new MkOp.KexecFileLoad(MkConst.KEXEC_MULTIKERNEL | (1L << MkConst.KEXEC_MK_ID_SHIFT), List.of(P), 3)).call())
                .isEqualTo(Call.ok());
        assertThat(k.apply(new MkOp.InstanceRemove("a")).call()).isEqualTo(Call.err(Errno.EBUSY));
        assertThat(k.apply(new MkOp.Unload(MkConst.KEXEC_MULTIKERNEL)).call()).isEqualTo(Call.ok());
        assertThat(k.apply(new MkOp.InstanceRemove("a")).call()).isEqualTo(Call.ok());
        assertThat(k.state().instances()).isEmpty();
        assertThat(upload(k, "b", 2, 64 * P, 3)).isEqualTo(Call.ok());
        assertThat(upload(k, "a", 1, P, 2)).as("the name and the id are free again").isEqualTo(Call.err(Errno.ENOMEM));
    }
}
