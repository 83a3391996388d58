package kverify.engine;

import java.util.Arrays;
import java.util.Comparator;
import java.util.List;

/** Shrink passes that rearrange draws: promote a nested draw, swap neighbouring draws. */
final class Structure {
    private Structure() {
    }

    /**
     * Replaces a span by a shorter span of the same kind nested inside it, largest first: an
     * expression by one of its subexpressions, a tree by one of its subtrees. Each outer span
     * is handled against the best case at the time it is reached, so positions stay valid.
     */
    static void promoteDescendants(Shrinker s) {
        for (int i = 0; i < s.spans().size(); i++) {
            List<int[]> spans = s.spans();
            if (i >= spans.size()) {
                return;
            }
            int[] outer = spans.get(i);
            List<int[]> inner = spans.stream()
                    .filter(sp -> sp[3] == outer[3] && sp[0] >= outer[0] && sp[1] <= outer[1] && sp[1] - sp[0] < outer[1] - outer[0])
                    .sorted(Comparator.<int[]>comparingInt(sp -> sp[1] - sp[0]).reversed().thenComparingInt(sp -> sp[0]))
                    .toList();
            long[] cur = s.current();
            for (int[] d : inner) {
                if (s.consider(Shrinker.replace(cur, outer[0], outer[1], Arrays.copyOfRange(cur, d[0], d[1])))) {
                    break;
                }
            }
        }
    }

    /**
     * Swaps two adjacent spans at the same depth (list elements, tuple fields, subtrees) when the
     * swapped sequence is smaller; lengths may differ, so an empty subtree can move first.
     */
    static void swapSiblings(Shrinker s) {
        List<int[]> spans = s.spans();
        spans.sort(Comparator.<int[]>comparingInt(sp -> sp[0]).thenComparingInt(sp -> -sp[1]));
        SpanIndex index = new SpanIndex(spans);
        for (int[] x : spans) {
            for (int[] y : index.nextSiblings(x)) {
                if (y[1] <= s.length()) {
                    swap(s, x, y);
                }
            }
        }
    }

    private static void swap(Shrinker s, int[] x, int[] y) {
        long[] cur = s.current();
        long[] cand = cur.clone();
        int ylen = y[1] - y[0];
        System.arraycopy(cur, y[0], cand, x[0], ylen);
        System.arraycopy(cur, x[0], cand, x[0] + ylen, x[1] - x[0]);
        s.consider(cand);
    }
}
