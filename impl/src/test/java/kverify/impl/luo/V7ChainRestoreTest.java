package kverify.impl.luo;

import static org.assertj.core.api.Assertions.assertThat;

import kverify.impl.luo.layout.v7.KhoBlockHeaderSer;
import kverify.model.Errno;
import kverify.model.Outcome;
import kverify.model.luo.HandlerKind;
import kverify.model.luo.LuoV7Geometry;
import kverify.model.luo.Phase;
import kverify.model.luo.RebootFault;
import org.junit.jupiter.api.Test;

/**
 * v7's kho_block_set_restore on the session chain ({@link ChainRestore}), hand-written at
 * v7-small (256-byte blocks, at most 4): chains of 1 to 4 blocks come back whole, and a cycle, a
 * count of 0 or one above the capacity (compared as u64) is EINVAL at setup, with the cleanup each
 * variant does: as applied frees every block from the failing one on, following next; the
 * corrected variant releases only what it tracked and trusts nothing beyond a refused block.
 */
class V7ChainRestoreTest {
    /** A v7 kernel with sessions s0.. filling {@code blocks} session blocks (the last one holding one session), rebooted. */
    private static LuoImpl rebooted(LuoVariant v, int blocks) {
        LuoImpl impl = LuoImpl.boot(v, LuoV7Geometry.SMALL);
        int n = 0;
        while (impl.outgoingSessions().blocks().nblocks() < blocks) {
            assertThat(impl.createSession("s" + n++)).isEqualTo(Outcome.ok());
        }
        assertThat(impl.preserveFile("s0", 7, HandlerKind.TEST_A, 9)).isEqualTo(Outcome.ok());
        assertThat(impl.reboot(RebootFault.NONE)).isEqualTo(Outcome.ok());
        return impl;
    }

    private static long block(LuoImpl impl, int index) {
        long pa = impl.handoverHead().orElseThrow();
        for (int i = 0; i < index; i++) {
            pa = KhoBlockHeaderSer.next(impl.memory(), pa);
        }
        return pa;
    }

    private static int perBlock(LuoImpl impl) {
        return (int) KhoBlockHeaderSer.count(impl.memory(), block(impl, 0));
    }

    @Test
    void chainsOfOneToTheLimitOfBlocksComeBackWhole() {
        for (LuoVariant v : LuoVariant.of(LuoVersion.V7)) {
            for (int blocks = 1; blocks <= LuoV7Geometry.SMALL.maxBlocks(); blocks++) {
                LuoImpl impl = rebooted(v, blocks);
                long sessions = impl.state().handover() instanceof kverify.model.luo.Handover.Present p ? p.sessions().size() : -1;
                assertThat(impl.setup()).as("%s, %d blocks", v, blocks).isEqualTo(Outcome.ok());
                assertThat(impl.incomingBlocksTracked()).as("%s, %d blocks", v, blocks).isEqualTo(blocks);
                assertThat(impl.openDevice()).isEqualTo(Outcome.ok());
                assertThat((long) impl.incomingSessions().count()).isEqualTo(sessions);
                assertThat(impl.retrieveSession("s0")).isEqualTo(Outcome.ok());
                assertThat(impl.retrieveFile("s0", 7).isOk()).isTrue();
                assertThat(impl.kho().violations()).isEmpty();
            }
        }
    }

    @Test
    void aCycleIsEinvalBeforeAnyBlockIsTaken() {
        for (LuoVariant v : LuoVariant.of(LuoVersion.V7)) {
            for (int blocks = 1; blocks <= 3; blocks++) {
                LuoImpl impl = rebooted(v, blocks);
                KhoBlockHeaderSer.writeNext(impl.memory(), block(impl, blocks - 1), block(impl, 0));
                assertThat(impl.setup()).as("%s, a cycle of %d", v, blocks).isEqualTo(Outcome.err(Errno.EINVAL));
                assertThat(impl.phase()).isEqualTo(Phase.PANICKED);
                assertThat(impl.incomingBlocksTracked()).isZero();
            }
        }
    }

    @Test
    void aCycleBackToTheSecondBlockIsFoundToo() {
        LuoImpl impl = rebooted(LuoVariant.V7_AS_APPLIED, 3);
        KhoBlockHeaderSer.writeNext(impl.memory(), block(impl, 2), block(impl, 1));
        assertThat(impl.setup()).isEqualTo(Outcome.err(Errno.EINVAL));
        assertThat(impl.walkVisits()).as("the cycle check reads no header through the walk").isEmpty();
    }

    @Test
    void anEmptyBlockIsEinvalAndAsAppliedFreesItAndEveryBlockAfterIt() {
        LuoImpl impl = rebooted(LuoVariant.V7_AS_APPLIED, 3);
        long first = block(impl, 0);
        long second = block(impl, 1);
        long third = block(impl, 2);
        KhoBlockHeaderSer.writeCount(impl.memory(), second, 0);
        assertThat(impl.setup()).isEqualTo(Outcome.err(Errno.EINVAL));
        assertThat(impl.incomingBlocksTracked()).isZero();
        assertThat(impl.kho().isRestorable(first)).as("tracked, so restored and freed").isFalse();
        assertThat(impl.kho().isRestorable(second)).isFalse();
        assertThat(impl.kho().isRestorable(third)).isFalse();
    }

