package kverify.impl.mk;

import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import kverify.model.Errno;
import kverify.model.mk.Machine;
import kverify.model.mk.MkConst;
import kverify.model.mk.Segment;

/**
 * sanity_check_segment_list() (kernel/kexec_core.c), same checks, order and errors, with the
 * pairwise overlap loop replaced by a sort and one sweep: O(n log n) instead of O(n^2).
 */
final class SegmentSanity {
    private SegmentSanity() {
    }

    static Errno check(Machine m, List<Segment> segs, boolean crashType) {
        for (Segment s : segs) {
            long end = s.memEnd();
            if (Long.compareUnsigned(s.mem(), end) > 0 || ((s.mem() | end) & ~MkConst.PAGE_MASK) != 0
                    || Long.compareUnsigned(end, MkConst.KEXEC_DESTINATION_MEMORY_LIMIT) >= 0) {
                return Errno.EADDRNOTAVAIL;
            }
        }
        if (anyOverlap(segs)) {
            return Errno.EINVAL;
        }
        for (Segment s : segs) {
            if (Long.compareUnsigned(s.bufsz(), s.memsz()) > 0) {
                return Errno.EINVAL;
            }
        }
        long half = m.totalRamPages() / 2;
        long total = 0;
        for (Segment s : segs) {
            long pages = MkConst.pageCount(s.memsz());
            if (pages > half) {
                return Errno.EINVAL;
            }
            total += pages;
        }
        if (total > half) {
            return Errno.EINVAL;
        }
        if (crashType) {
            for (Segment s : segs) {
                if (s.mem() < m.crashkStart() || Long.compareUnsigned(s.mem() + s.memsz() - 1, m.crashkEndInclusive()) > 0) {
                    return Errno.EADDRNOTAVAIL;
                }
            }
        }
        return null;
    }

    /**
     * The kernel's pairwise test {@code mend > pstart && mstart < pend} for any two segments,
     * whose ends are now known to lie below 2^46. Sorted by start, a segment overlaps an earlier
     * one with a smaller start iff the largest earlier end exceeds its start (this also covers a
     * zero-size segment strictly inside another); two with the same start overlap iff neither
     * is empty.
     */
    static boolean anyOverlap(List<Segment> segs) {
        Segment[] sorted = segs.toArray(new Segment[0]);
        Arrays.sort(sorted, Comparator.comparingLong(Segment::mem));
        long maxEndBefore = Long.MIN_VALUE;
        int i = 0;
        while (i < sorted.length) {
            long start = sorted[i].mem();
            int nonEmpty = 0;
            long groupMaxEnd = Long.MIN_VALUE;
            for (; i < sorted.length && sorted[i].mem() == start; i++) {
                nonEmpty += sorted[i].memsz() == 0 ? 0 : 1;
                groupMaxEnd = Math.max(groupMaxEnd, sorted[i].memEnd());
            }
            if (maxEndBefore > start || nonEmpty > 1) {
                return true;
            }
            maxEndBefore = Math.max(maxEndBefore, groupMaxEnd);
        }
        return false;
    }
}
