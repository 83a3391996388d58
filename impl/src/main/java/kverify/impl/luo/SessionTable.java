package kverify.impl.luo;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HashMap;

/**
 * The sessions of one list (the outgoing list, or the next kernel's incoming list) stored
 * compactly: no Java object per session. A session is an id; ids are handed out in insertion
 * order and never reused, so ascending id order is list order (list_add_tail; a removal keeps the
 * order of the rest). Per id the table keeps the name's bytes in one arena (append-only, so a
 * name ends where the next id's begins: one int per id) and two flag bits, and for the few
 * sessions with files their file set in a map; an open-addressing index (linear probing,
 * deletion by backward shift) maps a name to the live id holding it. At the 8,190,000-session
 * limit this is about 21 bytes a session (docs/benchmarks.md, part 1).
 *
 * <p>Where a name's index slot lies: the hash of the name without its last byte, rounded down to
 * a 64-byte cache line of slots, plus the last byte. Names that differ only in their last byte (a
 * program counting its sessions, as the selftests and the benchmarks do) so sit in neighbouring
 * slots, and a run of ten decimal digits ('0' is 48, a multiple of 16) lies in one cache line of
 * the index instead of straddling two: at the limit the index is 64 MiB and a read that misses
 * every cache costs a few hundred nanoseconds on the benchmark machine. Two more habits of such
 * a program are served without the index: a lookup of the id after the one found last (sessions
 * retrieved in list order) compares that id's name first, and an add right after the failed
 * lookup of the same name ({@link #probe}) writes the free slot that lookup ended on.
 *
 * <p>Such a program's names also come in ascending order (by length, then bytes: s9 before s10),
 * and so do the names a next kernel reads from the handover, which lists them in the order they
 * were created. The ids of the latest run of such adds are kept out of the index: each of their
 * names is above every name added before it, so an add whose name is above the greatest name
 * ever added needs no lookup, and a lookup of a name inside the run's range is a binary search
 * over the run. The round trip at the limit then builds no index at all, on either side of the
 * kexec. An add below the greatest name ends the run (its ids go into the index), and so do
 * binary searches once there have been more of them than the run's length allows for.
 *
 * <p>A removed id keeps its name, file set and flags: a {@link Session} handle still held by an
 * fd or a caller reads them as the kernel's freed-but-referenced struct would still be read.
 */
final class SessionTable {
    /** {@link #probe}: no id holds the name, and it is above every name ever added (its add extends the run). */
    static final int ABOVE = -1;
    /** {@link #probe}: no id holds the name, and the lookup ended on no free index slot (a binary search of the run). */
    static final int NO_SLOT = Integer.MIN_VALUE;
    private static final byte LIVE = 1;
    private static final byte RETRIEVED = 2;
    private static final int FNV_BASIS = 0x811c9dc5;
    private static final int FNV_PRIME = 0x01000193;

    private byte[] names = new byte[64];
    /** Name of id i is names[nameEnd[i - 1] .. nameEnd[i]) (0 for the first). */
    private int[] nameEnd = new int[8];
    private byte[] flags = new byte[8];
    /** The file sets of the sessions that have one (at the limit most have none). */
    private final HashMap<Integer, FileSet> files = new HashMap<>();
    /** The ids this table will never exceed (the geometry's session limit): arrays grow up to it, no further. */
    private final int limit;
    private int ids;
    private int live;
    /**
     * Per slot 0 (empty) or id + 1 in the low {@link #idBits} bits and, above them, bits of the
     * whole name's hash (so a probe passes most entries of other names without reading their
     * names); capacity a power of two, at most half full.
     */
    private int[] index = new int[16];
    /** Live ids in {@link #index}: the live ids below {@link #runStart}. */
    private int indexed;
    private int idBits;
    /**
     * The run: ids runStart .. ids - 1, in no index slot; their names ascend strictly (in
     * {@link #compare}'s order) and are above the name of every id below runStart.
     */
    private int runStart;
    /** The id holding the greatest name ever added (live or not), or -1: a name above it is held by no id. */
    private int maxId = -1;
    /** Binary searches over the current run: past {@link #searchBudget} the run goes into the index. */
    private int runSearches;
    /** The number of ids when {@link #probe} last returned {@link #ABOVE}. */
    private int aboveAt = -1;
    /** The id after the one the last successful lookup returned: compared first by the next lookup. */
    private int nextHint;
    private String lastName;
    private byte[] lastBytes;
    /**
     * The free slot the last failed {@link #probe} ended on and the tag it computed there: the
     * add that follows it (create, deserialize) writes that tag instead of hashing the name again.
     */
    private int missSlot = -1;
    private int missTag;

