package kverify.impl.luo;

import java.util.Arrays;
import java.util.Optional;
import kverify.model.Errno;
import kverify.model.luo.UserArg;

/**
 * The uaccess helpers the ioctl paths use, on an argument given as the user memory it points at:
 * {@code get_user} of the leading u32, {@code copy_struct_from_user} (include/linux/uaccess.h:
 * a shorter user struct is zero-extended; for a longer one the bytes past the kernel's struct are
 * checked first, EFAULT if they cannot be read and E2BIG if one is not zero; then the common part
 * is copied, EFAULT on a fault) and the reply's {@code copy_to_user} of
 * min(user size, kernel size) bytes (luo_ucmd_respond in luo_internal.h).
 */
final class UserCopy {
    private UserCopy() {
    }

    /** get_user(size, (u32 __user *)arg): the size, or -1 for EFAULT (it cannot be read). */
    static long userSize(UserArg arg) {
        return arg.readable(0, 4) ? arg.le(0, 4) : -1;
    }

    /**
     * copy_struct_from_user(dst, ksize, arg, usize) into dst, whose length is the kernel struct's
     * size (the ioctl's buffer, e.g. on the kernel stack): empty, or EFAULT/E2BIG.
     */
    static Optional<Errno> copyStructFromUser(byte[] dst, UserArg arg, long usize) {
        int ksize = dst.length;
        long size = Math.min(ksize, usize);
        if (usize > ksize) {
            if (!arg.readable(ksize, usize - ksize)) {
                return Optional.of(Errno.EFAULT);
            }
            for (long i = ksize; i < usize; i++) {
                if (arg.byteAt(i) != 0) {
                    return Optional.of(Errno.E2BIG);
                }
            }
        }
        if (!arg.readable(0, size)) {
            return Optional.of(Errno.EFAULT);
        }
        arg.copyTo(0, dst, 0, (int) size);
        Arrays.fill(dst, (int) size, ksize, (byte) 0);
        return Optional.empty();
    }

    /** luo_ucmd_respond: copy_to_user of min(user size, kernel size) bytes; EFAULT if they cannot be written. */
    static Optional<Errno> respond(UserArg arg, long usize, int ksize) {
        long n = Math.min(usize, ksize);
        return arg.writable() && arg.readable(0, n) ? Optional.empty() : Optional.of(Errno.EFAULT);
    }
}
