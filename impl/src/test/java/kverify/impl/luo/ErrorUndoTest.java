package kverify.impl.luo;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.OptionalLong;
import kverify.impl.luo.layout.FileHeaderSer;
import kverify.model.Errno;
import kverify.model.Outcome;
import kverify.model.luo.ArgShape;
import kverify.model.luo.FileSpec;
import kverify.model.luo.HandlerKind;
import kverify.model.luo.LuoCall;
import kverify.model.luo.LuoGeometry;
import kverify.model.luo.LuoOp;
import kverify.model.luo.LuoV7Geometry;
import kverify.model.luo.RebootFault;
import org.junit.jupiter.api.Test;

/**
 * What each variant's {@link ErrorUndo} leaves after a failed call, hand-written: the file block a
 * failed preserve grew (freed again, and the chain cut back, by the contract and by v7 as
 * applied; kept as posted), a retrieve whose reply cannot be written (v7 as applied releases
 * the session, the contract makes it retrievable again), and v7's retrieve while the serialize
 * rwsem is still write-held. The device's open state is in the state too.
 */
class ErrorUndoTest {
    private static final ArgShape READ_ONLY = new ArgShape(OptionalLong.empty(), null, OptionalInt.empty(), true);

    private static Outcome<?> apply(LuoImpl impl, LuoOp op) {
        return op.applyTo(impl);
    }

    private static LuoOp preserve(String file, long token) {
        return new LuoCall.PreserveFd("s1", LuoCall.FdRef.of(file), token, ArgShape.PLAIN);
    }

    /** Session "a" (fd s1) with {@code files} preserved files, then a preserve of a file whose handler fails. */
    private static LuoImpl failedPreserveAfter(LuoVariant v, LuoGeometry g, int files) {
        LuoImpl impl = LuoImpl.boot(v, g);
        apply(impl, new LuoCall.Open("d0"));
        apply(impl, LuoCall.SessionCall.create("d0", "a".getBytes(StandardCharsets.US_ASCII), ArgShape.PLAIN, "s1"));
        for (int i = 1; i <= files; i++) {
            apply(impl, new LuoCall.NewFile("f" + i, FileSpec.of(HandlerKind.TEST_A, i)));
            assertThat(apply(impl, preserve("f" + i, i)).isOk()).isTrue();
        }
        apply(impl, new LuoCall.NewFile("bad", new FileSpec(Optional.of(HandlerKind.TEST_A), 9, Optional.of(Errno.EIO))));
        return impl;
    }

    private static List<Long> fileBlocks(LuoImpl impl) {
        return impl.outgoingSessions().find("a").orElseThrow().files().blockPas();
    }

    @Test
    void aFailedPreserveThatGrewABlockFreesItAndCutsTheChainBack() {
        LuoImpl impl = failedPreserveAfter(LuoVariant.CORRECTED, LuoGeometry.SMALL, 3);
        List<Long> before = fileBlocks(impl);
        int preserved = impl.kho().preserved().size();
        assertThat(before).hasSize(1);
        assertThat(apply(impl, preserve("bad", 9))).isEqualTo(Outcome.err(Errno.EIO));
        assertThat(fileBlocks(impl)).isEqualTo(before);
        assertThat(impl.kho().preserved()).hasSize(preserved);
        assertThat(FileHeaderSer.next(impl.memory(), before.get(0))).as("the first block's next cleared").isZero();
        assertThat(impl.kho().violations()).isEmpty();
    }

    @Test
    void v7AsAppliedFreesTheBlockOfAFailedFirstPreserveAndAsPostedKeepsIt() {
        LuoImpl v7 = failedPreserveAfter(LuoVariant.V7_AS_APPLIED, LuoV7Geometry.SMALL, 0);
        int preserved = v7.kho().preserved().size();
        assertThat(apply(v7, preserve("bad", 9))).isEqualTo(Outcome.err(Errno.EIO));
        assertThat(v7.kho().preserved()).hasSize(preserved);
        assertThat(fileBlocks(v7)).isEmpty();
        LuoImpl posted = failedPreserveAfter(LuoVariant.AS_POSTED, LuoGeometry.SMALL, 0);
        preserved = posted.kho().preserved().size();
        assertThat(apply(posted, preserve("bad", 9))).isEqualTo(Outcome.err(Errno.EIO));
        assertThat(posted.kho().preserved()).hasSize(preserved + 1);
        assertThat(fileBlocks(posted)).hasSize(1);
    }

    private static LuoImpl incoming(LuoVariant v, LuoGeometry g) {
        LuoImpl impl = LuoImpl.boot(v, g);
        impl.createSession("a");
        assertThat(impl.reboot(RebootFault.NONE)).isEqualTo(Outcome.ok());
        assertThat(impl.setup()).isEqualTo(Outcome.ok());
        apply(impl, new LuoCall.Open("d1"));
        return impl;
    }

    private static LuoOp retrieve(String bind, ArgShape shape) {
        return LuoCall.SessionCall.retrieve("d1", "a".getBytes(StandardCharsets.US_ASCII), shape, bind);
    }

