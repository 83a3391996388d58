package kverify.model.luo;

import java.util.Arrays;
import java.util.Objects;
import java.util.OptionalInt;
import java.util.OptionalLong;

/**
 * How user space lays out an ioctl argument around the struct it means to pass: the size field
 * it writes (default: the struct's size), bytes after the struct (default: zeros up to a larger
 * size), how many bytes are mapped at the pointer (default: all), and a read-only mapping. This
 * is what reaches {@code get_user}, {@code copy_struct_from_user} and the reply's
 * {@code copy_to_user}, so each of their outcomes can be asked for.
 */
public record ArgShape(OptionalLong size, byte[] extra, OptionalInt mapped, boolean readOnly) {
    public static final ArgShape PLAIN = new ArgShape(OptionalLong.empty(), null, OptionalInt.empty(), false);

    public ArgShape {
        Objects.requireNonNull(size, "size");
        Objects.requireNonNull(mapped, "mapped");
        extra = extra == null ? null : extra.clone();
        if (size.isPresent() && (size.getAsLong() < 0 || size.getAsLong() > 0xFFFF_FFFFL)) {
            throw new IllegalArgumentException("size must be a u32, got " + size.getAsLong());
        }
        if (mapped.isPresent() && (mapped.getAsInt() < 0 || mapped.getAsInt() > MAX_MAPPED)) {
            throw new IllegalArgumentException("mapped must be within [0, " + MAX_MAPPED + "], got " + mapped.getAsInt());
        }
    }

    /** A mapping larger than this is not generated or parsed (a struct tail of up to a page). */
    public static final int MAX_MAPPED = 4096 + Uapi.SESSION_ARG_SIZE;

    @Override
    public byte[] extra() {
        return extra == null ? null : extra.clone();
    }

    /** The size field user space writes for a struct of {@code natural} bytes. */
    public long sizeFor(int natural, int overflow) {
        return size.orElse(natural + (long) overflow);
    }

    /**
     * The user memory for a struct whose bytes are {@code struct} (its size field already set)
     * and {@code overflow} bytes a field ran over into the memory after it: the struct, then the
     * extra bytes (given, or the overflow then zeros up to the size field), then the mapping.
     */
    public UserArg build(byte[] struct, byte[] overflow) {
        long sizeField = sizeFor(struct.length, overflow.length);
        byte[] tail = extra != null ? extra : Arrays.copyOf(overflow, (int) Math.max(overflow.length,
                Math.min(sizeField - struct.length, MAX_MAPPED)));
        byte[] all = Arrays.copyOf(struct, struct.length + tail.length);
        System.arraycopy(tail, 0, all, struct.length, tail.length);
        byte[] mappedBytes = mapped.isPresent() ? Arrays.copyOf(all, mapped.getAsInt()) : all;
        return new UserArg(mappedBytes, !readOnly);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ArgShape a && size.equals(a.size) && Arrays.equals(extra, a.extra) && mapped.equals(a.mapped)
                && readOnly == a.readOnly;
    }

    @Override
    public int hashCode() {
        return Objects.hash(size, Arrays.hashCode(extra), mapped, readOnly);
    }
}
