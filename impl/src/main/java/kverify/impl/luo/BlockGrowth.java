package kverify.impl.luo;

/** When luo_session_insert adds a session block to the outgoing chain. */
public enum BlockGrowth {
    /** Patch 1/5: {@code if (sh->count == sh->nblocks * LUO_SESSION_BLOCK_MAX)}. */
    WHEN_FULL {
        @Override
        boolean needsBlock(long count, long nblocks, int perBlock) {
            return count == nblocks * perBlock;
        }
    },
    /**
     * Zhu Yanjun's review suggestion: {@code if (!(sh->count % BLOCK_MAX) && sh->count > 0)},
     * which avoids the multiplication but no longer looks at how many blocks already exist.
     */
    WHEN_COUNT_IS_A_MULTIPLE {
        @Override
        boolean needsBlock(long count, long nblocks, int perBlock) {
            return count % perBlock == 0 && count > 0;
        }
    };

    abstract boolean needsBlock(long count, long nblocks, int perBlock);
}
