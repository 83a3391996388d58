package kverify.model.luo.image;

import kverify.model.Errno;

/**
 * Why the contract rejects a handover, and when. Structural faults the next kernel meets while
 * walking the session chain at early boot reject at {@link When#SETUP} (the boot then panics in
 * luo_restore_fail, as the posted code does); faults in the contents reject the whole handover
 * at the first open of /dev/liveupdate, which returns EIO.
 */
public enum Rejection {
    FDT_NODE_MISSING(When.SETUP, Errno.EINVAL, "the session FDT node is missing"),
    FDT_COMPATIBLE(When.SETUP, Errno.EINVAL, "the node's compatible list lacks luo-session-v4"),
    FDT_HEAD_PROPERTY(When.SETUP, Errno.EINVAL, "the head property is missing or not 8 bytes"),
    CHAIN_POINTER(When.SETUP, Errno.EINVAL, "a session block pointer is not the head of a preserved session-block folio"),
    CHAIN_CYCLE(When.SETUP, Errno.EINVAL, "the session chain reaches a block twice"),
    CHAIN_TOO_LONG(When.SETUP, Errno.ENOSPC, "the session chain is longer than LUO_MAX_BLOCKS"),
    COUNT_ABOVE_CAPACITY(When.OPEN, Errno.EIO, "a session block count is above the block's capacity"),
    NAME_UNTERMINATED(When.OPEN, Errno.EIO, "a session name has no NUL in its 64 bytes"),
    NAME_EMPTY(When.OPEN, Errno.EIO, "a session name is empty"),
    NAME_DUPLICATE(When.OPEN, Errno.EIO, "two sessions have the same name"),
    FILE_POINTER(When.OPEN, Errno.EIO, "a file block pointer is not the head of a preserved file-block folio"),
    FILE_BLOCK_REUSED(When.OPEN, Errno.EIO, "a file block is reached twice (cycle, shared chain, or a session block)"),
    FILE_CHAIN_TOO_LONG(When.OPEN, Errno.EIO, "a file chain is longer than LUO_MAX_BLOCKS"),
    FILE_COUNT_ABOVE_CAPACITY(When.OPEN, Errno.EIO, "a file block count is above the block's capacity"),
    FILE_HANDLER(When.OPEN, Errno.EIO, "a file entry's compatible names no registered handler"),
    FILE_TOKEN_DUPLICATE(When.OPEN, Errno.EIO, "two files of one session have the same token"),
    FILE_SET_COUNT(When.OPEN, Errno.EIO, "a file set's count differs from the entries in its chain, or is 0 with a file pointer"),
    // v7 only (docs/versions-luo.md U8 and section 2.1): its own root, and block counts checked when a chain is restored.
    LUO_SUBTREE_LENGTH(When.SETUP, Errno.EINVAL, "the LUO subtree is shorter than struct luo_ser (32 bytes)"),
    LUO_COMPATIBLE(When.SETUP, Errno.EINVAL, "luo_ser's compatible is not luo-v5"),
    BLOCK_COUNT(When.SETUP, Errno.EINVAL, "a session block count is 0 or above the block's capacity (v7 restores the chain at setup)"),
    FILE_BLOCK_COUNT(When.OPEN, Errno.EIO, "a file block count is 0 or above the block's capacity");

    /** The step of the next kernel that rejects. */
    public enum When { SETUP, OPEN }

    private final When when;
    private final Errno errno;
    private final String description;

    Rejection(When when, Errno errno, String description) {
        this.when = when;
        this.errno = errno;
        this.description = description;
    }

    public When when() {
        return when;
    }

    /** The errno of setup (SETUP) or of the open (OPEN, always EIO). */
    public Errno errno() {
        return errno;
    }

    public String description() {
        return description;
    }

    /** "chain cycle": the lower-case name used in divergence keys and reports. */
    public String label() {
        return name().toLowerCase(java.util.Locale.ROOT).replace('_', ' ');
    }
}
