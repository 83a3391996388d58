package kverify.impl.memory;

import java.util.Arrays;

/**
 * The page arrays of a {@link PhysicalMemory} by page frame number, in two levels as a page table
 * is: a table of 64 frames (256 KiB) per chunk, indexed by the frame's low bits, and the chunks by
 * chunk number in an open-addressing table (linear probing, at most half full). A lookup reads no
 * boxed key and no node per page, and a sequential walk stays in one chunk (the last chunk found
 * is remembered), so a 64 MiB segment costs 256 hashed lookups, not 16,384 (a single-level table
 * of frames probed through long clusters there, on every miss twice: get, then put). A chunk holds
 * its pages in frame order, the order in which the collector then copies them. Pages are never
 * removed. The slot order never reaches output: {@link PhysicalMemory} sorts the frame numbers.
 *
 * <p>A chunk is either 64 separate page arrays or one slab: a single 256 KiB array holding its
 * 64 pages in frame order, every one of them bound. A slab is made only for a write that covers a
 * whole chunk no page of which exists yet (a large segment): one allocation and one long run to
 * write instead of 64 (a 64 MiB first load allocated 16,384 arrays). A page of a slab is found as
 * the slab and an offset ({@link #offset}); a slab is the only array longer than a page. Slabs
 * are never shared: {@link #splitSlabs} turns them into separate page arrays before
 * {@link PhysicalMemory} hands any array out.
 */
final class PageMap {
    private static final int CHUNK_SHIFT = 6;
    private static final int CHUNK_PAGES = 1 << CHUNK_SHIFT;
    private static final int IN_CHUNK = CHUNK_PAGES - 1;
    private static final int PAGE_SHIFT = PhysicalMemory.PAGE_SHIFT;
    /** The bytes of a chunk, which are the bytes of its slab. */
    static final int SLAB_BYTES = CHUNK_PAGES << PAGE_SHIFT;

    /** Per slot the chunk number + 1; 0 is an empty slot. */
    private long[] keys = new long[8];
    /** Per slot the chunk's page arrays, or null when the chunk is a slab. */
    private byte[][][] chunks = new byte[8][][];
    /** Per slot the chunk's slab, or null when it has separate page arrays. */
    private byte[][] slabs = new byte[8][];
    private int chunkCount;
    private int slabCount;
    private int size;
    /** The chunk number + 1, table and slab of the last lookup that found one (0: none yet). */
    private long lastKey;
    private byte[][] lastChunk;
    private byte[] lastSlab;

    int size() {
        return size;
    }

    /** The array holding the page of this frame (its own array or its chunk's slab, at {@link #offset}), or null. */
    byte[] get(long pfn) {
        if (!find(pfn >>> CHUNK_SHIFT)) {
            return null;
        }
        return lastSlab != null ? lastSlab : lastChunk[(int) pfn & IN_CHUNK];
    }

    /** Where the page of this frame starts in {@link #get}'s array: 0 unless the page lies in a slab. */
    int offset(long pfn) {
        return find(pfn >>> CHUNK_SHIFT) && lastSlab != null ? ((int) pfn & IN_CHUNK) << PAGE_SHIFT : 0;
    }

    /**
     * If pfn is the first frame of a chunk none of whose frames is bound, binds all of them to a
     * new zeroed slab and returns it; otherwise returns null and changes nothing.
     */
    byte[] addSlab(long pfn) {
        long c = pfn >>> CHUNK_SHIFT;
        if (((int) pfn & IN_CHUNK) != 0 || find(c)) {
            return null;
        }
        byte[] slab = new byte[SLAB_BYTES];
        addChunk(c, null, slab);
        size += CHUNK_PAGES;
        slabCount++;
        return slab;
    }

    /** True if some chunk is a slab. */
    boolean hasSlabs() {
        return slabCount > 0;
    }

    /** Every slab made into 64 separate page arrays holding the same bytes (so they can be handed out). */
    void splitSlabs() {
        for (int s = 0; s < keys.length && slabCount > 0; s++) {
            if (slabs[s] != null) {
                byte[][] pages = new byte[CHUNK_PAGES][];
                for (int i = 0; i < CHUNK_PAGES; i++) {
                    pages[i] = Arrays.copyOfRange(slabs[s], i << PAGE_SHIFT, (i + 1) << PAGE_SHIFT);
                }
                chunks[s] = pages;
                slabs[s] = null;
                slabCount--;
            }
        }
        lastKey = 0;
    }

    /** Binds the frame to the page (replacing the page it had); the frame's chunk must not be a slab. */
    void put(long pfn, byte[] page) {
        long c = pfn >>> CHUNK_SHIFT;
        byte[][] chunk;
        if (find(c)) {
            checkNoSlab(lastSlab, c);
            chunk = lastChunk;
        } else {
            chunk = new byte[CHUNK_PAGES][];
            addChunk(c, chunk, null);
        }
        int i = (int) pfn & IN_CHUNK;
        if (chunk[i] == null) {
            size++;
        }
        chunk[i] = page;
    }

    /** Every frame and page of the other map bound here too (its pages shared, not copied); neither may have slabs. */
    void putAll(PageMap other) {
        for (int s = 0; s < other.keys.length; s++) {
            if (other.keys[s] != 0) {
                long c = other.keys[s] - 1;
                checkNoSlab(other.slabs[s], c);
                byte[][] theirs = other.chunks[s];
                if (!find(c)) {
                    addChunk(c, theirs.clone(), null);
                    size += count(theirs);
                    continue;
                }
                checkNoSlab(lastSlab, c);
                byte[][] mine = lastChunk;
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
                    if (slabs[s] != null || chunk[i] != null) {
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

    private static void checkNoSlab(byte[] slab, long c) {
        if (slab != null) {
            throw new IllegalStateException("chunk " + c + " is a slab: split the slabs first");
        }
    }

    /** True if the chunk exists; then lastChunk and lastSlab are its table and slab (one of them null). */
    private boolean find(long c) {
        if (c + 1 == lastKey) {
            return true;
        }
        int mask = keys.length - 1;
        for (int s = home(c) & mask; keys[s] != 0; s = (s + 1) & mask) {
            if (keys[s] == c + 1) {
                lastKey = c + 1;
                lastChunk = chunks[s];
                lastSlab = slabs[s];
                return true;
            }
        }
        return false;
    }

    private void addChunk(long c, byte[][] chunk, byte[] slab) {
        insert(keys, chunks, slabs, c + 1, chunk, slab);
        lastKey = c + 1;
        lastChunk = chunk;
        lastSlab = slab;
        if (++chunkCount * 2 > keys.length) {
            long[] oldKeys = keys;
            byte[][][] oldChunks = chunks;
            byte[][] oldSlabs = slabs;
            keys = new long[oldKeys.length * 2];
            chunks = new byte[oldKeys.length * 2][][];
            slabs = new byte[oldKeys.length * 2][];
            for (int i = 0; i < oldKeys.length; i++) {
                if (oldKeys[i] != 0) {
                    insert(keys, chunks, slabs, oldKeys[i], oldChunks[i], oldSlabs[i]);
                }
            }
        }
    }

    /** Puts key (chunk number + 1, absent from keys) and its chunk into the first free slot from its home. */
    private static void insert(long[] keys, byte[][][] chunks, byte[][] slabs, long key, byte[][] chunk, byte[] slab) {
        int mask = keys.length - 1;
        int s = home(key - 1) & mask;
        while (keys[s] != 0) {
            s = (s + 1) & mask;
        }
        keys[s] = key;
        chunks[s] = chunk;
        slabs[s] = slab;
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
