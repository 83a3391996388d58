package kverify.impl.luo.layout;

import java.nio.ByteBuffer;
import kverify.impl.memory.PhysicalMemory;

/**
 * Header of one file block, patch 2/5 ({@code include/linux/kho/abi/luo.h}; only this struct's
 * hunk was retrieved, the spec derives 127 entries per 2-page block):
 * <pre>
 * struct luo_file_header_ser {
 *         u64 next;     // PA of the next file block's header, 0 ends the chain
 *         u64 count;    // luo_file_ser entries that follow in this block
 * } __packed;
 *
 *  0               8               16
 *  +---------------+---------------+
 *  |     next      |     count     |  followed by count x luo_file_ser
 *  +---------------+---------------+
 * </pre>
 */
public final class FileHeaderSer {
    public static final String STRUCT = "luo_file_header_ser";
    public static final int NEXT_OFFSET = 0;
    public static final int COUNT_OFFSET = NEXT_OFFSET + Long.BYTES;
    public static final int SIZE = COUNT_OFFSET + Long.BYTES;

    private FileHeaderSer() {
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

    /** PA of entry i of the file block whose header is at headerPa. */
    public static long entryPa(long headerPa, long i) {
        return headerPa + SIZE + i * FileSer.SIZE;
    }
}
