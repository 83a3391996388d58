package kverify.impl.luo.layout;

import java.nio.ByteBuffer;
import kverify.impl.memory.PhysicalMemory;

/**
 * One preserved file ({@code include/linux/kho/abi/luo.h}):
 * <pre>
 * struct luo_file_ser {
 *         char compatible[LIVEUPDATE_HNDL_COMPAT_LENGTH];  // 48, handler id, NUL terminated
 *         u64 data;                                        // the handler's own word
 *         u64 token;                                       // user space's token
 * } __packed;
 *
 *  0                         48            56            64
 *  +-------------------------+-------------+-------------+
 *  |     compatible[48]      |    data     |    token    |
 *  +-------------------------+-------------+-------------+
 * </pre>
 */
public final class FileSer {
    public static final String STRUCT = "luo_file_ser";
    public static final int COMPATIBLE_OFFSET = 0;
    public static final int COMPATIBLE_LENGTH = 48;
    public static final int DATA_OFFSET = COMPATIBLE_OFFSET + COMPATIBLE_LENGTH;
    public static final int TOKEN_OFFSET = DATA_OFFSET + Long.BYTES;
    public static final int SIZE = TOKEN_OFFSET + Long.BYTES;

    private FileSer() {
    }

    /** compatible is null when the field holds no NUL: no handler can match it. */
    public record Value(String compatible, long data, long token) {
    }

    public static byte[] encode(String compatible, long data, long token) {
        ByteBuffer b = Fields.littleEndian(SIZE);
        Fields.putCString(b, compatible, COMPATIBLE_LENGTH);
        b.putLong(DATA_OFFSET, data).putLong(TOKEN_OFFSET, token);
        return b.array();
    }

    /** One bulk write of the whole entry. */
    public static void write(PhysicalMemory m, long pa, String compatible, long data, long token) {
        m.write(pa, encode(compatible, data, token), 0, SIZE);
    }

    /** One bulk read of the whole entry. */
    public static Value read(PhysicalMemory m, long pa) {
        ByteBuffer b = Fields.littleEndian(SIZE);
        b.put(Fields.readBytes(m, pa, 0, SIZE, STRUCT, "compatible..token"));
        byte[] compat = new byte[COMPATIBLE_LENGTH];
        b.get(COMPATIBLE_OFFSET, compat);
        String c = Fields.terminated(compat) ? Fields.cString(compat, COMPATIBLE_LENGTH) : null;
        return new Value(c, b.getLong(DATA_OFFSET), b.getLong(TOKEN_OFFSET));
    }
}
