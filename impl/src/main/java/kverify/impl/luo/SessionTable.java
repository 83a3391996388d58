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
 * sessions with files their file set in a map. At the 8,190,000-session limit this is about 13
 * bytes a session, and 8 more for the ids in the {@link NameIndex} (docs/benchmarks.md, part 1).
 *
 * <p>A program that counts its sessions (as the selftests and the benchmarks do) creates names
 * in ascending order (by length, then bytes: s9 before s10), and a next kernel reads them from the
 * handover in the order they were created. So the ids of the latest run of such adds are kept out
 * of the index: each of their names is above every name added before it, an add whose name is
 * above the greatest name ever added needs no lookup, and a lookup of a name inside the run's
 * range is a binary search over the run. The round trip at the limit builds no index, on either
 * side of the kexec. An add below the greatest name ends the run (its ids go into the index), and
 * so do binary searches once there have been more of them than the run's length is worth. One
 * more habit is served without either: a lookup of the id after the one found last (sessions
 * retrieved in list order) compares that id's name first.
 *
 * <p>A removed id keeps its name, file set and flags: a {@link Session} handle still held by an
 * fd or a caller reads them as the kernel's freed-but-referenced struct would still be read.
 */
final class SessionTable {
    /** {@link #probe}: no id holds the name, and it is above every name ever added (its add extends the run). */
    static final int ABOVE = -1;
    /** {@link #probe}: no id holds the name, and its lookup ended on no free index slot (a binary search of the run). */
    static final int NO_SLOT = Integer.MIN_VALUE;
    private static final byte LIVE = 1;
    private static final byte RETRIEVED = 2;

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
    /** The live ids below {@link #runStart}. */
    private final NameIndex index;
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

    /** A table sized for {@code expected} sessions (0: grown as needed), growing its arrays at most to {@code limit} before it must. */
    SessionTable(int expected, long limit) {
        this.limit = (int) Math.min(Math.max(limit, 8), Integer.MAX_VALUE / 2);
        this.index = new NameIndex(this, NameIndex.bitsFor(Math.max(this.limit, expected)));
        if (expected > 8) {
            grow(expected);
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
                return found(searchRun(b, off, len));
            }
            endRun(ids);
        }
        int r = index.find(b, off, len);
        if (r >= 0) {
            nextHint = r + 1;
        }
        return r;
    }

    /** The id the run's binary search found, if live (no other id can hold the name), else {@link #NO_SLOT}. */
    private int found(int id) {
        if (id < 0 || (flags[id] & LIVE) == 0) {
            return NO_SLOT;
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
        if (id + 1 >= 1 << index.idBits()) {
            index.widen(runStart);
        }
        if (inRun) {
            maxId = id; // the run goes on (or starts) with this id
        } else {
            endRun(id);
            runStart = id + 1;
            index.put(id, probed);
        }
        return id;
    }

    /** The run's ids below {@code end} into the index; the run starts at end afterwards. */
    private void endRun(int end) {
        index.putAll(runStart, end);
        runStart = end;
        runSearches = 0;
    }

    /** Takes the live session off the list (its data stays readable through its id). */
    void remove(int id) {
        if ((flags[id] & LIVE) == 0) {
            return;
        }
        flags[id] &= ~LIVE;
        live--;
        if (id < runStart) {
            index.remove(id);
        } // else in the run: in no slot, and its name keeps the run's order
    }

    boolean live(int id) {
        return (flags[id] & LIVE) != 0;
    }

    String name(int id) {
        return new String(names, nameOffset(id), nameLength(id), StandardCharsets.ISO_8859_1);
    }

    /** The first (at most max) bytes of the name into dst[0 ..); returns how many. */
    int copyName(int id, byte[] dst, int max) {
        int n = Math.min(nameLength(id), max);
        System.arraycopy(names, nameOffset(id), dst, 0, n);
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

    /** The arena the names are in (replaced when it grows): id's name is at {@link #nameOffset}, {@link #nameLength} bytes. */
    byte[] arena() {
        return names;
    }

    int nameOffset(int id) {
        return id == 0 ? 0 : nameEnd[id - 1];
    }

    int nameLength(int id) {
        return nameEnd[id] - nameOffset(id);
    }

    boolean nameIs(int id, byte[] b, int off, int len) {
        int at = nameOffset(id);
        return nameEnd[id] - at == len && Arrays.equals(names, at, at + len, b, off, off + len);
    }

    /** The name's bytes; a create looks the name up and then adds it, so the last conversion is kept. */
    private byte[] bytes(String name) {
        if (name != lastName) {
            lastBytes = name.getBytes(StandardCharsets.ISO_8859_1);
            lastName = name;
        }
        return lastBytes;
    }

    /**
     * The order of the run: the name b[off .. off + len) against id's, shorter first, then by
     * unsigned bytes (so a counter's decimal names ascend: s9, s10, ..., s99, s100).
     */
    private int compare(byte[] b, int off, int len, int id) {
        int at = nameOffset(id);
        int idLen = nameEnd[id] - at;
        if (len != idLen) {
            return len < idLen ? -1 : 1;
        }
        return Arrays.compareUnsigned(b, off, off + len, names, at, at + len);
    }

    private void grow(int capacity) {
        nameEnd = Arrays.copyOf(nameEnd, capacity);
        flags = Arrays.copyOf(flags, capacity);
    }
}
