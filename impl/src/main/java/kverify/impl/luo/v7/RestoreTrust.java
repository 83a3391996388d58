package kverify.impl.luo.v7;

import java.util.Optional;
import java.util.Set;
import kverify.impl.kho.Kho;
import kverify.model.Errno;

/**
 * What the next kernel checks while it restores a KHO block set from a head PA. The one
 * difference between v7 as applied and the corrected v7 on the incoming side.
 */
public enum RestoreTrust {
    /**
     * kho_block_set_restore of v7 as applied (kernel/liveupdate/kho_block.c, torvalds/linux
     * 637315cb): Floyd's cycle check over the whole chain first, then no test of any pointer;
     * after a failure the blocks still ahead in the chain are restored and freed too.
     */
    AS_APPLIED {
        @Override
        boolean floydPrePass() {
            return true;
        }

        @Override
        Optional<Errno> beforeHeader(Kho kho, long pa, int order, Set<Long> reached) {
            return Optional.empty();
        }

        @Override
        boolean freesTheRestAfterFailure() {
            return true;
        }
    },
    /**
     * The contract's C3 on top of v7 (docs/corruption.md): a pointer must be the head of a
     * handed-over, unrestored folio of the block's order that this walk has not reached, checked
     * before its header is read, so a cycle stops at its first repeat and nothing unpreserved is
     * read. After a failure only the tracked blocks are released; the rest is not trusted and
     * stays reserved (C5).
     */
    CORRECTED {
        @Override
        boolean floydPrePass() {
            return false;
        }

        @Override
        Optional<Errno> beforeHeader(Kho kho, long pa, int order, Set<Long> reached) {
            Integer preserved = kho.incoming().get(pa);
            if (preserved == null || preserved != order || !reached.add(pa)) {
                return Optional.of(Errno.EINVAL);
            }
            return Optional.empty();
        }

        @Override
        boolean freesTheRestAfterFailure() {
            return false;
        }
    };

    /** Whether restore runs kho_block_set_is_cyclic before it adds any block. */
    abstract boolean floydPrePass();

    /** Before the header at pa is read by the add loop; {@code reached} holds this walk's blocks. */
    abstract Optional<Errno> beforeHeader(Kho kho, long pa, int order, Set<Long> reached);

    /** Whether a failed restore frees the chain beyond the blocks it tracks, following next. */
    abstract boolean freesTheRestAfterFailure();
}
