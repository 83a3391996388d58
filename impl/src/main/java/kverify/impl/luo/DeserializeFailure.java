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
}
