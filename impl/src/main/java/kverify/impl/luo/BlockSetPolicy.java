package kverify.impl.luo;

/**
 * How the outgoing kernel keeps its block lists, per version. v1 (patch 1/5 at 7d538a77): block 0
 * at boot, a block added when a create finds the last one full and never freed before the
 * reboot, counts written when serialize leaves a block and for the last one. v7 (torvalds/linux
 * 637315cb, kho_block.c and luo_session.c; "[PATCH v7 07/13] kho: add support for linked-block
 * serialization", "[PATCH v7 08/13] liveupdate: defer session block allocation and physical
 * address setting", "[PATCH v7 09/13] liveupdate: Remove limit on the number of sessions"): no
 * block until the first create, kho_block_set_grow for count + 1, kho_block_set_shrink on every
 * removal, and every reserved slot writes its block's count. As applied, luo_session_insert grows
 * before it looks for a duplicate name, and an EEXIST keeps the block (docs/versions-luo.md H1).
 */
public enum BlockSetPolicy {
    V1(true, false, false, false),
    V7_AS_APPLIED(false, true, true, true),
    /** v7 with the duplicate test first, so a refused name allocates nothing. */
    V7_DUPLICATE_FIRST(false, false, true, true);

    private final boolean blockAtBoot;
    private final boolean growsBeforeDuplicateTest;
    private final boolean shrinksOnRemove;
    private final boolean countPerReserve;

    BlockSetPolicy(boolean blockAtBoot, boolean growsBeforeDuplicateTest, boolean shrinksOnRemove, boolean countPerReserve) {
        this.blockAtBoot = blockAtBoot;
        this.growsBeforeDuplicateTest = growsBeforeDuplicateTest;
        this.shrinksOnRemove = shrinksOnRemove;
        this.countPerReserve = countPerReserve;
    }

    /** Whether the first session block exists from boot (v1) or from the first create (v7). */
    boolean blockAtBoot() {
        return blockAtBoot;
    }

    boolean growsBeforeDuplicateTest() {
        return growsBeforeDuplicateTest;
    }

    /** kho_block_set_shrink(count) after a session leaves the outgoing list. */
    boolean shrinksOnRemove() {
        return shrinksOnRemove;
    }

    /** kho_block_set_it_reserve_entry writes the block's count at each slot; v1 writes it when the walk leaves a block. */
    boolean countPerReserve() {
        return countPerReserve;
    }
}
