package kverify.impl.luo;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.stream.Collectors;
import kverify.impl.luo.layout.FileSer;
import kverify.impl.luo.layout.FileHeaderSer;
import kverify.impl.luo.layout.FileSetSer;
import kverify.impl.luo.layout.SessionHeaderSer;
import kverify.impl.luo.layout.SessionSer;
import kverify.impl.memory.PhysicalMemory;
import kverify.model.Errno;
import kverify.model.Outcome;
import kverify.model.luo.AllocKind;
import kverify.model.luo.HandlerKind;
import kverify.model.luo.HandlerState;
import kverify.model.luo.LuoGeometry;
import kverify.model.luo.RebootFault;
import org.junit.jupiter.api.Test;

/**
 * The next kernel's first open when deserialize fails, hand-written at the small geometry (three
 * sessions and three files a block): the module pins each variant leaves, which file blocks the
 * corrected rejection gives back (also those past a block whose tracking allocation failed, and
 * those of sessions deserialize never reached), and what a failed file set keeps.
 */
class IncomingFailureTest {
    private LuoImpl impl;
    private PhysicalMemory m;

    /** Sessions "a" (files 1 TEST_A, 2 TEST_B) and "b" (file 3 TEST_A), rebooted and set up. */
    private void twoSessions(LuoVariant v) {
        impl = LuoImpl.boot(v, LuoGeometry.SMALL);
        impl.createSession("a");
        impl.preserveFile("a", 1, HandlerKind.TEST_A, 10);
        impl.preserveFile("a", 2, HandlerKind.TEST_B, 20);
        impl.createSession("b");
        impl.preserveFile("b", 3, HandlerKind.TEST_A, 30);
        assertThat(impl.reboot(RebootFault.NONE)).isEqualTo(Outcome.ok());
        m = impl.memory();
        assertThat(impl.setup()).isEqualTo(Outcome.ok());
    }

    private long fileSetPa(int session) {
        return SessionSer.fileSetPa(SessionHeaderSer.entryPa(impl.handoverHead().orElseThrow(), session));
    }

    private long firstFileBlock(int session) {
        return FileSetSer.read(m, fileSetPa(session)).files();
    }

    private Map<HandlerKind, Integer> pins() {
        return impl.state().handlers().stream().collect(Collectors.toMap(HandlerState::kind, HandlerState::pins));
    }

    @Test
    void eachDeserializedFilePinsItsHandlerModule() {
        twoSessions(LuoVariant.CORRECTED);
        assertThat(impl.openDevice()).isEqualTo(Outcome.ok());
        assertThat(pins()).containsEntry(HandlerKind.TEST_A, 2).containsEntry(HandlerKind.TEST_B, 1);
        assertThat(impl.unloadModule(HandlerKind.TEST_B)).isEqualTo(Outcome.err(Errno.EAGAIN));
    }

    @Test
    void aRejectedHandoverPutsThePinsOfEveryFileItRead() {
        twoSessions(LuoVariant.CORRECTED);
        FileSer.write(m, FileHeaderSer.entryPa(firstFileBlock(1), 0), "kverify-test-z-v1", 30, 3);
        assertThat(impl.openDevice()).isEqualTo(Outcome.err(Errno.EIO));
        assertThat(impl.deserializeResult()).contains(Outcome.err(Errno.ENOENT));
        assertThat(impl.state().incoming()).isEmpty();
        assertThat(pins()).containsEntry(HandlerKind.TEST_A, 0).containsEntry(HandlerKind.TEST_B, 0);
        assertThat(impl.kho().incoming()).as("every block restored").isEmpty();
        assertThat(impl.kho().violations()).isEmpty();
    }

    @Test
    void asPostedKeepsThePinsOfTheFilesItRead() {
        twoSessions(LuoVariant.AS_POSTED);
        FileSer.write(m, FileHeaderSer.entryPa(firstFileBlock(1), 0), "kverify-test-z-v1", 30, 3);
        assertThat(impl.openDevice()).isEqualTo(Outcome.err(Errno.EIO));
        assertThat(impl.state().incoming()).extracting(s -> s.name()).containsExactly("a", "b");
        assertThat(pins()).as("a's two files; b's entry failed before its get")
                .containsEntry(HandlerKind.TEST_A, 1).containsEntry(HandlerKind.TEST_B, 1);
    }

