package kverify.impl.luo;

import java.util.Arrays;

/**
 * The fd table of the process driving LUO (struct files_struct): get_unused_fd_flags gives the
 * lowest free number, here from 3 (0 to 2 are the standard streams), fd_install binds it, close
 * frees it. An entry is what the fd refers to: {@link LuoDevice}, a {@link Session}, or a
 * {@link UserFile}. Stored compactly, as the 8,190,000 session fds of the limit need: per number
 * a reference (the object, or for a session its {@link SessionTable}) and an int (the session's
 * id); the freed numbers below the highest are a binary min-heap.
 */
final class FdTable {
    static final int FIRST = 3;

    private Object[] target = new Object[16];
    private int[] sessionId = new int[16];
    /** Numbers below {@link #next} that a close freed: the lowest of them is the next fd. */
    private int[] freed = new int[8];
    private int nfreed;
    private int next = FIRST;

    int install(Object file) {
        int fd = nfreed == 0 ? next++ : pollLowest();
        if (fd >= target.length) {
            int n = Math.max(fd + 1, target.length + (target.length >> 1));
            target = Arrays.copyOf(target, n);
            sessionId = Arrays.copyOf(sessionId, n);
        }
        if (file instanceof Session s) {
            target[fd] = s.table;
            sessionId[fd] = s.id;
        } else {
            target[fd] = file;
        }
        return fd;
    }

    /** fget: the file behind fd, or null. */
    Object get(int fd) {
        if (fd < FIRST || fd >= target.length || target[fd] == null) {
            return null;
        }
        return target[fd] instanceof SessionTable t ? new Session(t, sessionId[fd]) : target[fd];
    }

    Object remove(int fd) {
        Object f = get(fd);
        if (f != null) {
            target[fd] = null;
            addFreed(fd);
        }
        return f;
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
