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
            String what = "zero " + span[0] + ".." + span[1];
            if (span[1] <= s.length() && s.worthTrying(what)) {
                long[] cand = s.current();
                Arrays.fill(cand, span[0], span[1], 0);
                if (!s.consider(cand)) {
                    s.attemptFailed(what);
                }
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
            String what = "minimize " + i + " from " + value;
            if (value == 0 || !s.worthTrying(what) || setTo(s, i, 0) || (value > 1 && setTo(s, i, 1))) {
                continue;
            }
            if (value > 2) {
                int at = i;
                long[] base = s.current();
                // Lowering choice i by d, d <= value - 2 (0 and 1 failed above).
                largestWorking(value - 2, true, d -> {
                    long[] cand = base.clone();
                    cand[at] -= d;
                    return s.consider(cand);
                });
            }
            // Whether it moved or not, the search showed the value just below the current one fails.
            s.attemptFailed("minimize " + i + " from " + s.get(i));
        }
    }

    private static boolean setTo(Shrinker s, int i, long value) {
        long[] cand = s.current();
        cand[i] = value;
        return s.consider(cand);
    }

    /**
     * Sets each choice to 0 where that shifts how later choices are read (a parent key of 0 lets
     * a child key take one choice instead of two), deleting the choice before the place where
     * the reading first differs, so the rest lines up again.
     */
    static void zeroRealigning(Shrinker s) {
        for (int i = 0; i < s.length(); i++) {
            if (s.get(i) == 0) {
                continue;
            }
            long[] cand = s.current();
            cand[i] = 0;
            if (s.consider(cand)) {
                continue;
            }
            int shift = s.lastShiftAfter(i);
            if (shift > 0 && shift < cand.length) {
                s.consider(Shrinker.remove(cand, shift - 1, shift));
            }
        }
    }

    /**
     * How far apart the pair passes look: {@link #PAIR_WINDOW}, or only neighbours on a case too
     * long for the remaining budget to pay for the full window (up to 2 runs per pair per pass).
     */
    private static int window(Shrinker s) {
        return s.remaining() >= (long) s.length() * PAIR_WINDOW * 2 * 2 ? PAIR_WINDOW : 1;
    }

    /**
     * Whether choices i and j are worth changing together: both are values (bound at least 2;
     * a choice between two things, a flag or a sign, is better changed alone or by structure).
     */
    private static boolean valuePair(Shrinker s, int i, int j) {
        return s.bound(i) >= 2 && s.bound(j) >= 2;
    }

    /** Lowers two nearby choices by the same amount (finds values that must stay equal or close). */
    static void lowerPairs(Shrinker s) {
        int window = window(s);
        for (int i = 0; i < s.length(); i++) {
            for (int j = i + 1; j < Math.min(s.length(), i + 1 + window); j++) {
                if (j >= s.length() || !valuePair(s, i, j)) {
                    continue;
                }
                long most = Math.min(s.get(i), s.get(j));
                if (most > 0) {
                    int a = i;
                    int b = j;
                    s.attempt("pair " + i + " " + j, () -> largestWorking(most, false, shift(s, a, b, -1)));
                }
            }
        }
    }

    /**
     * Moves value from an earlier choice (a value, bound at least 2) to a later one, making the
     * sequence lexicographically smaller: a magnitude to a sign turns 2 into -1.
     */
    static void redistribute(Shrinker s) {
        int window = window(s);
        java.util.Set<Integer> loneFlags = new java.util.HashSet<>();
        for (int[] sp : s.spans()) {
            if (sp[1] - sp[0] == 1 && sp[1] <= s.length() && s.bound(sp[0]) == 1) {
                loneFlags.add(sp[0]);
            }
        }
        for (int i = 0; i < s.length(); i++) {
            for (int j = i + 1; j < Math.min(s.length(), i + 1 + window); j++) {
                // A lone flag drawn as its own draw ("one more?" saying no) would only ask for more.
                if (j >= s.length() || s.bound(i) < 2 || loneFlags.contains(j)) {
                    continue;
                }
                // A choice cannot rise above its bound (it would be clamped back on replay).
                long most = Math.min(s.get(i), s.bound(j) - s.get(j));
                if (most > 0) {
                    int a = i;
                    int b = j;
                    s.attempt("move " + i + " " + j, () -> largestWorking(most, false, shift(s, a, b, +1)));
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
     * Lowers every copy of a repeated value together (choices with the same bound and value:
     * keys that must stay equal, signs that must flip together): all to 0 first, else the
     * largest common step down that still fails.
     */
    static void lowerDuplicates(Shrinker s) {
        java.util.TreeMap<String, java.util.List<Integer>> groups = new java.util.TreeMap<>();
        for (int i = 0; i < s.length(); i++) {
            if (s.get(i) > 0) {
                groups.computeIfAbsent(s.bound(i) + ":" + s.get(i), k -> new java.util.ArrayList<>()).add(i);
            }
        }
        for (java.util.List<Integer> at : groups.values()) {
            if (at.size() < 2 || at.get(at.size() - 1) >= s.length() || s.get(at.get(0)) == 0) {
                continue;
            }
            long[] base = s.current();
            long value = base[at.get(0)];
            s.attempt("duplicates " + at, () -> largestWorking(value, false, d -> {
                long[] c = base.clone();
                for (int i : at) {
                    if (c[i] != value) {
                        return false;
                    }
                    c[i] -= d;
                }
                return s.consider(c);
            }));
        }
    }

    /**
     * Lowers every copy of a repeated draw together (disjoint draws of one kind with the same
     * choices, at least two: a key that must stay equal in two places, where its choices also
     * occur alone elsewhere): all to 0 first, else each choice in step, by the largest common
     * step down that still fails.
     */
    static void lowerDuplicateSpans(Shrinker s) {
        java.util.TreeMap<String, java.util.List<int[]>> groups = new java.util.TreeMap<>();
        for (int[] sp : s.spans()) {
            if (sp[1] - sp[0] >= 2 && sp[1] <= s.length()) {
                long[] content = Arrays.copyOfRange(s.current(), sp[0], sp[1]);
                if (Arrays.stream(content).anyMatch(v -> v > 0)) {
                    groups.computeIfAbsent(sp[3] + ":" + Arrays.toString(content), k -> new java.util.ArrayList<>()).add(sp);
                }
            }
        }
        for (java.util.List<int[]> group : groups.values()) {
            java.util.List<int[]> copies = disjoint(group);
            if (copies.size() < 2 || s.exhausted()) {
                continue;
            }
            String what = "duplicate draws " + copies.stream().map(sp -> sp[0] + ".." + sp[1]).toList();
            s.attempt(what, () -> lowerTogether(s, copies));
        }
    }

    /** The spans of a group that overlap no earlier one of it, in start order. */
    private static java.util.List<int[]> disjoint(java.util.List<int[]> group) {
        java.util.List<int[]> sorted = new java.util.ArrayList<>(group);
        sorted.sort(java.util.Comparator.comparingInt(sp -> sp[0]));
        java.util.List<int[]> out = new java.util.ArrayList<>();
        for (int[] sp : sorted) {
            if (out.isEmpty() || out.get(out.size() - 1)[1] <= sp[0]) {
                out.add(sp);
            }
        }
        return out;
    }

    private static void lowerTogether(Shrinker s, java.util.List<int[]> copies) {
        long[] base = s.current();
        long[] zeroed = base.clone();
        copies.forEach(sp -> Arrays.fill(zeroed, sp[0], sp[1], 0));
        if (s.consider(zeroed)) {
            return;
        }
        int length = copies.get(0)[1] - copies.get(0)[0];
        for (int k = 0; k < length; k++) {
            long[] from = s.current();
            if (from.length != base.length) {
                return;
            }
            int offset = k;
            long value = from[copies.get(0)[0] + k];
            largestWorking(value, false, d -> {
                long[] c = from.clone();
                for (int[] sp : copies) {
                    if (c[sp[0] + offset] != value) {
                        return false;
                    }
                    c[sp[0] + offset] -= d;
                }
                return s.consider(c);
            });
        }
    }

    /**
     * Finds (assuming monotony) the largest d in [1, max] for which {@code attempt} succeeds:
     * max first, then 1 (most attempts fail outright, so this gives up after two runs), then a
     * binary search between the largest success and the smallest failure. With
     * {@code probeTwo}, 2 is tried when 1 fails: for a single value, the value one below is
     * often excluded by the case itself (it would equal a neighbour) while the next is not.
     */
    static void largestWorking(long max, boolean probeTwo, LongPredicate attempt) {
        if (max <= 0 || attempt.test(max)) {
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