    @Test
    void aCountAboveTheCapacityIsEinvalAndTheCorrectedVariantLeavesTheUntrustedBlocksAlone() {
        LuoImpl impl = rebooted(LuoVariant.V7_CORRECTED, 3);
        long first = block(impl, 0);
        long second = block(impl, 1);
        long third = block(impl, 2);
        KhoBlockHeaderSer.writeCount(impl.memory(), second, perBlock(impl) + 1);
        assertThat(impl.setup()).isEqualTo(Outcome.err(Errno.EINVAL));
        assertThat(impl.incomingBlocksTracked()).isZero();
        assertThat(impl.kho().isRestorable(first)).isFalse();
        assertThat(impl.kho().isRestorable(second)).isTrue();
        assertThat(impl.kho().isRestorable(third)).isTrue();
    }

    @Test
    void aCountOfExactlyTheCapacityIsAcceptedAndANegativeOneIsAboveIt() {
        LuoImpl full = rebooted(LuoVariant.V7_AS_APPLIED, 2);
        assertThat(KhoBlockHeaderSer.count(full.memory(), block(full, 1))).isEqualTo(1);
        KhoBlockHeaderSer.writeCount(full.memory(), block(full, 1), perBlock(full));
        assertThat(full.setup()).as("the count test passes; the entries are decoded later").isEqualTo(Outcome.ok());
        LuoImpl negative = rebooted(LuoVariant.V7_AS_APPLIED, 2);
        KhoBlockHeaderSer.writeCount(negative.memory(), block(negative, 0), -1);
        assertThat(negative.setup()).isEqualTo(Outcome.err(Errno.EINVAL));
        assertThat(negative.kho().isRestorable(block(negative, 1))).as("freed after the refused head").isFalse();
    }

    @Test
    void setupRestoresAndFreesTheLuoSerPageAndAKernelWithoutSessionsHandsOverAnEmptyChain() {
        LuoImpl impl = rebooted(LuoVariant.V7_CORRECTED, 1);
        long root = ((KhoEntry.Subtree) impl.handoverEntry().orElseThrow()).entry().pa();
        assertThat(impl.kho().isRestorable(root)).isTrue();
        assertThat(impl.setup()).isEqualTo(Outcome.ok());
        assertThat(impl.kho().isRestorable(root)).as("luo_ser restored and freed at setup").isFalse();

        LuoImpl empty = LuoImpl.boot(LuoVariant.V7_AS_APPLIED, LuoV7Geometry.SMALL);
        assertThat(empty.outgoingHead()).isZero();
        assertThat(empty.createSession("a")).isEqualTo(Outcome.ok());
        assertThat(empty.outgoingHead()).isNotZero();
        assertThat(empty.closeSession("a")).isEqualTo(Outcome.ok());
        assertThat(empty.reboot(RebootFault.NONE)).isEqualTo(Outcome.ok());
        assertThat(empty.handoverHead()).contains(0L);
        assertThat(empty.setup()).isEqualTo(Outcome.ok());
        assertThat(empty.incomingBlocksTracked()).isZero();
        assertThat(empty.openDevice()).isEqualTo(Outcome.ok());
        assertThat(empty.incomingSessions().count()).isZero();
    }

    @Test
    void aV1NodeHandedToAV7KernelIsEinval() {
        LuoImpl v1 = LuoImpl.boot(LuoVariant.CORRECTED, kverify.model.luo.LuoGeometry.SMALL);
        LuoImpl impl = rebooted(LuoVariant.V7_AS_APPLIED, 1);
        impl.replaceHandoverFdt(v1.outgoingFdt());
        assertThat(impl.setup()).isEqualTo(Outcome.err(Errno.EINVAL));
    }

    /** kho_block_set_shrink after each close: the set keeps ceil(sessions / capacity) blocks, the others unpreserved and freed. */
    @Test
    void closingSessionsShrinksTheOutgoingBlockSet() {
        for (LuoVariant v : LuoVariant.of(LuoVersion.V7)) {
            LuoImpl impl = LuoImpl.boot(v, LuoV7Geometry.SMALL);
            int n = 0;
            while (impl.outgoingSessions().blocks().nblocks() < 2) {
                impl.createSession("s" + n++);
            }
            int perBlock = n - 1;
            while (impl.outgoingSessions().blocks().nblocks() < 3) {
                impl.createSession("s" + n++);
            }
            int preservedAtThree = impl.kho().preserved().size();
            for (int left = n - 1; left >= 0; left--) {
                assertThat(impl.closeSession("s" + left)).isEqualTo(Outcome.ok());
                int blocks = (left + perBlock - 1) / perBlock;
                assertThat(impl.outgoingSessions().blocks().nblocks()).as("%s, %d sessions left", v, left).isEqualTo(blocks);
                assertThat(impl.kho().preserved()).as("%s, %d sessions left", v, left).hasSize(preservedAtThree - (3 - blocks));
            }
            assertThat(impl.outgoingHead()).isZero();
            assertThat(LuoInvariants.check(impl)).isEmpty();
        }
    }

    /** kho_block_set_restore reads each session block's header once, in chain order (the cycle pre-pass only follows next). */
    @Test
    void setupVisitsEachSessionBlockOnceInOrder() {
        for (LuoVariant v : LuoVariant.of(LuoVersion.V7)) {
            LuoImpl impl = rebooted(v, 3);
            assertThat(impl.setup()).isEqualTo(Outcome.ok());
            assertThat(impl.walkVisits()).as(v.name()).containsExactly(new WalkVisit(true, block(impl, 0)),
                    new WalkVisit(true, block(impl, 1)), new WalkVisit(true, block(impl, 2)));
        }
    }
}
