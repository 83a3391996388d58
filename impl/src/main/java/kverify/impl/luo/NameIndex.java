package kverify.impl.luo;

/**
 * The name index of a {@link SessionTable}: open addressing (linear probing, deletion by backward
 * shift) from a name to the live id holding it, for the ids the table keeps out of its ascending
 * run. The names themselves stay in the table's arena; a slot holds 0 (empty) or id + 1 in the
 * low {@link #idBits} bits and, above them, bits of the whole name's hash (so a probe passes most
 * entries of other names without reading their names). Capacity a power of two, at most half full.
 *
 * <p>Where a name's slot lies: the hash of the name without its last byte, rounded down to a
 * 64-byte cache line of slots, plus the last byte. Names that differ only in their last byte (a
 * program counting its sessions, as the selftests and the benchmarks do) so sit in neighbouring
 * slots, and a run of ten decimal digits ('0' is 48, a multiple of 16) lies in one cache line
 * instead of straddling two: at the session limit the index would be 64 MiB, and a read that
 * misses every cache costs a few hundred nanoseconds on the benchmark machine.
 */
final class NameIndex {
    private static final int FNV_BASIS = 0x811c9dc5;
    private static final int FNV_PRIME = 0x01000193;

    private final SessionTable table;
    private int[] slots = new int[16];
    /** Live ids in the index. */
    private int size;
    private int idBits;
    /**
     * The free slot the last failed {@link #find} ended on and the tag it computed there: the
     * {@link #put} that follows it (create, deserialize) writes that tag instead of hashing the
     * name again; -1 once the index has changed.
     */
    private int missSlot = -1;
    private int missTag;

    /** An empty index over the names of {@code table}, whose ids need {@code idBits} bits. */
    NameIndex(SessionTable table, int idBits) {
        this.table = table;
        this.idBits = idBits;
    }

    /** The bits of a slot that hold id + 1: {@link #widen} when an id + 1 needs more. */
    int idBits() {
        return idBits;
    }

    /** The id in the index holding the name b[off .. off + len), or -2 - the free slot its lookup ended on. */
    int find(byte[] b, int off, int len) {
        int mask = slots.length - 1;
        int prefix = prefixHash(b, off, len);
        int tag = tag(prefix, b, off, len);
        int slot = home(prefix, b, off, len) & mask;
        for (; slots[slot] != 0; slot = (slot + 1) & mask) {
            int e = slots[slot];
            if ((e & ~idMask()) == tag) {
                int id = (e & idMask()) - 1;
                if (table.nameIs(id, b, off, len)) {
                    return id;
                }
            }
        }
        missSlot = slot;
        missTag = tag;
        return -2 - slot;
    }

    /**
     * Puts the live id in, whose name no id in the index holds; {@code probed} is what the last
     * {@link #find} of its name returned, written into directly if nothing changed since. Every
     * live id of the table below {@code id} must be in the index already (a growth re-inserts them).
     */
    void put(int id, int probed) {
        size++;
        if (size * 2L > slots.length) {
            rebuild(capacityFor(size), id + 1);
        } else if (missSlot < 0 || probed != -2 - missSlot) {
            insert(id);
        } else {
            if (slots[missSlot] != 0) {
                throw new IllegalStateException("add: slot " + missSlot + " of a stale probe is taken");
            }
            slots[missSlot] = missTag | (id + 1);
            missSlot = -1;
        }
    }

    /** Puts the live ones of ids from .. to - 1 in (the table's run ending); every live id below {@code from} is in already. */
    void putAll(int from, int to) {
        int moving = 0;
        for (int id = from; id < to; id++) {
            moving += table.live(id) ? 1 : 0;
        }
        if (moving == 0) {
            return;
        }
        size += moving;
        missSlot = -1;
        if (size * 2L > slots.length) {
            rebuild(capacityFor(size), to);
            return;
        }
        for (int id = from; id < to; id++) {
            if (table.live(id)) {
                insert(id);
            }
        }
    }

