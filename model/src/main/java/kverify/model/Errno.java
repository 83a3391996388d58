package kverify.model;

/**
 * Linux error numbers (x86_64 values, include/uapi/asm-generic/errno-base.h and errno.h) used by the
 * two patch series. Outcomes carry these by name so traces read like kernel logs.
 */
public enum Errno {
    EPERM(1),
    ENOENT(2),
    EIO(5),
    E2BIG(7),
    ENOEXEC(8),
    EBADF(9),
    EAGAIN(11),
    ENOMEM(12),
    EFAULT(14),
    EBUSY(16),
    EEXIST(17),
    EINVAL(22),
    ENOTTY(25),
    ENOSPC(28),
    ERANGE(34),
    EDEADLK(35),
    EOVERFLOW(75),
    EOPNOTSUPP(95),
    EADDRNOTAVAIL(99),
    /** Kernel-internal; the VFS reports it to user space as ENOTTY. */
    ENOIOCTLCMD(515);

    private final int number;

    Errno(int number) {
        this.number = number;
    }

    public int number() {
        return number;
    }

    /** The value a system call returns for this error: the negated number. */
    public int negated() {
        return -number;
    }

    /** Looks an error up by its positive number; throws for numbers this suite does not model. */
    public static Errno ofNumber(int number) {
        for (Errno e : values()) {
            if (e.number == number) {
                return e;
            }
        }
        throw new IllegalArgumentException("errno number not modelled: " + number);
    }

    @Override
    public String toString() {
        return name() + "(" + number + ")";
    }
}
