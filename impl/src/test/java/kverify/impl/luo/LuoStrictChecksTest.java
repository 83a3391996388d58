package kverify.impl.luo;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import kverify.impl.luo.layout.FileHeaderSer;
import kverify.impl.luo.layout.FileSer;
import kverify.impl.luo.layout.FileSetSer;
import kverify.impl.luo.layout.SessionHeaderSer;
import kverify.impl.luo.layout.SessionSer;
import kverify.impl.memory.PhysicalMemory;
import kverify.model.Errno;
import kverify.model.Outcome;
import kverify.model.luo.FileImage;
import kverify.model.luo.HandlerKind;
import kverify.model.luo.LuoGeometry;
import kverify.model.luo.RebootFault;
import org.junit.jupiter.api.Test;

/**
 * The corrected variant's checks on values read from the handover (HandoverChecks.STRICT)
 * against the trusting code as posted, one hand-written corruption each: the deserialize
 * result before open maps it to EIO says which check refused.
 */
class LuoStrictChecksTest {

    /** Session "a" with files 1 (TEST_A, data 10) and 2 (TEST_B, data 20), rebooted, not yet set up. */
    private static LuoImpl rebooted(LuoVariant v) {
        LuoImpl impl = LuoImpl.boot(v, LuoGeometry.SMALL);
        impl.createSession("a");
        impl.preserveFile("a", 1, HandlerKind.TEST_A, 10);
        impl.preserveFile("a", 2, HandlerKind.TEST_B, 20);
        impl.reboot(RebootFault.NONE);
        return impl;
    }

    private static long entry(LuoImpl impl) {
        return SessionHeaderSer.entryPa(impl.handoverHead().orElseThrow(), 0);
    }

    private static long fileSetPa(LuoImpl impl) {
        return SessionSer.fileSetPa(entry(impl));
    }

    private static Outcome<?> deserializeAfterSetup(LuoImpl impl) {
        assertThat(impl.setup()).isEqualTo(Outcome.ok());
        impl.openDevice();
        return impl.deserializeResult().orElseThrow();
    }

    private static void repeatTheFirstToken(LuoImpl impl) {
        PhysicalMemory m = impl.memory();
        long block = FileSetSer.read(m, fileSetPa(impl)).files();
        m.writeU64(FileHeaderSer.entryPa(block, 1) + FileSer.TOKEN_OFFSET, 1);
    }

    @Test
    void aRepeatedTokenIsEexistWhenStrictAndKeptBehindTheFirstAsPosted() {
        LuoImpl strict = rebooted(LuoVariant.CORRECTED);
        repeatTheFirstToken(strict);
        assertThat(deserializeAfterSetup(strict)).isEqualTo(Outcome.err(Errno.EEXIST));

        LuoImpl posted = rebooted(LuoVariant.AS_POSTED);
        repeatTheFirstToken(posted);
        assertThat(deserializeAfterSetup(posted)).isEqualTo(Outcome.ok());
        posted.retrieveSession("a");
        assertThat(posted.state().incoming().get(0).files()).as("both files are on the list").hasSize(2);
        assertThat(posted.retrieveFile("a", 1)).as("the first in list order").isEqualTo(Outcome.ok(new FileImage(1, HandlerKind.TEST_A, 10)));
    }

    @Test
    void aNameWithoutNulIsEinvalWhenStrictAndTruncatedAsPosted() {
        byte[] noNul = new byte[SessionSer.NAME_LENGTH];
        Arrays.fill(noNul, (byte) 'n');
        LuoImpl strict = rebooted(LuoVariant.CORRECTED);
        strict.memory().write(entry(strict), noNul, 0, noNul.length);
        assertThat(deserializeAfterSetup(strict)).isEqualTo(Outcome.err(Errno.EINVAL));

        LuoImpl posted = rebooted(LuoVariant.AS_POSTED);
        posted.memory().write(entry(posted), noNul, 0, noNul.length);
        assertThat(deserializeAfterSetup(posted)).isEqualTo(Outcome.ok());
        assertThat(posted.state().incoming()).extracting(s -> s.name()).containsExactly("n".repeat(SessionSer.NAME_LENGTH - 1));
    }

    @Test
    void anEmptyNameIsEinvalWhenStrict() {
        LuoImpl strict = rebooted(LuoVariant.CORRECTED);
        SessionSer.zeroName(strict.memory(), entry(strict));
        assertThat(deserializeAfterSetup(strict)).isEqualTo(Outcome.err(Errno.EINVAL));
    }

    @Test
    void aValidHandoverPassesEveryStrictCheck() {
        LuoImpl strict = rebooted(LuoVariant.CORRECTED);
        assertThat(deserializeAfterSetup(strict)).isEqualTo(Outcome.ok());
        assertThat(strict.state().incoming()).extracting(s -> s.name() + ":" + s.files().size()).containsExactly("a:2");
    }

    @Test
    void aSessionWithoutFilesPassesTheFileSetCheckButAnEmptyChainBehindAPointerDoesNot() {
        LuoImpl strict = LuoImpl.boot(LuoVariant.CORRECTED, LuoGeometry.SMALL);
        strict.createSession("none");
        strict.reboot(RebootFault.NONE);
        assertThat(deserializeAfterSetup(strict)).isEqualTo(Outcome.ok());

        for (LuoVariant v : new LuoVariant[] {LuoVariant.CORRECTED, LuoVariant.AS_POSTED}) {
            LuoImpl impl = rebooted(v);
            PhysicalMemory m = impl.memory();
            FileHeaderSer.writeCount(m, FileSetSer.read(m, fileSetPa(impl)).files(), 0);
            m.writeU64(fileSetPa(impl) + FileSetSer.COUNT_OFFSET, 0);
            assertThat(deserializeAfterSetup(impl)).as(v.name())
                    .isEqualTo(v == LuoVariant.CORRECTED ? Outcome.err(Errno.EINVAL) : Outcome.ok());
        }
    }

    @Test
    void aFileSetCountOtherThanTheChainIsEinvalWhenStrictAndIgnoredAsPosted() {
        for (long stored : new long[] {1, 3, 0}) {
            LuoImpl strict = rebooted(LuoVariant.CORRECTED);
            strict.memory().writeU64(fileSetPa(strict) + FileSetSer.COUNT_OFFSET, stored);
            assertThat(deserializeAfterSetup(strict)).as("stored count %d", stored).isEqualTo(Outcome.err(Errno.EINVAL));

            LuoImpl posted = rebooted(LuoVariant.AS_POSTED);
            posted.memory().writeU64(fileSetPa(posted) + FileSetSer.COUNT_OFFSET, stored);
            assertThat(deserializeAfterSetup(posted)).as("stored count %d", stored).isEqualTo(Outcome.ok());
        }
    }
}