    /** An entry whose file chain deserialize never started on: the corrected rejection restores its blocks too. */
    @Test
    void aRejectionGivesBackTheFileBlocksOfSessionsNotReached() {
        twoSessions(LuoVariant.CORRECTED);
        long aBlock = firstFileBlock(0);
        long bBlock = firstFileBlock(1);
        // a's second file fails: b's entry is never reached.
        FileSer.write(m, FileHeaderSer.entryPa(aBlock, 1), "kverify-test-z-v1", 20, 2);
        assertThat(impl.openDevice()).isEqualTo(Outcome.err(Errno.EIO));
        assertThat(impl.kho().isRestorable(aBlock)).isFalse();
        assertThat(impl.kho().isRestorable(bBlock)).as("b's file block, never deserialized").isFalse();
        assertThat(impl.kho().incoming()).isEmpty();
        assertThat(impl.kho().violations()).isEmpty();
        assertThat(pins()).containsEntry(HandlerKind.TEST_A, 0).containsEntry(HandlerKind.TEST_B, 0);
    }

    /** As posted nothing is given back: b's file block, which deserialize never reached, stays restorable. */
    @Test
    void asPostedLeavesTheFileBlocksOfSessionsNotReached() {
        twoSessions(LuoVariant.AS_POSTED);
        long bBlock = firstFileBlock(1);
        FileSer.write(m, FileHeaderSer.entryPa(firstFileBlock(0), 1), "kverify-test-z-v1", 20, 2);
        assertThat(impl.openDevice()).isEqualTo(Outcome.err(Errno.EIO));
        assertThat(impl.kho().isRestorable(bBlock)).isTrue();
    }

    /** Session "a" with files 1 to 4 (two file blocks: three files and one), rebooted and set up. */
    private void twoFileBlocks(LuoVariant v, LuoGeometry g) {
        impl = LuoImpl.boot(v, g);
        impl.createSession("a");
        for (int token = 1; token <= 4; token++) {
            assertThat(impl.preserveFile("a", token, HandlerKind.TEST_A, token * 10)).isEqualTo(Outcome.ok());
        }
        assertThat(impl.reboot(RebootFault.NONE)).isEqualTo(Outcome.ok());
        m = impl.memory();
        assertThat(impl.setup()).isEqualTo(Outcome.ok());
    }

    /**
     * Deserialize allocates the session (1st kzalloc), then a tracking struct per file block (2nd,
     * 3rd): the 3rd failing leaves the second file block untracked, the 2nd failing the whole
     * chain, and the corrected rejection walks the chain on from the first untracked block and
     * restores it as well.
     */
    @Test
    void aRejectionRestoresTheFileBlocksPastAFailedTrackingAllocation() {
        for (int nth : new int[] {2, 3}) {
            twoFileBlocks(LuoVariant.CORRECTED, LuoGeometry.SMALL);
            long first = firstFileBlock(0);
            long second = FileHeaderSer.next(m, first);
            impl.failAllocation(AllocKind.KZALLOC, nth);
            assertThat(impl.openDevice()).isEqualTo(Outcome.err(Errno.EIO));
            assertThat(impl.takeAllocationFault()).isTrue();
            assertThat(impl.deserializeResult()).contains(Outcome.err(Errno.ENOMEM));
            assertThat(impl.kho().isRestorable(first)).as("kzalloc %d", nth).isFalse();
            assertThat(impl.kho().isRestorable(second)).as("kzalloc %d: the untracked block", nth).isFalse();
            assertThat(impl.kho().incoming()).isEmpty();
            assertThat(impl.kho().violations()).isEmpty();
        }
    }

    /** As posted, the block past the failed tracking allocation is left as the handover had it. */
    @Test
    void asPostedLeavesTheFileBlockPastAFailedTrackingAllocation() {
        twoFileBlocks(LuoVariant.AS_POSTED, LuoGeometry.SMALL);
        long second = FileHeaderSer.next(m, firstFileBlock(0));
        impl.failAllocation(AllocKind.KZALLOC, 3);
        assertThat(impl.openDevice()).isEqualTo(Outcome.err(Errno.EIO));
        assertThat(impl.kho().isRestorable(second)).isTrue();
    }

