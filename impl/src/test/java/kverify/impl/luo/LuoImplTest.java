package kverify.impl.luo;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import kverify.impl.luo.layout.SessionHeaderSer;
import kverify.impl.luo.layout.SessionSer;
import kverify.impl.memory.PhysicalMemory;
import kverify.model.Errno;
import kverify.model.Outcome;
import kverify.model.luo.FileImage;
import kverify.model.luo.Handover;
import kverify.model.luo.HandlerKind;
import kverify.model.luo.LuoGeometry;
import kverify.model.luo.Phase;
import kverify.model.luo.RebootFault;
import kverify.model.luo.SessionImage;
import org.junit.jupiter.api.Test;

/**
 * Hand-written scenarios for the byte-level implementation (ordinary unit tests, not findings:
 * the findings come from the generated properties). Invariants are checked after each scenario.
 */
class LuoImplTest {

    private static LuoImpl small(LuoVariant v) {
        return LuoImpl.boot(v, LuoGeometry.SMALL);
    }

    private static void assertInvariants(LuoImpl impl) {
        assertThat(LuoInvariants.check(impl)).isEmpty();
    }

    @Test
    void bootWritesTheNodeAndOneZeroedBlock() {
        LuoImpl impl = small(LuoVariant.AS_POSTED);
        assertThat(impl.kho().preserved()).hasSize(1);
        long head = impl.outgoingHead();
        assertThat(impl.kho().preserved().firstKey()).isEqualTo(head);
        assertThat(impl.memory().read(head, 256)).containsOnly(0);
        assertInvariants(impl);
    }

    @Test
    void theFourthSessionAddsALinkedBlockAndTheLimitIsENOSPC() {
        LuoImpl impl = small(LuoVariant.AS_POSTED);
        for (int i = 0; i < 3; i++) {
            assertThat(impl.createSession("s" + i)).isEqualTo(Outcome.ok());
        }
        assertThat(impl.kho().preserved()).hasSize(1);
        impl.createSession("s3");
        assertThat(impl.outgoingSessions().blocks().nblocks()).isEqualTo(2);
        long head = impl.outgoingHead();
        assertThat(SessionHeaderSer.next(impl.memory(), head)).isEqualTo(impl.outgoingSessions().blocks().pa(1));
        for (int i = 4; i < 12; i++) {
            impl.createSession("s" + i);
        }
        assertThat(impl.createSession("s0")).isEqualTo(Outcome.err(Errno.EEXIST));
        assertThat(impl.createSession("s12")).isEqualTo(Outcome.err(Errno.ENOSPC));
        assertThat(impl.kho().preserved()).as("the block allocated for the refused session was freed").hasSize(4);
        assertInvariants(impl);
    }

    @Test
    void serializeWritesTheBlockBytesAndTheNextKernelDecodesThem() {
        LuoImpl impl = small(LuoVariant.AS_POSTED);
        impl.createSession("a");
        impl.createSession("b");
        impl.preserveFile("b", 0x42, HandlerKind.TEST_B, 0x1234);
        long head = impl.outgoingHead();
        assertThat(impl.reboot(RebootFault.NONE)).isEqualTo(Outcome.ok());
        PhysicalMemory m = impl.memory();
        long fileBlock = SessionSerReader.files(m, SessionHeaderSer.entryPa(head, 1));
        assertThat(HexFormat.of().formatHex(m.read(head, 16 + 2 * 80)))
                .isEqualTo(HexFormat.of().formatHex(SessionHeaderSer.encode(0, 2))
                        + HexFormat.of().formatHex(SessionSer.encode("a", 0, 0))
                        + HexFormat.of().formatHex(SessionSer.encode("b", fileBlock, 1)));
        List<SessionImage> expected = List.of(new SessionImage("a", List.of()),
                new SessionImage("b", List.of(new FileImage(0x42, HandlerKind.TEST_B, 0x1234))));
        assertThat(impl.handover()).isEqualTo(new Handover.Present(expected));
        assertInvariants(impl);
    }

    @Test
    void aFullLiveUpdateLeavesNothingBehindOnceEverySessionIsFinished() {
        LuoImpl impl = small(LuoVariant.CORRECTED);
        for (int i = 0; i < 5; i++) {
            impl.createSession("s" + i);
            for (int f = 0; f < 4; f++) {
                impl.preserveFile("s" + i, f, HandlerKind.TEST_A, i * 10 + f);
            }
        }
        impl.reboot(RebootFault.NONE);
        assertThat(impl.setup()).isEqualTo(Outcome.ok());
        assertInvariants(impl);
        assertThat(impl.openDevice()).isEqualTo(Outcome.ok());
        assertThat(impl.handover()).isEqualTo(Handover.ABSENT);
        for (int i = 0; i < 5; i++) {
            assertThat(impl.retrieveSession("s" + i)).isEqualTo(Outcome.ok());
            assertThat(impl.retrieveFile("s" + i, 3)).isEqualTo(Outcome.ok(new FileImage(3, HandlerKind.TEST_A, i * 10 + 3)));
            assertThat(impl.finish("s" + i)).isEqualTo(Outcome.ok());
            assertInvariants(impl);
        }
        assertThat(impl.kho().incoming()).isEmpty();
        assertThat(impl.kho().violations()).isEmpty();
    }

