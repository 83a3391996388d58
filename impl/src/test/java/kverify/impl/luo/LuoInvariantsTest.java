package kverify.impl.luo;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import kverify.impl.luo.layout.FileHeaderSer;
import kverify.impl.luo.layout.FileSetSer;
import kverify.impl.luo.layout.SessionHeaderSer;
import kverify.impl.luo.layout.SessionSer;
import kverify.model.Outcome;
import kverify.model.luo.HandlerKind;
import kverify.model.luo.LuoGeometry;
import kverify.model.luo.RebootFault;
import org.junit.jupiter.api.Test;

/**
 * The invariant checker reports what it promises: each test breaks one invariant by hand
 * (through package-private state or by writing memory) and expects the exact lines.
 */
class LuoInvariantsTest {

    private static LuoImpl withSessions(int n) {
        LuoImpl impl = LuoImpl.boot(LuoVariant.AS_POSTED, LuoGeometry.SMALL);
        for (int i = 0; i < n; i++) {
            assertThat(impl.createSession("s" + i)).isEqualTo(Outcome.ok());
        }
        return impl;
    }

    private static Session session(Iterable<Session> sessions, String name) {
        for (Session s : sessions) {
            if (s.name().equals(name)) {
                return s;
            }
        }
        throw new AssertionError("no session " + name);
    }

    private static String hex(long... pas) {
        StringBuilder sb = new StringBuilder("[");
        for (int i = 0; i < pas.length; i++) {
            sb.append(i > 0 ? ", " : "").append(String.format("0x%x", pas[i]));
        }
        return sb.append(']').toString();
    }

    @Test
    void kernelWarningsAreReported() {
        LuoImpl impl = withSessions(1);
        impl.kho().restoreFree(0x7000_0000L);
        assertThat(LuoInvariants.check(impl)).containsExactly(
                "KHO: kho_restore_free(PA 0x70000000): no preserved folio here (never preserved, or restored twice)");
    }

    @Test
    void anEmptyBlockListBreaksTheBlockCountAndTheChain() {
        LuoImpl impl = withSessions(0);
        long head = impl.outgoingHead();
        impl.outgoingSessions().blocks().destroy(true);
        assertThat(LuoInvariants.check(impl)).containsExactly(
                "violated: nblocks=0 within [1, 4]",
                "violated: session chain from the FDT head " + hex(head) + " equals the block list []");
    }

    @Test
    void moreSessionsThanTheBlocksHoldAndUnpreservedBlocksAreReported() {
        LuoImpl impl = withSessions(4);
        BlockList blocks = impl.outgoingSessions().blocks();
        long b0 = blocks.pa(0);
        long b1 = blocks.pa(1);
        blocks.destroy(true);
        blocks.add(b0);
        assertThat(LuoInvariants.check(impl)).containsExactly(
                "violated: sessions=4 <= nblocks*BLOCK_MAX=3",
                "violated: session chain from the FDT head " + hex(b0, b1) + " equals the block list " + hex(b0),
                "violated: KHO preserves exactly the session and file blocks: preserved=[] expected=" + hex(b0));
    }

    @Test
    void aBlockCountAboveCapacityAndAStrayPreservedFolioAreReported() {
        LuoImpl impl = withSessions(1);
        long head = impl.outgoingHead();
        SessionHeaderSer.writeCount(impl.memory(), head, 4);
        long stray = impl.kho().allocPreserve(4096).value();
        assertThat(LuoInvariants.check(impl)).containsExactly(
                String.format("violated: block 0x%x count=4 <= 3", head),
                "violated: KHO preserves exactly the session and file blocks: preserved=" + hex(head, stray)
                        + " expected=" + hex(head));
    }

    @Test
    void aCycleInTheSessionChainNamesTheSessionHeader() {
        LuoImpl impl = withSessions(4);
        BlockList blocks = impl.outgoingSessions().blocks();
        SessionHeaderSer.writeNext(impl.memory(), blocks.pa(1), blocks.pa(0));
        assertThat(LuoInvariants.check(impl)).containsExactly(String.format(
                "session chain from the FDT head: PA 0x%x: luo_session_header_ser.next = 0x%x, expected 0 after at most 4 blocks",
                blocks.pa(1), blocks.pa(0)));
    }

