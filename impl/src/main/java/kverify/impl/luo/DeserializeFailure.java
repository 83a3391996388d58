package kverify.impl.luo;

/**
 * What the next kernel keeps when it rejects the handover: at early setup (the boot then panics,
 * luo_restore_fail) or when deserializing the session blocks fails part way at the first open.
 */
public enum DeserializeFailure {
    /**
     * As posted: return the error; the tracking entries of the blocks setup walked are not freed
     * (luo_session_setup_incoming returns without cleanup), and after a failed deserialize the
     * sessions inserted so far stay in the incoming list and the blocks and their tracking
     * structs are not freed ("treated as leaked, by design").
     */
    KEEP_PARTIAL_STATE {
        @Override
        void apply(IncomingSessions incoming) {
        }

        @Override
        void setupFailed(IncomingSessions incoming) {
        }
    },
    /**
     * v7 as applied (luo_session_deserialize at torvalds/linux 637315cb, save_err): the sessions
     * inserted so far stay ("treated as leaked"), the session blocks are restored and freed; the
     * session whose files failed keeps none (luo_file_deserialize of "[PATCH v7 10/13]" releases
     * the files it read and restores the file blocks). At setup kho_block_set_restore has already
     * released the chain.
     */
    KEEP_SESSIONS_RESTORE_BLOCKS {
        @Override
        void apply(IncomingSessions incoming) {
            incoming.blocks().destroy(false);
        }

        @Override
        void setupFailed(IncomingSessions incoming) {
        }

        @Override
        void fileSetFailed(FileSet files) {
            files.releaseAfterFailure();
        }
    },
    /**
     * Corrected: reject the whole handover, release what was built, restore the blocks (at the
     * first open also the file blocks of sessions deserialize had not reached yet); at setup
     * the blocks walked so far are restored and their tracking entries freed (C1 of
     * docs/corruption.md), although the boot panics next.
     */
    REJECT_WHOLE_HANDOVER {
        @Override
        void apply(IncomingSessions incoming) {
            incoming.discardAll(true);
        }

        @Override
        void setupFailed(IncomingSessions incoming) {
            incoming.discardAll(false);
        }
    };

    abstract void apply(IncomingSessions incoming);

    abstract void setupFailed(IncomingSessions incoming);

    /** When one session's files failed to deserialize, before {@link #apply}. */
    void fileSetFailed(FileSet files) {
    }
}
