package kverify.impl.luo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Optional;
import kverify.impl.luo.layout.SessionFdtNode;
import kverify.model.Errno;
import kverify.model.Outcome;
import kverify.model.luo.HandlerKind;
import kverify.model.luo.LuoGeometry;
import kverify.model.luo.Phase;
import kverify.model.luo.RebootFault;
import org.junit.jupiter.api.Test;

/**
 * The LuoSystem contract: an operation called in the wrong phase is a harness bug and throws
 * IllegalStateException naming both phases, instead of acting on a half that does not exist.
 */
class LuoImplPhaseTest {

    private static LuoImpl rebooted() {
        LuoImpl impl = LuoImpl.boot(LuoVariant.AS_POSTED, LuoGeometry.SMALL);
        assertThat(impl.createSession("a")).isEqualTo(Outcome.ok());
        assertThat(impl.reboot(RebootFault.NONE)).isEqualTo(Outcome.ok());
        return impl;
    }

    private static void assertWrongPhase(Runnable op, Phase needed, Phase actual) {
        assertThatThrownBy(op::run).isInstanceOf(IllegalStateException.class)
                .hasMessage("operation needs phase " + needed + ", the kernel is in " + actual);
    }

    @Test
    void outgoingOperationsAfterTheRebootThrow() {
        LuoImpl impl = rebooted();
        assertWrongPhase(() -> impl.createSession("b"), Phase.OUTGOING, Phase.BOOTING);
        assertWrongPhase(() -> impl.preserveFile("a", 1, HandlerKind.TEST_A, 0), Phase.OUTGOING, Phase.BOOTING);
        // A next kernel may reboot (decision 37), but only once it runs: not between the kexec and its setup.
        assertThatThrownBy(() -> impl.reboot(RebootFault.NONE)).isInstanceOf(IllegalStateException.class)
                .hasMessage("a system call needs a running kernel, the kernel is in BOOTING");
        assertWrongPhase(impl::outgoingFdt, Phase.OUTGOING, Phase.BOOTING);
    }

    @Test
    void incomingOperationsBeforeSetupThrow() {
        LuoImpl impl = rebooted();
        assertWrongPhase(() -> impl.closeSession("a"), Phase.INCOMING, Phase.BOOTING);
        assertWrongPhase(impl::openDevice, Phase.INCOMING, Phase.BOOTING);
        assertWrongPhase(() -> impl.retrieveSession("a"), Phase.INCOMING, Phase.BOOTING);
        assertWrongPhase(() -> impl.retrieveFile("a", 1), Phase.INCOMING, Phase.BOOTING);
        assertWrongPhase(() -> impl.finish("a"), Phase.INCOMING, Phase.BOOTING);
        assertThat(impl.phase()).isEqualTo(Phase.BOOTING);
    }

    @Test
    void setupAndReplacingTheNodeOnlyWhileBooting() {
        LuoImpl impl = LuoImpl.boot(LuoVariant.AS_POSTED, LuoGeometry.SMALL);
        assertWrongPhase(impl::setup, Phase.BOOTING, Phase.OUTGOING);
        assertWrongPhase(() -> impl.replaceHandoverFdt(impl.outgoingFdt()), Phase.BOOTING, Phase.OUTGOING);
        assertWrongPhase(() -> impl.finish("a"), Phase.INCOMING, Phase.OUTGOING);
        LuoImpl next = rebooted();
        assertThat(next.setup()).isEqualTo(Outcome.ok());
        assertWrongPhase(() -> next.replaceHandoverFdt(next.handoverFdt().orElseThrow()), Phase.BOOTING, Phase.INCOMING);
    }

    @Test
    void theOutgoingNodeNamesTheFirstBlock() {
        LuoImpl impl = LuoImpl.boot(LuoVariant.AS_POSTED, LuoGeometry.SMALL);
        assertThat(SessionFdtNode.headPa(Optional.of(impl.outgoingFdt())))
                .isEqualTo(Outcome.ok(impl.outgoingSessions().blocks().pa(0)));
    }

    @Test
    void closingAnIncomingSessionFinishesItAndForgetsIt() {
        LuoImpl impl = LuoImpl.boot(LuoVariant.AS_POSTED, LuoGeometry.SMALL);
        impl.createSession("a");
        assertThat(impl.preserveFile("a", 7, HandlerKind.TEST_A, 1)).isEqualTo(Outcome.ok());
        impl.reboot(RebootFault.NONE);
        impl.setup();
        assertThat(impl.closeSession("a")).as("no fd for a session not retrieved").isEqualTo(Outcome.err(Errno.EBADF));
        assertThat(impl.openDevice()).isEqualTo(Outcome.ok());
        assertThat(impl.openDevice()).as("single opener").isEqualTo(Outcome.err(Errno.EBUSY));
        assertThat(impl.retrieveSession("a")).isEqualTo(Outcome.ok());
        assertThat(impl.retrieveSession("a")).isEqualTo(Outcome.err(Errno.EINVAL));
        assertThat(impl.retrieveSession("b")).isEqualTo(Outcome.err(Errno.ENOENT));
        assertThat(impl.closeSession("a")).isEqualTo(Outcome.ok());
        assertThat(impl.state().incoming()).isEmpty();
        assertThat(impl.kho().incoming()).as("the file block restored by the finish in close").isEmpty();
        assertThat(impl.closeSession("a")).isEqualTo(Outcome.err(Errno.EBADF));
        assertThat(impl.deserializeResult()).contains(Outcome.ok());
    }

    /** Every system call, the fault injection and a concurrent step need a running kernel: between the kexec and setup there is none. */
    @Test
    void systemCallsBetweenTheKexecAndSetupThrow() {
        LuoImpl impl = rebooted();
        String message = "a system call needs a running kernel, the kernel is in BOOTING";
        java.util.List<Runnable> calls = java.util.List.of(impl::open, () -> impl.close(3), () -> impl.newFile(kverify.model.luo.FileSpec.of(HandlerKind.TEST_A, 0)),
                () -> impl.ioctl(3, 0, null), () -> impl.loadModule(HandlerKind.TEST_A), () -> impl.unloadModule(HandlerKind.TEST_A),
                () -> impl.rebootReturning(RebootFault.NONE, Optional.empty()),
                () -> impl.failAllocation(kverify.model.luo.AllocKind.KHO, 1),
                () -> impl.concurrent(new kverify.model.luo.LuoConcurrent(java.util.List.of(new kverify.model.luo.LuoCall.Close("x"),
                        new kverify.model.luo.LuoCall.Close("y")), java.util.List.of())));
        for (Runnable call : calls) {
            assertThatThrownBy(call::run).isInstanceOf(IllegalStateException.class).hasMessage(message);
        }
        assertThat(impl.setup()).isEqualTo(Outcome.ok());
        assertThat(impl.failAllocation(kverify.model.luo.AllocKind.KHO, 1)).isEqualTo(Outcome.ok());
        assertThat(impl.open().isOk()).isTrue();
    }
}
