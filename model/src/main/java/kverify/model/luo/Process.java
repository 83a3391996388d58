package kverify.model.luo;

import java.util.HashMap;

/**
 * The user-space process of one system: the file descriptors a trace names ("handles") and the
 * numbers the kernel gave them. Every system owns one and empties it at a successful kexec (the
 * next kernel starts a new user space). A handle never bound, or unbound by a close, resolves to
 * {@link #NEVER_VALID}, a number no kernel here allocates, so a call through it gets EBADF.
 */
public final class Process {
    /** An fd number above every number the fd tables allocate (they count up from 3). */
    public static final int NEVER_VALID = 1 << 30;

    // Looked up by name only, never iterated into output (renumber maps every value alike): a hash map, as a bulk create of
    // 820 sessions binds 820 handles that share the "legacy:" prefix, which a sorted map compares on every probe.
    private final HashMap<String, Integer> handles = new HashMap<>();

    public int fd(String handle) {
        Integer fd = handles.get(handle);
        return fd == null ? NEVER_VALID : fd;
    }

    public boolean holds(String handle) {
        return handles.containsKey(handle);
    }

    public void bind(String handle, int fd) {
        handles.put(handle, fd);
    }

    public void unbind(String handle) {
        handles.remove(handle);
    }

    /** Each handle bound to a key of {@code to} is bound to its value (decision 39: concurrently installed fds renumbered). */
    public void renumber(java.util.Map<Integer, Integer> to) {
        handles.replaceAll((h, fd) -> to.getOrDefault(fd, fd));
    }

    /** After a kexec: nothing user space held survives. */
    public void clear() {
        handles.clear();
    }
}
