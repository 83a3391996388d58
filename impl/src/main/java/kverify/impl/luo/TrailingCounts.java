package kverify.impl.luo;

import kverify.impl.luo.layout.FileSetSer;
import kverify.impl.memory.PhysicalMemory;

/**
 * What a serialize does with what an earlier serialize wrote and the sessions no longer have: the
 * counts of blocks after the last one it fills, and the {@code luo_file_set_ser} of an entry that
 * now holds a session without files (luo_file_freeze writes nothing for a count of 0), which an
 * earlier successful serialize that returned (decision 36) left behind.
 */
public enum TrailingCounts {
    /** Patches 1/5 and 2/5: "Blocks after the current block are not touched" (spec 3.4); an empty file set writes nothing. */
    LEFT_AS_THEY_ARE {
        @Override
        void afterSerialize(BlockList blocks, int lastUsed) {
        }

        @Override
        void emptyFileSet(PhysicalMemory memory, long fileSetSerPa) {
        }
    },
    /**
     * Corrected: a block the next kernel will walk but that holds no session says so. Counts
     * written at block transitions by an earlier, failed serialize cannot survive.
     */
    CLEARED {
        @Override
        void afterSerialize(BlockList blocks, int lastUsed) {
            for (int b = lastUsed + 1; b < blocks.nblocks(); b++) {
                blocks.writeCount(b, 0);
            }
        }

        /** Corrected: a session without files hands over {files 0, count 0}, whatever the entry held before. */
        @Override
        void emptyFileSet(PhysicalMemory memory, long fileSetSerPa) {
            FileSetSer.zero(memory, fileSetSerPa);
        }
    };

    abstract void afterSerialize(BlockList blocks, int lastUsed);

    abstract void emptyFileSet(PhysicalMemory memory, long fileSetSerPa);
}
