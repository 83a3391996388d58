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
     * expression by one of its subexpressions, a tree by one of its subtrees. Outer spans are
     * taken largest first; after a success the spans are recomputed and the same rank is
     * tried again, since it now names the promoted draw.
     */
    static void promoteDescendants(Shrinker s) {
        List<int[]> spans = largestFirst(s);
        int rank = 0;
        while (rank < spans.size() && !s.exhausted()) {
            int[] outer = spans.get(rank);
            List<int[]> all = spans;
            if (s.attempt("promote into " + outer[0] + ".." + outer[1], () -> promote(s, all, outer))) {
                spans = largestFirst(s);
            } else {
                rank++;
            }
        }
    }

    private static List<int[]> largestFirst(Shrinker s) {
        List<int[]> spans = s.spans();
        spans.sort(LARGEST_FIRST);
        return spans;
    }

    private static final Comparator<int[]> LARGEST_FIRST =
            Comparator.<int[]>comparingInt(sp -> sp[1] - sp[0]).reversed().thenComparingInt(sp -> sp[0]);

    private static boolean promote(Shrinker s, List<int[]> spans, int[] outer) {
        long[] cur = s.current();
        for (int[] d : spans) {
            boolean nested = d[0] >= outer[0] && d[1] <= outer[1] && d[1] - d[0] < outer[1] - outer[0];
            if (nested && d[3] == outer[3]
                    && s.consider(Shrinker.replace(cur, outer[0], outer[1], Arrays.copyOfRange(cur, d[0], d[1])))) {
                return true;
            }
        }
        return false;
    }

    /**
     * Replaces a draw by zeros as long as the shortest draw of the same kind in the case: the
     * simplest value of that kind when its simplest form is shorter (a subexpression by a leaf
     * where leaves take a choice the deepest level does not read, so no nested draw fits).
     */
    static void replaceBySimplest(Shrinker s) {
        List<int[]> spans = largestFirst(s);
        int rank = 0;
        while (rank < spans.size() && !s.exhausted()) {
            int[] outer = spans.get(rank);
            int shortest = Integer.MAX_VALUE;
            for (int[] d : spans) {
                if (d[3] == outer[3] && d[1] - d[0] < outer[1] - outer[0]) {
                    shortest = Math.min(shortest, d[1] - d[0]);
                }
            }
            int k = shortest;
            if (k != Integer.MAX_VALUE && outer[1] <= s.length()
                    && s.attempt("simplest " + outer[0] + ".." + outer[1] + " " + k,
                            () -> s.consider(Shrinker.replace(s.current(), outer[0], outer[1], new long[k])))) {
                spans = largestFirst(s);
            } else {
                rank++;
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
                    s.attempt("swap " + x[0] + ".." + x[1] + " " + y[0] + ".." + y[1], () -> swap(s, x, y));
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
