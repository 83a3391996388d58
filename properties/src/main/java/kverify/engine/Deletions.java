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

    static void chunks(Shrinker s) {
        for (int size = 8; size >= 1; size /= 2) {
            for (int start = s.length() - size; start >= 0; start--) {
                if (start + size <= s.length()) {
                    delete(s, start, start + size);
                }
            }
        }
    }

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
}
