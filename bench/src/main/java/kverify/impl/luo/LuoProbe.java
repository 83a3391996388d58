package kverify.impl.luo;

/**
 * Read-only counts the benchmarks need and the contract does not expose, kept in the bench
 * module (same package name, so package-private access works on the class path). Nothing here
 * changes state.
 */
public final class LuoProbe {
    private LuoProbe() {
    }

    /** Sessions in the next kernel's list (after deserialize). */
    public static long incomingSessions(LuoImpl impl) {
        long n = 0;
        for (Session ignored : impl.incomingSessions().sessions()) {
            n++;
        }
        return n;
    }

    /** Blocks in the outgoing session block list (nblocks). */
    public static int outgoingBlocks(LuoImpl impl) {
        return impl.outgoingSessions().blocks().nblocks();
    }
}
