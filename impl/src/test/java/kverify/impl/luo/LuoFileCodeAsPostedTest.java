package kverify.impl.luo;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
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
import kverify.model.luo.IncomingSession.IncomingFile;
import kverify.model.luo.LuoGeometry;
import kverify.model.luo.RebootFault;
import org.junit.jupiter.api.Test;

/**
 * The file paths of patch 2/5 where the transcription from the posted text
 * (kernelorg-mirror/linux_kernel_git_tatashin_linux 5d766e265bfc594d2e54ac5c1f43710f61889bdb,
 * kernel/liveupdate/luo_file.c) differs from the reconstruction the suite had before: each test
 * failed on the reconstruction. Geometry SMALL: three files per file block.
 */
class LuoFileCodeAsPostedTest {
    private static final int FILE_BLOCK_BODY = LuoGeometry.SMALL.fileBlockBytes() - FileHeaderSer.SIZE;

    private LuoImpl impl;
    private PhysicalMemory m;

    private void boot(LuoVariant v) {
        impl = LuoImpl.boot(v, LuoGeometry.SMALL);
        m = impl.memory();
    }

    private void preserve(String session, long... tokens) {
        for (long t : tokens) {
            assertThat(impl.preserveFile(session, t, HandlerKind.TEST_A, 100 + t)).isEqualTo(Outcome.ok());
        }
    }

    private Session outgoing(String name) {
        for (Session s : impl.outgoingSessions().sessions()) {
            if (s.name().equals(name)) {
                return s;
            }
        }
        throw new AssertionError("no outgoing session " + name);
    }

    private long fileSetPa(int entry) {
        return SessionSer.fileSetPa(SessionHeaderSer.entryPa(impl.handoverHead().orElseThrow(), entry));
    }

    /** luo_file_unfreeze runs __luo_file_unfreeze(file_set, NULL): every block of an earlier session is zeroed too. */
    @Test
    void unfreezeOfAnEarlierSessionZeroesEveryOneOfItsFileBlocks() {
        boot(LuoVariant.AS_POSTED);
        impl.createSession("a");
        impl.createSession("b");
        preserve("a", 1, 2, 3, 4);
        preserve("b", 5);
        List<Long> blocksOfA = outgoing("a").files().blockPas();
        assertThat(blocksOfA).hasSize(2);
        assertThat(impl.reboot(new RebootFault.FreezeFails(1, 0, Errno.EIO))).isEqualTo(Outcome.err(Errno.EIO));
        for (long pa : blocksOfA) {
            assertThat(FileHeaderSer.count(m, pa)).as("count of 0x%x", pa).isZero();
            assertThat(m.read(FileHeaderSer.entryPa(pa, 0), FILE_BLOCK_BODY)).as("body of 0x%x", pa).containsOnly(0);
        }
        assertThat(FileHeaderSer.next(m, blocksOfA.get(0))).as("the link is kept").isEqualTo(blocksOfA.get(1));
        assertThat(LuoInvariants.check(impl)).isEmpty();
    }

    /** The first loop adds every block of the chain; only the second looks at counts. */
    @Test
    void deserializeWalksTheWholeFileChainBeforeItChecksACount() {
        boot(LuoVariant.AS_POSTED);
        impl.createSession("a");
        preserve("a", 1, 2, 3, 4);
        impl.reboot(RebootFault.NONE);
        long first = FileSetSer.read(m, fileSetPa(0)).files();
        long second = FileHeaderSer.next(m, first);
        FileHeaderSer.writeCount(m, first, 4);
        FileHeaderSer.writeNext(m, second, second);
        assertThat(impl.setup()).isEqualTo(Outcome.ok());
        assertThat(impl.openDevice()).isEqualTo(Outcome.err(Errno.EIO));
        assertThat(impl.deserializeResult()).as("the cycle ends the first loop before the count is read")
                .contains(Outcome.err(Errno.ENOSPC));
        assertThat(impl.walkVisits().stream().filter(v -> !v.sessionBlock()).count())
                .isEqualTo(LuoGeometry.SMALL.maxBlocks());
    }

    /** file_set->count = file_set_ser->count: a stored 0 makes finish return at once. */
    @Test
    void aStoredFileCountOfZeroMakesFinishLeaveTheFilesAndTheirBlock() {
        boot(LuoVariant.AS_POSTED);
        impl.createSession("a");
        preserve("a", 1, 2);
        impl.reboot(RebootFault.NONE);
        long block = FileSetSer.read(m, fileSetPa(0)).files();
        FileSetSer.write(m, fileSetPa(0), block, 0);
        assertThat(impl.setup()).isEqualTo(Outcome.ok());
        assertThat(impl.openDevice()).isEqualTo(Outcome.ok());
        assertThat(impl.retrieveSession("a")).isEqualTo(Outcome.ok());
        assertThat(impl.finish("a")).isEqualTo(Outcome.ok());
        assertThat(impl.state().incoming().get(0).files()).as("finish did nothing").hasSize(2);
        assertThat(impl.kho().isRestorable(block)).as("the file block is never restored").isTrue();
    }

    /** No duplicate check on deserialize: both files are on the list and retrieve returns the first. */
    @Test
    void aRepeatedTokenIsKeptInListOrderAndRetrieveReturnsTheFirst() {
        boot(LuoVariant.AS_POSTED);
        impl.createSession("a");
        preserve("a", 1, 2);
        impl.reboot(RebootFault.NONE);
        long block = FileSetSer.read(m, fileSetPa(0)).files();
        FileSer.write(m, FileHeaderSer.entryPa(block, 1), HandlerKind.TEST_B.compatible(), 7, 1);
        assertThat(impl.setup()).isEqualTo(Outcome.ok());
        assertThat(impl.openDevice()).isEqualTo(Outcome.ok());
        assertThat(impl.state().incoming().get(0).files()).extracting(IncomingFile::file).containsExactly(
                new FileImage(1, HandlerKind.TEST_A, 101), new FileImage(1, HandlerKind.TEST_B, 7));
        impl.retrieveSession("a");
        assertThat(impl.retrieveFile("a", 1)).isEqualTo(Outcome.ok(new FileImage(1, HandlerKind.TEST_A, 101)));
    }
}
