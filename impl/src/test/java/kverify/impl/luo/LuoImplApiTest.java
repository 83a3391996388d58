package kverify.impl.luo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Optional;
import kverify.impl.luo.layout.FileSetSer;
import kverify.impl.luo.layout.SessionHeaderSer;
import kverify.impl.luo.layout.SessionSer;
import kverify.model.Errno;
import kverify.model.Outcome;
import kverify.model.luo.Handover;
import kverify.model.luo.HandlerKind;
import kverify.model.luo.LuoCall;
import kverify.model.luo.LuoConcurrent;
import kverify.model.luo.LuoGeometry;
import kverify.model.luo.LuoV7Geometry;
import kverify.model.luo.Phase;
import kverify.model.luo.RebootFault;
import org.junit.jupiter.api.Test;

/**
 * LuoImpl's own entry points beside the system calls, hand-written: a next kernel made from a
 * KHO state and an FDT node, a returning reboot that then fails, what a v7 handover without
 * sessions shows before and after the first open, the process's handles across a kexec, the
 * v7 root's preserved page, and the invariant checks reporting WARNs and KHO violations.
 */
class LuoImplApiTest {
    @Test
    void aNextKernelMadeFromTheHandedOverKhoAndNodeFindsTheSessions() {
        LuoImpl first = LuoImpl.boot(LuoVariant.CORRECTED, LuoGeometry.SMALL);
        first.createSession("a");
        first.preserveFile("a", 3, HandlerKind.TEST_B, 7);
        assertThat(first.reboot(RebootFault.NONE)).isEqualTo(Outcome.ok());
        LuoImpl next = LuoImpl.nextKernel(LuoVariant.CORRECTED, LuoGeometry.SMALL, first.kho(), first.handoverFdt());
        assertThat(next.phase()).isEqualTo(Phase.BOOTING);
        assertThat(next.setup()).isEqualTo(Outcome.ok());
        assertThat(next.openDevice()).isEqualTo(Outcome.ok());
        assertThat(next.incomingImages()).isEqualTo(next.state().incoming());
        assertThat(next.incomingImages()).extracting(s -> s.name()).containsExactly("a");
        assertThat(next.retrieveSession("a")).isEqualTo(Outcome.ok());
    }

    @Test
    void aReturningRebootReportsTheErrorItWasGiven() {
        LuoImpl impl = LuoImpl.boot(LuoVariant.CORRECTED, LuoGeometry.SMALL);
        impl.createSession("a");
        assertThat(impl.rebootReturning(RebootFault.NONE, Optional.of(Errno.EIO))).isEqualTo(Outcome.err(Errno.EIO));
        assertThat(impl.phase()).isEqualTo(Phase.OUTGOING);
        assertThat(impl.rebootReturning(RebootFault.NONE, Optional.empty())).isEqualTo(Outcome.ok());
        impl.preserveFile("a", 1, HandlerKind.TEST_A, 5);
        assertThat(impl.rebootReturning(new RebootFault.FreezeFails(0, 0, Errno.EBUSY), Optional.empty()))
                .as("a serialize that fails is the call's error").isEqualTo(Outcome.err(Errno.EBUSY));
    }

    /** v7 without sessions hands over sessions_pa 0: the empty list until the first open, nothing after it. */
    @Test
    void aV7HandoverWithoutSessionsIsTheEmptyListUntilTheFirstOpen() {
        LuoImpl impl = LuoImpl.boot(LuoVariant.V7_CORRECTED, LuoV7Geometry.SMALL);
        assertThat(impl.reboot(RebootFault.NONE)).isEqualTo(Outcome.ok());
        assertThat(impl.handoverHead()).contains(0L);
        assertThat(impl.handover()).isEqualTo(new Handover.Present(List.of()));
        assertThat(impl.setup()).isEqualTo(Outcome.ok());
        assertThat(impl.handover()).isEqualTo(new Handover.Present(List.of()));
        assertThat(impl.openDevice()).isEqualTo(Outcome.ok());
        assertThat(impl.handover()).isEqualTo(Handover.ABSENT);
    }