    /** A table sized for {@code expected} sessions (0: grown as needed), growing its arrays at most to {@code limit} before it must. */
    SessionTable(int expected, long limit) {
        this.limit = (int) Math.min(Math.max(limit, 8), Integer.MAX_VALUE / 2);
        this.idBits = bitsFor(Math.max(this.limit, expected));
        if (expected > 8) {
            grow(expected); // the index is sized when it gets its first ids: in list order it gets none
        }
    }

    /** Live sessions. */
    int size() {
        return live;
    }

    /** The live id holding this name, or -1. */
    int find(String name) {
        byte[] b = bytes(name);
        return find(b, 0, b.length);
    }

    /** The live id holding the name b[off .. off + len), or -1. */
    int find(byte[] b, int off, int len) {
        int r = probe(b, off, len);
        return r >= 0 ? r : -1;
    }

    /**
     * {@link #find}, and when no live id holds the name a negative value for {@link #add(byte[],
     * int, int, FileSet, int)} of the same name: {@link #ABOVE}, -2 - the empty index slot the
     * lookup ended on (the add puts the name there as long as the table has not changed in
     * between), or {@link #NO_SLOT}.
     */
    int probe(byte[] b, int off, int len) {
        int hint = nextHint;
        if (hint < ids && (flags[hint] & LIVE) != 0 && nameIs(hint, b, off, len)) {
            nextHint = hint + 1;
            return hint; // a live name is held by one id only
        }
        if (maxId < 0 || compare(b, off, len, maxId) > 0) {
            aboveAt = ids;
            return ABOVE;
        }
        if (runStart < ids && compare(b, off, len, runStart) >= 0) {
            if (++runSearches <= searchBudget()) {
                int id = found(searchRun(b, off, len));
                return id >= 0 ? id : NO_SLOT;
            }
            endRun(ids);
        }
        int mask = index.length - 1;
        int prefix = prefixHash(b, off, len);
        int tag = tag(prefix, b, off, len);
        int slot = home(prefix, b, off, len) & mask;
        for (; index[slot] != 0; slot = (slot + 1) & mask) {
            int e = index[slot];
            if ((e & ~idMask()) == tag) {
                int id = (e & idMask()) - 1;
                if (nameIs(id, b, off, len)) {
                    nextHint = id + 1;
                    return id;
                }
            }
        }
        missSlot = slot;
        missTag = tag;
        return -2 - slot;
    }

    /** The id the run's binary search found, if live (no other id can hold the name), else -1. */
    private int found(int id) {
        if (id < 0 || (flags[id] & LIVE) == 0) {
            return -1;
        }
        nextHint = id + 1;
        return id;
    }

    /** The run's id holding exactly this name, live or not, or -1. */
    private int searchRun(byte[] b, int off, int len) {
        int lo = runStart;
        int hi = ids - 1;
        while (lo <= hi) {
            int mid = (lo + hi) >>> 1;
            int c = compare(b, off, len, mid);
            if (c == 0) {
                return mid;
            }
            if (c > 0) {
                lo = mid + 1;
            } else {
                hi = mid - 1;
            }
        }
        return -1;
    }

    /** How many binary searches a run of its length is worth before its ids cost less in the index (about 1 in 16 of them). */
    private int searchBudget() {
        return 16 + ((ids - runStart) >> 4);
    }

    /** Appends a session at the end of the list; the caller has checked that the name is not live. */
    int add(String name, FileSet fileSet) {
        byte[] b = bytes(name);
        return add(b, 0, b.length, fileSet);
    }

