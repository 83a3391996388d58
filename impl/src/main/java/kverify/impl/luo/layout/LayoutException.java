package kverify.impl.luo.layout;

/**
 * A located decoding failure: the physical address, the struct and field being read, what was
 * there and what was expected. Decoders throw it; the callers turn it into a typed outcome
 * (an errno on a kernel path, {@code Handover.Undecodable} in the state view).
 */
public final class LayoutException extends RuntimeException {
    private final long address;
    private final String struct;
    private final String field;
    private final String actual;
    private final String expected;

    public LayoutException(long address, String struct, String field, String actual, String expected) {
        this.address = address;
        this.struct = struct;
        this.field = field;
        this.actual = actual;
        this.expected = expected;
    }

    /** Written when read: a corrupted image throws many of these, and most become an errno whose message nobody reads. */
    @Override
    public String getMessage() {
        return String.format("PA 0x%x: %s.%s = %s, expected %s", address, struct, field, actual, expected);
    }

    public long address() {
        return address;
    }

    public String struct() {
        return struct;
    }

    public String field() {
        return field;
    }
}
