package kverify.engine;

import java.util.Comparator;
import java.util.List;

/** Shrink passes that make the choice sequence shorter by deleting parts of it. */
final class Deletions {
    /** How many choices just before a deleted part, and at the start of the case, get the decrement retry. */
    private static final int NEAR = 4;

    private Deletions() {
    }

    static void spans(Shrinker s) {
        // Largest spans first: removing a whole operation beats removing one of its fields.
        List<int[]> spans = s.spans();
        spans.sort(Comparator.<int[]>comparingInt(sp -> sp[1] - sp[0]).reversed().thenComparingInt(sp -> sp[0]));
        for (int[] span : spans) {
            if (span[1] <= s.length()) {
                delete(s, span[0], span[1]);
            }
        }
    }

    /**
     * Deletes runs of 8, 4, 2 and 1 adjacent choices, ignoring spans, each with the decrement
     * retry of {@link #delete}; on a case too long for the remaining budget to pay for the
     * retries (up to 1 + 2 * NEAR runs per chunk), plain deletions only, so one pass cannot
     * spend the whole budget before the value passes have run.
     */
    static void chunks(Shrinker s) {
        boolean retry = s.remaining() >= (long) s.length() * CHUNK_SIZES * (1 + 2 * NEAR);
        for (int size = 8; size >= 1; size /= 2) {
            for (int start = s.length() - size; start >= 0; start--) {
                if (start + size > s.length()) {
                    continue;
                }
                if (retry) {
                    delete(s, start, start + size);
                } else {
                    s.consider(Shrinker.remove(s.current(), start, start + size));
                }
            }
        }
    }

    /** The chunk sizes tried: 8, 4, 2, 1. */
    private static final int CHUNK_SIZES = 4;

    /**
     * Deletes [from, to); failing that, deletes it with one earlier choice lowered by one, since
     * a part often can only go together with a smaller count drawn before it (a loop bound, a
     * length): the nearest few choices before the part and the first few of the case.
     */
    static boolean delete(Shrinker s, int from, int to) {
        long[] removed = Shrinker.remove(s.current(), from, to);
        if (s.consider(removed)) {
            return true;
        }
        for (int j = from - 1; j >= 0; j--) {
            if (j < from - NEAR && j >= NEAR) {
                continue;
            }
            if (removed[j] > 0) {
                long[] cand = removed.clone();
                cand[j]--;
                if (s.consider(cand)) {
                    return true;
                }
            }
        }
        return false;
    }

    /**
     * Deletes one element of a run of adjacent same-depth spans (list entries, steps) and
     * lowers by one every non-zero choice nested inside the elements after it. Values that
     * index earlier elements (a position in the list, "the handle made by step 3") keep
     * pointing at the same element only if they shift down with the deletion.
     */
    static void shifting(Shrinker s) {
        List<int[]> spans = s.spans();
        SpanIndex index = new SpanIndex(spans);
        for (int i = spans.size() - 1; i >= 0 && !s.exhausted(); i--) {
            int[] x = spans.get(i);
            int end = index.endOfRun(x);
            if (end > x[1] && end <= s.length() && s.consider(deleteAndShift(s.current(), spans, x, end))) {
                spans = s.spans();
                index = new SpanIndex(spans);
                i = Math.min(i, spans.size());
            }
        }
    }

    private static long[] deleteAndShift(long[] cur, List<int[]> spans, int[] x, int end) {
        long[] cand = cur.clone();
        for (int[] inner : spans) {
            if (inner[2] > x[2] && inner[0] >= x[1] && inner[1] <= end) {
                for (int p = inner[0]; p < inner[1]; p++) {
                    cand[p] = Math.max(0, cur[p] - 1);
                }
            }
        }
        return Shrinker.remove(cand, x[0], x[1]);
    }
}
