package kverify.impl.luo;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The fd table of the process driving LUO (struct files_struct): get_unused_fd_flags gives the
 * lowest free number, here from 3 (0 to 2 are the standard streams), fd_install binds it, close
 * frees it. An entry is what the fd refers to: {@link LuoDevice}, a {@link Session}, or a
 * {@link UserFile}. Stored compactly, as the 8,190,000 session fds of the limit need, and without
 * a reference per fd (which the collector would scan): per number a byte, which
 * {@link SessionTable} (of the few the kernel has had), and an int, the session's id (9 bytes an
 * fd; the arrays double, so 8,190,000 fds are copied about once on the way, not three times); the
 * few other files in a map; the freed numbers below the highest are a binary min-heap.
 */
final class FdTable {
    static final int FIRST = 3;
    /** {@link #table} of a number that is not open. */
    private static final int FREE = 0;
    /** {@link #table} of a number bound to a file that is not a session (in {@link #others}). */
    private static final int OTHER = -1;

    /** Per number: FREE, OTHER, or 1 + the index of the session's table in {@link #tables}. */
    private byte[] table = new byte[16];
    private int[] sessionId = new int[16];
    private final List<SessionTable> tables = new ArrayList<>();
    private final Map<Integer, Object> others = new HashMap<>();
    /** The last file of {@link #others} that get returned and its number (-1: none): every session ioctl goes through the device's fd. */
    private int lastOtherFd = -1;
    private Object lastOther;
    /** The table the last session fd was installed from and its index: a program installs the fds of one list at a time. */
    private SessionTable lastTable;
    private int lastTableIndex;
    /** Numbers below {@link #next} that a close freed: the lowest of them is the next fd. */
    private int[] freed = new int[8];
    private int nfreed;
    private int next = FIRST;

    int install(Object file) {
        if (file instanceof Session s) {
            return installSession(s.table, s.id);
        }
        int fd = take();
        table[fd] = OTHER;
        others.put(fd, file);
        return fd;
    }

    /** {@link #install} of session {@code id} of table {@code t}, without a handle. */
    int installSession(SessionTable t, int id) {
        int fd = take();
        table[fd] = (byte) (1 + tableIndex(t));
        sessionId[fd] = id;
        return fd;
    }

    /** get_unused_fd_flags: the lowest free number, the arrays grown to hold it. */
    private int take() {
        int fd = nfreed == 0 ? next++ : pollLowest();
        if (fd >= table.length) {
            int n = Math.max(fd + 1, table.length * 2);
            table = Arrays.copyOf(table, n);
            sessionId = Arrays.copyOf(sessionId, n);
        }
        return fd;
    }

    /** fget: the file behind fd, or null. */
    Object get(int fd) {
        if (fd < FIRST || fd >= table.length || table[fd] == FREE) {
            return null;
        }
        if (table[fd] != OTHER) {
            return new Session(tables.get(table[fd] - 1), sessionId[fd]);
        }
        if (fd != lastOtherFd) {
            lastOther = others.get(fd);
            lastOtherFd = fd;
        }
        return lastOther;
    }

    Object remove(int fd) {
        Object f = get(fd);
        if (f != null) {
            if (table[fd] == OTHER) {
                others.remove(fd);
                lastOtherFd = -1;
                lastOther = null;
            }
            table[fd] = FREE;
            addFreed(fd);
        }
        return f;
    }

    /** The table's index in {@link #tables} (a kernel has a handful: the outgoing list and each incoming list it built). */
    private int tableIndex(SessionTable t) {
        if (t == lastTable) {
            return lastTableIndex;
        }
        lastTable = t;
        lastTableIndex = findTable(t);
        return lastTableIndex;
    }

    private int findTable(SessionTable t) {
        for (int i = tables.size() - 1; i >= 0; i--) {
            if (tables.get(i) == t) {
                return i;
            }
        }
        if (tables.size() == Byte.MAX_VALUE) {
            throw new IllegalStateException("fd table: sessions of more than " + Byte.MAX_VALUE + " session lists");
        }
        tables.add(t);
        return tables.size() - 1;
    }

    private void addFreed(int fd) {
        if (nfreed == freed.length) {
            freed = Arrays.copyOf(freed, nfreed * 2);
        }
        int i = nfreed++;
        while (i > 0 && freed[(i - 1) / 2] > fd) {
            freed[i] = freed[(i - 1) / 2];
            i = (i - 1) / 2;
        }
        freed[i] = fd;
    }

    private int pollLowest() {
        int low = freed[0];
        int last = freed[--nfreed];
        int i = 0;
        while (2 * i + 1 < nfreed) {
            int c = 2 * i + 1;
            if (c + 1 < nfreed && freed[c + 1] < freed[c]) {
                c++;
            }
            if (freed[c] >= last) {
                break;
            }
            freed[i] = freed[c];
            i = c;
        }
        freed[i] = last;
        return low;
    }
}
