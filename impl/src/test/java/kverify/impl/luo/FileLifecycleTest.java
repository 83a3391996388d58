package kverify.impl.luo;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import kverify.impl.luo.layout.FileSetSer;
import kverify.impl.luo.layout.SessionHeaderSer;
import kverify.impl.luo.layout.SessionSer;
import kverify.model.Errno;
import kverify.model.Outcome;
import kverify.model.luo.ArgShape;
import kverify.model.luo.FileCalls;
import kverify.model.luo.FileImage;
import kverify.model.luo.FileSpec;
import kverify.model.luo.HandlerKind;
import kverify.model.luo.HandlerState;
import kverify.model.luo.LuoCall;
import kverify.model.luo.LuoGeometry;
import kverify.model.luo.LuoOp;
import kverify.model.luo.RebootFault;
import org.junit.jupiter.api.Test;

/**
 * A preserved file's way through its handler, hand-written: the callbacks each file gets
 * (state().calls()), the module pins, and luo_preserved_files (a file LUO holds is EBUSY to a
 * second preserve, and free again once its session is closed), on both sides of the kexec.
 */
class FileLifecycleTest {
    private static Outcome<?> apply(LuoImpl impl, LuoOp op) {
        return op.applyTo(impl);
    }

    private static LuoOp preserve(String session, String file, long token) {
        return new LuoCall.PreserveFd(session, new LuoCall.FdRef(Optional.of(file), 0), token, ArgShape.PLAIN);
    }

    private static LuoOp create(String name, String bind) {
        return LuoCall.SessionCall.create("d0", name.getBytes(StandardCharsets.US_ASCII), ArgShape.PLAIN, bind);
    }

    private static Map<HandlerKind, Integer> pins(LuoImpl impl) {
        return impl.state().handlers().stream().collect(Collectors.toMap(HandlerState::kind, HandlerState::pins));
    }

    private static FileCalls calls(LuoImpl impl, String file) {
        return impl.state().calls().stream().filter(c -> c.file().equals(file)).findFirst().orElse(FileCalls.none(file));
    }

    @Test
    void aFileLuoHoldsIsBusyUntilItsSessionIsClosed() {
        LuoImpl impl = LuoImpl.boot(LuoVariant.CORRECTED, LuoGeometry.SMALL);
        apply(impl, new LuoCall.Open("d0"));
        apply(impl, create("a", "s1"));
        apply(impl, new LuoCall.NewFile("f1", FileSpec.of(HandlerKind.TEST_A, 5)));
        assertThat(apply(impl, preserve("s1", "f1", 1)).isOk()).isTrue();
        assertThat(apply(impl, preserve("s1", "f1", 2))).isEqualTo(Outcome.err(Errno.EBUSY));
        assertThat(pins(impl)).as("the busy preserve put its module reference back").containsEntry(HandlerKind.TEST_A, 1);

        assertThat(apply(impl, new LuoCall.Close("s1"))).isEqualTo(Outcome.ok());
        assertThat(calls(impl, "file#1")).isEqualTo(new FileCalls("file#1", 1, 0, 0, 1, 0, 0));
        assertThat(pins(impl)).containsEntry(HandlerKind.TEST_A, 0);
        apply(impl, create("b", "s2"));
        assertThat(apply(impl, preserve("s2", "f1", 1)).isOk()).as("out of luo_preserved_files").isTrue();
        assertThat(impl.warnings()).isEmpty();
    }

    /** Session "a" with files 1 (TEST_A) and 2 (TEST_B), rebooted, set up and opened. */
    private static LuoImpl incoming(LuoVariant v, boolean zeroStoredCount) {
        LuoImpl impl = LuoImpl.boot(v, LuoGeometry.SMALL);
        impl.createSession("a");
        impl.preserveFile("a", 1, HandlerKind.TEST_A, 10);
        impl.preserveFile("a", 2, HandlerKind.TEST_B, 20);
        assertThat(impl.reboot(RebootFault.NONE)).isEqualTo(Outcome.ok());
        if (zeroStoredCount) {
            long fileSetPa = SessionSer.fileSetPa(SessionHeaderSer.entryPa(impl.handoverHead().orElseThrow(), 0));
            FileSetSer.write(impl.memory(), fileSetPa, FileSetSer.read(impl.memory(), fileSetPa).files(), 0);
        }
        assertThat(impl.setup()).isEqualTo(Outcome.ok());
        assertThat(impl.openDevice()).isEqualTo(Outcome.ok());
        return impl;
    }

