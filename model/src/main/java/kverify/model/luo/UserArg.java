package kverify.model.luo;

import java.util.Arrays;

/**
 * The user memory an ioctl's argument pointer points at, as data: the bytes mapped there (a read
 * of any byte at or past {@code bytes.length} faults, as at the end of a mapping) and whether
 * they may be written (a read-only mapping makes the reply's copy_to_user fault). An argument
 * with no bytes is an unmapped pointer: even the leading u32 size cannot be read.
 *
 * <p>A value with the components {@code bytes} and {@code writable}: the constructor copies the
 * bytes, as a record's defensive copy would. {@link #over} is the one way to a view without a
 * copy, for a program that rewrites one struct between its calls (the round-trip benchmark's
 * 16 million calls).
 */
public final class UserArg {
    private final byte[] bytes;
    private final boolean writable;

    public UserArg(byte[] bytes, boolean writable) {
        this(writable, bytes.clone());
    }

    private UserArg(boolean writable, byte[] memory) {
        this.bytes = memory;
        this.writable = writable;
    }

    /**
     * The user memory itself, not a copy: a call reads it while it runs, and the caller changes
     * it only between calls (as a C program rewrites the struct it passes). Not for an argument
     * kept as data (a trace's, a generated case's): its bytes would change under it.
     */
    public static UserArg over(byte[] memory, boolean writable) {
        return new UserArg(writable, memory);
    }

    public byte[] bytes() {
        return bytes.clone();
    }

    public boolean writable() {
        return writable;
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
