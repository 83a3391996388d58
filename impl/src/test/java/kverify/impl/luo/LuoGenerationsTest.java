package kverify.impl.luo;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.List;
import kverify.impl.luo.layout.v7.LuoSer;
import kverify.model.Outcome;
import kverify.model.luo.Handover;
import kverify.model.luo.HandlerKind;
import kverify.model.luo.LuoGeometry;
import kverify.model.luo.LuoV7Geometry;
import kverify.model.luo.Phase;
import kverify.model.luo.RebootFault;
import kverify.model.luo.SessionImage;
import kverify.model.luo.Uapi;
import kverify.model.luo.UserArg;
import org.junit.jupiter.api.Test;

/**
 * Live update after live update (docs/luo.md decision 37) on the byte-level implementation: a
 * next kernel's serialize writes a handover of its own into simulated memory, which the kernel
 * after it decodes; what it received is not handed on. Hand-written scenarios, not findings.
 */
class LuoGenerationsTest {

    /** First kernel: session "a" with one file, session "b" empty; then the kexec and the next kernel's setup. */
    private static LuoImpl secondKernel(LuoVariant v, LuoGeometry g) {
        LuoImpl impl = LuoImpl.boot(v, g);
        assertThat(impl.createSession("a")).isEqualTo(Outcome.ok());
        assertThat(impl.preserveFile("a", 1, HandlerKind.TEST_A, 0x10)).isEqualTo(Outcome.ok());
        assertThat(impl.createSession("b")).isEqualTo(Outcome.ok());
        assertThat(impl.reboot(RebootFault.NONE)).isEqualTo(Outcome.ok());
        assertThat(impl.setup()).isEqualTo(Outcome.ok());
        return impl;
    }

    @Test
    void aNextKernelHandsOnWhatItCreatedAndNotWhatItReceived() {
        for (LuoVariant v : List.of(LuoVariant.AS_POSTED, LuoVariant.CORRECTED, LuoVariant.REVIEW_SUGGESTION)) {
            LuoImpl impl = secondKernel(v, LuoGeometry.SMALL);
            assertThat(impl.openDevice()).isEqualTo(Outcome.ok());
            assertThat(impl.retrieveSession("a")).isEqualTo(Outcome.ok());
            long leftBehind = impl.kho().incoming().size();
            assertThat(leftBehind).as("a's file block is still handed-over memory of the first kernel").isPositive();
            // A session the v1 program creates in this kernel goes through the v2 calls (the v1 language has none).
            int dev = impl.process().fd("legacy:dev");
            UserArg c = new UserArg(Uapi.sessionArg(Uapi.SESSION_ARG_SIZE, "c".getBytes(StandardCharsets.US_ASCII)), true);
            assertThat(impl.ioctl(dev, Uapi.CREATE_SESSION, c).isOk()).isTrue();

            assertThat(impl.reboot(RebootFault.NONE)).isEqualTo(Outcome.ok());
            assertThat(impl.phase()).isEqualTo(Phase.BOOTING);
            assertThat(impl.handover()).isEqualTo(new Handover.Present(List.of(new SessionImage("c", List.of()))));
            // KHO hands over only what the second kernel preserved: its own session block, not the first kernel's leftovers.
            assertThat(impl.kho().incoming()).hasSize(1);
            assertThat(impl.setup()).isEqualTo(Outcome.ok());
            assertThat(impl.openDevice()).isEqualTo(Outcome.ok());
            assertThat(impl.retrieveSession("a")).as(v.name()).isEqualTo(Outcome.err(kverify.model.Errno.ENOENT));
            assertThat(impl.retrieveSession("c")).as(v.name()).isEqualTo(Outcome.ok());
            assertThat(LuoInvariants.check(impl)).as(v.name()).isEmpty();
        }
    }

    @Test
    void v7CountsLiveUpdatesInTheLuoSerEachKernelWrites() {
        for (LuoVariant v : List.of(LuoVariant.V7_AS_APPLIED, LuoVariant.V7_CORRECTED)) {
            LuoImpl impl = LuoImpl.boot(v, LuoV7Geometry.SMALL);
            assertThat(number(impl)).isEqualTo(1);
            for (long expected = 2; expected <= 4; expected++) {
                assertThat(impl.reboot(RebootFault.NONE)).isEqualTo(Outcome.ok());
                assertThat(impl.setup()).isEqualTo(Outcome.ok());
                assertThat(number(impl)).as(v.name()).isEqualTo(expected);
            }
        }
    }

    private static long number(LuoImpl impl) {
        long pa = ((KhoEntry.Subtree) impl.outgoingEntry()).entry().pa();
        return LuoSer.read(impl.memory(), pa).liveupdateNum();
    }
}
