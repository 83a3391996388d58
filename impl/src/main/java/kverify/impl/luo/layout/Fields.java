package kverify.impl.luo.layout;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import kverify.impl.memory.PhysicalMemory;
import kverify.impl.memory.PhysicalMemoryFault;

/**
 * Field access shared by the layout classes: little-endian u64 reads that name the struct and
 * field when the address is outside RAM, fixed-size C string fields, and a little-endian buffer
 * for encoding a whole struct in one write.
 */
final class Fields {
    private Fields() {
    }

    static long readU64(PhysicalMemory m, long structPa, int offset, String struct, String field) {
        long pa = structPa + offset;
        try {
            return m.readU64(pa);
        } catch (PhysicalMemoryFault e) {
            throw new LayoutException(pa, struct, field, "outside simulated RAM", "an address inside RAM");
        }
    }

    static byte[] readBytes(PhysicalMemory m, long structPa, int offset, int length, String struct, String field) {
        long pa = structPa + offset;
        try {
            return m.read(pa, length);
        } catch (PhysicalMemoryFault e) {
            throw new LayoutException(pa, struct, field, "outside simulated RAM", "an address inside RAM");
        }
    }

    static void readBytes(PhysicalMemory m, long structPa, int offset, byte[] dst, int length, String struct, String field) {
        long pa = structPa + offset;
        try {
            m.read(pa, dst, 0, length);
        } catch (PhysicalMemoryFault e) {
            throw new LayoutException(pa, struct, field, "outside simulated RAM", "an address inside RAM");
        }
    }

    static ByteBuffer littleEndian(int size) {
        return ByteBuffer.allocate(size).order(ByteOrder.LITTLE_ENDIAN);
    }

    /** The bytes of a C string up to its NUL (or the whole field if none), byte for char. */
    static String cString(byte[] field, int maxChars) {
        return new String(field, 0, cStringLength(field, maxChars), StandardCharsets.ISO_8859_1);
    }

    /** The length of {@link #cString}: bytes before the NUL, at most maxChars and the field's length. */
    static int cStringLength(byte[] field, int maxChars) {
        int n = 0;
        while (n < field.length && n < maxChars && field[n] != 0) {
            n++;
        }
        return n;
    }

    /** True if the field holds a NUL: the C string inside it is terminated. */
    static boolean terminated(byte[] field) {
        for (byte b : field) {
            if (b == 0) {
                return true;
            }
        }
        return false;
    }

    /** The string's bytes into a fixed field, NUL padded; the caller guarantees it fits with its NUL. */
    static void putCString(ByteBuffer buf, String s, int fieldLength) {
        byte[] bytes = s.getBytes(StandardCharsets.ISO_8859_1);
        if (bytes.length >= fieldLength) {
            throw new IllegalArgumentException("'" + s + "' does not fit a " + fieldLength + "-byte C string field");
        }
        buf.put(bytes);
        for (int i = bytes.length; i < fieldLength; i++) {
            buf.put((byte) 0);
        }
    }
}
