package kverify.impl.memory;

/**
 * The page arrays of a {@link PhysicalMemory} by page frame number: open addressing over two
 * parallel arrays (linear probing, at most half full), so a lookup reads no boxed key and no node
 * per page, as a {@code HashMap<Long, byte[]>} does: at the LUO limit the next kernel reads
 * 160,000 pages handed over long before, and each of those lookups was a few cache misses.
 * Sixteen consecutive frames (64 KiB) share a run of slots, which a hash of the frame number
 * above them places; a sequential walk so stays in one stretch of the arrays. Pages are never
 * removed. The slot order never reaches output: {@link PhysicalMemory} sorts the frame numbers.
 */
final class PageMap {
    /** Per slot the frame number + 1; 0 is an empty slot. */
    private long[] keys = new long[32];
    private byte[][] values = new byte[32][];
    private int size;

    int size() {
        return size;
    }

    /** The page of this frame, or null. */
    byte[] get(long pfn) {
        int mask = keys.length - 1;
        for (int s = home(pfn) & mask; keys[s] != 0; s = (s + 1) & mask) {
            if (keys[s] == pfn + 1) {
                return values[s];
            }
        }
        return null;
    }

    /** Binds the frame to the page (replacing the page it had). */
    void put(long pfn, byte[] page) {
        int mask = keys.length - 1;
        int s = home(pfn) & mask;
        for (; keys[s] != 0; s = (s + 1) & mask) {
            if (keys[s] == pfn + 1) {
                values[s] = page;
                return;
            }
        }
        keys[s] = pfn + 1;
        values[s] = page;
        if (++size * 2 > keys.length) {
            resize(keys.length * 2);
        }
    }

    /** Every frame and page of the other map bound here too (its pages shared, not copied). */
    void putAll(PageMap other) {
        for (int s = 0; s < other.keys.length; s++) {
            if (other.keys[s] != 0) {
                put(other.keys[s] - 1, other.values[s]);
            }
        }
    }

    /** The frame numbers, in no particular order. */
    long[] pfns() {
        long[] out = new long[size];
        int n = 0;
        for (long k : keys) {
            if (k != 0) {
                out[n++] = k - 1;
            }
        }
        return out;
    }

    private void resize(int capacity) {
        long[] oldKeys = keys;
        byte[][] oldValues = values;
        keys = new long[capacity];
        values = new byte[capacity][];
        int mask = capacity - 1;
        for (int i = 0; i < oldKeys.length; i++) {
            if (oldKeys[i] != 0) {
                int s = home(oldKeys[i] - 1) & mask;
                while (keys[s] != 0) {
                    s = (s + 1) & mask;
                }
                keys[s] = oldKeys[i];
                values[s] = oldValues[i];
            }
        }
    }

    /** The frame's place in its run of 16 after the run's hashed start (the finalizer of MurmurHash3's 64-bit variant). */
    private static int home(long pfn) {
        long h = pfn >>> 4;
        h ^= h >>> 33;
        h *= 0xff51afd7ed558ccdL;
        h ^= h >>> 33;
        h *= 0xc4ceb9fe1a85ec53L;
        h ^= h >>> 33;
        return ((int) h << 4) | (int) (pfn & 15);
    }
}