    /** A failed luo_file allocation (the 4th kzalloc: the first file's, after the session and the two file blocks) puts back the module pin its entry took. */
    @Test
    void aFailedLuoFileAllocationAtDeserializeIsEnomem() {
        twoFileBlocks(LuoVariant.CORRECTED, LuoGeometry.SMALL);
        impl.failAllocation(AllocKind.KZALLOC, 4);
        assertThat(impl.openDevice()).isEqualTo(Outcome.err(Errno.EIO));
        assertThat(impl.takeAllocationFault()).isTrue();
        assertThat(impl.deserializeResult()).contains(Outcome.err(Errno.ENOMEM));
        assertThat(pins()).containsEntry(HandlerKind.TEST_A, 0);
        assertThat(impl.kho().incoming()).isEmpty();
    }

    /** A failed session allocation at deserialize (the first kzalloc) is ENOMEM, and the corrected kernel keeps nothing. */
    @Test
    void aFailedSessionAllocationAtDeserializeIsEnomem() {
        twoSessions(LuoVariant.CORRECTED);
        impl.failAllocation(AllocKind.KZALLOC, 1);
        assertThat(impl.openDevice()).isEqualTo(Outcome.err(Errno.EIO));
        assertThat(impl.deserializeResult()).contains(Outcome.err(Errno.ENOMEM));
        assertThat(impl.state().incoming()).isEmpty();
        assertThat(impl.kho().incoming()).isEmpty();
    }

    /**
     * v7 as applied: the sessions read so far stay, but the session whose files failed keeps
     * none (its files released, pins put, file blocks restored), and the session blocks are restored.
     */
    @Test
    void v7AsAppliedKeepsTheSessionWhoseFilesFailedWithoutFiles() {
        twoFileBlocks(LuoVariant.V7_AS_APPLIED, kverify.model.luo.LuoV7Geometry.SMALL);
        // The session (1st kzalloc), its two file blocks (2nd, 3rd), the first file (4th): the second file's fails.
        impl.failAllocation(AllocKind.KZALLOC, 5);
        assertThat(impl.openDevice()).isEqualTo(Outcome.err(Errno.EIO));
        assertThat(impl.takeAllocationFault()).isTrue();
        assertThat(impl.deserializeResult()).contains(Outcome.err(Errno.ENOMEM));
        assertThat(impl.state().incoming()).singleElement().satisfies(s -> {
            assertThat(s.name()).isEqualTo("a");
            assertThat(s.files()).isEmpty();
        });
        assertThat(pins()).containsEntry(HandlerKind.TEST_A, 0);
        assertThat(impl.kho().incoming()).isEmpty();
    }

    /** The file blocks of a chain from head, following next (at most five). */
    private java.util.List<Long> chain(long head) {
        java.util.List<Long> out = new java.util.ArrayList<>();
        for (long pa = head; pa != 0 && out.size() < 5; pa = FileHeaderSer.next(m, pa)) {
            out.add(pa);
        }
        return out;
    }

