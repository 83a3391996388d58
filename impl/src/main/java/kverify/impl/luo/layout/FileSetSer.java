package kverify.impl.luo.layout;

import java.nio.ByteBuffer;
import kverify.impl.memory.PhysicalMemory;

/**
 * The files of one session, embedded in luo_session_ser ({@code include/linux/kho/abi/luo.h}):
 * <pre>
 * struct luo_file_set_ser {
 *         u64 files;    // PA of the first file block (2/5: head of the chain), 0 if none
 *         u64 count;    // number of files in the session
 * } __packed;
 *
 *  0               8               16
 *  +---------------+---------------+
 *  |     files     |     count     |
 *  +---------------+---------------+
 * </pre>
 */
public final class FileSetSer {
    public static final String STRUCT = "luo_file_set_ser";
    public static final int FILES_OFFSET = 0;
    public static final int COUNT_OFFSET = FILES_OFFSET + Long.BYTES;
    public static final int SIZE = COUNT_OFFSET + Long.BYTES;

    private FileSetSer() {
    }

    public record Value(long files, long count) {
    }

    public static byte[] encode(long files, long count) {
        ByteBuffer b = Fields.littleEndian(SIZE);
        b.putLong(FILES_OFFSET, files).putLong(COUNT_OFFSET, count);
        return b.array();
    }

    public static Value read(PhysicalMemory m, long pa) {
        return new Value(Fields.readU64(m, pa, FILES_OFFSET, STRUCT, "files"),
                Fields.readU64(m, pa, COUNT_OFFSET, STRUCT, "count"));
    }

    /** One bulk write of both fields. */
    public static void write(PhysicalMemory m, long pa, long files, long count) {
        m.write(pa, encode(files, count), 0, SIZE);
    }

    public static void zero(PhysicalMemory m, long pa) {
        m.fill(pa, SIZE, (byte) 0);
    }
}
