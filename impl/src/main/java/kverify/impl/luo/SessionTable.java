package kverify.impl.luo;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * The sessions of one list (the outgoing list, or the next kernel's incoming list) stored
 * compactly: no Java object per session. A session is an id; ids are handed out in insertion
 * order and never reused, so ascending id order is list order (list_add_tail; a removal keeps the
 * order of the rest). Per id the table keeps the name's bytes in one arena, the file set
 * (null while the session has none), and two flag bits; an open-addressing index (linear
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
    private int[] nameOff = new int[8];
    private byte[] nameLen = new byte[8];
    private byte[] flags = new byte[8];
    private FileSet[] files = new FileSet[8];
    private int ids;
    private int live;
    /** id + 1 per slot, 0 empty; capacity a power of two, at most half full. */
    private int[] index = new int[16];

    /** A table sized for {@code expected} sessions (0: grown as needed). */
    SessionTable(int expected) {
        if (expected > 8) {
            grow(expected);
            index = new int[Integer.highestOneBit(Math.max(8, expected)) << 2];
        }
    }

    /** Live sessions. */
    int size() {
        return live;
    }

    /** The live id holding this name, or -1. */
    int find(String name) {
        byte[] b = name.getBytes(StandardCharsets.ISO_8859_1);
        int mask = index.length - 1;
        for (int slot = hash(b, 0, b.length) & mask; index[slot] != 0; slot = (slot + 1) & mask) {
            if (nameIs(index[slot] - 1, b)) {
                return index[slot] - 1;
            }
        }
        return -1;
    }

    /** Appends a session at the end of the list; the caller has checked that the name is not live. */
    int add(String name, FileSet fileSet) {
        byte[] b = name.getBytes(StandardCharsets.ISO_8859_1);
        if (ids == flags.length) {
            grow(ids + (ids >> 1) + 8);
        }
        if (namesUsed + b.length > names.length) {
            names = Arrays.copyOf(names, Math.max(names.length + (names.length >> 1), namesUsed + b.length));
        }
        int id = ids++;
        System.arraycopy(b, 0, names, namesUsed, b.length);
        nameOff[id] = namesUsed;
        nameLen[id] = (byte) b.length;
        namesUsed += b.length;
        files[id] = fileSet == FileSet.NONE ? null : fileSet;
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
        int slot = hash(names, nameOff[id], nameLen[id]) & mask;
        while (index[slot] != id + 1) {
            slot = (slot + 1) & mask;
        }
        // Backward shift: move later entries of the probe run into the hole when their home allows it.
        int hole = slot;
        for (int j = (hole + 1) & mask; index[j] != 0; j = (j + 1) & mask) {
            int e = index[j] - 1;
            int home = hash(names, nameOff[e], nameLen[e]) & mask;
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
        return new String(names, nameOff[id], nameLen[id], StandardCharsets.ISO_8859_1);
    }

    FileSet files(int id) {
        FileSet f = files[id];
        return f == null ? FileSet.NONE : f;
    }

    void setFiles(int id, FileSet f) {
        files[id] = f == FileSet.NONE ? null : f;
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

    private boolean nameIs(int id, byte[] b) {
        return nameLen[id] == b.length && Arrays.equals(names, nameOff[id], nameOff[id] + b.length, b, 0, b.length);
    }

    private void insert(int id) {
        int mask = index.length - 1;
        int slot = hash(names, nameOff[id], nameLen[id]) & mask;
        while (index[slot] != 0) {
            slot = (slot + 1) & mask;
        }
        index[slot] = id + 1;
    }

    private void rehash(int capacity) {
        index = new int[capacity];
        for (int id = 0; id < ids; id++) {
            if ((flags[id] & LIVE) != 0) {
                insert(id);
            }
        }
    }

    private void grow(int capacity) {
        nameOff = Arrays.copyOf(nameOff, capacity);
        nameLen = Arrays.copyOf(nameLen, capacity);
        flags = Arrays.copyOf(flags, capacity);
        files = Arrays.copyOf(files, capacity);
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
