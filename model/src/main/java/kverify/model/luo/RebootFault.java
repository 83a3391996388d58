package kverify.model.luo;

import java.util.Objects;
import kverify.model.Errno;

/**
 * A fault injected into one reboot, as data: which file handler's freeze fails, and with what.
 * Indices are positions at the moment of the reboot: the session's place in the outgoing list
 * and the file's place in that session. A fault naming a file that does not exist never fires
 * (the kernel calls no handler for it), and the reboot then succeeds.
 */
public sealed interface RebootFault permits RebootFault.None, RebootFault.FreezeFails {

    None NONE = new None();

    /** Every freeze succeeds. */
    record None() implements RebootFault {
    }

    /** The freeze of file {@code file} of session {@code session} returns {@code errno}. */
    record FreezeFails(int session, int file, Errno errno) implements RebootFault {
        public FreezeFails {
            Objects.requireNonNull(errno, "errno");
            if (session < 0 || file < 0) {
                throw new IllegalArgumentException("fault indices must be >= 0: session=" + session + " file=" + file);
            }
        }
    }

    /** True if this fault fires for the given file. */
    default boolean firesAt(int sessionIndex, int fileIndex) {
        return this instanceof FreezeFails f && f.session() == sessionIndex && f.file() == fileIndex;
    }
}
