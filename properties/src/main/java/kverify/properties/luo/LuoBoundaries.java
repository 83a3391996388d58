package kverify.properties.luo;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.TreeSet;
import kverify.engine.Gen;

/**
 * Boundary-biased numbers for the LUO generators. The posted code changes behaviour where a
 * count reaches a multiple of the block capacity (a new block in insert, a count written and a
 * block change in serialize and freeze), so a random draw here lands on such a place more
 * often than not and is uniform otherwise.
 *
 * <p>Two things keep these draws shrinkable. A value is recorded as one raw choice whichever
 * way it was drawn, so the shrinker sees one encoding. And counts are drawn as the session
 * total they lead to (a bulk create's total to reach, a bulk close's number to leave), not as
 * the difference, so when the shrinker deletes an earlier step, a later bulk step still reaches
 * the same total.
 */
final class LuoBoundaries {
    /** Chances at an edge per draw, see {@link #biased}. */
    static final int EDGE_HINTS = 3;
    private LuoBoundaries() {
    }

    /**
     * A position in a list of {@code n >= 1} elements walked {@code perBlock} to a block: often
     * one either side of or at a block boundary (k*perBlock - 1, k*perBlock, k*perBlock + 1), or
     * the last position, where the walk ends.
     */
    static Gen<Integer> index(int n, int perBlock) {
        TreeSet<Long> edges = new TreeSet<>();
        for (long k = 1; k * perBlock - 1 < n; k++) {
            addAround(edges, k * perBlock);
        }
        edges.add((long) n - 1);
        return biased(0, n - 1, edges).map(Long::intValue);
    }

    /**
     * How many of {@code n} sessions to keep: often none, all, or at or one either side of a
     * block boundary; shrinks toward none.
     */
    static Gen<Integer> keep(int n, int perBlock) {
        TreeSet<Long> edges = new TreeSet<>(List.of(0L, (long) n));
        for (long k = 1; k * perBlock - 1 <= n; k++) {
            addAround(edges, k * perBlock);
        }
        return biased(0, n, edges).map(Long::intValue);
    }

    /**
     * How many sessions a bulk create adds to {@code current}: the drawn number is the total to
     * reach when it is above {@code current} (often at or one either side of a block boundary,
     * up to {@code blocksAhead} blocks ahead), otherwise the number to add. At least 1.
     */
    static Gen<Integer> growth(long current, int perBlock, int blocksAhead, int maxAdd) {
        TreeSet<Long> totals = new TreeSet<>();
        long firstK = current / perBlock;
        for (long k = Math.max(1, firstK); k <= firstK + blocksAhead; k++) {
            addAround(totals, k * perBlock);
        }
        long max = current + maxAdd;
        return biased(1, max, totals.tailSet(current + 1)).map(t -> (int) (t > current ? t - current : t));
    }

    /**
     * How many of a prefix's {@code run >= 1} sessions a bulk close closes, out of {@code current}
     * sessions: the whole run (the simplest; {@code wholeWeight} against 2 and 1 for the others),
     * as many as leave a number of sessions at or one either side of a block boundary (at most
     * the run, at least one), or any part of the run.
     */
    static Gen<Integer> shrinkage(long current, int perBlock, int run, int wholeWeight) {
        TreeSet<Long> left = new TreeSet<>();
        for (long k = 0; k * perBlock - 1 < current; k++) {
            addAround(left, k * perBlock);
        }
        Gen<Integer> toLeave = biased(0, Math.max(0, current - 1), left).map(l -> (int) Math.max(1, Math.min(run, current - l)));
        return Gen.frequency(Gen.weighted(wholeWeight, Gen.constant(run)), Gen.weighted(2, toLeave), Gen.weighted(1, Gen.ints(1, run)));
    }

    private static void addAround(TreeSet<Long> out, long boundary) {
        for (long v = boundary - 1; v <= boundary + 1; v++) {
            out.add(v);
        }
    }

    /**
     * A value in [min, max]: in random runs one of the in-range {@code edges} with probability
     * 1 - (3/4)^{@value #EDGE_HINTS} (about 58%: that many chances at the engine's one-in-four
     * hint), else uniform. Recorded as the one raw choice value - min either way, so replays and
     * the shrinker see a single encoding; shrinks toward min.
     */
    static Gen<Long> biased(long min, long max, Collection<Long> edges) {
        List<Long> inRange = new ArrayList<>(new TreeSet<>(edges.stream().filter(e -> e >= min && e <= max).toList()));
        return s -> {
            int h = -1;
            for (int attempt = 0; attempt < EDGE_HINTS && h < 0 && !inRange.isEmpty(); attempt++) {
                h = s.hint(inRange.size());
            }
            long raw = h < 0 ? s.choice(max - min) : s.forcedChoice(max - min, inRange.get(h) - min);
            return min + raw;
        };
    }
}
