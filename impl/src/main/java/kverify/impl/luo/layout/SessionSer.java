package kverify.impl.luo.layout;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import kverify.impl.memory.PhysicalMemory;

/**
 * One session entry of a session block ({@code include/linux/kho/abi/luo.h}, unchanged from the
 * base through every later version):
 * <pre>
 * struct luo_session_ser {
 *         char name[LIVEUPDATE_SESSION_NAME_LENGTH];   // 64, NUL terminated
 *         struct luo_file_set_ser file_set_ser;
 * } __packed;
 *
 *  0                               64              72              80
 *  +-------------------------------+---------------+---------------+
 *  |            name[64]           | file_set.files| file_set.count|
 *  +-------------------------------+---------------+---------------+
 * </pre>
 */
public final class SessionSer {
    public static final String STRUCT = "luo_session_ser";
    public static final int NAME_OFFSET = 0;
    public static final int NAME_LENGTH = 64;
    public static final int FILE_SET_OFFSET = NAME_OFFSET + NAME_LENGTH;
    public static final int SIZE = FILE_SET_OFFSET + FileSetSer.SIZE;

    private SessionSer() {
    }

    /** The whole entry, name NUL padded; for tests and golden vectors. */
    public static byte[] encode(String name, long files, long count) {
        ByteBuffer b = Fields.littleEndian(SIZE);
        Fields.putCString(b, name, NAME_LENGTH);
        b.put(FileSetSer.encode(files, count));
        return b.array();
    }

    /**
     * The name as the next kernel's luo_session_alloc sees it: strscpy into a 64-byte buffer,
     * so up to the first NUL and at most 63 bytes.
     */
    public static String readName(PhysicalMemory m, long entryPa) {
        byte[] raw = Fields.readBytes(m, entryPa, NAME_OFFSET, NAME_LENGTH, STRUCT, "name");
        return Fields.cString(raw, NAME_LENGTH - 1);
    }

    /**
     * How many bytes of the 64-byte name field b[at .. at + 64) strscpy(session->name, name, 64)
     * keeps: up to the NUL, at most 63; the name's bytes are b[at .. at + that).
     */
    public static int strscpyNameLength(byte[] b, int at) {
        int n = 0;
        while (n < NAME_LENGTH - 1 && b[at + n] != 0) {
            n++;
        }
        return n;
    }

    /** The index of the first NUL in the 64-byte name field b[at .. at + 64), or -1 if it has none (strncmp over 64 bytes then matches no name). */
    public static int nulIndex(byte[] b, int at) {
        for (int i = 0; i < NAME_LENGTH; i++) {
            if (b[at + i] == 0) {
                return i;
            }
        }
        return -1;
    }

    /**
     * {@link #readName} without a String: the 64-byte field at entryPa into dst[0 .. 64); returns
     * how many bytes of it the name is.
     */
    public static int readNameInto(PhysicalMemory m, long entryPa, byte[] dst) {
        Fields.readBytes(m, entryPa, NAME_OFFSET, dst, NAME_LENGTH, STRUCT, "name");
        return Fields.cStringLength(dst, NAME_LENGTH - 1);
    }

    /** {@link #writeName} of the name src[0 .. len): at most 63 bytes and one NUL, which src must have room for at len. */
    public static void writeName(PhysicalMemory m, long entryPa, byte[] src, int len) {
        int n = Math.min(len, NAME_LENGTH - 1);
        src[n] = 0;
        m.write(entryPa + NAME_OFFSET, src, 0, n + 1);
    }

    /** The raw 64-byte name field, NUL or not; for the corrected next kernel's name check. */
    public static byte[] readNameField(PhysicalMemory m, long entryPa) {
        return Fields.readBytes(m, entryPa, NAME_OFFSET, NAME_LENGTH, STRUCT, "name");
    }

    /** strscpy(ser->name, name, 64): the bytes and one NUL; the rest of the field is left as it was. */
    public static void writeName(PhysicalMemory m, long entryPa, String name) {
        byte[] bytes = name.getBytes(StandardCharsets.ISO_8859_1);
        int n = Math.min(bytes.length, NAME_LENGTH - 1);
        byte[] withNul = new byte[n + 1];
        System.arraycopy(bytes, 0, withNul, 0, n);
        m.write(entryPa + NAME_OFFSET, withNul, 0, withNul.length);
    }

    /** memset(ser->name, 0, sizeof(ser->name)). */
    public static void zeroName(PhysicalMemory m, long entryPa) {
        m.fill(entryPa + NAME_OFFSET, NAME_LENGTH, (byte) 0);
    }

    public static long fileSetPa(long entryPa) {
        return entryPa + FILE_SET_OFFSET;
    }
}
