package kverify.impl.memory;

/**
 * The page arrays of a {@link PhysicalMemory} by page frame number, in two levels as a page table
 * is: a table of 64 frames (256 KiB) per chunk, indexed by the frame's low bits, and the chunks by
 * chunk number in an open-addressing table (linear probing, at most half full). A lookup reads no
 * boxed key and no node per page, and a sequential walk stays in one chunk (the last chunk found
 * is remembered), so a 64 MiB segment costs 256 hashed lookups, not 16,384 (a single-level table
 * of frames probed through long clusters there, on every miss twice: get, then put). A chunk holds
 * its pages in frame order, the order in which the collector then copies them. Pages are never
 * removed. The slot order never reaches output: {@link PhysicalMemory} sorts the frame numbers.
 */
final class PageMap {
    private static final int CHUNK_SHIFT = 6;
    private static final int CHUNK_PAGES = 1 << CHUNK_SHIFT;
    private static final int IN_CHUNK = CHUNK_PAGES - 1;

    /** Per slot the chunk number + 1; 0 is an empty slot. */
    private long[] keys = new long[8];
    private byte[][][] chunks = new byte[8][][];
    private int chunkCount;
    private int size;
    /** The chunk number + 1 and table of the last lookup that found one (0: none yet). */
    private long lastKey;
    private byte[][] lastChunk;

    int size() {
        return size;
    }

    /** The page of this frame, or null. */
    byte[] get(long pfn) {
        byte[][] chunk = chunk(pfn >>> CHUNK_SHIFT);
        return chunk == null ? null : chunk[(int) pfn & IN_CHUNK];
    }

    /** Binds the frame to the page (replacing the page it had). */
    void put(long pfn, byte[] page) {
        long c = pfn >>> CHUNK_SHIFT;
        byte[][] chunk = chunk(c);
        if (chunk == null) {
            chunk = new byte[CHUNK_PAGES][];
            addChunk(c, chunk);
        }
        int i = (int) pfn & IN_CHUNK;
        if (chunk[i] == null) {
            size++;
        }
        chunk[i] = page;
    }

    /** Every frame and page of the other map bound here too (its pages shared, not copied). */
    void putAll(PageMap other) {
        for (int s = 0; s < other.keys.length; s++) {
            if (other.keys[s] != 0) {
                long c = other.keys[s] - 1;
                byte[][] theirs = other.chunks[s];
                byte[][] mine = chunk(c);
                if (mine == null) {
                    addChunk(c, theirs.clone());
                    size += count(theirs);
                    continue;
                }
                for (int i = 0; i < CHUNK_PAGES; i++) {
                    if (theirs[i] != null) {
                        size += mine[i] == null ? 1 : 0;
                        mine[i] = theirs[i];
                    }
                }
            }
        }
    }

    /** The frame numbers, in no particular order. */
    long[] pfns() {
        long[] out = new long[size];
        int n = 0;
        for (int s = 0; s < keys.length; s++) {
            if (keys[s] != 0) {
                long base = (keys[s] - 1) << CHUNK_SHIFT;
                byte[][] chunk = chunks[s];
                for (int i = 0; i < CHUNK_PAGES; i++) {
                    if (chunk[i] != null) {
                        out[n++] = base + i;
                    }
                }
            }
        }
        return out;
    }

    private static int count(byte[][] chunk) {
        int n = 0;
        for (byte[] page : chunk) {
            n += page == null ? 0 : 1;
        }
        return n;
    }

    /** The chunk's table, or null. */
    private byte[][] chunk(long c) {
        if (c + 1 == lastKey) {
            return lastChunk;
        }
        int mask = keys.length - 1;
        for (int s = home(c) & mask; keys[s] != 0; s = (s + 1) & mask) {
            if (keys[s] == c + 1) {
                lastKey = c + 1;
                lastChunk = chunks[s];
                return lastChunk;
            }
        }
        return null;
    }

    private void addChunk(long c, byte[][] chunk) {
        insert(keys, chunks, c + 1, chunk);
        lastKey = c + 1;
        lastChunk = chunk;
        if (++chunkCount * 2 > keys.length) {
            long[] oldKeys = keys;
            byte[][][] oldChunks = chunks;
            keys = new long[oldKeys.length * 2];
            chunks = new byte[oldKeys.length * 2][][];
            for (int i = 0; i < oldKeys.length; i++) {
                if (oldKeys[i] != 0) {
                    insert(keys, chunks, oldKeys[i], oldChunks[i]);
                }
            }
        }
    }

    /** Puts key (chunk number + 1, absent from keys) and its chunk into the first free slot from its home. */
    private static void insert(long[] keys, byte[][][] chunks, long key, byte[][] chunk) {
        int mask = keys.length - 1;
        int s = home(key - 1) & mask;
        while (keys[s] != 0) {
            s = (s + 1) & mask;
        }
        keys[s] = key;
        chunks[s] = chunk;
    }

    /** The chunk's home slot (the finalizer of MurmurHash3's 64-bit variant). */
    private static int home(long c) {
        long h = c;
        h ^= h >>> 33;
        h *= 0xff51afd7ed558ccdL;
        h ^= h >>> 33;
        h *= 0xc4ceb9fe1a85ec53L;
        h ^= h >>> 33;
        return (int) h;
    }
}
