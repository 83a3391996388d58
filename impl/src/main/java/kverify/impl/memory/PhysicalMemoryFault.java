package kverify.impl.memory;

/**
 * An access to simulated physical memory outside RAM. Decoders catch it and turn it into a typed
 * outcome naming the struct and field they were reading; it never escapes as a bare index error.
 */
public final class PhysicalMemoryFault extends RuntimeException {
    private final long address;
    private final long length;
    private final boolean write;

    public PhysicalMemoryFault(long address, long length, boolean write) {
        this.address = address;
        this.length = length;
        this.write = write;
    }

    /** Written when read: decoders catch most faults and name the struct instead, never reading this. */
    @Override
    public String getMessage() {
        return String.format("%s of %d bytes at PA 0x%x is outside simulated RAM", write ? "write" : "read", length, address);
    }

    public long address() {
        return address;
    }

    public long length() {
        return length;
    }

    public boolean isWrite() {
        return write;
    }
}
