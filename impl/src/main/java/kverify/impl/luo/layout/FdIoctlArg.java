package kverify.impl.luo.layout;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/**
 * The argument of LIVEUPDATE_SESSION_PRESERVE_FD and LIVEUPDATE_SESSION_RETRIEVE_FD
 * ({@code include/uapi/linux/liveupdate.h}; the two structs are the same):
 * <pre>
 * struct liveupdate_session_preserve_fd {
 *         __u32         size;    // in
 *         __s32         fd;      // in: the file to preserve (preserve); out: the new fd (retrieve)
 *         __aligned_u64 token;   // in
 * };
 *
 *  0       4       8               16
 *  +-------+-------+---------------+
 *  | size  |  fd   |     token     |
 *  +-------+-------+---------------+
 * </pre>
 * min_size is offsetofend(token): the whole struct (luo_session.c's IOCTL_OP table).
 */
public final class FdIoctlArg {
    public static final int SIZE_OFFSET = 0;
    public static final int FD_OFFSET = SIZE_OFFSET + Integer.BYTES;
    public static final int TOKEN_OFFSET = FD_OFFSET + Integer.BYTES;
    public static final int SIZE = TOKEN_OFFSET + Long.BYTES;
    public static final int MIN_SIZE = SIZE;

    private FdIoctlArg() {
    }

    public static int fd(byte[] kernelCopy) {
        return buf(kernelCopy).getInt(FD_OFFSET);
    }

    public static long token(byte[] kernelCopy) {
        return buf(kernelCopy).getLong(TOKEN_OFFSET);
    }

    public static void setFd(byte[] kernelCopy, int fd) {
        buf(kernelCopy).putInt(FD_OFFSET, fd);
    }

    private static ByteBuffer buf(byte[] b) {
        return ByteBuffer.wrap(b).order(ByteOrder.LITTLE_ENDIAN);
    }
}
