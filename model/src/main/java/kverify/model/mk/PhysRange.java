package kverify.model.mk;

/** A half-open range [start, end) of physical addresses (non-negative, start <= end). */
public record PhysRange(long start, long end) {
    public PhysRange {
        if (start < 0 || end < start) {
            throw new IllegalArgumentException(String.format("bad range start=0x%x end=0x%x", start, end));
        }
    }

    public long size() {
        return end - start;
    }

    public boolean isEmpty() {
        return start == end;
    }

    public boolean isPageAligned() {
        return (start & ~MkConst.PAGE_MASK) == 0 && (end & ~MkConst.PAGE_MASK) == 0;
    }

    /** True if [address, address+length) lies inside, with address and length unsigned. */
    public boolean containsUnsigned(long address, long length) {
        if (address < 0 || length < 0) {
            return false;
        }
        return address >= start && address <= end && length <= end - address;
    }

    public boolean contains(long address) {
        return address >= start && address < end;
    }

    public boolean overlaps(PhysRange o) {
        return start < o.end && o.start < end;
    }

    /** The trace form, {@code 0x1000-0x3000} (concatenated, not formatted: every trace prints its machine's ranges). */
    @Override
    public String toString() {
        return "0x" + Long.toHexString(start) + "-0x" + Long.toHexString(end);
    }

    /** Parses the trace form; throws IllegalArgumentException with the offending text. */
    public static PhysRange parse(String text) {
        int dash = text.indexOf('-');
        if (dash < 0) {
            throw new IllegalArgumentException("range '" + text + "' is not START-END");
        }
        return new PhysRange(Hex.parseLong(text.substring(0, dash)), Hex.parseLong(text.substring(dash + 1)));
    }
}
