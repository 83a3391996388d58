package kverify.impl.luo;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import kverify.impl.kho.Kho;
import kverify.impl.luo.layout.FileHeaderSer;
import kverify.impl.luo.layout.FileSer;
import kverify.impl.luo.layout.FileSetSer;
import kverify.impl.luo.layout.SessionHeaderSer;
import kverify.impl.luo.layout.SessionSer;
import kverify.impl.memory.PhysicalMemory;
import kverify.model.Errno;
import kverify.model.Outcome;
import kverify.model.luo.FileImage;
import kverify.model.luo.Handover;
import kverify.model.luo.HandlerKind;
import kverify.model.luo.IncomingSession;
import kverify.model.luo.IncomingSession.IncomingFile;
import kverify.model.luo.LuoGeometry;
import kverify.model.luo.RebootFault;
import kverify.model.luo.SessionImage;
import org.junit.jupiter.api.Test;

/**
 * Hand-written scenarios for the file blocks of a session (the 2/5 reconstruction): the freeze
 * failure path, the release of file blocks when a handover is rejected, finish, and boot failure.
 * Geometry SMALL: three files per file block, three sessions per session block.
 */
class LuoFileBlocksTest {
    private static final int FILE_ENTRIES_BYTES = 3 * FileSer.SIZE;

    private static LuoImpl small(LuoVariant v) {
        return LuoImpl.boot(v, LuoGeometry.SMALL);
    }

    private static void preserve(LuoImpl impl, String session, int files) {
        for (int t = 0; t < files; t++) {
            assertThat(impl.preserveFile(session, t, HandlerKind.TEST_A, 100 + t)).isEqualTo(Outcome.ok());
        }
    }

    private static Session outgoing(LuoImpl impl, String name) {
        for (Session s : impl.outgoingSessions().sessions()) {
            if (s.name().equals(name)) {
                return s;
            }
        }
        throw new AssertionError("no outgoing session " + name);
    }

    @Test
    void aFailedFreezeZeroesEveryFileBlockKeepsTheLinkAndTheRollbackZeroesEarlierFileSets() {
        LuoImpl impl = small(LuoVariant.AS_POSTED);
        impl.createSession("a");
        impl.createSession("b");
        preserve(impl, "a", 2);
        preserve(impl, "b", 5);
        List<Long> blocksOfB = outgoing(impl, "b").files().blockPas();
        assertThat(blocksOfB).hasSize(2);
        assertThat(impl.reboot(new RebootFault.FreezeFails(1, 4, Errno.EIO))).isEqualTo(Outcome.err(Errno.EIO));
        PhysicalMemory m = impl.memory();
        for (long pa : blocksOfB) {
            assertThat(FileHeaderSer.count(m, pa)).as("count of file block 0x%x", pa).isZero();
            assertThat(m.read(FileHeaderSer.entryPa(pa, 0), FILE_ENTRIES_BYTES)).as("entries of 0x%x", pa).containsOnly(0);
        }
        assertThat(FileHeaderSer.next(m, blocksOfB.get(0))).isEqualTo(blocksOfB.get(1));
        long head = impl.outgoingHead();
        for (int i = 0; i < 2; i++) {
            assertThat(m.read(SessionSer.fileSetPa(SessionHeaderSer.entryPa(head, i)), FileSetSer.SIZE))
                    .as("file_set_ser of session %d", i).containsOnly(0);
        }
        assertThat(LuoInvariants.check(impl)).isEmpty();

        assertThat(impl.reboot(RebootFault.NONE)).isEqualTo(Outcome.ok());
        assertThat(impl.handover()).isInstanceOfSatisfying(Handover.Present.class, h -> assertThat(h.sessions())
                .extracting(s -> s.files().size()).containsExactly(2, 5));
    }

    @Test
    void theOutgoingStateListsTheFilesAndADuplicateTokenIsEexist() {
        LuoImpl impl = small(LuoVariant.AS_POSTED);
        impl.createSession("a");
        assertThat(impl.preserveFile("a", 9, HandlerKind.TEST_B, 5)).isEqualTo(Outcome.ok());
        assertThat(impl.preserveFile("a", 9, HandlerKind.TEST_A, 6)).isEqualTo(Outcome.err(Errno.EEXIST));
        assertThat(impl.preserveFile("x", 1, HandlerKind.TEST_A, 6)).isEqualTo(Outcome.err(Errno.EBADF));
        assertThat(impl.state().outgoing())
                .containsExactly(new SessionImage("a", List.of(new FileImage(9, HandlerKind.TEST_B, 5))));
        assertThat(impl.closeSession("a")).isEqualTo(Outcome.ok());
        assertThat(impl.closeSession("a")).isEqualTo(Outcome.err(Errno.EBADF));
        assertThat(impl.kho().preserved()).as("only the first session block is left").hasSize(1);
    }

