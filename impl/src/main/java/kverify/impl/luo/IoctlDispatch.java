package kverify.impl.luo;

import java.util.Optional;
import java.util.function.IntFunction;
import kverify.model.Errno;
import kverify.model.Outcome;
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

    /** A decoded call: the table index, the user's size field and the kernel copy of the struct. */
    record Call(int index, long userSize, byte[] copy) {
    }

    private IoctlDispatch() {
    }

    /**
     * The call, its struct copied into {@code buffer.apply(op.size())} (a new array, or the caller's
     * reused buffer of that size), or the error of the first check that fails.
     */
    static Outcome<Call> decode(long cmd, UserArg arg, int base, Op[] table, InterfaceChecks checks, Optional<Session> session,
            int preserveIndex, IntFunction<byte[]> buffer) {
        int index = (int) (cmd & 0xFF) - base;
        boolean inTable = index >= 0 && index < table.length;
        if (checks.unknownCommandIsEnotty() && !(inTable && table[index].number() == cmd)) {
            return Outcome.err(Errno.ENOTTY);
        }
        if (!inTable) {
            return Outcome.err(Errno.EINVAL);
        }
        Outcome<Long> size = UserCopy.userSize(arg);
        if (!size.isOk()) {
            return Results.propagate(size);
        }
        Op op = table[index];
        if (op.number() != cmd) {
            return Outcome.err(Errno.ENOTTY);
        }
        if (session.isPresent()) {
            Optional<Errno> wrong = checks.direction(index == preserveIndex, session.get());
            if (wrong.isPresent()) {
                return Outcome.err(wrong.get());
            }
        }
        if (size.value() < op.minSize()) {
            return Outcome.err(Errno.EINVAL);
        }
        Outcome<byte[]> copy = UserCopy.copyStructFromUser(buffer.apply(op.size()), arg, size.value());
        if (!copy.isOk()) {
            return Results.propagate(copy);
        }
        return Outcome.ok(new Call(index, size.value(), copy.value()));
    }
}
