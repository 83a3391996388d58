package kverify.impl.luo.layout;

import java.nio.ByteBuffer;
import kverify.impl.memory.PhysicalMemory;

/**
 * Header of one session block, v3 ABI of patch 1/5 ({@code include/linux/kho/abi/luo.h}):
 * <pre>
 * struct luo_session_header_ser {
 *         u64 next;     // PA of the next block's header, 0 ends the chain
 *         u64 count;    // luo_session_ser entries that follow in this block
 * } __packed;
 *
 *  0               8               16
 *  +---------------+---------------+
 *  |     next      |     count     |  followed by count x luo_session_ser
 *  +---------------+---------------+
 * </pre>
 */
public final class SessionHeaderSer {
    public static final String STRUCT = "luo_session_header_ser";
    public static final int NEXT_OFFSET = 0;
    public static final int COUNT_OFFSET = NEXT_OFFSET + Long.BYTES;
    public static final int SIZE = COUNT_OFFSET + Long.BYTES;

    private SessionHeaderSer() {
    }

    public static byte[] encode(long next, long count) {
        ByteBuffer b = Fields.littleEndian(SIZE);
        b.putLong(NEXT_OFFSET, next).putLong(COUNT_OFFSET, count);
        return b.array();
    }

    public static long next(PhysicalMemory m, long headerPa) {
        return Fields.readU64(m, headerPa, NEXT_OFFSET, STRUCT, "next");
    }

    public static long count(PhysicalMemory m, long headerPa) {
        return Fields.readU64(m, headerPa, COUNT_OFFSET, STRUCT, "count");
    }

    public static void writeNext(PhysicalMemory m, long headerPa, long next) {
        m.writeU64(headerPa + NEXT_OFFSET, next);
    }

    public static void writeCount(PhysicalMemory m, long headerPa, long count) {
        m.writeU64(headerPa + COUNT_OFFSET, count);
    }

    /** PA of entry i of the block whose header is at headerPa. */
    public static long entryPa(long headerPa, long i) {
        return headerPa + SIZE + i * SessionSer.SIZE;
    }
}
