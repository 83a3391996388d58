package kverify.impl.luo;

import static org.assertj.core.api.Assertions.assertThat;

import kverify.impl.luo.layout.FdtNode;
import kverify.impl.luo.layout.SessionFdtNode;
import kverify.impl.luo.layout.SessionHeaderSer;
import kverify.model.Errno;
import kverify.model.Outcome;
import kverify.model.luo.Handover;
import kverify.model.luo.LuoGeometry;
import kverify.model.luo.Phase;
import kverify.model.luo.RebootFault;
import org.junit.jupiter.api.Test;

/**
 * The next kernel's reaction to corrupted handovers, hand-written: the posted checks (3.5, 3.6)
 * and the difference between keeping partial state (as posted) and rejecting it (corrected).
 */
class LuoCorruptionTest {

    private static LuoImpl rebootedWithSevenSessions(LuoVariant v) {
        LuoImpl impl = LuoImpl.boot(v, LuoGeometry.SMALL);
        for (int i = 0; i < 7; i++) {
            impl.createSession("s" + i);
        }
        impl.reboot(RebootFault.NONE);
        return impl;
    }

    private static long block(LuoImpl impl, int index) {
        long pa = SessionFdtNode.headPa(impl.handoverFdt()).value();
        for (int i = 0; i < index; i++) {
            pa = SessionHeaderSer.next(impl.memory(), pa);
        }
        return pa;
    }

    @Test
    void anIncompatibleNodePanicsTheNextKernel() {
        LuoImpl impl = rebootedWithSevenSessions(LuoVariant.AS_POSTED);
        FdtNode node = impl.handoverFdt().orElseThrow();
        impl.replaceHandoverFdt(node.with("compatible", "luo-session-v2\0".getBytes()));
        assertThat(impl.setup()).isEqualTo(Outcome.err(Errno.EINVAL));
        assertThat(impl.phase()).isEqualTo(Phase.PANICKED);
    }

    @Test
    void aCycleIsOnlyStoppedByTheBlockLimit() {
        LuoImpl impl = rebootedWithSevenSessions(LuoVariant.AS_POSTED);
        SessionHeaderSer.writeNext(impl.memory(), block(impl, 2), block(impl, 0));
        assertThat(impl.handover()).isInstanceOf(Handover.Undecodable.class);
        assertThat(((Handover.Undecodable) impl.handover()).error()).contains("luo_session_header_ser.next");
        assertThat(impl.setup()).isEqualTo(Outcome.err(Errno.ENOSPC));
        assertThat(impl.incomingSessions().blocks().nblocks()).as("no cleanup of the tracking entries").isEqualTo(4);
    }

    /** C1: a rejection at setup keeps no tracking entry; the blocks walked before the repeat are restored. */
    @Test
    void correctedFreesTheTrackingEntriesOfTheBlocksSetupWalkedWhenItRejects() {
        LuoImpl impl = rebootedWithSevenSessions(LuoVariant.CORRECTED);
        long first = block(impl, 0);
        SessionHeaderSer.writeNext(impl.memory(), block(impl, 2), first);
        assertThat(impl.setup()).isEqualTo(Outcome.err(Errno.EINVAL));
        assertThat(impl.incomingBlocksTracked()).isZero();
        assertThat(impl.kho().isRestorable(first)).as("restored").isFalse();
        assertThat(impl.kho().violations()).isEmpty();
    }

    @Test
    void anOversizedCountIsEioAtOpenAndAsPostedKeepsWhatItBuilt() {
        LuoImpl impl = rebootedWithSevenSessions(LuoVariant.AS_POSTED);
        SessionHeaderSer.writeCount(impl.memory(), block(impl, 1), 4);
        assertThat(impl.handover()).isInstanceOf(Handover.Undecodable.class);
        assertThat(impl.setup()).as("setup does not look at counts").isEqualTo(Outcome.ok());
        assertThat(impl.openDevice()).isEqualTo(Outcome.err(Errno.EIO));
        assertThat(impl.openDevice()).as("the result is cached").isEqualTo(Outcome.err(Errno.EIO));
        assertThat(impl.state().incoming()).hasSize(3);
        assertThat(impl.kho().incoming()).as("blocks neither restored nor freed").hasSize(3);
        assertThat(LuoInvariants.check(impl)).as("the kept blocks are what the handover still holds; only the corrupted count shows")
                .containsExactly(String.format("violated: session chain filled in order: block 1 of 3 at 0x%x has count 4 (last non-empty block 2)",
                        block(impl, 1)));
    }

    @Test
    void correctedRejectsTheWholeHandoverAndRestoresItsBlocks() {
        LuoImpl impl = rebootedWithSevenSessions(LuoVariant.CORRECTED);
        SessionHeaderSer.writeCount(impl.memory(), block(impl, 1), 4);
        impl.setup();
        assertThat(impl.openDevice()).isEqualTo(Outcome.err(Errno.EIO));
        assertThat(impl.state().incoming()).isEmpty();
        assertThat(impl.kho().incoming()).isEmpty();
        assertThat(impl.kho().violations()).isEmpty();
        assertThat(LuoInvariants.check(impl)).isEmpty();
    }
}
