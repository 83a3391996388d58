package kverify.engine;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;

/**
 * Shrinks a failing case by reducing its choice sequence: a candidate is kept when it still
 * fails with the same key and its normalized choices are shortlex-smaller. The passes of
 * {@link ShrinkPass} run in order and repeat until a whole round improves nothing.
 * Deterministic, and bounded by a number of property evaluations, never by time.
 */
final class Shrinker {
    private final Consumer<Source> body;
    private final String key;
    private final int maxEvaluations;
    // Lookup only (never iterated): candidates already run.
    private final Set<ChoiceSequence> tried = new HashSet<>();
    private TestCase best;
    private long[] bounds;
    private int evaluations;

    Shrinker(Consumer<Source> body, TestCase failing, int maxEvaluations) {
        this.body = body;
        this.key = failing.failureKey();
        this.best = failing;
        this.maxEvaluations = maxEvaluations;
    }

    TestCase shrink() {
        // One replay of the failing case to learn the bound of each choice (random runs do not keep it).
        Source replay = Source.replay(best.choices());
        evaluations++;
        Execution.run(body, replay);
        bounds = replay.bounds();
        boolean improved = true;
        while (improved && !exhausted()) {
            ChoiceSequence before = best.choices();
            for (ShrinkPass pass : ShrinkPass.values()) {
                pass.run(this);
            }
            improved = best.choices().compareTo(before) < 0;
        }
        return best;
    }

    int evaluations() {
        return evaluations;
    }

    /** Evaluations left in the budget. */
    int remaining() {
        return Math.max(0, maxEvaluations - evaluations);
    }

    boolean exhausted() {
        return evaluations >= maxEvaluations;
    }

    /** The best case's choices (a fresh copy the caller may edit into a candidate). */
    long[] current() {
        return best.choices().toArray();
    }

    /** The upper bound the best case drew choice i with. */
    long bound(int i) {
        return bounds[i];
    }

    int length() {
        return best.choices().length();
    }

    long get(int i) {
        return best.choices().get(i);
    }

    /** The best case's spans as [start, end, depth, kind], in the order their draws finished. */
    List<int[]> spans() {
        return new ArrayList<>(best.spans());
    }

    /**
     * Runs the candidate unless it is not shortlex-smaller than the best case, was run before,
     * or the budget is spent; adopts it if it fails the same way. Returns whether it was adopted.
     */
    boolean consider(long[] candidate) {
        ChoiceSequence seq = ChoiceSequence.of(candidate);
        if (seq.compareTo(best.choices()) >= 0 || exhausted()) {
            return false;
        }
        if (!tried.add(seq)) {
            return false;
        }
        evaluations++;
        Source source = Source.replay(seq);
        TestCase result = Execution.run(body, source);
        boolean better = result.failed() && Execution.sameFailure(key, result.failureKey())
                && result.choices().compareTo(best.choices()) < 0;
        if (better) {
            best = result;
            bounds = source.bounds();
        }
        return better;
    }

    /** values without [from, to). */
    static long[] remove(long[] values, int from, int to) {
        long[] out = new long[values.length - (to - from)];
        System.arraycopy(values, 0, out, 0, from);
        System.arraycopy(values, to, out, from, values.length - to);
        return out;
    }

    /** values with [from, to) replaced by {@code insert}. */
    static long[] replace(long[] values, int from, int to, long[] insert) {
        long[] out = new long[values.length - (to - from) + insert.length];
        System.arraycopy(values, 0, out, 0, from);
        System.arraycopy(insert, 0, out, from, insert.length);
        System.arraycopy(values, to, out, from + insert.length, values.length - to);
        return out;
    }
}
