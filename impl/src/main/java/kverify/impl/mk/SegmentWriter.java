package kverify.impl.mk;

import java.util.List;
import kverify.model.Errno;
import kverify.model.mk.MkConst;
import kverify.model.mk.Segment;
import kverify.model.mk.UserBuffer;

/**
 * Copies the segments of a multikernel image to their destinations, in bulk: one write of the
 * user bytes and one zero fill per segment instead of the RFC's page loop. The page loop's
 * observable result (which pages hold what when it stops early) is reproduced exactly.
 */
interface SegmentWriter {

    /** Loads every segment; null on success, else the error (memory as the variant leaves it); a KernelOops unwinds. */
    Errno write(DirectMap memory, List<Segment> segs);

    /**
     * RFC 1/7 kimage_load_multikernel_segment(): writes straight into the destination, page by
     * page through memremap(). The loop stops at the first page memremap() cannot map (ENOMEM,
     * at or above 2^phys_bits, D24) or whose copy_from_user() faults (EFAULT: that page holds
     * the readable bytes, then zeros); pages before stay written, pages outside RAM keep nothing;
     * a read-only page oopses.
     */
    SegmentWriter AS_POSTED = (memory, segs) -> {
        for (Segment s : segs) {
            long faultAt = s.buffer().faultsWithin(0, s.bufsz()) ? s.buffer().faultAt() : -1;
            long faultPage = faultAt < 0 ? Long.MAX_VALUE : faultAt & MkConst.PAGE_MASK;
            long unmappable = memory.firstUnmappable(s.mem(), s.memsz());
            long stop = Math.min(s.memsz(), unmappable);
            Errno err = unmappable < s.memsz() ? Errno.ENOMEM : null;
            if (faultAt >= 0 && faultPage < unmappable) {
                stop = Math.min(s.memsz(), faultPage + MkConst.PAGE_SIZE);
                err = Errno.EFAULT;
            }
            long user = Math.min(Math.min(s.bufsz(), stop), faultAt < 0 ? Long.MAX_VALUE : faultAt);
            memory.writeThenZero(s.mem(), pattern(s.buffer()), user, stop);
            if (err != null) {
                return err;
            }
        }
        return null;
    };

    /**
     * The contract (D12): every user byte is read into a bounce buffer before the first write. The
     * bounce buffer is not built: once no segment's buffer faults, reading the user bytes while
     * writing them gives the same bytes, and a fault leaves memory untouched either way.
     */
    SegmentWriter CORRECTED = (memory, segs) -> {
        for (Segment s : segs) {
            if (s.buffer().faultsWithin(0, s.bufsz())) {
                return Errno.EFAULT;
            }
        }
        for (Segment s : segs) {
            memory.writeThenZero(s.mem(), pattern(s.buffer()), s.bufsz(), s.memsz());
        }
        return null;
    };

    /**
     * The user buffer's first {@code length} bytes (length is bounded by the image size checks),
     * eight at a time. Byte i of the pattern is the top byte of x(i) ^ (x(i) >>> 29) with
     * x(i) = (i + 1) * K1 + pattern * K2 ({@link UserBuffer#byteAt}); the shifted term has its top
     * 29 bits clear, so the byte is the top byte of x(i) itself, and x(i + 1) = x(i) + K1. The
     * bytes are the same; SegmentWriterTest compares them with byteAt.
     */
    static byte[] userBytes(UserBuffer buffer, long length) {
        byte[] out = new byte[Math.toIntExact(length)];
        fill(buffer, 0, out, 0, out.length);
        return out;
    }

    /** The user buffer as a source that makes its bytes where they are written (no copy of the whole buffer). */
    static kverify.impl.memory.PhysicalMemory.ByteSource pattern(UserBuffer buffer) {
        return (from, dst, offset, length) -> fill(buffer, from, dst, offset, length);
    }

    /**
     * Bytes [from, from + length) of the pattern into out[offset..]: whole 256-byte blocks from
     * {@link PatternBlocks}' table, the rest eight at a time (see userBytes).
     */
    static void fill(UserBuffer buffer, long from, byte[] out, int offset, int length) {
        long x = (from + 1) * UserBuffer.K1 + buffer.pattern() * UserBuffer.K2;
        int blocks = PatternBlocks.fill(x, out, offset, length);
        x += blocks * UserBuffer.K1;
        int end = offset + length;
        int words = offset + blocks + ((length - blocks) & ~7);
        int i = offset + blocks;
        for (; i < words; i += 8) {
            long w = x >>> 56;
            w |= (x + UserBuffer.K1) >>> 56 << 8;
            w |= (x + 2 * UserBuffer.K1) >>> 56 << 16;
            w |= (x + 3 * UserBuffer.K1) >>> 56 << 24;
            w |= (x + 4 * UserBuffer.K1) >>> 56 << 32;
            w |= (x + 5 * UserBuffer.K1) >>> 56 << 40;
            w |= (x + 6 * UserBuffer.K1) >>> 56 << 48;
            w |= (x + 7 * UserBuffer.K1) >>> 56 << 56;
            LE_LONG.set(out, i, w);
            x += 8 * UserBuffer.K1;
        }
        for (; i < end; i++) {
            out[i] = (byte) (x >>> 56);
            x += UserBuffer.K1;
        }
    }

    /** Little-endian 8-byte stores into a byte[] (byte i of the word is byte i of the array). */
    java.lang.invoke.VarHandle LE_LONG = java.lang.invoke.MethodHandles.byteArrayViewVarHandle(long[].class,
            java.nio.ByteOrder.LITTLE_ENDIAN);
}
