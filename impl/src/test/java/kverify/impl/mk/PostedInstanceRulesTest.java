package kverify.impl.mk;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import kverify.model.Errno;
import kverify.model.mk.Call;
import kverify.model.mk.ExampleMachines;
import kverify.model.mk.InstanceInfo;
import kverify.model.mk.Machine;
import kverify.model.mk.MkConst;
import kverify.model.mk.MkOp;
import kverify.model.mk.PhysRange;
import org.junit.jupiter.api.Test;

/**
 * The instance directory of RFC v2 as posted (08/16) on the four-CPU example machine
 * (multikernel pool [0x40000, 0x80000), CPUs 0 and 1 online, NR_CPU_IDS 4), hand-written:
 * every upload returns the byte count, and what each case leaves; a removal gives the pool's
 * chunks back; RFC v1 has neither file; and kexec_file_load refuses a caller without
 * CAP_SYS_BOOT before it looks at anything else.
 */
class PostedInstanceRulesTest {
    private static final long P = MkConst.PAGE_SIZE;

    private static MkImplKernel posted() {
        return MkImplKernel.create(MkVariant.V2_AS_POSTED, ExampleMachines.fourCpus());
    }

    private static Call call(MkImplKernel k, MkOp op) {
        return k.apply(op).call();
    }

    private static MkOp.DtUpload upload(String name, int id, long bytes, Integer... cpus) {
        return new MkOp.DtUpload(name, id, bytes, List.of(cpus));
    }

    @Test
    void anExistingNameIsLeftAsItIs() {
        MkImplKernel k = posted();
        assertThat(call(k, upload("a", 1, 2 * P, 2))).isEqualTo(Call.ok());
        List<InstanceInfo> before = k.state().instances();
        assertThat(call(k, upload("a", 2, 4 * P, 1))).isEqualTo(Call.ok());
        assertThat(k.state().instances()).isEqualTo(before);
        assertThat(k.state().cpus().get(1).hostOnline()).as("CPU 1 untouched").isTrue();
    }

    @Test
    void aCpuNumberAtNrCpuIdsIsAParseFailureThatLeavesNothing() {
        MkImplKernel k = posted();
        assertThat(call(k, upload("a", 1, P, 4))).isEqualTo(Call.ok());
        assertThat(k.state().instances()).isEmpty();
        assertThat(call(k, upload("a", 1, P, 3))).isEqualTo(Call.ok());
        assertThat(k.state().instances()).extracting(InstanceInfo::name).containsExactly("a");
    }

    @Test
    void aPoolLargerThanTheMultikernelMemoryIsLoggedAndNoInstanceMade() {
        MkImplKernel k = posted();
        assertThat(call(k, upload("a", 1, 0x80000, 2))).isEqualTo(Call.ok());
        assertThat(k.state().instances()).isEmpty();
    }

    @Test
    void anInstanceWithoutMemoryHasNoPoolAndIdZeroIsAnId() {
        MkImplKernel k = posted();
        assertThat(call(k, upload("a", 0, 0, 2))).isEqualTo(Call.ok());
        assertThat(k.state().instances()).singleElement().satisfies(i -> {
            assertThat(i.id()).isZero();
            assertThat(i.pool()).isEmpty();
            assertThat(i.cpus()).containsExactly(2);
        });
    }

    @Test
    void theLastOnlineCpuStaysOnline() {
        MkImplKernel k = posted();
        assertThat(call(k, upload("a", 1, P, 0, 1))).isEqualTo(Call.ok());
        assertThat(k.state().cpus().get(0).hostOnline()).isFalse();
        assertThat(k.state().cpus().get(1).hostOnline()).as("remove_cpu of the last online CPU fails").isTrue();
    }

    @Test
    void aRemovalGivesThePoolBackAndAMissingNameIsEnoent() {
        MkImplKernel k = posted();
        assertThat(call(k, new MkOp.InstanceRemove("a"))).isEqualTo(Call.err(Errno.ENOENT));
        assertThat(call(k, upload("a", 1, 4 * P, 2))).isEqualTo(Call.ok());
        assertThat(k.state().instances().get(0).pool()).containsExactly(new PhysRange(0x40000, 0x44000));
        assertThat(call(k, new MkOp.InstanceRemove("a"))).isEqualTo(Call.ok());
        assertThat(k.state().instances()).isEmpty();
        assertThat(call(k, upload("b", 1, 4 * P, 2))).isEqualTo(Call.ok());
        assertThat(k.state().instances().get(0).pool()).as("the same pages again").containsExactly(new PhysRange(0x40000, 0x44000));
    }

    @Test
    void rfcV1HasNoInstanceFiles() {
        MkImplKernel k = MkImplKernel.create(MkVariant.AS_POSTED, ExampleMachines.fourCpus());
        assertThat(call(k, upload("a", 1, P, 2))).isEqualTo(Call.err(Errno.ENOENT));
        assertThat(call(k, new MkOp.InstanceRemove("a"))).isEqualTo(Call.err(Errno.ENOENT));
    }

    @Test
    void aFileLoadWithoutCapSysBootIsEperm() {
        Machine m = ExampleMachines.fourCpus();
        Machine noCap = new Machine(m.nrCpuIds(), m.nrCpus(), m.maxApicId(), m.cpus(), m.ram(), m.mkReserved(), m.kernelUsed(),
                m.crashKernel(), m.config(), new Machine.Caller(false, true, false, -1, -1), m.physBits());
        for (MkVariant v : List.of(MkVariant.V2_AS_POSTED, MkVariant.V2_CORRECTED)) {
            MkImplKernel k = MkImplKernel.create(v, noCap);
            assertThat(call(k, new MkOp.KexecFileLoad(0, List.of(P), 1))).as(v.name()).isEqualTo(Call.err(Errno.EPERM));
            assertThat(k.state().images()).isEmpty();
        }
    }

    /** A copy of the kernel has its own instances and pools: what happens to the original afterwards leaves the copy as it was. */
    @Test
    void aCopyKeepsItsOwnInstancesAndPools() {
        MkImplKernel k = posted();
        assertThat(call(k, upload("a", 1, 2 * P, 2))).isEqualTo(Call.ok());
        assertThat(call(k, upload("b", 2, 0, 3))).isEqualTo(Call.ok());
        MkImplKernel copy = k.copy();
        List<InstanceInfo> before = copy.state().instances();
        assertThat(before).extracting(InstanceInfo::name).containsExactly("a", "b");
        assertThat(call(k, new MkOp.InstanceRemove("a"))).isEqualTo(Call.ok());
        assertThat(call(k, upload("c", 3, 2 * P, 2))).isEqualTo(Call.ok());
        assertThat(copy.state().instances()).isEqualTo(before);
        assertThat(call(copy, upload("c", 3, 2 * P, 2))).isEqualTo(Call.ok());
        assertThat(copy.state().instances().get(2).pool()).as("a's pages are still taken in the copy")
                .doesNotContainAnyElementsOf(before.get(0).pool());
        assertThat(call(copy, new MkOp.InstanceRemove("b"))).isEqualTo(Call.ok());
        assertThat(k.state().instances()).extracting(InstanceInfo::name).containsExactly("b", "c");
    }
}
