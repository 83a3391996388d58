package kverify.engine;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.LongPredicate;

/**
 * Shrinks a failing case by reducing its choice sequence: a candidate is kept when it still
 * fails with the same key and its normalized choices are shortlex-smaller. The passes (delete
 * spans and chunks, zero spans, minimize single choices by binary search, lower pairs together,
 * move value between choices, sort sibling spans) repeat to a fixed point. Deterministic, and
 * bounded by a number of property evaluations, never by time.
 */
final class Shrinker {
    private final Consumer<Source> body;
    private final String key;
    private final int maxEvaluations;
    private final Map<ChoiceSequence, Boolean> tried = new HashMap<>();
    private TestCase best;
    private int evaluations;

    Shrinker(Consumer<Source> body, TestCase failing, int maxEvaluations) {
        this.body = body;
        this.key = failing.failureKey();
        this.best = failing;
        this.maxEvaluations = maxEvaluations;
    }

    TestCase shrink() {
        boolean improved = true;
        while (improved && !exhausted()) {
            ChoiceSequence before = best.choices();
            deleteSpans();
            deleteChunks();
            zeroSpans();
            minimizeEach();
            lowerPairs();
            redistribute();
            sortSiblings();
            improved = best.choices().compareTo(before) < 0;
        }
        return best;
    }

    int evaluations() {
        return evaluations;
    }

    boolean exhausted() {
        return evaluations >= maxEvaluations;
    }

    /** Runs the candidate; adopts it if it is smaller and fails the same way. */
    private boolean consider(long[] candidate) {
        ChoiceSequence seq = ChoiceSequence.of(candidate);
        if (seq.compareTo(best.choices()) >= 0 || exhausted()) {
            return false;
        }
        Boolean known = tried.get(seq);
        if (known != null) {
            return known;
        }
        evaluations++;
        TestCase result = Execution.run(body, Source.replay(seq));
        boolean better = result.failed() && key.equals(result.failureKey())
                && result.choices().compareTo(best.choices()) < 0;
        tried.put(seq, better);
        if (better) {
            best = result;
        }
        return better;
    }

    private void deleteSpans() {
        // Largest spans first: removing a whole operation beats removing one of its fields.
        List<int[]> spans = new ArrayList<>(best.spans());
        spans.sort(Comparator.<int[]>comparingInt(s -> s[1] - s[0]).reversed().thenComparingInt(s -> s[0]));
        for (int[] span : spans) {
            long[] cur = best.choices().toArray();
            if (span[1] <= cur.length && !consider(remove(cur, span[0], span[1]))) {
                deleteWithEarlierDecrement(cur, span[0], span[1]);
            }
        }
    }

    /**
     * A span often can only go together with a smaller count drawn before it (a loop bound, a
     * length); so also try the deletion with one earlier choice lowered by one: the nearest few
     * before the span and the first few of the case.
     */
    private boolean deleteWithEarlierDecrement(long[] cur, int from, int to) {
        long[] removed = remove(cur, from, to);
        for (int j = from - 1; j >= 0; j--) {
            if (j < from - 4 && j >= 4) {
                continue;
            }
            if (removed[j] > 0) {
                long[] cand = removed.clone();
                cand[j]--;
                if (consider(cand)) {
                    return true;
                }
            }
        }
        return false;
    }

    private void deleteChunks() {
        for (int size = 8; size >= 1; size /= 2) {
            for (int start = best.choices().length() - size; start >= 0; start--) {
                long[] cur = best.choices().toArray();
                if (start + size <= cur.length && !consider(remove(cur, start, start + size))) {
                    deleteWithEarlierDecrement(cur, start, start + size);
                }
            }
        }
    }

    private void zeroSpans() {
        for (int[] span : new ArrayList<>(best.spans())) {
            long[] cur = best.choices().toArray();
            if (span[1] <= cur.length) {
                long[] cand = cur.clone();
                Arrays.fill(cand, span[0], span[1], 0);
                consider(cand);
            }
        }
    }

    private void minimizeEach() {
        for (int i = 0; i < best.choices().length(); i++) {
            minimizeAt(i);
        }
    }