    @Test
    void aRetrievedFileIsMadeOnceAndFinishedWithItsSession() {
        LuoImpl impl = incoming(LuoVariant.CORRECTED, false);
        assertThat(impl.retrieveSession("a")).isEqualTo(Outcome.ok());
        assertThat(impl.retrieveFile("a", 1)).isEqualTo(Outcome.ok(new FileImage(1, HandlerKind.TEST_A, 10)));
        assertThat(impl.retrieveFile("a", 1)).as("the same file again").isEqualTo(Outcome.ok(new FileImage(1, HandlerKind.TEST_A, 10)));
        assertThat(calls(impl, "'a'#0")).isEqualTo(new FileCalls("'a'#0", 0, 0, 0, 0, 1, 0));
        assertThat(impl.state().calls()).as("a file no callback ran for is not listed").extracting(FileCalls::file).containsExactly("'a'#0");
        assertThat(pins(impl)).containsEntry(HandlerKind.TEST_A, 1).containsEntry(HandlerKind.TEST_B, 1);

        assertThat(impl.closeSession("a")).isEqualTo(Outcome.ok());
        assertThat(calls(impl, "'a'#0")).isEqualTo(new FileCalls("'a'#0", 0, 0, 0, 0, 1, 1));
        assertThat(calls(impl, "'a'#1")).isEqualTo(new FileCalls("'a'#1", 0, 0, 0, 0, 0, 1));
        assertThat(pins(impl)).containsEntry(HandlerKind.TEST_A, 0).containsEntry(HandlerKind.TEST_B, 0);
        assertThat(impl.state().incoming()).isEmpty();
        assertThat(impl.warnings()).isEmpty();
    }

    /**
     * As posted, a file_set_ser whose count is 0 but whose chain holds files: finish returns at
     * once, so the files stay, and the session's release WARNs in luo_file_set_destroy.
     */
    @Test
    void asPostedAStoredCountOfZeroLeavesTheFilesAndTheDestroyWarns() {
        LuoImpl impl = incoming(LuoVariant.AS_POSTED, true);
        assertThat(impl.retrieveSession("a")).isEqualTo(Outcome.ok());
        assertThat(impl.closeSession("a")).isEqualTo(Outcome.ok());
        assertThat(impl.warnings()).containsExactly("luo_file_set_destroy of 'a': count=0 files=2");
        assertThat(calls(impl, "'a'#0").isEmpty()).as("not finished").isTrue();
        assertThat(pins(impl)).containsEntry(HandlerKind.TEST_A, 1);
    }

    /**
     * As posted a retrieved session takes PRESERVE_FD (no direction check): after FINISH released
     * its files, the token of a finished file is free again.
     */
    @Test
    void asPostedAFinishedTokenCanBePreservedAgainIntoTheIncomingSession() {
        LuoImpl impl = LuoImpl.boot(LuoVariant.AS_POSTED, LuoGeometry.SMALL);
        impl.createSession("a");
        impl.preserveFile("a", 1, HandlerKind.TEST_A, 10);
        assertThat(impl.reboot(RebootFault.NONE)).isEqualTo(Outcome.ok());
        assertThat(impl.setup()).isEqualTo(Outcome.ok());
        assertThat(apply(impl, new LuoCall.Open("d1")).isOk()).isTrue();
        assertThat(apply(impl, LuoCall.SessionCall.retrieve("d1", "a".getBytes(StandardCharsets.US_ASCII), ArgShape.PLAIN, "r1")).isOk()).isTrue();
        assertThat(apply(impl, new LuoCall.Finish("r1", 0, ArgShape.PLAIN)).isOk()).isTrue();
        apply(impl, new LuoCall.NewFile("f9", FileSpec.of(HandlerKind.TEST_A, 9)));
        assertThat(apply(impl, preserve("r1", "f9", 1)).isOk()).as("token 1 is free after the finish").isTrue();
    }

    /**
     * A session whose files were frozen by a reboot that returned, closed, and a new session
     * without files in its entry: serialize writes {files 0, count 0} there (the contract's
     * cleared counts, LUO-11), so the next kernel finds no stale chain and opens.
     */
    @Test
    void anEntryWithoutFilesIsWrittenAsNoFilesAfterAReturnedReboot() {
        LuoImpl impl = LuoImpl.boot(LuoVariant.CORRECTED, LuoGeometry.SMALL);
        impl.createSession("a");
        impl.preserveFile("a", 1, HandlerKind.TEST_A, 10);
        assertThat(impl.rebootReturning(RebootFault.NONE, Optional.empty())).isEqualTo(Outcome.ok());
        assertThat(impl.closeSession("a")).isEqualTo(Outcome.ok());
        impl.createSession("b");
        assertThat(impl.reboot(RebootFault.NONE)).isEqualTo(Outcome.ok());
        long fileSetPa = SessionSer.fileSetPa(SessionHeaderSer.entryPa(impl.handoverHead().orElseThrow(), 0));
        assertThat(FileSetSer.read(impl.memory(), fileSetPa)).isEqualTo(new FileSetSer.Value(0, 0));
        assertThat(impl.setup()).isEqualTo(Outcome.ok());
        assertThat(impl.openDevice()).isEqualTo(Outcome.ok());
        assertThat(impl.state().incoming()).extracting(s -> s.name()).containsExactly("b");
    }
}
