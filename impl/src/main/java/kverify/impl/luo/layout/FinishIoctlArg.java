package kverify.impl.luo.layout;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/**
 * The argument of LIVEUPDATE_SESSION_FINISH ({@code include/uapi/linux/liveupdate.h}):
 * <pre>
 * struct liveupdate_session_finish {
 *         __u32 size;       // in
 *         __u32 reserved;   // v1 (and v7) never look at it
 * };
 *
 *  0       4       8
 *  +-------+-------+
 *  | size  | rsvd  |
 *  +-------+-------+
 * </pre>
 * min_size is offsetofend(reserved): the whole struct.
 */
public final class FinishIoctlArg {
    public static final int SIZE_OFFSET = 0;
    public static final int RESERVED_OFFSET = SIZE_OFFSET + Integer.BYTES;
    public static final int SIZE = RESERVED_OFFSET + Integer.BYTES;
    public static final int MIN_SIZE = SIZE;

    private FinishIoctlArg() {
    }

    public static long reserved(byte[] kernelCopy) {
        return Integer.toUnsignedLong(ByteBuffer.wrap(kernelCopy).order(ByteOrder.LITTLE_ENDIAN).getInt(RESERVED_OFFSET));
    }
}
