package kverify.properties.luo.corrupt;

import java.util.Arrays;
import kverify.engine.Gen;

/**
 * Ordered pairs (a, b) of two different items where b is in a's group (or, with sameGroup false,
 * outside it), in the order two nested loops over the items list them, drawn exactly as
 * {@code Gen.elements} of that list draws (one choice of the pair's index, shrinking toward the
 * first pair) without listing them: at the real geometry an image holds hundreds of session
 * entries, so the list would have 10^5 pairs or more, built for every corrupted image.
 */
final class Pairs {
    private final int[] groups;
    private final boolean sameGroup;
    /** For each item a, how many pairs (a, b) there are. */
    private final long[] partners;
    private final long total;

    Pairs(int[] groups, boolean sameGroup) {
        this.groups = groups.clone();
        this.sameGroup = sameGroup;
        int n = groups.length;
        int[] groupSize = new int[Arrays.stream(groups).max().orElse(0) + 1];
        for (int g : groups) {
            groupSize[g]++;
        }
        partners = new long[n];
        long sum = 0;
        for (int a = 0; a < n; a++) {
            partners[a] = sameGroup ? groupSize[groups[a]] - 1 : n - groupSize[groups[a]];
            sum += partners[a];
        }
        total = sum;
    }

    /**
     * Indices {a, b} into the items whose groups are {@code groups}; throws the harness error
     * "the valid image has no WHAT" at once if there is no such pair.
     */
    static Gen<int[]> of(int[] groups, boolean sameGroup, String what) {
        Pairs p = new Pairs(groups, sameGroup);
        if (p.total == 0) {
            throw new IllegalStateException("harness: the valid image has no " + what + " although the corruption kind needs one");
        }
        return s -> p.at(s.choice(p.total - 1));
    }

    long size() {
        return total;
    }

    /** The k-th pair of the nested loops (k < size()). */
    int[] at(long k) {
        int a = 0;
        while (k >= partners[a]) {
            k -= partners[a++];
        }
        for (int b = 0; b < groups.length; b++) {
            if (b != a && (groups[b] == groups[a]) == sameGroup && k-- == 0) {
                return new int[] {a, b};
            }
        }
        throw new IllegalStateException("pair index beyond the count");
    }
}
