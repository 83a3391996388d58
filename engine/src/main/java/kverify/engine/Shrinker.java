package kverify.engine;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * Shrinks a failing case by reducing its choice sequence: a candidate is kept when it still
 * fails with the same key and its normalized choices are shortlex-smaller. The cheap passes of
 * {@link ShrinkPass} run as a round while they improve the case; when a round of them improves
 * nothing, the expensive passes run one at a time until one improves it (then the cheap passes
 * again). It stops when no pass improves the case: the same fixed point as running every pass
 * every round, reached with fewer evaluations. No candidate whose outcome is known from an
 * earlier run is run again ({@link ChoiceTree}). Deterministic, and bounded by a number of
 * property evaluations, never by time.
 */
final class Shrinker {
    private final Consumer<Source> body;
    private final String key;
    private final int maxEvaluations;
    private final ChoiceTree seen = new ChoiceTree();
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
        bounds();
        while (!exhausted()) {
            ChoiceSequence before = best.choices();
            if (TRACE) {
                System.err.println("round at " + evaluations);
            }
            round(ShrinkPass.CHEAP);
            if (best.choices().length() < before.length()) {
                continue;
            }
            // The cheap passes only changed values, or nothing: the expensive passes too, and when
            // they change nothing either, the costliest deletions.
            boolean improved = best.choices().compareTo(before) < 0;
            improved = round(ShrinkPass.EXPENSIVE) || improved;
            if (!improved && !round(ShrinkPass.LAST) && !verifyingRound()) {
                break;
            }
        }
        return best;
    }

    /**
     * Every pass once more, retrying what the passes skipped because it had failed on a case of
     * the same length ({@link #worthTrying}); returns whether the case got smaller.
     */
    private boolean verifyingRound() {
        verifying = true;
        if (TRACE) {
            System.err.println("verifying round at " + evaluations);
        }
        try {
            return round(ShrinkPass.CHEAP) | round(ShrinkPass.EXPENSIVE) | round(ShrinkPass.LAST);
        } finally {
            verifying = false;
        }
    }

    // Lookup only (never iterated): attempts that failed, keyed with the case length they failed at.
    private final java.util.Set<String> failedAttempts = new java.util.HashSet<>();
    private boolean verifying;

    /**
     * Whether a cheap pass should make the attempt {@code what} (say, "delete span 4..9"): not if
     * it already failed on a case of the current length, since between deletions only values
     * change and such an attempt nearly always fails again; the verifying round before the
     * shrinker stops makes every attempt anyway, so the end result is still a fixed point.
     */
    boolean worthTrying(String what) {
        return verifying || !failedAttempts.contains(length() + "|" + what);
    }

    /**
     * Makes the attempt {@code what} unless {@link #worthTrying} says no; records it as failed
     * if the best case did not change. Returns whether it changed.
     */
    boolean attempt(String what, Runnable body) {
        if (!worthTrying(what)) {
            return false;
        }
        TestCase before = best;
        String outer = pass;
        pass = outer + ":" + what.split(" ")[0];
        body.run();
        pass = outer;
        if (best == before) {
            attemptFailed(what);
            return false;
        }
        return true;
    }

    /** Records that the attempt {@code what} failed on the current case. */
    void attemptFailed(String what) {
        failedAttempts.add(length() + "|" + what);
    }


    /** Runs every pass of the tier; returns whether the case got smaller. */
    private boolean round(List<ShrinkPass> tier) {
        ChoiceSequence before = best.choices();
        for (ShrinkPass pass : tier) {
            pass.run(this);
        }
        return best.choices().compareTo(before) < 0;
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
        return bounds()[i];
    }

    /** The bound of every choice of the best case, learned by one replay if not known yet. */
    private long[] bounds() {
        if (bounds == null) {
            Source replay = Source.replay(best.choices());
            evaluations++;
            Execution.run(body, replay);
            bounds = replay.bounds();
            seen.record(best.choices(), bounds, true);
        }
        return bounds;
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
     * Runs the candidate unless it is not shortlex-smaller than the best case, its outcome is
     * known from an earlier run, or the budget is spent; adopts it if it fails the same way.
     * Returns whether it was adopted.
     */
    boolean consider(long[] candidate) {
        return consider(candidate, false);
    }

    /** {@link #consider}, adopting the candidate only if it also reads fewer choices than the best case. */
    boolean considerShorter(long[] candidate) {
        return consider(candidate, true);
    }

    /**
     * The first position after {@code from} where the last candidate run read a choice with a
     * different bound than the best case did at that position (its decoding shifted there), or
     * -1: unknown, or no such position.
     */
    int lastShiftAfter(int from) {
        if (lastBounds == null) {
            return -1;
        }
        long[] mine = bounds();
        for (int k = from + 1; k < Math.min(mine.length, lastBounds.length); k++) {
            if (mine[k] != lastBounds[k]) {
                return k;
            }
        }
        return -1;
    }

    private long[] lastBounds;

    /** Whether the last candidate run read past its end (a count before it asked for more). */
    boolean lastReadPastEnd() {
        return lastReadPastEnd;
    }

    private boolean lastReadPastEnd;

    /** -Dkverify.shrink.trace=true prints every candidate run and its outcome to stderr (for working on the passes). */
    private static final boolean TRACE = Boolean.getBoolean("kverify.shrink.trace");
    private String pass = "";

    /** Names the pass now running, for the trace. */
    void running(ShrinkPass p) {
        pass = p.name();
    }

    private boolean consider(long[] candidate, boolean shorter) {
        lastReadPastEnd = false;
        lastBounds = null;
        ChoiceSequence seq = ChoiceSequence.of(candidate);
        if (seq.compareTo(best.choices()) >= 0 || exhausted()) {
            return false;
        }
        ChoiceTree.Known known = seen.known(candidate);
        if (known != null && !(known.adoptable() && improves(known.read(), shorter))) {
            lastReadPastEnd = known.read().length() > candidate.length;
            lastBounds = known.bounds();
            return false;
        }
        evaluations++;
        Source source = Source.replay(seq);
        TestCase result = Execution.run(body, source);
        lastReadPastEnd = result.choices().length() > candidate.length;
        lastBounds = source.bounds();
        boolean same = result.failed() && Execution.sameFailure(key, result.failureKey());
        seen.record(result.choices(), source.bounds(), same);
        boolean better = same && improves(result.choices(), shorter);
        if (TRACE) {
            System.err.println((better ? "adopt " : same ? "same  " : "no    ") + evaluations + " " + pass + " " + result.choices() + (better ? "  " + result.rendering() : ""));
        }
        if (better) {
            best = result;
            bounds = source.bounds();
        }
        return better;
    }

    /** Whether a failing run that read {@code read} would replace the best case. */
    private boolean improves(ChoiceSequence read, boolean shorter) {
        return shorter ? read.length() < length() : read.compareTo(best.choices()) < 0;
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
