package kverify.engine;

import java.util.Comparator;
import java.util.List;

/** Shrink passes that make the choice sequence shorter by deleting parts of it. */
final class Deletions {
    /** How many choices just before a deleted part, and at the start of the case, get the decrement retry. */
    private static final int NEAR = 3;

    private Deletions() {
    }

    /**
     * Deletes draws, largest first (removing a whole operation beats removing one of its
     * fields). After a deletion that works, the siblings that followed the deleted draw are
     * deleted with it, as many as still fail: 1, 2, 4, ... then a binary search, so a long list
     * loses its unneeded elements in logarithmically many runs.
     */
    static void spans(Shrinker s) {
        eachSpanLargestFirst(s, span -> {
            String what = "delete " + span[0] + ".." + span[1];
            if (!s.worthTrying(what)) {
                return false;
            }
            List<int[]> run = new SpanIndex(s.spans()).runAfter(span);
            long[] cur = s.current();
            if (s.considerShorter(Shrinker.remove(cur, span[0], span[1]))) {
                Values.largestWorking(run.size(), false, k -> s.considerShorter(Shrinker.remove(cur, span[0], run.get((int) k - 1)[1])));
                return true;
            }
            if (s.lastReadPastEnd() && deleteWithCount(s, cur, span, run)) {
                return true;
            }
            s.attemptFailed(what);
            return false;
        });
    }

    /**
     * The deletion read past its end, so a count drawn before the span asked for the deleted
     * part: retries it with one of the nearest choices before it that can be a length (bound in
     * [2, {@link #MAX_LENGTH_BOUND}]) lowered by one, and after a success deletes as many following siblings as still
     * fail with the count lowered by as many.
     */
    private static boolean deleteWithCount(Shrinker s, long[] cur, int[] span, List<int[]> run) {
        for (int j = span[0] - 1; j >= Math.max(0, span[0] - NEAR); j--) {
            if (cur[j] == 0 || s.bound(j) < 2 || s.bound(j) > MAX_LENGTH_BOUND) {
                continue;
            }
            int count = j;
            if (s.considerShorter(lowered(Shrinker.remove(cur, span[0], span[1]), count, 1))) {
                long most = Math.min(run.size(), cur[count] - 1);
                Values.largestWorking(most, false, k -> s.considerShorter(
                        lowered(Shrinker.remove(cur, span[0], run.get((int) k - 1)[1]), count, k + 1)));
                return true;
            }
        }
        return false;
    }

    /** The largest bound a count is taken to have when nothing says a count is there. */
    static final long MAX_COUNT_BOUND = 16;
    /** The largest bound of a length that a deletion reading past its end points at; wider choices are values. */
    static final long MAX_LENGTH_BOUND = 255;

    /**
     * Whether choice j can be a count that decides how many parts follow, when nothing says so
     * (a deletion that read past its end does, see {@link #deleteWithCount}): at least 2 possible
     * values (a flag is a list's own business), and few (wide values are data, not counts).
     */
    static boolean canBeCount(Shrinker s, int j) {
        return s.bound(j) >= 2 && s.bound(j) <= MAX_COUNT_BOUND;
    }

    private static long[] lowered(long[] values, int at, long by) {
        values[at] -= by;
        return values;
    }

    /**
     * Deletes draws, largest first, each retried with one earlier choice lowered by one (see
     * {@link #delete}), and, when the draw is optional (its first choice a yes/no flag: a further
     * factor, a further limb) and the deleted case read past its end or the choice before it is a
     * wide value, with that value raised to its bound: such a part may be needed only because a
     * value before it is too small (a product must reach a limit), and a shorter case wins over
     * smaller values; the value passes then lower the raised value again. (A draw that is not
     * optional, a subtree after a key, is not retried so: raising the key never lets it go.)
     */
    static void spansLowering(Shrinker s) {
        eachSpanLargestFirst(s, span -> s.attempt("delete lowering " + span[0] + ".." + span[1], () -> {
            long[] removed = Shrinker.remove(s.current(), span[0], span[1]);
            if (s.considerShorter(removed)) {
                return;
            }
            boolean pastEnd = s.lastReadPastEnd();
            boolean wideBefore = span[0] > 0 && s.bound(span[0] - 1) > MAX_LENGTH_BOUND;
            if (!lowerOneBefore(s, removed, span[0]) && (pastEnd && !emptySiblingBefore(s, span) || wideBefore)) {
                deleteRaising(s, span[0], span[1]);
            }
        }));
    }

    /** Deletes [from, to) with the value just before it raised to its bound; only a value (bound at least 2). */
    private static boolean deleteRaising(Shrinker s, int from, int to) {
        int j = from - 1;
        if (j < 0 || s.bound(j) < 2 || s.get(j) == s.bound(j)) {
            return false;
        }
        long[] cand = Shrinker.remove(s.current(), from, to);
        cand[j] = s.bound(j);
        return s.considerShorter(cand);
    }