    /** The v7 root (luo_ser) is preserved memory beside the blocks; a first kernel has no handover root, v1's root is the FDT node. */
    @Test
    void theHandoverRootPagesAreV7sLuoSer() {
        LuoImpl v7 = LuoImpl.boot(LuoVariant.V7_AS_APPLIED, LuoV7Geometry.SMALL);
        assertThat(v7.handoverRootPas()).isEmpty();
        v7.createSession("a");
        assertThat(v7.reboot(RebootFault.NONE)).isEqualTo(Outcome.ok());
        assertThat(v7.handoverRootPas()).hasSize(1);
        assertThat(v7.kho().isRestorable(v7.handoverRootPas().get(0))).isTrue();
        LuoImpl v1 = LuoImpl.boot(LuoVariant.CORRECTED, LuoGeometry.SMALL);
        assertThat(v1.reboot(RebootFault.NONE)).isEqualTo(Outcome.ok());
        assertThat(v1.handoverRootPas()).isEmpty();
    }

    @Test
    void aKexecDropsTheProcessesHandles() {
        LuoImpl impl = LuoImpl.boot(LuoVariant.CORRECTED, LuoGeometry.SMALL);
        new LuoCall.Open("d0").applyTo(impl);
        assertThat(impl.process().holds("d0")).isTrue();
        assertThat(impl.reboot(RebootFault.NONE)).isEqualTo(Outcome.ok());
        assertThat(impl.process().holds("d0")).isFalse();
    }

    @Test
    void aConcurrentStepNeedsARunningKernel() {
        LuoImpl impl = LuoImpl.boot(LuoVariant.CORRECTED, LuoGeometry.SMALL);
        assertThat(impl.reboot(RebootFault.NONE)).isEqualTo(Outcome.ok());
        LuoConcurrent op = new LuoConcurrent(List.of(new LuoCall.Close("s1"), new LuoCall.Close("s2")), List.of(1, 2));
        assertThatThrownBy(() -> impl.concurrent(op)).isInstanceOf(IllegalStateException.class)
                .hasMessage("a system call needs a running kernel, the kernel is in BOOTING");
    }

    /** Both checks report the LUO code's WARNs and KHO's violations; the step check also runs before the next kernel's late init. */
    @Test
    void theInvariantChecksReportWarnsAndKhoViolations() {
        LuoImpl impl = LuoImpl.boot(LuoVariant.AS_POSTED, LuoGeometry.SMALL);
        impl.createSession("a");
        impl.preserveFile("a", 1, HandlerKind.TEST_A, 10);
        assertThat(impl.reboot(RebootFault.NONE)).isEqualTo(Outcome.ok());
        assertThat(LuoInvariants.checkStep(impl)).as("booting: no outgoing list yet").isEmpty();
        long fileSetPa = SessionSer.fileSetPa(SessionHeaderSer.entryPa(impl.handoverHead().orElseThrow(), 0));
        FileSetSer.write(impl.memory(), fileSetPa, FileSetSer.read(impl.memory(), fileSetPa).files(), 0);
        assertThat(impl.setup()).isEqualTo(Outcome.ok());
        assertThat(impl.openDevice()).isEqualTo(Outcome.ok());
        assertThat(LuoInvariants.checkStep(impl)).isEmpty();
        assertThat(impl.retrieveSession("a")).isEqualTo(Outcome.ok());
        assertThat(impl.closeSession("a")).isEqualTo(Outcome.ok());
        String warn = "WARN: luo_file_set_destroy of 'a': count=0 files=1";
        assertThat(LuoInvariants.checkStep(impl)).containsExactly(warn);
        assertThat(LuoInvariants.check(impl)).contains(warn);
        impl.kho().restoreFree(impl.handoverHead().orElseThrow());
        String khoLine = String.format("KHO: kho_restore_free(PA 0x%x): no preserved folio here (never preserved, or restored twice)",
                impl.handoverHead().orElseThrow());
        assertThat(LuoInvariants.checkStep(impl)).containsExactly(khoLine, warn);
        assertThat(LuoInvariants.check(impl)).contains(khoLine, warn);
    }
}
