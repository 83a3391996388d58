package kverify.impl.luo;

/** What the next kernel keeps when deserializing the session blocks fails part way. */
public enum DeserializeFailure {
    /**
     * Patch 1/5: return the error; sessions inserted so far stay in the incoming list and the
     * blocks and their tracking structs are not freed ("treated as leaked, by design").
     */
    KEEP_PARTIAL_STATE {
        @Override
        void apply(IncomingSessions incoming) {
        }
    },
    /** Corrected: reject the whole handover, release what was built, restore the blocks. */
    REJECT_WHOLE_HANDOVER {
        @Override
        void apply(IncomingSessions incoming) {
            incoming.discardAll();
        }
    };

    abstract void apply(IncomingSessions incoming);
}
