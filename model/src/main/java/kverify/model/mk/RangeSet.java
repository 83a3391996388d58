package kverify.model.mk;

import java.util.ArrayList;
import java.util.List;

/**
 * An immutable set of physical addresses held as ascending, disjoint, non-touching half-open
 * ranges, so two sets are equal exactly when they hold the same addresses. Used for the pages
 * whose direct-map mapping is read-only.
 */
public record RangeSet(List<PhysRange> ranges) {
    public static final RangeSet EMPTY = new RangeSet(List.of());

    public RangeSet {
        ranges = List.copyOf(ranges);
        for (int i = 0; i < ranges.size(); i++) {
            if (ranges.get(i).isEmpty() || i > 0 && ranges.get(i - 1).end() >= ranges.get(i).start()) {
                throw new IllegalArgumentException("ranges must be non-empty, ascending and apart: " + ranges);
            }
        }
    }

    public boolean isEmpty() {
        return ranges.isEmpty();
    }

    public boolean overlaps(PhysRange r) {
        for (PhysRange x : ranges) {
            if (r.overlaps(x)) {
                return true;
            }
        }
        return false;
    }

    /** This set plus {@code r}. */
    public RangeSet plus(PhysRange r) {
        if (r.isEmpty()) {
            return this;
        }
        List<PhysRange> out = new ArrayList<>();
        long start = r.start();
        long end = r.end();
        for (PhysRange x : ranges) {
            if (x.end() < start || x.start() > end) {
                out.add(x);
            } else {
                start = Math.min(start, x.start());
                end = Math.max(end, x.end());
            }
        }
        out.add(new PhysRange(start, end));
        out.sort(java.util.Comparator.comparingLong(PhysRange::start));
        return new RangeSet(out);
    }

    /** This set without the addresses of {@code r}. */
    public RangeSet minus(PhysRange r) {
        List<PhysRange> out = new ArrayList<>();
        for (PhysRange x : ranges) {
            if (!x.overlaps(r)) {
                out.add(x);
                continue;
            }
            if (x.start() < r.start()) {
                out.add(new PhysRange(x.start(), r.start()));
            }
            if (r.end() < x.end()) {
                out.add(new PhysRange(r.end(), x.end()));
            }
        }
        return new RangeSet(out);
    }

    /** The part of {@code r} that lies in one of {@code within} (ascending, disjoint), as a set. */
    public static RangeSet clip(PhysRange r, List<PhysRange> within) {
        RangeSet out = EMPTY;
        for (PhysRange w : within) {
            long start = Math.max(r.start(), w.start());
            long end = Math.min(r.end(), w.end());
            if (start < end) {
                out = out.plus(new PhysRange(start, end));
            }
        }
        return out;
    }

    @Override
    public String toString() {
        return ranges.toString();
    }
}
