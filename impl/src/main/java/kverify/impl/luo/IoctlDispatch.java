package kverify.impl.luo;

import java.util.Optional;
import kverify.model.Errno;
import kverify.model.luo.UserArg;

/**
 * The part luo_ioctl (luo_core.c) and luo_session_ioctl (luo_session.c at 7d538a77) share: the
 * op table indexed by _IOC_NR(cmd) - base, then get_user of the size (EFAULT), the exact number
 * (-ENOIOCTLCMD, which vfs_ioctl returns to user space as ENOTTY), size below min_size (EINVAL),
 * copy_struct_from_user into the kernel buffer (E2BIG, EFAULT). An _IOC_NR outside the table is
 * EINVAL as posted; the variant's {@link InterfaceChecks} may make every unknown number ENOTTY
 * before anything is read, and check a session's direction after the number matched (v7's place).
 */
final class IoctlDispatch {
    /** One entry of a luo_ioctl_op table: the ioctl number, the kernel struct's size and min_size. */
    record Op(long number, int size, int minSize) {
    }

    /**
     * struct luo_ucmd (luo_internal.h), on the kernel stack of the call: what the op is handed,
     * the user's size field and the kernel copy of the struct, and which op of the table decoded
     * it. A device ioctl reuses its thread's one ({@link #onStack}), as it reuses luo_ioctl's
     * buffer; a session ioctl makes one per call, each struct in a new buffer of its op's size.
     */
    static final class Ucmd {
        /** The buffer every call copies into, or null: a new one of the op's size per call. */
        private final byte[] stack;
        private int index;
        private long userSize;
        private byte[] copy;

        private Ucmd(byte[] stack) {
            this.stack = stack;
        }

        /** A ucmd whose struct is copied into {@code buffer} (each op's struct must be of its size). */
        static Ucmd onStack(byte[] buffer) {
            return new Ucmd(buffer);
        }

        /** A ucmd whose struct is copied into a new buffer of the op's size. */
        static Ucmd allocating() {
            return new Ucmd(null);
        }

        int index() {
            return index;
        }

        long userSize() {
            return userSize;
        }

        byte[] copy() {
            return copy;
        }

        private byte[] buffer(int ksize) {
            if (stack == null) {
                return new byte[ksize];
            }
            if (stack.length != ksize) {
                throw new IllegalStateException("an op's struct of " + ksize + " bytes in the " + stack.length + "-byte ioctl buffer");
            }
            return stack;
        }
    }

    private IoctlDispatch() {
    }

    /**
     * Decodes the call into {@code into} (its op's index, the user's size and the kernel copy of
     * the struct), or returns the error of the first check that fails (then {@code into} holds no call).
     */
    static Optional<Errno> decode(long cmd, UserArg arg, int base, Op[] table, InterfaceChecks checks, Optional<Session> session,
            int preserveIndex, Ucmd into) {
        int index = (int) (cmd & 0xFF) - base;
        boolean inTable = index >= 0 && index < table.length;
        if (checks.unknownCommandIsEnotty() && !(inTable && table[index].number() == cmd)) {
            return Optional.of(Errno.ENOTTY);
        }
        if (!inTable) {
            return Optional.of(Errno.EINVAL);
        }
        long size = UserCopy.userSize(arg);
        if (size < 0) {
            return Optional.of(Errno.EFAULT);
        }
        Op op = table[index];
        if (op.number() != cmd) {
            return Optional.of(Errno.ENOTTY);
        }
        if (session.isPresent()) {
            Optional<Errno> wrong = checks.direction(index == preserveIndex, session.get());
            if (wrong.isPresent()) {
                return wrong;
            }
        }
        if (size < op.minSize()) {
            return Optional.of(Errno.EINVAL);
        }
        byte[] copy = into.buffer(op.size());
        Optional<Errno> copied = UserCopy.copyStructFromUser(copy, arg, size);
        if (copied.isPresent()) {
            return copied;
        }
        into.index = index;
        into.userSize = size;
        into.copy = copy;
        return Optional.empty();
    }
}
