package kverify.impl.luo;

import java.util.Optional;
import kverify.model.Errno;
import kverify.model.Outcome;
import kverify.model.Outcome.Unit;

/**
 * How the next kernel takes a chain of blocks over from a head PA, for the session chain at setup
 * and for each file chain at deserialize. The variant's {@link HandoverChecks} look at each
 * pointer before its header is read; the walk records every header the add loop reads.
 */
public enum ChainRestore {
    /**
     * v1 (luo_session_setup_incoming at 7d538a77, luo_file_deserialize at 5d766e26): follow next
     * until 0, one tracking entry per block, ENOSPC past the limit; no count is looked at.
     */
    WALK {
        @Override
        Outcome<Unit> restore(BlockList blocks, int blockBytes, int perBlock, boolean sessionBlocks, HandoverWalk walk, long head) {
            return ChainWalk.add(blocks, blockBytes, sessionBlocks, walk, head);
        }
    },
    /**
     * kho_block_set_restore of v7 as applied (torvalds/linux 637315cb kernel/liveupdate/kho_block.c):
     * Floyd's cycle check over unchecked pointers first (a meeting, or the block limit of double
     * steps, is EINVAL), then per block a count of 0 or above the capacity is EINVAL and the add
     * is ENOSPC past the limit; on failure the tracked blocks are restored and freed, and so is
     * every block from the failing one on, following next.
     */
    KHO_BLOCK_SET {
        @Override
        Outcome<Unit> restore(BlockList blocks, int blockBytes, int perBlock, boolean sessionBlocks, HandoverWalk walk, long head) {
            if (head != 0 && isCyclic(blocks, head)) {
                return Outcome.err(Errno.EINVAL);
            }
            return addCounted(blocks, blockBytes, perBlock, sessionBlocks, walk, head, true);
        }
    },
    /**
     * v7 with the contract's pointer test (docs/corruption.md C3): no cycle pre-pass (a repeated
     * pointer is refused at its first repeat), the counts as v7 checks them, and after a failure
     * only the tracked blocks are released: nothing beyond a refused pointer is trusted (C5).
     */
    KHO_BLOCK_SET_CHECKED {
        @Override
        Outcome<Unit> restore(BlockList blocks, int blockBytes, int perBlock, boolean sessionBlocks, HandoverWalk walk, long head) {
            return addCounted(blocks, blockBytes, perBlock, sessionBlocks, walk, head, false);
        }
    };

    abstract Outcome<Unit> restore(BlockList blocks, int blockBytes, int perBlock, boolean sessionBlocks, HandoverWalk walk, long head);

    /** The add loop of kho_block_set_restore with its err_destroy. */
    static Outcome<Unit> addCounted(BlockList blocks, int blockBytes, int perBlock, boolean sessionBlocks, HandoverWalk walk, long head,
            boolean freeTheRest) {
        for (long pa = head; pa != 0; pa = blocks.readNext(pa)) {
            Optional<Errno> bad = walk.block(pa, blockBytes);
            if (bad.isEmpty()) {
                walk.visit(sessionBlocks, pa);
                long count = blocks.countAt(pa);
                bad = count == 0 || Long.compareUnsigned(count, perBlock) > 0 ? Optional.of(Errno.EINVAL) : Optional.empty();
            }
            if (bad.isEmpty()) {
                Outcome<Unit> added = blocks.add(pa);
                bad = added.isOk() ? Optional.empty() : Optional.of(Results.errno(added));
            }
            if (bad.isPresent()) {
                blocks.destroy(false);
                if (freeTheRest) {
                    freeFrom(blocks, pa);
                }
                return Outcome.err(bad.get());
            }
        }
        return Outcome.ok();
    }

    /** The cleanup walk: next read before each restore-free; the cycle check bounded the chain, so is this loop. */
    private static void freeFrom(BlockList blocks, long pa) {
        for (long next = pa; next != 0; ) {
            long after = blocks.readNext(next);
            blocks.restoreFree(next);
            next = after;
        }
    }

    /** kho_block_set_is_cyclic: tortoise and hare from the head; a meeting, or more than the limit of double steps, is a cycle. */
    static boolean isCyclic(BlockList blocks, long head) {
        long fast = head;
        long slow = head;
        for (int steps = 0; steps < blocks.maxBlocks(); steps++) {
            fast = blocks.readNext(fast);
            if (fast == 0) {
                return false;
            }
            fast = blocks.readNext(fast);
            if (fast == 0) {
                return false;
            }
            slow = blocks.readNext(slow);
            if (slow == fast) {
                return true;
            }
        }
        return true;
    }
}
