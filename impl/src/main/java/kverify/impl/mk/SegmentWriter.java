package kverify.impl.mk;

import java.util.ArrayList;
import java.util.List;
import kverify.impl.memory.PhysicalMemory;
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

    /** Loads every segment; null on success, else the error (memory as the variant leaves it). */
    Errno write(PhysicalMemory memory, List<Segment> segs);

    /**
     * RFC 1/7 kimage_load_multikernel_segment(): writes straight into the destination. The loop
     * stops at the first page memremap() cannot map (ENOMEM, D24) or whose copy_from_user()
     * faults (EFAULT: that page holds the readable bytes, then zeros); pages before stay written.
     */
    SegmentWriter AS_POSTED = (memory, segs) -> {
        for (Segment s : segs) {
            long ram = ramPrefix(memory, s.mem(), s.memsz());
            long faultAt = s.buffer().faultsWithin(0, s.bufsz()) ? s.buffer().faultAt() : -1;
            long faultPage = faultAt < 0 ? Long.MAX_VALUE : faultAt & MkConst.PAGE_MASK;
            long stop = s.memsz();
            Errno err = null;
            if (ram < stop && ram <= faultPage) {
                stop = ram;
                err = Errno.ENOMEM;
            } else if (faultAt >= 0) {
                stop = Math.min(s.memsz(), faultPage + MkConst.PAGE_SIZE);
                err = Errno.EFAULT;
            }
            long user = Math.min(Math.min(s.bufsz(), stop), faultAt < 0 ? Long.MAX_VALUE : faultAt);
            writeThenZero(memory, s.mem(), userBytes(s.buffer(), user), stop);
            if (err != null) {
                return err;
            }
        }
        return null;
    };

    /** The contract (D12): every user byte is read into a bounce buffer before the first write. */
    SegmentWriter CORRECTED = (memory, segs) -> {
        List<byte[]> bounce = new ArrayList<>();
        for (Segment s : segs) {
            if (s.buffer().faultsWithin(0, s.bufsz())) {
                return Errno.EFAULT;
            }
            bounce.add(userBytes(s.buffer(), s.bufsz()));
        }
        for (int i = 0; i < segs.size(); i++) {
            writeThenZero(memory, segs.get(i).mem(), bounce.get(i), segs.get(i).memsz());
        }
        return null;
    };

    /** Writes {@code user} at {@code mem} and zeros up to {@code mem + end}; touches nothing when a part is empty. */
    static void writeThenZero(PhysicalMemory memory, long mem, byte[] user, long end) {
        if (user.length > 0) {
            memory.write(mem, user, 0, user.length);
        }
        if (end > user.length) {
            memory.fill(mem + user.length, end - user.length, (byte) 0);
        }
    }

    /** The user buffer's first {@code length} bytes (length is bounded by the image size checks). */
    static byte[] userBytes(UserBuffer buffer, long length) {
        byte[] out = new byte[Math.toIntExact(length)];
        for (int i = 0; i < out.length; i++) {
            out[i] = (byte) buffer.byteAt(i);
        }
        return out;
    }

    /** How many bytes from {@code mem} on lie in RAM, in whole pages, up to {@code length}. */
    static long ramPrefix(PhysicalMemory memory, long mem, long length) {
        long lo = 0;
        long hi = MkConst.pageCount(length);
        // Pages are RAM up to some point and not after it within one segment only if RAM is
        // contiguous there; the binary search finds the longest all-RAM page prefix.
        while (lo < hi) {
            long mid = (lo + hi + 1) >>> 1;
            if (memory.isRam(mem, Math.min(length, mid * MkConst.PAGE_SIZE))) {
                lo = mid;
            } else {
                hi = mid - 1;
            }
        }
        return Math.min(length, lo * MkConst.PAGE_SIZE);
    }
}