    /** Smallest value at index i that still fails, by trying 0, 1, then binary search. */
    private void minimizeAt(int i) {
        long[] cur = best.choices().toArray();
        if (i >= cur.length || cur[i] == 0) {
            return;
        }
        if (tryValue(i, 0) || tryValue(i, 1)) {
            return;
        }
        long lo = 1;
        long hi = best.choices().length() > i ? best.choices().get(i) : 0;
        while (lo + 1 < hi && !exhausted()) {
            long mid = lo + (hi - lo) / 2;
            if (tryValue(i, mid)) {
                hi = Math.min(mid, best.choices().length() > i ? best.choices().get(i) : mid);
            } else {
                lo = mid;
            }
        }
    }

    private boolean tryValue(int i, long value) {
        long[] cand = best.choices().toArray();
        if (i >= cand.length || cand[i] <= value) {
            return false;
        }
        cand[i] = value;
        return consider(cand);
    }

    /** Lowers two nearby choices by the same amount (finds pairs that must stay equal or close). */
    private void lowerPairs() {
        for (int i = 0; i < best.choices().length(); i++) {
            for (int j = i + 1; j < Math.min(best.choices().length(), i + 9); j++) {
                long[] cur = best.choices().toArray();
                long most = Math.min(cur[i], cur[j]);
                if (most > 0) {
                    binarySearchDelta(most, pairShift(i, j, -1));
                }
            }
        }
    }

    /** Moves value from an earlier choice to a later one, making the sequence lexicographically smaller. */
    private void redistribute() {
        for (int i = 0; i < best.choices().length(); i++) {
            for (int j = i + 1; j < Math.min(best.choices().length(), i + 9); j++) {
                long most = best.choices().get(i);
                if (most > 0) {
                    binarySearchDelta(most, pairShift(i, j, +1));
                }
            }
        }
    }

    /** Candidate maker: choice i loses d, choice j changes by signJ * d. */
    private LongPredicate pairShift(int i, int j, int signJ) {
        return d -> {
            long[] c = best.choices().toArray();
            if (j >= c.length || c[i] < d || (signJ < 0 && c[j] < d) || (signJ > 0 && Long.MAX_VALUE - c[j] < d)) {
                return false;
            }
            c[i] -= d;
            c[j] += signJ * d;
            return consider(c);
        };
    }

    /** Tries the largest delta first, then searches for the largest delta in [1, max] that works. */
    private void binarySearchDelta(long max, LongPredicate attempt) {
        if (exhausted() || attempt.test(max)) {
            return;
        }
        long lo = 0;
        long hi = max;
        while (lo + 1 < hi && !exhausted()) {
            long mid = lo + (hi - lo) / 2;
            if (attempt.test(mid)) {
                return;
            }
            hi = mid;
        }
        if (lo + 1 == hi && hi > 0 && !exhausted()) {
            attempt.test(1);
        }
    }

    /** Swaps adjacent equal-length spans at the same depth when that orders their choices ascending. */
    private void sortSiblings() {
        List<int[]> spans = new ArrayList<>(best.spans());
        spans.sort(Comparator.<int[]>comparingInt(s -> s[0]));
        for (int a = 0; a < spans.size(); a++) {
            for (int b = a + 1; b < spans.size(); b++) {
                int[] x = spans.get(a);
                int[] y = spans.get(b);
                if (y[0] == x[1] && y[2] == x[2] && y[1] - y[0] == x[1] - x[0]) {
                    swapIfSmaller(x[0], y[0], x[1] - x[0]);
                }
            }
        }
    }

    private void swapIfSmaller(int first, int second, int length) {
        long[] cur = best.choices().toArray();
        if (second + length > cur.length) {
            return;
        }
        long[] cand = cur.clone();
        System.arraycopy(cur, second, cand, first, length);
        System.arraycopy(cur, first, cand, second, length);
        consider(cand);
    }

    private static long[] remove(long[] values, int from, int to) {
        long[] out = new long[values.length - (to - from)];
        System.arraycopy(values, 0, out, 0, from);
        System.arraycopy(values, to, out, from, values.length - to);
        return out;
    }
}
