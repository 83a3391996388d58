package kverify.impl.luo;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HashMap;

/**
 * The sessions of one list (the outgoing list, or the next kernel's incoming list) stored
 * compactly: no Java object per session. A session is an id; ids are handed out in insertion
 * order and never reused, so ascending id order is list order (list_add_tail; a removal keeps the
 * order of the rest). Per id the table keeps the name's bytes in one arena and two flag bits,
 * and for the few sessions with files their file set in a map; an open-addressing index (linear
 * probing, deletion by backward shift) maps a name to the live id holding it. At the
 * 8,190,000-session limit this is about 30 bytes a session, where a LinkedHashMap entry, a String
 * and a session object were about 120 (docs/benchmarks.md, part 1).
 *
 * <p>A removed id keeps its name, file set and flags: a {@link Session} handle still held by an
 * fd or a caller reads them as the kernel's freed-but-referenced struct would still be read.
 */
final class SessionTable {
    private static final byte LIVE = 1;
    private static final byte RETRIEVED = 2;

    private byte[] names = new byte[64];
    private int namesUsed;
    /** Per id: the name's offset in {@link #names} (high 32 bits) and its length (low 8). */
    private long[] nameAt = new long[8];
    private byte[] flags = new byte[8];
    /** The file sets of the sessions that have one (at the limit most have none). */
    private final HashMap<Integer, FileSet> files = new HashMap<>();
    /** The ids this table will never exceed (the geometry's session limit): arrays grow up to it, no further. */
    private final int limit;
    private int ids;
    private int live;
    /**
     * Per slot: the name's hash (high 32 bits) and id + 1 (low 32), 0 empty; capacity a power of
     * two, at most half full. The hash in the slot lets a probe pass an entry of another name
     * without reading the name: at the limit each read of the arena is a cache miss.
     */
    private long[] index = new long[16];
    private String lastName;
    private byte[] lastBytes;

    /** A table sized for {@code expected} sessions (0: grown as needed), growing its arrays at most to {@code limit} before it must. */
    SessionTable(int expected, long limit) {
        this.limit = (int) Math.min(Math.max(limit, 8), Integer.MAX_VALUE / 2);
        if (expected > 8) {
            grow(expected);
            index = new long[Integer.highestOneBit(Math.max(8, expected)) << 2];
        }
    }

    /** Live sessions. */
    int size() {
        return live;
    }

    /** The live id holding this name, or -1. */
    int find(String name) {
        byte[] b = bytes(name);
        int h = hash(b, 0, b.length);
        int mask = index.length - 1;
        for (int slot = h & mask; index[slot] != 0; slot = (slot + 1) & mask) {
            int id = (int) index[slot] - 1;
            if ((int) (index[slot] >>> 32) == h && nameIs(id, b)) {
                return id;
            }
        }
        return -1;
    }

    /** Appends a session at the end of the list; the caller has checked that the name is not live. */
    int add(String name, FileSet fileSet) {
        byte[] b = bytes(name);
        if (ids == flags.length) {
            int grown = ids + (ids >> 1) + 8;
            grow(ids < limit && grown > limit ? limit : grown);
        }
        if (namesUsed + b.length > names.length) {
            names = Arrays.copyOf(names, Math.max(names.length + (names.length >> 1), namesUsed + b.length));
        }
        int id = ids++;
        System.arraycopy(b, 0, names, namesUsed, b.length);
        nameAt[id] = (long) namesUsed << 32 | b.length;
        namesUsed += b.length;
        setFiles(id, fileSet);
        if ((live + 1) * 2 > index.length) {
            rehash(index.length * 2);
        }
        flags[id] = LIVE;
        live++;
        insert(id);
        return id;
    }

    /** Takes the live session off the list (its data stays readable through its id). */
    void remove(int id) {
        if ((flags[id] & LIVE) == 0) {
            return;
        }
        flags[id] &= ~LIVE;
        live--;
        int mask = index.length - 1;
        int slot = hash(id) & mask;
        while ((int) index[slot] != id + 1) {
            slot = (slot + 1) & mask;
        }
        // Backward shift: move later entries of the probe run into the hole when their home allows it.
        int hole = slot;
        for (int j = (hole + 1) & mask; index[j] != 0; j = (j + 1) & mask) {
            int home = (int) (index[j] >>> 32) & mask;
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

    FileSet files(int id) {
        FileSet f = files.isEmpty() ? null : files.get(id);
        return f == null ? FileSet.NONE : f;
    }

    void setFiles(int id, FileSet f) {
        if (f == FileSet.NONE) {
            files.remove(id);
        } else {
            files.put(id, f);
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
        return (int) (nameAt[id] >>> 32);
    }

    private int len(int id) {
        return (int) nameAt[id] & 0xff;
    }

    private int hash(int id) {
        return hash(names, off(id), len(id));
    }

    private boolean nameIs(int id, byte[] b) {
        return len(id) == b.length && Arrays.equals(names, off(id), off(id) + b.length, b, 0, b.length);
    }

    private void insert(int id) {
        int h = hash(id);
        int mask = index.length - 1;
        int slot = h & mask;
        while (index[slot] != 0) {
            slot = (slot + 1) & mask;
        }
        index[slot] = (long) h << 32 | (id + 1L);
    }

    /** Every entry moved to a table of the new capacity, with the hash its slot already holds. */
    private void rehash(int capacity) {
        long[] old = index;
        index = new long[capacity];
        int mask = capacity - 1;
        for (long e : old) {
            if (e != 0) {
                int slot = (int) (e >>> 32) & mask;
                while (index[slot] != 0) {
                    slot = (slot + 1) & mask;
                }
                index[slot] = e;
            }
        }
    }

    private void grow(int capacity) {
        nameAt = Arrays.copyOf(nameAt, capacity);
        flags = Arrays.copyOf(flags, capacity);
    }

    /** FNV-1a over the name's bytes, then mixed so linear probing sees the high bits too. */
    private static int hash(byte[] b, int off, int len) {
        int h = 0x811c9dc5;
        for (int i = off; i < off + len; i++) {
            h = (h ^ (b[i] & 0xff)) * 0x01000193;
        }
        return h ^ (h >>> 16);
    }
}
