package kverify.impl.luo;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Optional;
import kverify.model.Errno;
import kverify.model.Outcome;
import kverify.model.luo.LuoV7Geometry;
import kverify.model.luo.RebootFault;
import org.junit.jupiter.api.Test;

/** What luo_session_serialize_rwsem does to the calls after a reboot that returned (SerializeLock, LUO-16). */
class SerializeLockTest {

    @Test
    void v7AsAppliedBlocksEverySessionCallAndTheNextRebootAfterAReturnedReboot() {
        LuoImpl impl = LuoImpl.boot(LuoVariant.V7_AS_APPLIED, LuoV7Geometry.SMALL);
        assertThat(impl.rebootReturning(RebootFault.NONE, Optional.of(Errno.EBUSY))).isEqualTo(Outcome.err(Errno.EBUSY));
        assertThat(impl.rebootReturning(RebootFault.NONE, Optional.empty())).isEqualTo(Outcome.hung());
        assertThat(impl.reboot(RebootFault.NONE)).isEqualTo(Outcome.hung());
        assertThat(impl.phase()).isEqualTo(kverify.model.luo.Phase.OUTGOING);
        assertThat(impl.open().isOk()).as("luo_open takes no serialize rwsem").isTrue();
    }

    @Test
    void v7CorrectedAndV1RebootAgainAfterAReturnedReboot() {
        for (LuoVariant v : new LuoVariant[] {LuoVariant.V7_CORRECTED, LuoVariant.AS_POSTED}) {
            LuoImpl impl = LuoImpl.boot(v, v.version().geometries().get(0));
            assertThat(impl.rebootReturning(RebootFault.NONE, Optional.empty())).as(v.name()).isEqualTo(Outcome.ok());
            assertThat(impl.reboot(RebootFault.NONE)).as(v.name()).isEqualTo(Outcome.ok());
        }
    }

    @Test
    void aHangIsAFailureThatPassesOnUnchanged() {
        Outcome<Integer> hung = Results.propagate(Outcome.<String>hung());
        assertThat(hung.isOk()).isFalse();
        assertThat(hung).isEqualTo(Outcome.hung()).isNotEqualTo(Outcome.err(Errno.EBUSY)).hasToString("Hung");
    }

    /** The session fd's release and its ioctls wait for the write-held rwsem too; the device fd's close and a closed fd do not. */
    @Test
    void v7AsAppliedHangsTheCloseAndTheIoctlsOfASessionFd() {
        LuoImpl impl = LuoImpl.boot(LuoVariant.V7_AS_APPLIED, LuoV7Geometry.SMALL);
        kverify.model.luo.LuoOp open = new kverify.model.luo.LuoCall.Open("d0");
        open.applyTo(impl);
        kverify.model.luo.LuoCall.SessionCall.create("d0", new byte[] {'a'}, kverify.model.luo.ArgShape.PLAIN, "s1").applyTo(impl);
        new kverify.model.luo.LuoCall.NewFile("f1", kverify.model.luo.FileSpec.of(kverify.model.luo.HandlerKind.TEST_A, 1)).applyTo(impl);
        int session = impl.process().fd("s1");
        int device = impl.process().fd("d0");
        assertThat(impl.rebootReturning(RebootFault.NONE, Optional.empty())).isEqualTo(Outcome.ok());
        assertThat(impl.close(session)).isEqualTo(Outcome.hung());
        assertThat(new kverify.model.luo.LuoCall.PreserveFd("s1", new kverify.model.luo.LuoCall.FdRef(Optional.of("f1"), 0), 1,
                kverify.model.luo.ArgShape.PLAIN).applyTo(impl)).isEqualTo(Outcome.hung());
        assertThat(impl.close(99)).isEqualTo(Outcome.err(Errno.EBADF));
        assertThat(impl.ioctl(99, 0, null)).isEqualTo(Outcome.err(Errno.EBADF));
        assertThat(impl.close(device)).isEqualTo(Outcome.ok());
    }
}
