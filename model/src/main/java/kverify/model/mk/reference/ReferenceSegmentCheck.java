package kverify.model.mk.reference;

import java.util.List;
import kverify.model.Errno;
import kverify.model.mk.Machine;
import kverify.model.mk.MkConst;
import kverify.model.mk.PhysRange;
import kverify.model.mk.Segment;

/**
 * The segment checks of the contract in order: sanity_check_segment_list() as in the kernel
 * (range, overlap, size, crash placement), then the multikernel placement rules the RFC left in
 * {@code #if 0} and the rules that keep kernels out of each other's memory.
 */
final class ReferenceSegmentCheck {
    private final ReferenceMk k;
    private final Machine m;
    private final List<Segment> segs;
    private final boolean crashSlot;
    private final boolean mk;
    private final long entry;

    ReferenceSegmentCheck(ReferenceMk k, List<Segment> segs, boolean crashSlot, boolean mk, long entry) {
        this.k = k;
        this.m = k.m;
        this.segs = segs;
        this.crashSlot = crashSlot;
        this.mk = mk;
        this.entry = entry;
    }

    /** The first failing check's error, or null when the segments may be loaded. */
    Errno firstError() {
        if (segs.stream().anyMatch(ReferenceSegmentCheck::badRange)) {
            return Errno.EADDRNOTAVAIL;
        }
        // From here on every segment lies below 2^46, so signed comparisons are exact.
        for (int i = 0; i < segs.size(); i++) {
            for (int j = 0; j < i; j++) {
                if (segs.get(i).memEnd() > segs.get(j).mem() && segs.get(i).mem() < segs.get(j).memEnd()) {
                    return Errno.EINVAL;
                }
            }
        }
        if (segs.stream().anyMatch(s -> Long.compareUnsigned(s.bufsz(), s.memsz()) > 0)) {
            return Errno.EINVAL;
        }
        long half = m.totalRamPages() / 2;
        long total = 0;
        for (Segment s : segs) {
            total += MkConst.pageCount(s.memsz());
            if (MkConst.pageCount(s.memsz()) > half || total > half) {
                return Errno.EINVAL;
            }
        }
        if (crashSlot && segs.stream().anyMatch(s -> s.mem() < m.crashkStart()
                || Long.compareUnsigned(s.memEnd() - 1, m.crashkEndInclusive()) > 0)) {
            return Errno.EADDRNOTAVAIL;
        }
        return mk ? multikernelError() : null;
    }

    /** The end wraps around, either end is not page aligned, or the end reaches the destination limit. */
    private static boolean badRange(Segment s) {
        long end = s.memEnd();
        return Long.compareUnsigned(s.mem(), end) > 0 || ((s.mem() | end) & ~MkConst.PAGE_MASK) != 0
                || Long.compareUnsigned(end, MkConst.KEXEC_DESTINATION_MEMORY_LIMIT) >= 0;
    }

    /** A multikernel image lies in reserved memory, starts inside itself, and touches no other image. */
    private Errno multikernelError() {
        for (Segment s : segs) {
            if (m.mkReserved().stream().noneMatch(r -> r.containsUnsigned(s.mem(), s.memsz()))) {
                return Errno.EADDRNOTAVAIL;
            }
        }
        if (segs.stream().noneMatch(s -> s.range().contains(entry))) {
            return Errno.EADDRNOTAVAIL;
        }
        for (Segment s : segs) {
            PhysRange r = s.range();
            if (k.mkImages.stream().anyMatch(i -> i.overlaps(r))) {
                return Errno.EBUSY;
            }
        }
        return null;
    }
}
