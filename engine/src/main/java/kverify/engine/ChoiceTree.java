package kverify.engine;

import java.util.HashMap;
import java.util.Map;

/**
 * Every case the shrinker ran, as a tree of choices, so a candidate whose outcome is already
 * known is never run again. A property body is deterministic: after the same choices it reads the
 * next choice with the same bound, or ends. So walking a candidate down the tree, clamping each
 * value to the bound recorded at that node (as a replay would) and reading 0 past the
 * candidate's end, either reaches the end of a recorded run (the candidate's outcome is that
 * run's; the choices after it would be ignored) or leaves the tree (unknown).
 */
final class ChoiceTree {
    private static final class Node {
        /** The bound of the choice read here, or -1 if the run recorded here ended. */
        long bound = -1;
        boolean ends;
        boolean adoptable;
        // Lookup only (never iterated): value -> the node after reading it.
        final Map<Long, Node> next = new HashMap<>();
    }

    private final Node root = new Node();

    /**
     * The outcome of running {@code candidate}, if known: whether it fails the way wanted, and
     * the choices it reads (normalized); null if no recorded run tells.
     */
    Known known(long[] candidate) {
        Node n = root;
        long[] read = new long[Math.max(16, candidate.length)];
        long[] bounds = new long[read.length];
        for (int i = 0; ; i++) {
            if (n.ends) {
                return new Known(n.adoptable, ChoiceSequence.of(java.util.Arrays.copyOf(read, i)),
                        java.util.Arrays.copyOf(bounds, i));
            }
            if (n.bound < 0) {
                return null;
            }
            long v = i < candidate.length ? Math.min(candidate[i], n.bound) : 0;
            if (i == read.length) {
                read = java.util.Arrays.copyOf(read, read.length * 2);
                bounds = java.util.Arrays.copyOf(bounds, bounds.length * 2);
            }
            read[i] = v;
            bounds[i] = n.bound;
            n = n.next.get(v);
            if (n == null) {
                return null;
            }
        }
    }

    /** A known outcome: whether the run failed the way wanted, what it read, and the bound of each choice read. */
    record Known(boolean adoptable, ChoiceSequence read, long[] bounds) {
    }

    /**
     * Records a run: the choices it read (normalized), their bounds, and whether it failed the
     * way the shrink wants. Overruns record the choices read before they stopped.
     */
    void record(ChoiceSequence read, long[] bounds, boolean adoptable) {
        Node n = root;
        for (int i = 0; i < read.length(); i++) {
            n.bound = bounds[i];
            n = n.next.computeIfAbsent(read.get(i), k -> new Node());
        }
        n.ends = true;
        n.adoptable = adoptable;
    }
}
