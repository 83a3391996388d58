package kverify.impl.luo;

import kverify.model.Errno;
import kverify.model.Outcome;

/**
 * The kernel's ERR_PTR convention for the two session calls that run once per session (create
 * and retrieve, 8,190,000 times each at the limit): the result is an int, the session's id in its
 * table when it is 0 or more, else the negated errno, or {@link #HUNG} for a call that would block
 * for ever. So a call makes no handle and no outcome object until the ioctl builds its reply.
 */
final class IdResult {
    /** The call blocks for ever (the serialize rwsem is write-held): {@link Outcome#hung()}. */
    static final int HUNG = Integer.MIN_VALUE;

    private IdResult() {
    }

    static int err(Errno errno) {
        return errno.negated();
    }

    /** The failure of an outcome that is not ok (an error or a hang) as a result. */
    static int failure(Outcome<?> failed) {
        return failed instanceof Outcome.Hung<?> ? HUNG : err(Results.errno(failed));
    }

    static boolean isOk(int result) {
        return result >= 0;
    }

    /** A result that is not ok as the outcome of the call. */
    static <T> Outcome<T> outcome(int failed) {
        if (isOk(failed)) {
            throw new IllegalArgumentException("not a failure: id " + failed);
        }
        return failed == HUNG ? Outcome.hung() : Outcome.err(Errno.ofNumber(-failed));
    }
}