    @Test
    void asPostedRollbackLeavesTheCountsWrittenAtBlockTransitions() {
        LuoImpl impl = small(LuoVariant.AS_POSTED);
        for (int i = 0; i < 7; i++) {
            impl.createSession("s" + i);
        }
        impl.preserveFile("s6", 1, HandlerKind.TEST_A, 0);
        assertThat(impl.reboot(new RebootFault.FreezeFails(6, 0, Errno.EIO))).isEqualTo(Outcome.err(Errno.EIO));
        BlockList blocks = impl.outgoingSessions().blocks();
        assertThat(List.of(blocks.readCount(0), blocks.readCount(1), blocks.readCount(2))).containsExactly(3L, 3L, 0L);
        for (int b = 0; b < 2; b++) {
            for (int i = 0; i < 3; i++) {
                assertThat(SessionSer.readName(impl.memory(), blocks.entryPa(b, i))).as("names zeroed by the rollback").isEmpty();
            }
        }
        assertInvariants(impl);
    }

    /**
     * What the next kernel does with the stale counts (the consequence stated in the finding
     * stale-block-count-survives-failed-reboot.trace; this continuation is hand-written).
     */
    @Test
    void asPostedStaleCountsMakeTheFirstOpenFailWithEioAndLeaveAPhantomSession() {
        LuoImpl impl = small(LuoVariant.AS_POSTED);
        for (int i = 0; i < 7; i++) {
            impl.createSession("y" + i);
        }
        impl.preserveFile("y6", 0, HandlerKind.TEST_A, 0);
        impl.reboot(new RebootFault.FreezeFails(6, 0, Errno.EIO));
        for (int i = 0; i < 4; i++) {
            impl.closeSession("y" + i);
        }
        assertThat(impl.reboot(RebootFault.NONE)).isEqualTo(Outcome.ok());
        assertThat(impl.setup()).isEqualTo(Outcome.ok());
        assertThat(impl.openDevice()).isEqualTo(Outcome.err(Errno.EIO));
        assertThat(impl.state().incoming()).extracting(s -> s.name()).containsExactly("y4", "y5", "y6", "");
        assertThat(impl.phase()).isEqualTo(Phase.INCOMING);
        assertInvariants(impl);
    }

    @Test
    void correctedClearsTheCountsOfBlocksAfterTheLastOneUsed() {
        LuoImpl impl = small(LuoVariant.CORRECTED);
        for (int i = 0; i < 7; i++) {
            impl.createSession("s" + i);
        }
        impl.preserveFile("s6", 1, HandlerKind.TEST_A, 0);
        impl.reboot(new RebootFault.FreezeFails(6, 0, Errno.EIO));
        for (int i = 1; i < 7; i++) {
            impl.closeSession("s" + i);
        }
        assertThat(impl.reboot(RebootFault.NONE)).isEqualTo(Outcome.ok());
        assertThat(impl.handover()).isEqualTo(new Handover.Present(List.of(new SessionImage("s0", List.of()))));
        assertInvariants(impl);
    }

    @Test
    void theReviewConditionAddsABlockOnEveryCreateAtAMultipleEvenWhenBlocksAreFree() {
        LuoImpl impl = small(LuoVariant.REVIEW_SUGGESTION);
        for (int i = 0; i < 3; i++) {
            impl.createSession("s" + i);
        }
        List<Integer> nblocks = new ArrayList<>();
        for (int round = 0; round < 3; round++) {
            assertThat(impl.createSession("x")).isEqualTo(Outcome.ok());
            impl.closeSession("x");
            nblocks.add(impl.outgoingSessions().blocks().nblocks());
        }
        assertThat(nblocks).containsExactly(2, 3, 4);
        assertThat(impl.createSession("x")).isEqualTo(Outcome.err(Errno.ENOSPC));
        assertInvariants(impl);
    }

    @Test
    void anInjectedAllocationFailureAtABoundaryIsENOMEMAndChangesNothing() {
        LuoImpl impl = small(LuoVariant.AS_POSTED);
        for (int i = 0; i < 3; i++) {
            impl.createSession("s" + i);
        }
        impl.kho().failAllocationAfter(0);
        assertThat(impl.createSession("s3")).isEqualTo(Outcome.err(Errno.ENOMEM));
        assertThat(impl.state().outgoing()).hasSize(3);
        assertInvariants(impl);
        assertThat(impl.createSession("s3")).isEqualTo(Outcome.ok());
        impl.kho().failAllocationAfter(0);
        assertThat(impl.preserveFile("s3", 1, HandlerKind.TEST_A, 0)).isEqualTo(Outcome.err(Errno.ENOMEM));
        assertInvariants(impl);
    }

    @Test
    void theNextKernelReadsOnlyMemoryThatWasHandedOver() {
        LuoImpl impl = small(LuoVariant.AS_POSTED);
        for (int i = 0; i < 8; i++) {
            impl.createSession("s" + i);
            impl.preserveFile("s" + i, i, HandlerKind.TEST_B, i);
        }
        impl.reboot(RebootFault.NONE);
        List<Long> handedOverPages = new ArrayList<>();
        impl.kho().incoming().forEach((pa, order) -> {
            for (long p = 0; p < (1L << order); p++) {
                handedOverPages.add(pa + p * PhysicalMemory.PAGE_SIZE);
            }
        });
        impl.memory().startTrackingReads();
        impl.setup();
        impl.openDevice();
        impl.memory().stopTrackingReads();
        assertThat(impl.memory().pagesRead()).isNotEmpty().isSubsetOf(handedOverPages);
    }

    /** Reads luo_session_ser.file_set_ser.files of an entry. */
    private static final class SessionSerReader {
        static long files(PhysicalMemory m, long entryPa) {
            return m.readU64(SessionSer.fileSetPa(entryPa));
        }
    }
}
