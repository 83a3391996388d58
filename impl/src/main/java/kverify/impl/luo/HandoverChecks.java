package kverify.impl.luo;

import java.util.Optional;
import java.util.Set;
import kverify.impl.kho.Kho;
import kverify.impl.luo.layout.SessionSer;
import kverify.impl.memory.PhysicalMemory;
import kverify.model.Errno;

/**
 * What the next kernel checks before it trusts a value from the handover: a block pointer, a
 * session name, a repeated file token, a file set's count. The hooks sit in the incoming walk
 * (setup and deserialize); a variant picks one constant.
 */
public enum HandoverChecks {
    /**
     * Patch 1/5 as posted (and the 2/5 reconstruction): every pointer is followed as found,
     * bounded only by LUO_MAX_BLOCKS; names are strscpy'd (truncated); a repeated token replaces
     * the earlier file; the file set's count is not compared with the chain.
     */
    TRUSTING,
    /**
     * v7 as applied (torvalds/linux 637315cb; "[PATCH v7 10/13] liveupdate: Remove limit on the
     * number of files per session"): no pointer, name or token test (pointers are followed as
     * found, names strscpy'd, a repeated token kept behind the first), but the entries found in a
     * file chain must equal {@code file_set_ser.count} (EINVAL); a count with no chain only WARNs.
     */
    V7_AS_APPLIED {
        @Override
        Optional<Errno> fileSetCount(long stored, long found, long head) {
            return head == 0 || stored == found ? Optional.empty() : Optional.of(Errno.EINVAL);
        }
    },
    /**
     * Corrected: a pointer must be the head of a handed-over, unrestored folio of the block's
     * order that no earlier pointer of this handover reached (so a cycle stops at its first
     * repeat, within the chain's length plus one, and nothing unpreserved or outside RAM is
     * read); a name needs a NUL and at least one byte; tokens are unique; the file set's count
     * equals the entries in its chain (what v4 of the series made a hard failure) and is not 0
     * with a file pointer (such blocks would never be finished, so never restored).
     */
    STRICT {
        @Override
        Optional<Errno> block(Kho kho, long pa, int order, Set<Long> reached) {
            Integer preserved = kho.incoming().get(pa);
            if (preserved == null || preserved != order || !reached.add(pa)) {
                return Optional.of(Errno.EINVAL);
            }
            return Optional.empty();
        }

        @Override
        Optional<Errno> name(PhysicalMemory m, long entryPa) {
            byte[] raw = SessionSer.readNameField(m, entryPa);
            boolean terminated = false;
            for (byte b : raw) {
                terminated |= b == 0;
            }
            return terminated && raw[0] != 0 ? Optional.empty() : Optional.of(Errno.EINVAL);
        }

        @Override
        Optional<Errno> duplicateToken() {
            return Optional.of(Errno.EEXIST);
        }

        @Override
        Optional<Errno> fileSetCount(long stored, long found, long head) {
            return stored == found && (stored != 0 || head == 0) ? Optional.empty() : Optional.of(Errno.EINVAL);
        }
    };

    // Every test passes unless a constant says otherwise: the posted code checks nothing.

    /** Before reading the header of the block at pa; {@code reached} is this handover's blocks so far. */
    Optional<Errno> block(Kho kho, long pa, int order, Set<Long> reached) {
        return Optional.empty();
    }

    /** Before allocating the session of the entry at entryPa. */
    Optional<Errno> name(PhysicalMemory m, long entryPa) {
        return Optional.empty();
    }

    /** When a file entry repeats a token already deserialized in the same session. */
    Optional<Errno> duplicateToken() {
        return Optional.empty();
    }

    /** After a file chain: the luo_file_set_ser count against the entries found and the chain head. */
    Optional<Errno> fileSetCount(long stored, long found, long head) {
        return Optional.empty();
    }
}
