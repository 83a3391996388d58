package kverify.model.luo;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/**
 * The user-space interface of /dev/liveupdate and of a session fd, as user space encodes it
 * (include/uapi/linux/liveupdate.h; the layouts and numbers are spec 2.4, read from torvalds/linux
 * 16cec0d2 and the uapi copy quoted in docs/luo.md): every ioctl is {@code _IO(0xBA, nr)} and
 * takes a struct whose first u32 is its size. The kernel side decodes these bytes itself (the
 * model plainly, the implementation through its layout classes).
 * <pre>
 * struct liveupdate_ioctl_create_session / _retrieve_session   (72 bytes)
 *   u32 size @0   s32 fd @4 (out)   u8 name[64] @8
 * struct liveupdate_session_preserve_fd / _retrieve_fd         (16 bytes)
 *   u32 size @0   s32 fd @4 (in for preserve, out for retrieve)   u64 token @8
 * struct liveupdate_session_finish                             (8 bytes)
 *   u32 size @0   u32 reserved @4
 * </pre>
 */
public final class Uapi {
    public static final int TYPE = 0xBA;
    public static final long CREATE_SESSION = 0xBA00;
    public static final long RETRIEVE_SESSION = 0xBA01;
    public static final long PRESERVE_FD = 0xBA40;
    public static final long RETRIEVE_FD = 0xBA41;
    public static final long FINISH = 0xBA42;
    /** LIVEUPDATE_SESSION_GET_NAME of the applied v7 series; v1 has no such ioctl. */
    public static final long GET_NAME_V7 = 0xBA43;

    public static final int NAME_LENGTH = 64;
    public static final int SESSION_ARG_SIZE = 8 + NAME_LENGTH;
    public static final int FD_ARG_SIZE = 16;
    public static final int FINISH_ARG_SIZE = 8;

    private Uapi() {
    }

    /** The name field's bytes (up to 64; the caller puts any more after the struct). */
    public static byte[] sessionArg(long size, byte[] name) {
        ByteBuffer b = le(SESSION_ARG_SIZE);
        b.putInt(0, (int) size);
        b.position(8);
        b.put(name, 0, Math.min(name.length, NAME_LENGTH));
        return b.array();
    }

    public static byte[] fdArg(long size, int fd, long token) {
        return le(FD_ARG_SIZE).putInt(0, (int) size).putInt(4, fd).putLong(8, token).array();
    }

    public static byte[] finishArg(long size, long reserved) {
        return le(FINISH_ARG_SIZE).putInt(0, (int) size).putInt(4, (int) reserved).array();
    }

    private static ByteBuffer le(int n) {
        return ByteBuffer.allocate(n).order(ByteOrder.LITTLE_ENDIAN);
    }

    /** The command's name for messages, or its number in hex. */
    public static String commandName(long cmd) {
        if (cmd == CREATE_SESSION) {
            return "LIVEUPDATE_IOCTL_CREATE_SESSION";
        } else if (cmd == RETRIEVE_SESSION) {
            return "LIVEUPDATE_IOCTL_RETRIEVE_SESSION";
        } else if (cmd == PRESERVE_FD) {
            return "LIVEUPDATE_SESSION_PRESERVE_FD";
        } else if (cmd == RETRIEVE_FD) {
            return "LIVEUPDATE_SESSION_RETRIEVE_FD";
        } else if (cmd == FINISH) {
            return "LIVEUPDATE_SESSION_FINISH";
        }
        return String.format("0x%x", cmd);
    }
}
