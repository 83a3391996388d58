package kverify.model.mk;

/**
 * A user-space source buffer of a kexec segment. Its bytes are a deterministic pattern (so a
 * trace names a buffer by one number instead of kilobytes of hex); reading faults from byte
 * {@code faultAt} on, as if the buffer ran into an unmapped page part way.
 *
 * @param pattern which byte pattern the buffer holds, see {@link #byteAt}
 * @param faultAt offset of the first unreadable byte, or {@link #NO_FAULT}
 */
public record UserBuffer(int pattern, long faultAt) {
    public static final long NO_FAULT = -1;
    /** The pattern's constants: byte i is mixed from (i + 1) * K1 + pattern * K2. */
    public static final long K1 = 0x9E3779B97F4A7C15L;
    public static final long K2 = 0xBF58476D1CE4E5B9L;

    public UserBuffer {
        if (pattern < 0 || faultAt < NO_FAULT) {
            throw new IllegalArgumentException("pattern >= 0 and fault offset >= 0 (or none), got pat="
                    + pattern + " fault=" + faultAt);
        }
    }

    /** Byte {@code offset} of the buffer; never zero everywhere, so copies and zero fill differ. */
    public static int byteAt(int pattern, long offset) {
        long x = (offset + 1) * K1 + pattern * K2;
        return (int) ((x ^ (x >>> 29)) >>> 56) & 0xFF;
    }

    public int byteAt(long offset) {
        return byteAt(pattern, offset);
    }

    /** True if reading [offset, offset+length) from the buffer touches an unreadable byte. */
    public boolean faultsWithin(long offset, long length) {
        // Every byte from faultAt on is unreadable, so the range faults iff it reaches faultAt.
        return faultAt != NO_FAULT && length > 0 && faultAt < offset + length;
    }

    /** How many bytes from {@code offset} on can be read before the fault (Long.MAX_VALUE if none). */
    public long readableFrom(long offset) {
        return faultAt == NO_FAULT ? Long.MAX_VALUE : Math.max(0, faultAt - offset);
    }

    @Override
    public String toString() {
        return "pat:" + pattern + (faultAt == NO_FAULT ? "" : ",fault=" + Hex.hex(faultAt));
    }
}
