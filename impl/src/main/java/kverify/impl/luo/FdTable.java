package kverify.impl.luo;

import java.util.TreeMap;

/**
 * The fd table of the process driving LUO (struct files_struct): get_unused_fd_flags gives the
 * lowest free number, here from 3 (0 to 2 are the standard streams), fd_install binds it, close
 * frees it. An entry is what the fd refers to: {@link LuoDevice}, a {@link Session}, or a
 * {@link UserFile}.
 */
final class FdTable {
    static final int FIRST = 3;

    private final TreeMap<Integer, Object> table = new TreeMap<>();

    int install(Object file) {
        int fd = FIRST;
        for (int used : table.keySet()) {
            if (used != fd) {
                break;
            }
            fd++;
        }
        table.put(fd, file);
        return fd;
    }

    /** fget: the file behind fd, or null. */
    Object get(int fd) {
        return table.get(fd);
    }

    Object remove(int fd) {
        return table.remove(fd);
    }
}
