package kverify.impl.luo.layout;

import java.nio.ByteBuffer;
import java.util.Arrays;

/**
 * The argument of LIVEUPDATE_IOCTL_CREATE_SESSION and LIVEUPDATE_IOCTL_RETRIEVE_SESSION
 * ({@code include/uapi/linux/liveupdate.h}; the two structs are the same):
 * <pre>
 * struct liveupdate_ioctl_create_session {
 *         __u32 size;                                   // in: sizeof as user space knows it
 *         __s32 fd;                                     // out: the session fd
 *         __u8  name[LIVEUPDATE_SESSION_NAME_LENGTH];   // in: 64 bytes
 * };
 *
 *  0       4       8                                  72
 *  +-------+-------+----------------------------------+
 *  | size  |  fd   |             name[64]             |
 *  +-------+-------+----------------------------------+
 * </pre>
 * min_size is offsetofend(name): the whole struct (luo_core.c's IOCTL_OP table).
 */
public final class SessionIoctlArg {
    public static final int SIZE_OFFSET = 0;
    public static final int FD_OFFSET = SIZE_OFFSET + Integer.BYTES;
    public static final int NAME_OFFSET = FD_OFFSET + Integer.BYTES;
    public static final int NAME_LENGTH = 64;
    public static final int SIZE = NAME_OFFSET + NAME_LENGTH;
    public static final int MIN_SIZE = SIZE;

    private SessionIoctlArg() {
    }

    /** The name field of a kernel copy of the struct. */
    public static byte[] name(byte[] kernelCopy) {
        return Arrays.copyOfRange(kernelCopy, NAME_OFFSET, NAME_OFFSET + NAME_LENGTH);
    }

    /** Sets the fd field of the kernel copy (argp->fd = get_unused_fd_flags(...)). */
    public static void setFd(byte[] kernelCopy, int fd) {
        ByteBuffer.wrap(kernelCopy).order(java.nio.ByteOrder.LITTLE_ENDIAN).putInt(FD_OFFSET, fd);
    }
}