    /** The same for the name b[off .. off + len). */
    int add(byte[] b, int off, int len, FileSet fileSet) {
        return add(b, off, len, fileSet, 0);
    }

    /**
     * The same, where {@code probed} is what the last {@link #probe}, of this name, returned with
     * no change to the table since, or 0 to look the slot up here.
     */
    int add(byte[] b, int off, int len, FileSet fileSet, int probed) {
        if (ids == flags.length) {
            int grown = ids + (ids >> 1) + 8;
            grow(ids < limit && grown > limit ? limit : grown);
        }
        int used = ids == 0 ? 0 : nameEnd[ids - 1];
        if (used + len > names.length) {
            // Doubling: on the way to its size the arena is copied about once (1.5x growth copied it twice).
            names = Arrays.copyOf(names, (int) Math.max(Math.min(names.length * 2L, Integer.MAX_VALUE - 8), used + len));
        }
        int id = ids++;
        System.arraycopy(b, off, names, used, len);
        nameEnd[id] = used + len;
        setFiles(id, fileSet);
        flags[id] = LIVE;
        live++;
        // A probe that found the name above every name, with no add since, spares the comparison.
        boolean inRun = probed == ABOVE && aboveAt == id || maxId < 0 || compare(b, off, len, maxId) > 0;
        if (inRun) {
            maxId = id; // the run goes on (or starts) with this id
        }
        if (id + 1 >= 1 << idBits) {
            idBits++;
            if (!inRun) {
                endRun(id);
                runStart = id + 1;
                indexed++;
            }
            rehash(capacityFor(indexed));
        } else if (!inRun) {
            indexAfterRun(id, probed);
        }
        return id;
    }

    /** An add below the greatest name: the run before it goes into the index, then the id, into the probed slot if that is still free. */
    private void indexAfterRun(int id, int probed) {
        boolean unchanged = runStart == id; // no run before it: the index is as the probe left it
        endRun(id);
        runStart = id + 1;
        indexed++;
        if (indexed * 2L > index.length) {
            rehash(capacityFor(indexed));
        } else if (!unchanged || missSlot < 0 || probed != -2 - missSlot) {
            insert(id);
        } else {
            if (index[missSlot] != 0) {
                throw new IllegalStateException("add: slot " + missSlot + " of a stale probe is taken");
            }
            index[missSlot] = missTag | (id + 1);
            missSlot = -1;
        }
    }

    /** The run's ids below {@code end} into the index (grown first to stay at most half full); the run starts at end afterwards. */
    private void endRun(int end) {
        int from = runStart;
        int moving = 0;
        for (int id = from; id < end; id++) {
            moving += flags[id] & LIVE;
        }
        runStart = end;
        runSearches = 0;
        indexed += moving;
        if (indexed * 2L > index.length) {
            rehash(capacityFor(indexed));
            return;
        }
        for (int id = from; id < end; id++) {
            if ((flags[id] & LIVE) != 0) {
                insert(id);
            }
        }
    }

    /**
     * The index's capacity for n ids: the current one, four times larger as often as needed to be
     * at most half full (four times: a table grown one add at a time re-inserts 1/3 of its names, not all of them).
     */
    private int capacityFor(int n) {
        int capacity = index.length;
        while (n * 2L > capacity) {
            capacity *= 4;
        }
        return capacity;
    }

    /** Takes the live session off the list (its data stays readable through its id). */
    void remove(int id) {
        if ((flags[id] & LIVE) == 0) {
            return;
        }
        flags[id] &= ~LIVE;
        live--;
        if (id >= runStart) {
            return; // in the run: in no slot, and its name keeps the run's order
        }
        indexed--;
        missSlot = -1;
        int mask = index.length - 1;
        int slot = home(id) & mask;
        while ((index[slot] & idMask()) != id + 1) {
            slot = (slot + 1) & mask;
        }
        // Backward shift: move later entries of the probe run into the hole when their home allows it.
        int hole = slot;
        for (int j = (hole + 1) & mask; index[j] != 0; j = (j + 1) & mask) {
            int home = home((index[j] & idMask()) - 1) & mask;
            if (((j - home) & mask) >= ((j - hole) & mask)) {
                index[hole] = index[j];
                hole = j;
            }
        }
        index[hole] = 0;
    }