    @Test
    void aRetrieveWhoseReplyFaultsReleasesTheSessionInV7AsAppliedOnly() {
        LuoImpl v7 = incoming(LuoVariant.V7_AS_APPLIED, LuoV7Geometry.SMALL);
        assertThat(apply(v7, retrieve("r1", READ_ONLY))).isEqualTo(Outcome.err(Errno.EFAULT));
        assertThat(v7.state().incoming()).as("finished and removed").isEmpty();
        assertThat(apply(v7, retrieve("r2", ArgShape.PLAIN))).isEqualTo(Outcome.err(Errno.ENOENT));
        LuoImpl corrected = incoming(LuoVariant.CORRECTED, LuoGeometry.SMALL);
        assertThat(apply(corrected, retrieve("r1", READ_ONLY))).isEqualTo(Outcome.err(Errno.EFAULT));
        assertThat(apply(corrected, retrieve("r2", ArgShape.PLAIN)).isOk()).as("retrievable again").isTrue();
    }

    @Test
    void aV7RetrieveWhileTheSerializeRwsemIsWriteHeldHangs() {
        LuoImpl v7 = incoming(LuoVariant.V7_AS_APPLIED, LuoV7Geometry.SMALL);
        assertThat(v7.rebootReturning(RebootFault.NONE, Optional.empty())).isEqualTo(Outcome.ok());
        assertThat(apply(v7, retrieve("r1", ArgShape.PLAIN))).isEqualTo(Outcome.hung());
        assertThat(v7.state().incoming()).singleElement().satisfies(s -> assertThat(s.retrieved()).isFalse());
    }

    @Test
    void theStateSaysWhetherTheDeviceIsOpen() {
        LuoImpl impl = LuoImpl.boot(LuoVariant.CORRECTED, LuoGeometry.SMALL);
        assertThat(impl.state().deviceOpen()).isFalse();
        apply(impl, new LuoCall.Open("d0"));
        assertThat(impl.state().deviceOpen()).isTrue();
        apply(impl, new LuoCall.Close("d0"));
        assertThat(impl.state().deviceOpen()).isFalse();
    }

    /** A retrieved file whose reply cannot be written: EFAULT, no fd, and the next retrieve gives the file. */
    @Test
    void aRetrieveFdWhoseReplyFaultsInstallsNoFd() {
        LuoImpl impl = LuoImpl.boot(LuoVariant.CORRECTED, LuoGeometry.SMALL);
        impl.createSession("a");
        impl.preserveFile("a", 1, HandlerKind.TEST_A, 10);
        assertThat(impl.reboot(RebootFault.NONE)).isEqualTo(Outcome.ok());
        assertThat(impl.setup()).isEqualTo(Outcome.ok());
        apply(impl, new LuoCall.Open("d1"));
        assertThat(apply(impl, retrieve("r1", ArgShape.PLAIN)).isOk()).isTrue();
        assertThat(apply(impl, new LuoCall.RetrieveFd("r1", 1, READ_ONLY, "g1"))).isEqualTo(Outcome.err(Errno.EFAULT));
        assertThat(impl.process().holds("g1")).isFalse();
        assertThat(apply(impl, new LuoCall.RetrieveFd("r1", 1, ArgShape.PLAIN, "g2")).isOk()).isTrue();
    }

    /** v7 as applied: a session command past the op table is EINVAL (the contract: ENOTTY), and a preserve on a retrieved session is EINVAL. */
    @Test
    void v7AsAppliedChecksTheCommandRangeAndTheSessionsDirection() {
        for (LuoVariant v : List.of(LuoVariant.V7_AS_APPLIED, LuoVariant.V7_CORRECTED)) {
            LuoImpl impl = LuoImpl.boot(v, LuoV7Geometry.SMALL);
            apply(impl, new LuoCall.Open("d0"));
            apply(impl, LuoCall.SessionCall.create("d0", "a".getBytes(StandardCharsets.US_ASCII), ArgShape.PLAIN, "s1"));
            assertThat(apply(impl, new LuoCall.RawIoctl("s1", 0xBA45, new byte[24], false))).as(v.name())
                    .isEqualTo(Outcome.err(v == LuoVariant.V7_AS_APPLIED ? Errno.EINVAL : Errno.ENOTTY));
            assertThat(impl.reboot(RebootFault.NONE)).isEqualTo(Outcome.ok());
            assertThat(impl.setup()).isEqualTo(Outcome.ok());
            apply(impl, new LuoCall.Open("d1"));
            assertThat(apply(impl, retrieve("r1", ArgShape.PLAIN)).isOk()).isTrue();
            apply(impl, new LuoCall.NewFile("f1", FileSpec.of(HandlerKind.TEST_A, 1)));
            assertThat(apply(impl, new LuoCall.PreserveFd("r1", LuoCall.FdRef.of("f1"), 1, ArgShape.PLAIN))).as(v.name())
                    .isEqualTo(Outcome.err(Errno.EINVAL));
        }
    }
}
