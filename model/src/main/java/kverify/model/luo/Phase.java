package kverify.model.luo;

/**
 * Where a live update stands: the outgoing kernel, the kexec (a successful {@code reboot}), the
 * next kernel's early setup, then its incoming side. A next kernel may reboot in turn (docs/luo.md
 * decision 37): BOOTING and INCOMING then stand for the kernel after it, and so on.
 */
public enum Phase {
    /** The kernel that creates sessions and preserves files. */
    OUTGOING,
    /** After a successful reboot: the next kernel has not run its early LUO setup yet. */
    BOOTING,
    /** A next kernel after a successful early setup (it may reboot into the one after it). */
    INCOMING,
    /** The next kernel's early setup failed: luo_restore_fail() is panic(), nothing else runs. */
    PANICKED
}