    boolean live(int id) {
        return (flags[id] & LIVE) != 0;
    }

    String name(int id) {
        return new String(names, off(id), len(id), StandardCharsets.ISO_8859_1);
    }

    /** The first (at most max) bytes of the name into dst[0 ..); returns how many. */
    int copyName(int id, byte[] dst, int max) {
        int n = Math.min(len(id), max);
        System.arraycopy(names, off(id), dst, 0, n);
        return n;
    }

    FileSet files(int id) {
        FileSet f = files.isEmpty() ? null : files.get(id);
        return f == null ? FileSet.NONE : f;
    }

    void setFiles(int id, FileSet f) {
        if (f != FileSet.NONE) {
            files.put(id, f);
        } else if (!files.isEmpty()) {
            files.remove(id);
        }
    }

    boolean retrieved(int id) {
        return (flags[id] & RETRIEVED) != 0;
    }

    void setRetrieved(int id, boolean r) {
        flags[id] = (byte) (r ? flags[id] | RETRIEVED : flags[id] & ~RETRIEVED);
    }

    /** The first live id after {@code id} in list order (pass -1 for the first), or -1. */
    int next(int id) {
        for (int i = id + 1; i < ids; i++) {
            if ((flags[i] & LIVE) != 0) {
                return i;
            }
        }
        return -1;
    }

    /** The last live id in list order, or -1. */
    int last() {
        for (int i = ids - 1; i >= 0; i--) {
            if ((flags[i] & LIVE) != 0) {
                return i;
            }
        }
        return -1;
    }

    /** The name's bytes; a create looks the name up and then adds it, so the last conversion is kept. */
    private byte[] bytes(String name) {
        if (name != lastName) {
            lastBytes = name.getBytes(StandardCharsets.ISO_8859_1);
            lastName = name;
        }
        return lastBytes;
    }

    private int off(int id) {
        return id == 0 ? 0 : nameEnd[id - 1];
    }

    private int len(int id) {
        return nameEnd[id] - off(id);
    }

    private int idMask() {
        return (int) ((1L << idBits) - 1);
    }

    private boolean nameIs(int id, byte[] b, int off, int len) {
        int at = off(id);
        return nameEnd[id] - at == len && Arrays.equals(names, at, at + len, b, off, off + len);
    }

    /**
     * The order of the run: the name b[off .. off + len) against id's, shorter first, then by
     * unsigned bytes (so a counter's decimal names ascend: s9, s10, ..., s99, s100).
     */
    private int compare(byte[] b, int off, int len, int id) {
        int at = off(id);
        int idLen = nameEnd[id] - at;
        if (len != idLen) {
            return len < idLen ? -1 : 1;
        }
        return Arrays.compareUnsigned(b, off, off + len, names, at, at + len);
    }

    private int home(int id) {
        int at = off(id);
        int len = len(id);
        return home(prefixHash(names, at, len), names, at, len);
    }

    private void insert(int id) {
        int at = off(id);
        int len = len(id);
        int prefix = prefixHash(names, at, len);
        int mask = index.length - 1;
        int slot = home(prefix, names, at, len) & mask;
        while (index[slot] != 0) {
            slot = (slot + 1) & mask;
        }
        index[slot] = tag(prefix, names, at, len) | (id + 1);
    }

    /** Every live id below the run inserted, in list order, into a table of the new capacity. */
    private void rehash(int capacity) {
        index = new int[capacity];
        missSlot = -1;
        for (int id = 0; id < runStart; id++) {
            if ((flags[id] & LIVE) != 0) {
                insert(id);
            }
        }
    }

    private void grow(int capacity) {
        nameEnd = Arrays.copyOf(nameEnd, capacity);
        flags = Arrays.copyOf(flags, capacity);
    }

    /** The bits an id + 1 up to n needs, at most 31 (so at least one bit of the slot is the name's hash). */
    private static int bitsFor(int n) {
        return Math.min(31, 32 - Integer.numberOfLeadingZeros(n + 1));
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
