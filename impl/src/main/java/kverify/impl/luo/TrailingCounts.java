package kverify.impl.luo;

/** What a successful serialize does with the counts of blocks after the last one it filled. */
public enum TrailingCounts {
    /** Patch 1/5: "Blocks after the current block are not touched" (spec 3.4). */
    LEFT_AS_THEY_ARE {
        @Override
        void afterSerialize(BlockList blocks, int lastUsed) {
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
    };

    abstract void afterSerialize(BlockList blocks, int lastUsed);
}
