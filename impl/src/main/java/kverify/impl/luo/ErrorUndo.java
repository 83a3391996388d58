package kverify.impl.luo;

/** What two error paths leave behind, where the posted v1 code and the contract differ (docs/luo.md, decision 25). */
public enum ErrorUndo {
    /**
     * As posted: when RETRIEVE_SESSION cannot copy its reply, the new session file is fput, and
     * its release (the session is marked retrieved) finishes and drops the session; a preserve
     * that added a file block and then failed keeps the block (luo_preserve_file at 5d766e26 has
     * no path that frees it).
     */
    AS_POSTED {
        @Override
        boolean releaseOnRetrieveReplyFault() {
            return true;
        }

        @Override
        boolean freeBlockOfFailedPreserve() {
            return false;
        }
    },
    /**
     * v7 as applied: luo_preserve_file shrinks the file set back on every failure after the grow
     * (err_shrink, "[PATCH v7 10/13]"); RETRIEVE_SESSION's reply fault is as in v1, since no v7
     * patch touches luo_ioctl_retrieve_session (docs/versions-luo.md U16).
     */
    V7_AS_APPLIED {
        @Override
        boolean releaseOnRetrieveReplyFault() {
            return true;
        }

        @Override
        boolean freeBlockOfFailedPreserve() {
            return true;
        }
    },
    /** The contract: a failed call changes nothing. The session stays retrievable; the new block is freed again. */
    UNDOES {
        @Override
        boolean releaseOnRetrieveReplyFault() {
            return false;
        }

        @Override
        boolean freeBlockOfFailedPreserve() {
            return true;
        }
    };

    abstract boolean releaseOnRetrieveReplyFault();

    abstract boolean freeBlockOfFailedPreserve();
}
