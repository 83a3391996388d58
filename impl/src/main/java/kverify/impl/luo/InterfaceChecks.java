package kverify.impl.luo;

import java.util.Optional;
import kverify.impl.luo.layout.SessionIoctlArg;
import kverify.model.Errno;

/**
 * What the ioctl paths check before they act, where the posted v1 code and the contract differ
 * (docs/luo.md, decisions 22 to 24).
 */
public enum InterfaceChecks {
    /**
     * As posted (luo_core.c luo_ioctl, luo_session.c luo_session_ioctl at 7d538a77): an ioctl
     * number outside the op table is EINVAL (before the argument is read); a session ioctl runs on
     * a session of either direction; a name is taken as strscpy cuts it, empty or not.
     */
    AS_POSTED {
        @Override
        boolean unknownCommandIsEnotty() {
            return false;
        }

        @Override
        Optional<Errno> direction(boolean preserve, Session s) {
            return Optional.empty();
        }

        @Override
        Optional<Errno> name(byte[] b, int at) {
            return Optional.empty();
        }
    },
    /**
     * v7 as applied (luo_session.c at torvalds/linux 637315cb): a session ioctl number outside the
     * op table is still EINVAL before the argument is read (as posted in v1), but
     * luo_ioctl_type_valid refuses a preserve on a retrieved session and a retrieve or finish on
     * an outgoing one (EINVAL), and luo_session_create refuses a name of 0 or more than 63 bytes.
     */
    V7_AS_APPLIED {
        @Override
        boolean unknownCommandIsEnotty() {
            return false;
        }

        @Override
        Optional<Errno> direction(boolean preserve, Session s) {
            return CONTRACT.direction(preserve, s);
        }

        @Override
        Optional<Errno> name(byte[] b, int at) {
            return CONTRACT.name(b, at);
        }
    },
    /**
     * The contract: a command the fd does not implement is ENOTTY, as the uapi header documents
     * ("The IOCTL number itself is not supported at all"), before anything is read; a preserve
     * only on a session this kernel created, a retrieve or finish only on a retrieved one (v7's
     * luo_ioctl_type_valid, torvalds/linux 637315cb luo_session.c); a name of 1 to 63 bytes before
     * a NUL (v7's luo_session_create).
     */
    CONTRACT {
        @Override
        boolean unknownCommandIsEnotty() {
            return true;
        }

        @Override
        Optional<Errno> direction(boolean preserve, Session s) {
            return preserve == s.retrieved() ? Optional.of(Errno.EINVAL) : Optional.empty();
        }

        @Override
        Optional<Errno> name(byte[] b, int at) {
            int len = 0;
            while (len < SessionIoctlArg.NAME_LENGTH && b[at + len] != 0) {
                len++;
            }
            return len == 0 || len > SessionIoctlArg.NAME_LENGTH - 1 ? Optional.of(Errno.EINVAL) : Optional.empty();
        }
    };

    /** True: a command not in the table is ENOTTY before the size is read; false: EINVAL by the table's range. */
    abstract boolean unknownCommandIsEnotty();

    /** For a session ioctl, after the command matched: is this session of the op's direction? */
    abstract Optional<Errno> direction(boolean preserve, Session s);

    /** luo_session_create's check of the name field b[at .. at + 64) before it allocates. */
    abstract Optional<Errno> name(byte[] b, int at);
}
