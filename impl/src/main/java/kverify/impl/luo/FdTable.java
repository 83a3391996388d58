package kverify.impl.luo;

import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The fd table of the process driving LUO (struct files_struct): get_unused_fd_flags gives the
 * lowest free number, here from 3 (0 to 2 are the standard streams), fd_install binds it, close
 * frees it. An entry is what the fd refers to: {@link LuoDevice}, a {@link Session}, or a
 * {@link UserFile}.
 */
final class FdTable {
    static final int FIRST = 3;

    private final TreeMap<Integer, Object> table = new TreeMap<>();
    /** Numbers below {@link #next} that a close freed: the lowest of them is the next fd. */
    private final TreeSet<Integer> freed = new TreeSet<>();
    private int next = FIRST;

    int install(Object file) {
        int fd = freed.isEmpty() ? next++ : freed.pollFirst();
        table.put(fd, file);
        return fd;
    }

    /** fget: the file behind fd, or null. */
    Object get(int fd) {
        return table.get(fd);
    }

    Object remove(int fd) {
        Object f = table.remove(fd);
        if (f != null) {
            freed.add(fd);
        }
        return f;
    }
}