    @Test
    void fileBlocksThatDoNotMatchTheFileCountOrTheChainAreReported() {
        LuoImpl impl = withSessions(2);
        for (int t = 0; t < 4; t++) {
            impl.preserveFile("s0", t, HandlerKind.TEST_A, t);
        }
        List<Long> files = session(impl.outgoingSessions().sessions(), "s0").files().blockPas();
        FileHeaderSer.writeNext(impl.memory(), files.get(1), files.get(0));
        // A file set built for a geometry of one file per block: two blocks where SMALL needs one.
        Session s1 = session(impl.outgoingSessions().sessions(), "s1");
        s1.setFiles(new FileSet(impl.kho(), LuoGeometry.UNIT, impl.handlers()));
        for (long token = 1; token <= 2; token++) {
            UserFile f = impl.handlers().newFile("test", java.util.Optional.of(HandlerKind.TEST_A), 0, java.util.Optional.empty());
            s1.files().preserve(token, f, ErrorUndo.AS_POSTED);
        }
        String s1Blocks = "violated: session 's1': file blocks=2 == ceil(files/3)=1";
        assertThat(LuoInvariants.check(impl)).containsExactly(
                String.format("file chain of session 's0': PA 0x%x: luo_file_header_ser.next = 0x%x, expected 0 after at most 4 blocks",
                        files.get(1), files.get(0)),
                s1Blocks);
        FileHeaderSer.writeNext(impl.memory(), files.get(0), 0);
        assertThat(LuoInvariants.check(impl)).containsExactly("violated: file chain of session 's0' " + hex(files.get(0))
                + " equals the block list " + hex(files.get(0), files.get(1)), s1Blocks);
    }

    @Test
    void theNextKernelHoldingLessThanTheHandoverIsReported() {
        LuoImpl impl = withSessions(1);
        impl.preserveFile("s0", 1, HandlerKind.TEST_A, 0);
        impl.reboot(RebootFault.NONE);
        impl.setup();
        impl.openDevice();
        long fileBlock = session(impl.incomingSessions().sessions(), "s0").files().blockPas().get(0);
        assertThat(LuoInvariants.check(impl)).isEmpty();
        impl.kho().restoreFree(fileBlock);
        assertThat(LuoInvariants.check(impl)).containsExactly(
                "violated: unrestored handed-over folios are exactly the handover and unfinished file blocks: held=[] expected="
                        + hex(fileBlock));
    }

    @Test
    void aCycleInTheHandoverIsReportedBeforeSetup() {
        LuoImpl impl = withSessions(4);
        impl.reboot(RebootFault.NONE);
        long b0 = impl.handoverHead().orElseThrow();
        long b1 = SessionHeaderSer.next(impl.memory(), b0);
        SessionHeaderSer.writeNext(impl.memory(), b1, b0);
        assertThat(LuoInvariants.check(impl)).containsExactly(
                String.format("handover chain: PA 0x%x: luo_session_header_ser.next = 0x%x, expected 0 after at most 4 blocks", b1, b0),
                "violated: unrestored handed-over folios are exactly the handover and unfinished file blocks: held=" + hex(b0, b1)
                        + " expected=[]");
    }

    /** Bytes after a full block's last entry (still inside its page) are not an entry. */
    @Test
    void onlyTheCountedEntriesOfAHandedOverBlockAreFollowed() {
        LuoImpl impl = withSessions(3);
        impl.reboot(RebootFault.NONE);
        long head = impl.handoverHead().orElseThrow();
        FileSetSer.write(impl.memory(), SessionSer.fileSetPa(SessionHeaderSer.entryPa(head, 3)), 0x7000_0000L, 1);
        assertThat(LuoInvariants.check(impl)).isEmpty();
    }
}