    /**
     * Offers each span of the best case to {@code attempt}, largest first; after a success the
     * spans are taken anew and the same rank is offered again, since it now names another span.
     */
    private static void eachSpanLargestFirst(Shrinker s, java.util.function.Predicate<int[]> attempt) {
        int rank = 0;
        while (!s.exhausted()) {
            List<int[]> spans = s.spans();
            spans.sort(Comparator.<int[]>comparingInt(sp -> sp[1] - sp[0]).reversed().thenComparingInt(sp -> sp[0]));
            if (rank >= spans.size()) {
                return;
            }
            int[] span = spans.get(rank);
            if (span[1] > s.length() || !attempt.test(span)) {
                rank++;
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
        chunks(s, s.remaining() >= (long) s.length() * CHUNK_SIZES * (1 + 2 * NEAR));
    }

    /** Deletes runs of 8, 4, 2 and 1 adjacent choices, ignoring spans, without retries. */
    static void chunksPlain(Shrinker s) {
        chunks(s, false);
    }

    private static void chunks(Shrinker s, boolean retry) {
        for (int size = 8; size >= 1; size /= 2) {
            for (int start = s.length() - size; start >= 0; start--) {
                if (start + size > s.length()) {
                    continue;
                }
                int from = start;
                int to = start + size;
                s.attempt((retry ? "chunk lowering " : "chunk ") + from + ".." + to, () -> {
                    if (retry) {
                        delete(s, from, to);
                    } else {
                        s.considerShorter(Shrinker.remove(s.current(), from, to));
                    }
                });
            }
        }
    }

    /** The chunk sizes tried: 8, 4, 2, 1. */
    private static final int CHUNK_SIZES = 4;

    /**
     * Deletes [from, to); failing that, deletes it with one earlier choice lowered by one, since
     * a part often can only go together with a smaller count drawn before it (a loop bound, a
     * length): the nearest few choices before the part and the first few of the case that can
     * be counts (bound at least 2; lowering a flag ends a list, which deletions try anyway).
     */
    static boolean delete(Shrinker s, int from, int to) {
        long[] removed = Shrinker.remove(s.current(), from, to);
        return s.considerShorter(removed) || lowerOneBefore(s, removed, from);
    }

    /** The decrement retries of {@link #delete} on the case with the part already removed. */
    private static boolean lowerOneBefore(Shrinker s, long[] removed, int from) {
        for (int j = from - 1; j >= 0; j--) {
            if (j < from - NEAR && j >= NEAR) {
                continue;
            }
            if (removed[j] > 0 && canBeCount(s, j)) {
                long[] cand = removed.clone();
                cand[j]--;
                if (s.considerShorter(cand)) {
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
            List<int[]> all = spans;
            if (end > x[1] && end <= s.length() && s.attempt("shift " + x[0] + ".." + x[1],
                    () -> s.considerShorter(deleteAndShift(s.current(), all, x, end)))) {
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

    /**
     * Sets a flag that says "no more" (a choice 0 of bound 1) to 1 and deletes the one or two
     * choices after it: a draw can move from one list into an earlier one (the expression of
     * a statement becomes a function's argument) when the choices that opened the later
     * list and chose its element's kind go, and the case gets shorter. Only where a one-choice
     * draw (a list's "no more") at i is followed by a draw of the same kind (the next list's first entry).
     */
    static void raisingFlag(Shrinker s) {
        for (int i = 0; i + 1 < s.length() && !s.exhausted(); i++) {
            if (s.get(i) != 0 || s.bound(i) != 1 || !endsAndOpensList(s, i)) {
                continue;
            }
            for (int k = 1; k <= 2 && i + 1 + k <= s.length(); k++) {
                int at = i;
                int drop = k;
                if (s.attempt("raise " + i + " drop " + k, () -> {
                    long[] cand = Shrinker.remove(s.current(), at + 1, at + 1 + drop);
                    cand[at] = 1;
                    s.considerShorter(cand);
                })) {
                    break;
                }
            }
        }
    }

    /** Whether choice i is a one-choice draw and a draw of the same kind starts right after it. */
    private static boolean endsAndOpensList(Shrinker s, int i) {
        int kind = -1;
        for (int[] sp : s.spans()) {
            if (sp[0] == i && sp[1] == i + 1) {
                kind = sp[3];
            }
        }
        for (int[] sp : s.spans()) {
            if (kind >= 0 && sp[0] == i + 1 && sp[3] == kind) {
                return true;
            }
        }
        return false;
    }

    /**
     * Whether the choice just before the span is on its own a draw of the span's kind (an empty
     * subtree before a subtree): raising it fills that draw, so the case only grows.
     */
    private static boolean emptySiblingBefore(Shrinker s, int[] span) {
        for (int[] sp : s.spans()) {
            if (sp[0] == span[0] - 1 && sp[1] == span[0] && sp[3] == span[3]) {
                return true;
            }
        }
        return false;
    }
}
