package kverify.impl.luo.v7;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import kverify.impl.kho.Kho;
import kverify.impl.luo.layout.v7.KhoBlockHeaderSer;
import kverify.impl.memory.PhysicalMemory;
import kverify.model.Errno;
import kverify.model.Outcome;
import kverify.model.Outcome.Unit;

/**
 * struct kho_block_set and kernel/liveupdate/kho_block.c of LUO v7 as applied (torvalds/linux
 * 637315cb, "[PATCH v7 07/13] kho: add support for linked-block serialization"): a chain of
 * equal-sized preserved blocks, each a {@link KhoBlockHeaderSer} and then entries of one size.
 * Each method names the kernel function it mirrors. The tracking list is a Java list of block
 * PAs (kernel heap); the blocks and their headers live in simulated memory. Reads outside RAM
 * throw the layout's located exception; callers turn it into EFAULT.
 */
public final class KhoBlockSet {
    private final Kho kho;
    private final int blockBytes;
    private final int entrySize;
    private final int countPerBlock;
    private final int maxBlocks;
    private final RestoreTrust trust;
    private final ArrayList<Long> blocks = new ArrayList<>();
    private long headPa;
    private boolean incoming;

    /** kho_block_set_init / KHO_BLOCK_SET_INIT. */
    public KhoBlockSet(Kho kho, int blockBytes, int entrySize, int maxBlocks, RestoreTrust trust) {
        this.kho = kho;
        this.blockBytes = blockBytes;
        this.entrySize = entrySize;
        this.countPerBlock = KhoBlockHeaderSer.countPerBlock(blockBytes, entrySize);
        this.maxBlocks = maxBlocks;
        this.trust = trust;
    }

    public int countPerBlock() {
        return countPerBlock;
    }

    public int nblocks() {
        return blocks.size();
    }

    /** kho_block_set_head_pa: 0 when the set has no block. */
    public long headPa() {
        return headPa;
    }

    public List<Long> blockPas() {
        return List.copyOf(blocks);
    }

    /** kho_block_set_grow: add blocks until count entries fit; on failure undo the blocks added. */
    public Outcome<Unit> grow(long count) {
        if (incoming) {
            return Outcome.err(Errno.EINVAL);
        }
        int before = blocks.size();
        while (count > (long) blocks.size() * countPerBlock) {
            Optional<Errno> failed = growOne();
            if (failed.isPresent()) {
                while (blocks.size() > before) {
                    shrinkOne();
                }
                return Outcome.err(failed.get());
            }
        }
        return Outcome.ok();
    }

    /** kho_block_set_shrink: free the last block while count fits in the ones before it. */
    public void shrink(long count) {
        while (!blocks.isEmpty() && count <= (long) (blocks.size() - 1) * countPerBlock) {
            shrinkOne();
        }
    }

    /** kho_block_set_grow_one: allocate and preserve a zeroed block, add it, free it if add fails. */
    private Optional<Errno> growOne() {
        Outcome<Long> allocated = kho.allocPreserve(blockBytes);
        if (!allocated.isOk()) {
            return Optional.of(((Outcome.Err<Long>) allocated).errno());
        }
        Optional<Errno> added = add(allocated.value());
        added.ifPresent(e -> free(allocated.value()));
        return added;
    }

    /** kho_block_add: ENOSPC at the limit; link the previous last block (or the head) to pa. */
    private Optional<Errno> add(long pa) {
        if (blocks.size() >= maxBlocks) {
            return Optional.of(Errno.ENOSPC);
        }
        if (blocks.isEmpty()) {
            headPa = pa;
        } else {
            KhoBlockHeaderSer.writeNext(memory(), blocks.get(blocks.size() - 1), pa);
        }
        blocks.add(pa);
        return Optional.empty();
    }

    /** kho_block_set_shrink_one: free the last block, end the chain at the new last one. */
    private void shrinkOne() {
        long last = blocks.remove(blocks.size() - 1);
        free(last);
        if (blocks.isEmpty()) {
            headPa = 0;
        } else {
            KhoBlockHeaderSer.writeNext(memory(), blocks.get(blocks.size() - 1), 0);
        }
    }

    /** kho_block_free_ser: restore-free in the next kernel, unpreserve-free in this one. */
    private void free(long pa) {
        if (incoming) {
            kho.restoreFree(pa);
        } else {
            kho.unpreserveFree(pa);
        }
    }

