package kverify.impl.luo;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Optional;
import kverify.model.Errno;
import kverify.model.Outcome;
import kverify.model.luo.AllocKind;
import kverify.model.luo.ArgShape;
import kverify.model.luo.FileSpec;
import kverify.model.luo.HandlerKind;
import kverify.model.luo.LuoCall;
import kverify.model.luo.LuoGeometry;
import kverify.model.luo.LuoOp;
import org.junit.jupiter.api.Test;

/**
 * PRESERVE_FD's failure paths through the ioctl, hand-written: a number that is no open file, a
 * failed luo_file allocation and a handler whose preserve fails each give back what the call took
 * (the file can be preserved again, the handler module can be unloaded), and a retrieved file is
 * retrieved once.
 */
class FilePreserveTest {
    private static Outcome<?> apply(LuoImpl impl, LuoOp op) {
        return op.applyTo(impl);
    }

    private static LuoOp preserve(String file, long token) {
        return new LuoCall.PreserveFd("s1", new LuoCall.FdRef(Optional.of(file), 0), token, ArgShape.PLAIN);
    }

    private static LuoImpl withSession() {
        LuoImpl impl = LuoImpl.boot(LuoVariant.CORRECTED, LuoGeometry.SMALL);
        apply(impl, new LuoCall.Open("d0"));
        apply(impl, LuoCall.SessionCall.create("d0", "a".getBytes(StandardCharsets.US_ASCII), ArgShape.PLAIN, "s1"));
        return impl;
    }

    @Test
    void aNumberThatIsNoOpenFileIsEbadf() {
        LuoImpl impl = withSession();
        LuoOp raw = new LuoCall.PreserveFd("s1", new LuoCall.FdRef(Optional.empty(), 40), 1, ArgShape.PLAIN);
        assertThat(apply(impl, raw)).isEqualTo(Outcome.err(Errno.EBADF));
    }

    @Test
    void aFailedFileAllocationGivesBackTheFileAndTheHandler() {
        LuoImpl impl = withSession();
        apply(impl, new LuoCall.NewFile("f1", FileSpec.of(HandlerKind.TEST_A, 5)));
        impl.failAllocation(AllocKind.KZALLOC, 1);
        assertThat(apply(impl, preserve("f1", 1))).isEqualTo(Outcome.err(Errno.ENOMEM));
        assertThat(impl.takeAllocationFault()).isTrue();
        assertThat(apply(impl, preserve("f1", 1)).isOk()).as("the file is not left in the xarray").isTrue();
        assertThat(apply(impl, preserve("f1", 2))).as("a preserved file twice").isEqualTo(Outcome.err(Errno.EBUSY));
    }

    @Test
    void aFailingPreserveGivesBackTheHandlerAndTheFile() {
        LuoImpl impl = withSession();
        apply(impl, new LuoCall.NewFile("bad", new FileSpec(Optional.of(HandlerKind.TEST_A), 5, Optional.of(Errno.EIO))));
        assertThat(apply(impl, preserve("bad", 1))).isEqualTo(Outcome.err(Errno.EIO));
        assertThat(apply(impl, preserve("bad", 1))).as("not busy: erased from the xarray").isEqualTo(Outcome.err(Errno.EIO));
        assertThat(apply(impl, new LuoCall.UnloadModule(HandlerKind.TEST_A)).isOk()).as("no reference left on the handler").isTrue();
    }

    @Test
    void aFileWithoutAHandlerIsEnoent() {
        LuoImpl impl = withSession();
        apply(impl, new LuoCall.NewFile("plain", new FileSpec(Optional.empty(), 5, Optional.empty())));
        assertThat(apply(impl, preserve("plain", 1))).isEqualTo(Outcome.err(Errno.ENOENT));
    }

    /** The second allocation of a first preserve is its luo_file (the first is the file block): it fails after xa_insert and the module get. */
    @Test
    void aFailedLuoFileAllocationAfterTheBlockGivesBackTheFileAndTheHandler() {
        LuoImpl impl = withSession();
        apply(impl, new LuoCall.NewFile("f1", FileSpec.of(HandlerKind.TEST_A, 5)));
        impl.failAllocation(AllocKind.KZALLOC, 2);
        assertThat(apply(impl, preserve("f1", 1))).isEqualTo(Outcome.err(Errno.ENOMEM));
        assertThat(impl.takeAllocationFault()).isTrue();
        assertThat(impl.state().handlers()).as("the module reference is put back")
                .allSatisfy(h -> assertThat(h.pins()).isZero());
        assertThat(apply(impl, preserve("f1", 1)).isOk()).as("the file is not left in the xarray").isTrue();
        assertThat(impl.state().handlers()).filteredOn(h -> h.kind() == HandlerKind.TEST_A).singleElement()
                .satisfies(h -> assertThat(h.pins()).isEqualTo(1));
    }
}
