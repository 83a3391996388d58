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
     * Exchanges a draw with a shortest draw of its kind elsewhere in the case (a subtree with an
     * empty slot of another subtree), and also with either of the two, once moved, placed in
     * front of the draw of the same kind just before its new place. A local minimum can need the
     * exchange and the new order of the receiving siblings at once: each alone gives a case
     * that passes. Only candidates smaller than the case are run.
     */
    static void moveToSimplestSlot(Shrinker s) {
        boolean moved = true;
        while (moved && !s.exhausted()) {
            moved = false;
            List<int[]> spans = s.spans();
            java.util.Map<Integer, Integer> shortest = new java.util.HashMap<>();
            for (int[] sp : spans) {
                shortest.merge(sp[3], sp[1] - sp[0], Math::min);
            }
            for (int[] slot : spans) {
                if (moved || s.exhausted() || slot[1] > s.length() || slot[1] - slot[0] != shortest.get(slot[3])) {
                    continue;
                }
                for (int[] x : spans) {
                    boolean disjoint = x[1] <= slot[0] || slot[1] <= x[0];
                    if (x[3] != slot[3] || !disjoint || x[1] > s.length() || x[1] - x[0] <= slot[1] - slot[0]) {
                        continue;
                    }
                    String what = "slot " + x[0] + ".." + x[1] + " " + slot[0] + ".." + slot[1];
                    if (s.attempt(what, () -> exchange(s, spans, x, slot))) {
                        moved = true;
                        break;
                    }
                }
            }
        }
    }

    /** One replaced stretch of the case: [from, to) becomes {@code content}. */
    private record Edit(int from, int to, long[] content) {
    }

    private static boolean exchange(Shrinker s, List<int[]> spans, int[] x, int[] slot) {
        long[] cur = s.current();
        long[] xs = Arrays.copyOfRange(cur, x[0], x[1]);
        long[] ys = Arrays.copyOfRange(cur, slot[0], slot[1]);
        int[] beforeSlot = previousSibling(spans, slot);
        int[] beforeX = previousSibling(spans, x);
        for (int variant = 0; variant < 4; variant++) {
            boolean xInFront = (variant & 1) != 0;
            boolean yInFront = (variant & 2) != 0;
            if ((xInFront && beforeSlot == null) || (yInFront && beforeX == null)) {
                continue;
            }
            Edit toSlot = xInFront ? new Edit(beforeSlot[0], slot[1], concat(xs, range(cur, beforeSlot)))
                    : new Edit(slot[0], slot[1], xs);
            Edit toX = yInFront ? new Edit(beforeX[0], x[1], concat(ys, range(cur, beforeX))) : new Edit(x[0], x[1], ys);
            Edit first = toX.from() < toSlot.from() ? toX : toSlot;
            Edit second = first == toX ? toSlot : toX;
            if (first.to() <= second.from() && s.consider(concat(Arrays.copyOfRange(cur, 0, first.from()), first.content(),
                    Arrays.copyOfRange(cur, first.to(), second.from()), second.content(),
                    Arrays.copyOfRange(cur, second.to(), cur.length)))) {
                return true;
            }
        }
        return false;
    }

    private static long[] range(long[] values, int[] span) {
        return Arrays.copyOfRange(values, span[0], span[1]);
    }

    /** The draw of the same kind and depth that ends where {@code span} starts, if any. */
    private static int[] previousSibling(List<int[]> spans, int[] span) {
        for (int[] sp : spans) {
            if (sp[1] == span[0] && sp[2] == span[2] && sp[3] == span[3] && sp[1] > sp[0]) {
                return sp;
            }
        }
        return null;
    }

    private static long[] concat(long[]... parts) {
        int n = 0;
        for (long[] p : parts) {
            n += p.length;
        }
        long[] out = new long[n];
        int at = 0;
        for (long[] p : parts) {
            System.arraycopy(p, 0, out, at, p.length);
            at += p.length;
        }
        return out;
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