    @Test
    void finishReleasesTheFilesAndTheirBlocksButKeepsTheSession() {
        LuoImpl impl = small(LuoVariant.AS_POSTED);
        impl.createSession("a");
        preserve(impl, "a", 4);
        impl.reboot(RebootFault.NONE);
        impl.setup();
        impl.openDevice();
        assertThat(impl.finish("a")).as("no fd yet").isEqualTo(Outcome.err(Errno.EBADF));
        assertThat(impl.retrieveFile("a", 0)).as("no fd yet").isEqualTo(Outcome.err(Errno.EBADF));
        impl.retrieveSession("a");
        assertThat(impl.retrieveFile("a", 3)).isEqualTo(Outcome.ok(new FileImage(3, HandlerKind.TEST_A, 103)));
        assertThat(impl.retrieveFile("a", 4)).isEqualTo(Outcome.err(Errno.ENOENT));
        assertThat(impl.state().incoming()).containsExactly(new IncomingSession("a", true, List.of(
                new IncomingFile(new FileImage(0, HandlerKind.TEST_A, 100), false),
                new IncomingFile(new FileImage(1, HandlerKind.TEST_A, 101), false),
                new IncomingFile(new FileImage(2, HandlerKind.TEST_A, 102), false),
                new IncomingFile(new FileImage(3, HandlerKind.TEST_A, 103), true))));
        assertThat(impl.kho().incoming()).as("two file blocks wait for finish").hasSize(2);
        assertThat(impl.finish("a")).isEqualTo(Outcome.ok());
        assertThat(impl.state().incoming()).containsExactly(new IncomingSession("a", true, List.of()));
        assertThat(impl.retrieveFile("a", 3)).isEqualTo(Outcome.err(Errno.ENOENT));
        assertThat(impl.kho().incoming()).isEmpty();
        assertThat(impl.finish("a")).as("nothing left to finish").isEqualTo(Outcome.ok());
        assertThat(impl.kho().violations()).isEmpty();
    }

    /** Block 1 claims four sessions: s0..s2 and their files are built before deserialize fails. */
    private static LuoImpl handoverWithABadSecondBlock(LuoVariant v) {
        LuoImpl impl = small(v);
        for (int i = 0; i < 4; i++) {
            impl.createSession("s" + i);
        }
        preserve(impl, "s0", 4);
        preserve(impl, "s1", 1);
        impl.reboot(RebootFault.NONE);
        SessionHeaderSer.writeCount(impl.memory(), SessionHeaderSer.next(impl.memory(), impl.handoverHead().orElseThrow()), 4);
        assertThat(impl.setup()).isEqualTo(Outcome.ok());
        assertThat(impl.openDevice()).isEqualTo(Outcome.err(Errno.EIO));
        assertThat(impl.deserializeResult()).contains(Outcome.err(Errno.EINVAL));
        return impl;
    }

    @Test
    void correctedRejectionRestoresTheFileBlocksOfTheSessionsBuiltSoFar() {
        LuoImpl impl = handoverWithABadSecondBlock(LuoVariant.CORRECTED);
        assertThat(impl.state().incoming()).isEmpty();
        assertThat(impl.kho().incoming()).as("2 session blocks and 3 file blocks all restored").isEmpty();
        assertThat(impl.kho().violations()).isEmpty();
        assertThat(LuoInvariants.check(impl)).isEmpty();
    }

    @Test
    void asPostedKeepsTheSessionsBuiltSoFarWithTheirFileBlocks() {
        LuoImpl impl = handoverWithABadSecondBlock(LuoVariant.AS_POSTED);
        assertThat(impl.state().incoming()).extracting(s -> s.name() + ":" + s.files().size())
                .containsExactly("s0:4", "s1:1", "s2:0");
        assertThat(impl.kho().incoming()).as("2 session blocks and 3 file blocks").hasSize(5);
        assertThat(LuoInvariants.check(impl)).as("only the corrupted count shows").singleElement().asString()
                .startsWith("violated: session chain filled in order: block 1 of 2");
    }

    @Test
    void aFailedFirstBlockAllocationFailsTheOutgoingSetup() {
        Kho kho = Kho.boot(PhysicalMemory.ofSize(LuoImpl.RAM_BYTES));
        kho.failAllocationAfter(0);
        assertThat(OutgoingSessions.setup(kho, LuoGeometry.SMALL, LuoVariant.AS_POSTED, 0)).isEqualTo(Outcome.err(Errno.ENOMEM));
        assertThat(kho.preserved()).isEmpty();
    }
}