    /**
     * A full session block ("a" with one file, "b" with twelve: four file blocks, "c" with four:
     * two) whose first entry's file fails: the rejection walks the chains of b and c, which
     * deserialize never reached, in entry order, each at most LUO_MAX_BLOCKS (4) blocks long. b's
     * last block is made to point at c's second block: b's walk stops before it, and c's walk
     * takes c's blocks in their order.
     */
    @Test
    void theRejectionWalksEachUnreachedFileChainInOrderAndAtMostTheBlockLimit() {
        impl = LuoImpl.boot(LuoVariant.CORRECTED, LuoGeometry.SMALL);
        impl.createSession("a");
        impl.preserveFile("a", 1, HandlerKind.TEST_A, 10);
        impl.createSession("b");
        for (int token = 1; token <= 12; token++) {
            assertThat(impl.preserveFile("b", token, HandlerKind.TEST_B, token)).isEqualTo(Outcome.ok());
        }
        impl.createSession("c");
        for (int token = 1; token <= 4; token++) {
            assertThat(impl.preserveFile("c", token, HandlerKind.TEST_A, token)).isEqualTo(Outcome.ok());
        }
        assertThat(impl.reboot(RebootFault.NONE)).isEqualTo(Outcome.ok());
        m = impl.memory();
        assertThat(impl.setup()).isEqualTo(Outcome.ok());
        java.util.List<Long> b = chain(firstFileBlock(1));
        java.util.List<Long> c = chain(firstFileBlock(2));
        assertThat(b).hasSize(4);
        assertThat(c).hasSize(2);
        FileHeaderSer.writeNext(m, b.get(3), c.get(1));
        FileSer.write(m, FileHeaderSer.entryPa(firstFileBlock(0), 0), "kverify-test-z-v1", 10, 1);

        assertThat(impl.openDevice()).isEqualTo(Outcome.err(Errno.EIO));
        java.util.List<WalkVisit> visits = impl.walkVisits();
        assertThat(visits.subList(visits.size() - 6, visits.size())).containsExactly(new WalkVisit(false, b.get(0)),
                new WalkVisit(false, b.get(1)), new WalkVisit(false, b.get(2)), new WalkVisit(false, b.get(3)),
                new WalkVisit(false, c.get(0)), new WalkVisit(false, c.get(1)));
        assertThat(impl.kho().incoming()).isEmpty();
        assertThat(impl.kho().violations()).isEmpty();
    }

    /** Two entries of the handover with one name: the second is EEXIST, also when the first is the list's first session (id 0). */
    @Test
    void aRepeatedNameInTheHandoverIsEexist() {
        twoSessions(LuoVariant.AS_POSTED);
        SessionSer.writeName(m, SessionHeaderSer.entryPa(impl.handoverHead().orElseThrow(), 1), "a");
        assertThat(impl.openDevice()).isEqualTo(Outcome.err(Errno.EIO));
        assertThat(impl.deserializeResult()).contains(Outcome.err(Errno.EEXIST));
        assertThat(impl.state().incoming()).extracting(s -> s.name()).containsExactly("a");
    }

    /** As posted an entry's name is not checked: an empty name is a session, which an all-NUL name field retrieves. */
    @Test
    void asPostedAnEmptyNameIsASessionTheEmptyNameRetrieves() {
        twoSessions(LuoVariant.AS_POSTED);
        SessionSer.zeroName(m, SessionHeaderSer.entryPa(impl.handoverHead().orElseThrow(), 1));
        assertThat(impl.openDevice()).isEqualTo(Outcome.ok());
        assertThat(impl.state().incoming()).extracting(s -> s.name()).containsExactly("a", "");
        assertThat(impl.retrieveSession("")).isEqualTo(Outcome.ok());
        assertThat(impl.retrieveSession("")).as("retrieved already").isEqualTo(Outcome.err(Errno.EINVAL));
    }

    /** A session block count of 2^40 (far above the capacity) is EINVAL at the first open; the table is not sized by it. */
    @Test
    void aHugeSessionCountIsEinval() {
        twoSessions(LuoVariant.AS_POSTED);
        SessionHeaderSer.writeCount(m, impl.handoverHead().orElseThrow(), 1L << 40);
        assertThat(impl.openDevice()).isEqualTo(Outcome.err(Errno.EIO));
        assertThat(impl.deserializeResult()).contains(Outcome.err(Errno.EINVAL));
        assertThat(impl.state().incoming()).isEmpty();
    }

    /** Before the first open the state reports no tracking count (-1); after a successful one, the blocks the kernel still tracks (none). */
    @Test
    void theTrackedBlocksAreReportedOnceDeserializeRan() {
        twoSessions(LuoVariant.CORRECTED);
        assertThat(impl.incomingBlocksTracked()).isEqualTo(1);
        assertThat(impl.state().blocksTracked()).isEqualTo(-1);
        assertThat(impl.openDevice()).isEqualTo(Outcome.ok());
        assertThat(impl.state().blocksTracked()).isZero();
    }
}