    /** Takes the id out (it must be in the index). */
    void remove(int id) {
        size--;
        missSlot = -1;
        int mask = slots.length - 1;
        int slot = home(id) & mask;
        while ((slots[slot] & idMask()) != id + 1) {
            slot = (slot + 1) & mask;
        }
        // Backward shift: move later entries of the probe run into the hole when their home allows it.
        int hole = slot;
        for (int j = (hole + 1) & mask; slots[j] != 0; j = (j + 1) & mask) {
            int home = home((slots[j] & idMask()) - 1) & mask;
            if (((j - home) & mask) >= ((j - hole) & mask)) {
                slots[hole] = slots[j];
                hole = j;
            }
        }
        slots[hole] = 0;
    }

    /** One more bit for the ids (an id + 1 reached 2^idBits): the live ids below {@code below}, all of the index, re-inserted. */
    void widen(int below) {
        idBits++;
        rebuild(slots.length, below);
    }

    /** The bits an id + 1 up to n needs, at most 31 (so at least one bit of the slot is the name's hash). */
    static int bitsFor(int n) {
        return Math.min(31, 32 - Integer.numberOfLeadingZeros(n + 1));
    }

    /**
     * The capacity for n ids: the current one, four times larger as often as needed to be at most
     * half full (four times: a table grown one add at a time re-inserts 1/3 of its names, not all of them).
     */
    private int capacityFor(int n) {
        int capacity = slots.length;
        while (n * 2L > capacity) {
            capacity *= 4;
        }
        return capacity;
    }

    /** Every live id below {@code below} inserted, in list order, into slots of the given capacity. */
    private void rebuild(int capacity, int below) {
        slots = new int[capacity];
        missSlot = -1;
        for (int id = 0; id < below; id++) {
            if (table.live(id)) {
                insert(id);
            }
        }
    }

    private void insert(int id) {
        byte[] names = table.arena();
        int at = table.nameOffset(id);
        int len = table.nameLength(id);
        int prefix = prefixHash(names, at, len);
        int mask = slots.length - 1;
        int slot = home(prefix, names, at, len) & mask;
        while (slots[slot] != 0) {
            slot = (slot + 1) & mask;
        }
        slots[slot] = tag(prefix, names, at, len) | (id + 1);
    }

    private int idMask() {
        return (int) ((1L << idBits) - 1);
    }

    private int home(int id) {
        byte[] names = table.arena();
        int at = table.nameOffset(id);
        int len = table.nameLength(id);
        return home(prefixHash(names, at, len), names, at, len);
    }

    /** FNV-1a over the name's bytes but the last. */
    private static int prefixHash(byte[] b, int off, int len) {
        int h = FNV_BASIS;
        for (int i = off; i < off + len - 1; i++) {
            h = (h ^ (b[i] & 0xff)) * FNV_PRIME;
        }
        return h;
    }

    private static int lastByte(byte[] b, int off, int len) {
        return len == 0 ? 0 : b[off + len - 1] & 0xff;
    }

    /**
     * The home slot (before masking): the mixed prefix hash rounded down to a cache line of 16
     * slots, then the last byte added, so neighbours in the last byte are neighbours here.
     */
    private static int home(int prefixHash, byte[] b, int off, int len) {
        return (mix(prefixHash) & ~15) + lastByte(b, off, len);
    }

    /** The slot bits above the id: the top bits of the whole name's mixed FNV-1a hash. */
    private int tag(int prefixHash, byte[] b, int off, int len) {
        int whole = len == 0 ? prefixHash : (prefixHash ^ lastByte(b, off, len)) * FNV_PRIME;
        return mix(whole) & ~idMask();
    }

    /** The finalizer of MurmurHash3: every input bit moves the low bits the mask keeps. */
    private static int mix(int h) {
        h ^= h >>> 16;
        h *= 0x85ebca6b;
        h ^= h >>> 13;
        h *= 0xc2b2ae35;
        return h ^ (h >>> 16);
    }
}