    /**
     * kho_block_set_restore: the chain from head, checked (the trust's pre-pass and pointer
     * test, then each count in 1..capacity), one tracking entry per block (ENOSPC past the
     * limit). On failure the tracked blocks are released, and with {@link RestoreTrust#AS_APPLIED}
     * every block still ahead in the chain as well.
     */
    public Outcome<Unit> restore(long head) {
        incoming = true;
        if (head == 0) {
            return Outcome.ok();
        }
        headPa = head;
        if (trust.floydPrePass() && isCyclic(head)) {
            headPa = 0;
            return Outcome.err(Errno.EINVAL);
        }
        Set<Long> reached = new HashSet<>();
        long next = head;
        while (next != 0) {
            Optional<Errno> bad = trust.beforeHeader(kho, next, Kho.orderOf(blockBytes), reached);
            if (bad.isEmpty()) {
                bad = KhoBlockHeaderSer.checkCount(KhoBlockHeaderSer.count(memory(), next), countPerBlock).map(m -> Errno.EINVAL);
            }
            if (bad.isEmpty()) {
                bad = add(next);
            }
            if (bad.isPresent()) {
                failRestore(next);
                return Outcome.err(bad.get());
            }
            next = KhoBlockHeaderSer.next(memory(), next);
        }
        return Outcome.ok();
    }

    /** err_destroy of kho_block_set_restore. The rest of the chain is acyclic: the pre-pass saw it. */
    private void failRestore(long failedAt) {
        destroy();
        if (!trust.freesTheRestAfterFailure()) {
            return;
        }
        long next = failedAt;
        for (int walked = 0; next != 0; walked++) {
            if (walked > 2 * maxBlocks + 2) {
                throw new IllegalStateException("restore cleanup walked past the cycle check's bound from PA 0x" + Long.toHexString(failedAt));
            }
            long after = KhoBlockHeaderSer.next(memory(), next);
            kho.restoreFree(next);
            next = after;
        }
    }

    /**
     * kho_block_set_is_cyclic: Floyd's tortoise and hare from the head; a meeting, or more than
     * the block limit of double steps, is corruption. Reads headers through unchecked pointers.
     */
    boolean isCyclic(long head) {
        long fast = head;
        long slow = head;
        for (int steps = 0; ; steps++) {
            if (steps >= maxBlocks) {
                return true;
            }
            fast = KhoBlockHeaderSer.next(memory(), fast);
            if (fast == 0) {
                return false;
            }
            fast = KhoBlockHeaderSer.next(memory(), fast);
            if (fast == 0) {
                return false;
            }
            slow = KhoBlockHeaderSer.next(memory(), slow);
            if (slow == fast) {
                return true;
            }
        }
    }

    /** kho_block_set_destroy: release every tracked block. */
    public void destroy() {
        for (long pa : blocks) {
            free(pa);
        }
        blocks.clear();
        headPa = 0;
    }

    /** kho_block_set_clear: every block's count 0 and its entry area zeroed; links kept. */
    public void clear() {
        for (long pa : blocks) {
            KhoBlockHeaderSer.writeCount(memory(), pa, 0);
            memory().fill(pa + KhoBlockHeaderSer.SIZE, blockBytes - KhoBlockHeaderSer.SIZE, (byte) 0);
        }
    }

    /** kho_block_set_it_init. */
    public Cursor cursor() {
        return new Cursor();
    }

    private PhysicalMemory memory() {
        return kho.memory();
    }

    /** struct kho_block_set_it: a block index and an entry index; entries are PAs, 0 is NULL. */
    public final class Cursor {
        private int block;
        private long i;

        private Cursor() {
        }

        /** kho_block_set_it_reserve_entry: the next free slot, moving on when a block is full; the block's count becomes i. */
        public long reserveEntry() {
            if (blocks.isEmpty()) {
                return 0;
            }
            if (i == countPerBlock) {
                if (block == blocks.size() - 1) {
                    return 0;
                }
                block++;
                i = 0;
            }
            long entry = KhoBlockHeaderSer.entryPa(blocks.get(block), i++, entrySize);
            KhoBlockHeaderSer.writeCount(memory(), blocks.get(block), i);
            return entry;
        }

        /** kho_block_set_it_read_entry: the next written entry, by each block's stored count. */
        public long readEntry() {
            if (blocks.isEmpty()) {
                return 0;
            }
            if (i == KhoBlockHeaderSer.count(memory(), blocks.get(block))) {
                if (block == blocks.size() - 1) {
                    return 0;
                }
                block++;
                i = 0;
            }
            return KhoBlockHeaderSer.entryPa(blocks.get(block), i++, entrySize);
        }

        /** kho_block_set_it_prev: the slot before, stepping back to the end of the previous block. */
        public long prev() {
            if (blocks.isEmpty()) {
                return 0;
            }
            if (i == 0) {
                if (block == 0) {
                    return 0;
                }
                block--;
                i = countPerBlock;
            }
            return KhoBlockHeaderSer.entryPa(blocks.get(block), --i, entrySize);
        }
    }
}
