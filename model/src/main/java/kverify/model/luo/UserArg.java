package kverify.model.luo;

import java.util.Arrays;

/**
 * The user memory an ioctl's argument pointer points at, as data: the bytes mapped there (a read
 * of any byte at or past {@code bytes.length} faults, as at the end of a mapping) and whether
 * they may be written (a read-only mapping makes the reply's copy_to_user fault). An argument
 * with no bytes is an unmapped pointer: even the leading u32 size cannot be read.
 */
public record UserArg(byte[] bytes, boolean writable) {
    public UserArg {
        bytes = bytes.clone();
    }

    @Override
    public byte[] bytes() {
        return bytes.clone();
    }

    /** bytes[from .. from + n) into dst[at ..), without a copy of the whole argument (caller checked {@link #readable}). */
    public void copyTo(int from, byte[] dst, int at, int n) {
        System.arraycopy(bytes, from, dst, at, n);
    }

    public int length() {
        return bytes.length;
    }

    /** True if bytes [offset, offset + n) can be read. */
    public boolean readable(long offset, long n) {
        return offset >= 0 && n >= 0 && offset + n <= bytes.length;
    }

    /** Byte at offset (caller checked {@link #readable}). */
    public int byteAt(long offset) {
        return bytes[(int) offset] & 0xFF;
    }

    /** Little-endian unsigned value of n bytes at offset (caller checked {@link #readable}). */
    public long le(long offset, int n) {
        long v = 0;
        for (int i = n - 1; i >= 0; i--) {
            v = (v << 8) | byteAt(offset + i);
        }
        return v;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof UserArg u && writable == u.writable && Arrays.equals(bytes, u.bytes);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(bytes) * 2 + (writable ? 1 : 0);
    }

    @Override
    public String toString() {
        return bytes.length + " bytes" + (writable ? "" : " read-only");
    }
}
