package kverify.engine;

import java.util.Arrays;
import java.util.function.LongPredicate;

/** Shrink passes that keep the length and make choices smaller. */
final class Values {
    /** How far apart two choices may be for the pair passes. */
    private static final int PAIR_WINDOW = 8;

    private Values() {
    }

    static void zeroSpans(Shrinker s) {
        for (int[] span : s.spans()) {
            if (span[1] <= s.length()) {
                long[] cand = s.current();
                Arrays.fill(cand, span[0], span[1], 0);
                s.consider(cand);
            }
        }
    }

    /**
     * Minimizes each choice alone: the simplest values 0 and 1 first (they often mean a
     * different, simpler kind of thing, which may fail where the values between do not), then
     * the largest working step down from the current value.
     */
    static void minimizeChoices(Shrinker s) {
        for (int i = 0; i < s.length(); i++) {
            long value = s.get(i);
            if (value == 0 || setTo(s, i, 0) || (value > 1 && setTo(s, i, 1)) || value <= 2) {
                continue;
            }
            int at = i;
            long[] base = s.current();
            // Lowering choice i by d, d <= value - 2 (0 and 1 failed above).
            largestWorking(value - 2, true, d -> {
                long[] cand = base.clone();
                cand[at] -= d;
                return s.consider(cand);
            });
        }
    }

    private static boolean setTo(Shrinker s, int i, long value) {
        long[] cand = s.current();
        cand[i] = value;
        return s.consider(cand);
    }

    /**
     * How far apart the pair passes look: {@link #PAIR_WINDOW}, or only neighbours on a case too
     * long for the remaining budget to pay for the full window (up to 2 runs per pair per pass).
     */
    private static int window(Shrinker s) {
        return s.remaining() >= (long) s.length() * PAIR_WINDOW * 2 * 2 ? PAIR_WINDOW : 1;
    }

    /** Lowers two nearby choices by the same amount (finds values that must stay equal or close). */
    static void lowerPairs(Shrinker s) {
        int window = window(s);
        for (int i = 0; i < s.length(); i++) {
            for (int j = i + 1; j < Math.min(s.length(), i + 1 + window); j++) {
                long most = Math.min(s.get(i), s.get(j));
                if (most > 0) {
                    largestWorking(most, false, shift(s, i, j, -1));
                }
            }
        }
    }

    /** Moves value from an earlier choice to a later one, making the sequence lexicographically smaller. */
    static void redistribute(Shrinker s) {
        int window = window(s);
        for (int i = 0; i < s.length(); i++) {
            for (int j = i + 1; j < Math.min(s.length(), i + 1 + window); j++) {
                // A choice cannot rise above its bound (it would be clamped back on replay).
                long most = Math.min(s.get(i), s.bound(j) - s.get(j));
                if (most > 0) {
                    largestWorking(most, false, shift(s, i, j, +1));
                }
            }
        }
    }

    /** Candidate maker against the case as it is now: choice i loses d, choice j changes by signJ * d. */
    private static LongPredicate shift(Shrinker s, int i, int j, int signJ) {
        long[] base = s.current();
        return d -> {
            if (base[i] < d || (signJ < 0 && base[j] < d) || (signJ > 0 && Long.MAX_VALUE - base[j] < d)) {
                return false;
            }
            long[] c = base.clone();
            c[i] -= d;
            c[j] += signJ * d;
            return s.consider(c);
        };
    }

    /**
     * Finds (assuming monotony) the largest d in [1, max] for which {@code attempt} succeeds:
     * max first, then 1 (most attempts fail outright, so this gives up after two runs), then a
     * binary search between the largest success and the smallest failure. With
     * {@code probeTwo}, 2 is tried when 1 fails: for a single value, the value one below is
     * often excluded by the case itself (it would equal a neighbour) while the next is not.
     */
    static void largestWorking(long max, boolean probeTwo, LongPredicate attempt) {
        if (attempt.test(max)) {
            return;
        }
        long works = attempt.test(1) ? 1 : (probeTwo && max > 2 && attempt.test(2) ? 2 : 0);
        if (works == 0) {
            return;
        }
        long fails = max;
        while (works + 1 < fails) {
            long mid = works + (fails - works) / 2;
            if (attempt.test(mid)) {
                works = mid;
            } else {
                fails = mid;
            }
        }
    }
}
