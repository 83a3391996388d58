package kverify.impl.mk;

import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import kverify.model.Errno;
import kverify.model.mk.Machine;
import kverify.model.mk.PhysRange;
import kverify.model.mk.Segment;

/** Where a multikernel image may be placed: the checks after sanity_check_segment_list(). */
interface Placement {

    /** The error for a multikernel image with these (range-checked) segments, or null. */
    Errno check(Machine m, List<Segment> segs, long entry, ImageStore images);

    /** RFC 1/7: the reserved-region checks are inside {@code #if 0}. */
    Placement AS_POSTED = (m, segs, entry, images) -> null;

    /** D9-D11, each in O(n log n): binary search over sorted ranges, a prefix maximum for overlaps. */
    Placement CORRECTED = (m, segs, entry, images) -> {
        for (Segment s : segs) {
            if (!insideOne(m.mkReserved(), s)) {
                return Errno.EADDRNOTAVAIL;
            }
        }
        if (segs.stream().noneMatch(s -> s.range().contains(entry))) {
            return Errno.EADDRNOTAVAIL;
        }
        List<PhysRange> taken = images.multikernelImages().stream().flatMap(i -> i.segments.stream()).map(Segment::range).toList();
        SortedRanges busy = new SortedRanges(taken);
        for (Segment s : segs) {
            if (busy.anyOverlaps(s.range())) {
                return Errno.EBUSY;
            }
        }
        return null;
    };

    /** The reserved range that could contain the segment is the last one starting at or below it. */
    private static boolean insideOne(List<PhysRange> ascending, Segment s) {
        int lo = 0;
        int hi = ascending.size() - 1;
        int found = -1;
        while (lo <= hi) {
            int mid = (lo + hi) >>> 1;
            if (ascending.get(mid).start() <= s.mem()) {
                found = mid;
                lo = mid + 1;
            } else {
                hi = mid - 1;
            }
        }
        return found >= 0 && ascending.get(found).containsUnsigned(s.mem(), s.memsz());
    }

    /** Ranges sorted by start with the running maximum of their ends: overlap queries in O(log n). */
    final class SortedRanges {
        private final long[] starts;
        private final long[] maxEnd;

        SortedRanges(List<PhysRange> ranges) {
            PhysRange[] sorted = ranges.toArray(new PhysRange[0]);
            Arrays.sort(sorted, Comparator.comparingLong(PhysRange::start));
            starts = new long[sorted.length];
            maxEnd = new long[sorted.length];
            for (int i = 0; i < sorted.length; i++) {
                starts[i] = sorted[i].start();
                maxEnd[i] = Math.max(sorted[i].end(), i == 0 ? Long.MIN_VALUE : maxEnd[i - 1]);
            }
        }

        /** True if some range r has r.start < q.end and r.end > q.start (the kernel's overlap test). */
        boolean anyOverlaps(PhysRange q) {
            int lastBelow = lowerBound(q.end()) - 1;
            return lastBelow >= 0 && maxEnd[lastBelow] > q.start();
        }

        /** The first index whose start is >= value (binary search). */
        private int lowerBound(long value) {
            int lo = 0;
            int hi = starts.length;
            while (lo < hi) {
                int mid = (lo + hi) >>> 1;
                if (starts[mid] < value) {
                    lo = mid + 1;
                } else {
                    hi = mid;
                }
            }
            return lo;
        }
    }
}
