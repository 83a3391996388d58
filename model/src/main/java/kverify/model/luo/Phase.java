package kverify.model.luo;

/**
 * Where one live update stands. A trace covers one live update: the outgoing kernel, the kexec
 * (a successful {@code reboot}), the next kernel's early setup, then its incoming side.
 */
public enum Phase {
    /** The kernel that creates sessions and preserves files. */
    OUTGOING,
    /** After a successful reboot: the next kernel has not run its early LUO setup yet. */
    BOOTING,
    /** The next kernel after a successful early setup. */
    INCOMING,
    /** The next kernel's early setup failed: luo_restore_fail() is panic(), nothing else runs. */
    PANICKED
}
