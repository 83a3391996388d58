package kverify.impl.luo;

import java.util.ArrayList;
import java.util.List;
import kverify.impl.kho.Kho;
import kverify.impl.memory.PhysicalMemory;
import kverify.model.Errno;
import kverify.model.Outcome;
import kverify.model.Outcome.Unit;

/**
 * The kernel-side list of serialization blocks and its {@code nblocks}: for sessions
 * {@code struct luo_session_block} with luo_session_add_block / create_ser_block /
 * destroy_ser_blocks of patch 1/5, and the same shape for one session's file blocks (2/5,
 * reconstructed). The blocks themselves live in preserved simulated memory.
 */
final class BlockList {
    private final Kho kho;
    private final BlockKind kind;
    private final int blockBytes;
    private final int maxBlocks;
    private final ArrayList<Long> blocks = new ArrayList<>();

    BlockList(Kho kho, BlockKind kind, int blockBytes, int maxBlocks) {
        this.kho = kho;
        this.kind = kind;
        this.blockBytes = blockBytes;
        this.maxBlocks = maxBlocks;
    }

    int nblocks() {
        return blocks.size();
    }

    long pa(int b) {
        return blocks.get(b);
    }

    List<Long> pas() {
        return List.copyOf(blocks);
    }

    /** luo_session_add_block: refuses with ENOSPC once nblocks has reached LUO_MAX_BLOCKS, then allocates the tracking struct (ENOMEM). */
    Outcome<Unit> add(long pa) {
        if (blocks.size() >= maxBlocks) {
            return Outcome.err(Errno.ENOSPC);
        }
        // kzalloc_obj(*block), after the limit check (decision 35).
        if (kho.faults().kzallocFails()) {
            return Outcome.err(Errno.ENOMEM);
        }
        blocks.add(pa);
        return Outcome.ok();
    }

    /**
     * luo_session_create_ser_block: allocate and preserve a zeroed block, add it (ENOSPC frees it
     * again), and only then link the previous last block's {@code next} to it.
     */
    Outcome<Unit> create() {
        Outcome<Long> allocated = kho.allocPreserve(blockBytes);
        if (!allocated.isOk()) {
            return Results.propagate(allocated);
        }
        long pa = allocated.value();
        long last = blocks.isEmpty() ? 0 : blocks.get(blocks.size() - 1);
        Outcome<Unit> added = add(pa);
        if (!added.isOk()) {
            kho.unpreserveFree(pa);
            return added;
        }
        if (last != 0) {
            kind.writeNext(memory(), last, pa);
        }
        return Outcome.ok();
    }

    /** luo_session_destroy_ser_blocks: unpreserve-free (outgoing) or restore-free (incoming) each block. */
    void destroy(boolean unpreserve) {
        for (long pa : blocks) {
            if (unpreserve) {
                kho.unpreserveFree(pa);
            } else {
                kho.restoreFree(pa);
            }
        }
        blocks.clear();
    }

    /**
     * Undoes the last {@link #create}: the newest block unpreserved and freed and the previous
     * block's next cleared, so the chain is as it was before.
     */
    void destroyLast() {
        long pa = blocks.remove(blocks.size() - 1);
        kho.unpreserveFree(pa);
        if (!blocks.isEmpty()) {
            kind.writeNext(memory(), blocks.get(blocks.size() - 1), 0);
        }
    }

    long readCount(int b) {
        return kind.readCount(memory(), blocks.get(b));
    }

    void writeCount(int b, long count) {
        kind.writeCount(memory(), blocks.get(b), count);
    }

    long readNext(long pa) {
        return kind.readNext(memory(), pa);
    }

    /** The count field of the block header at pa (a block not, or not yet, in the list). */
    long countAt(long pa) {
        return kind.readCount(memory(), pa);
    }

    int maxBlocks() {
        return maxBlocks;
    }

    /** kho_restore_free of a block the list does not track (v7's cleanup after a refused chain). */
    void restoreFree(long pa) {
        kho.restoreFree(pa);
    }

    /** kho_block_set_shrink: the last block freed while count entries fit in the blocks before it. */
    void shrink(long count, int perBlock) {
        while (!blocks.isEmpty() && count <= (long) (blocks.size() - 1) * perBlock) {
            destroyLast();
        }
    }

    /** PA of entry i of block b. */
    long entryPa(int b, long i) {
        return blocks.get(b) + kind.headerSize() + i * kind.entrySize();
    }

    /**
     * __luo_file_unfreeze's loop: every block's count set to 0 and everything after its header
     * zeroed (the entries and the slack at the block's end), the next links kept.
     */
    void zeroCountsAndEntries() {
        for (int b = 0; b < blocks.size(); b++) {
            writeCount(b, 0);
            memory().fill(entryPa(b, 0), (long) blockBytes - kind.headerSize(), (byte) 0);
        }
    }

    private PhysicalMemory memory() {
        return kho.memory();
    }
}
