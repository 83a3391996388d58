package kverify.impl.luo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import kverify.impl.kho.AllocFaults;
import kverify.model.Errno;
import kverify.model.Outcome;
import kverify.model.luo.AllocKind;
import kverify.model.luo.HandlerKind;
import kverify.model.luo.LuoGeometry;
import kverify.model.luo.RebootFault;
import org.junit.jupiter.api.Test;

/**
 * Fault injection (docs/luo.md, decision 35) on the implementation alone: which allocation the
 * nth of a kind is, that it fails once, what the failing call leaves behind, and that the harness
 * learns of it exactly once. Hand-written unit tests; the generated ones live in properties.
 */
class LuoAllocFaultsTest {
    private static LuoImpl small() {
        return LuoImpl.boot(LuoVariant.CORRECTED, LuoGeometry.SMALL);
    }

    @Test
    void theNthAllocationOfTheArmedKindFailsOnceAndOtherKindsNever() {
        AllocFaults f = new AllocFaults();
        assertThat(f.fails(AllocKind.KHO)).isFalse();
        f.arm(AllocKind.KHO, 3);
        assertThat(f.kzallocFails()).isFalse();
        assertThat(f.fails(AllocKind.KHO)).isFalse();
        assertThat(f.fails(AllocKind.KHO)).isFalse();
        assertThat(f.takeFired()).isFalse();
        assertThat(f.fails(AllocKind.KHO)).isTrue();
        assertThat(f.fails(AllocKind.KHO)).as("once").isFalse();
        assertThat(f.takeFired()).isTrue();
        assertThat(f.takeFired()).as("cleared").isFalse();
        f.arm(AllocKind.KZALLOC, 1);
        assertThat(f.kzallocFails()).isTrue();
        assertThat(f.takeFired()).isTrue();
        f.arm(AllocKind.KZALLOC, 2);
        f.arm(AllocKind.KHO, 1);
        assertThat(f.kzallocFails()).as("re-arming replaces the fault").isFalse();
        assertThat(f.fails(AllocKind.KHO)).isTrue();
        assertThatThrownBy(() -> f.arm(AllocKind.KHO, 0)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("nth must be >= 1, got 0");
    }

    @Test
    void aFailedSessionAllocationIsEnomemAndTheNameStaysFree() {
        LuoImpl impl = small();
        impl.failAllocation(AllocKind.KZALLOC, 1);
        assertThat(impl.createSession("a")).isEqualTo(Outcome.err(Errno.ENOMEM));
        assertThat(impl.takeAllocationFault()).isTrue();
        assertThat(impl.takeAllocationFault()).isFalse();
        assertThat(impl.createSession("a")).isEqualTo(Outcome.ok());
        assertThat(impl.state().outgoing()).hasSize(1);
        assertThat(LuoInvariants.check(impl)).isEmpty();
    }

    @Test
    void aFailedBlockTrackingAllocationRefusesTheFourthSessionAndLeavesOneBlock() {
        LuoImpl impl = small();
        for (int i = 0; i < 3; i++) {
            assertThat(impl.createSession("s" + i)).isEqualTo(Outcome.ok());
        }
        impl.failAllocation(AllocKind.KZALLOC, 2);
        assertThat(impl.createSession("s3")).isEqualTo(Outcome.err(Errno.ENOMEM));
        assertThat(impl.takeAllocationFault()).isTrue();
        assertThat(impl.kho().preserved()).hasSize(1);
        assertThat(impl.outgoingSessions().blocks().nblocks()).isEqualTo(1);
        assertThat(impl.createSession("s3")).isEqualTo(Outcome.ok());
        assertThat(impl.outgoingSessions().blocks().nblocks()).isEqualTo(2);
        assertThat(LuoInvariants.check(impl)).isEmpty();
    }

    @Test
    void aFailedBlockFolioRefusesTheFourthSession() {
        LuoImpl impl = small();
        for (int i = 0; i < 3; i++) {
            impl.createSession("s" + i);
        }
        impl.failAllocation(AllocKind.KHO, 1);
        assertThat(impl.createSession("s3")).isEqualTo(Outcome.err(Errno.ENOMEM));
        assertThat(impl.takeAllocationFault()).isTrue();
        assertThat(impl.kho().preserved()).hasSize(1);
        assertThat(impl.state().outgoing()).hasSize(3);
        assertThat(LuoInvariants.check(impl)).isEmpty();
    }

    @Test
    void aFailedFileAllocationRefusesThePreserve() {
        LuoImpl impl = small();
        impl.createSession("a");
        impl.failAllocation(AllocKind.KZALLOC, 1);
        assertThat(impl.preserveFile("a", 1, HandlerKind.TEST_A, 5)).isEqualTo(Outcome.err(Errno.ENOMEM));
        assertThat(impl.takeAllocationFault()).isTrue();
        assertThat(impl.preserveFile("a", 1, HandlerKind.TEST_A, 5)).isEqualTo(Outcome.ok());
        assertThat(LuoInvariants.check(impl)).isEmpty();
    }

    @Test
    void aKexecDropsTheArmedFault() {
        LuoImpl impl = small();
        impl.createSession("a");
        impl.failAllocation(AllocKind.KZALLOC, 1);
        assertThat(impl.reboot(RebootFault.NONE)).isEqualTo(Outcome.ok());
        assertThat(impl.setup()).isEqualTo(Outcome.ok());
        assertThat(impl.takeAllocationFault()).isFalse();
        assertThat(impl.openDevice()).isEqualTo(Outcome.ok());
        assertThat(impl.retrieveSession("a")).isEqualTo(Outcome.ok());
    }
}
