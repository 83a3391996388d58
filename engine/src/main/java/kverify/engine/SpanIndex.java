package kverify.engine;

import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;

/** The spans of one case indexed by start position, to find a span's right-hand neighbours. */
final class SpanIndex {
    private final TreeMap<Integer, List<int[]>> byStart = new TreeMap<>();

    SpanIndex(List<int[]> spans) {
        for (int[] sp : spans) {
            byStart.computeIfAbsent(sp[0], k -> new ArrayList<>()).add(sp);
        }
    }

    /** Non-empty spans at x's depth that start where x ends. */
    List<int[]> nextSiblings(int[] x) {
        List<int[]> out = new ArrayList<>();
        for (int[] y : byStart.getOrDefault(x[1], List.of())) {
            if (y[2] == x[2] && y[1] > y[0]) {
                out.add(y);
            }
        }
        return out;
    }

    /** The end of the run of adjacent spans at x's depth that starts with x. */
    int endOfRun(int[] x) {
        int[] last = x;
        List<int[]> next = nextSiblings(last);
        while (!next.isEmpty()) {
            last = next.get(0);
            next = nextSiblings(last);
        }
        return last[1];
    }
}
