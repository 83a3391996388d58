package kverify.impl.luo.v7;

/**
 * The order of the two tests of an outgoing luo_session_insert in v7: room for one more session
 * and a duplicate name (docs/versions-luo.md U9, H1).
 */
public enum InsertOrder {
    /**
     * v7 as applied (kernel/liveupdate/luo_session.c, torvalds/linux 637315cb): grow the block
     * set for count + 1 first, then scan for the name; an EEXIST keeps the block just grown.
     */
    GROW_THEN_DUPLICATE {
        @Override
        boolean growsFirst() {
            return true;
        }
    },
    /** Corrected: the duplicate test first (v1's order), so a refused name allocates nothing. */
    DUPLICATE_THEN_GROW {
        @Override
        boolean growsFirst() {
            return false;
        }
    };

    abstract boolean growsFirst();
}
