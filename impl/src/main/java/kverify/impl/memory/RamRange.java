package kverify.impl.memory;

/** A half-open range [start, end) of physical addresses; page aligned when used as RAM. */
public record RamRange(long start, long end) {
    public RamRange {
        if (start < 0 || end < start) {
            throw new IllegalArgumentException(String.format("bad range start=0x%x end=0x%x", start, end));
        }
    }

    public long size() {
        return end - start;
    }

    /** True if [address, address+length) lies inside this range; overflow-safe. */
    public boolean contains(long address, long length) {
        return address >= start && length >= 0 && address <= end && length <= end - address;
    }

    @Override
    public String toString() {
        return String.format("[0x%x, 0x%x)", start, end);
    }
}
