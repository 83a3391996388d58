package kverify.engine;

import java.util.TreeSet;

/**
 * Mapping between integer ranges and raw choices. A range is split at its simplest value (the
 * one nearest zero): choices draw a direction when the range straddles zero, then a distance
 * from the simplest value, so choice 0 is always the simplest value.
 */
final class Ranges {
    private Ranges() {
    }

    static long simplest(long min, long max) {
        return min > 0 ? min : (max < 0 ? max : 0);
    }

    static long drawLong(Source s, long min, long max) {
        long origin = simplest(min, max);
        if (origin == min) {
            return origin + s.choice(max - min);
        }
        if (origin == max) {
            return origin - s.choice(max - min);
        }
        // min < 0 < max: direction first (0 = upward), so shrinking prefers non-negative values.
        if (s.choice(1) == 0) {
            return s.choice(max);
        }
        return -1 - s.choice(-(min + 1));
    }

    /** Records the choices that {@link #drawLong} would read to produce {@code value}. */
    static long forceLong(Source s, long min, long max, long value) {
        long origin = simplest(min, max);
        if (origin == min) {
            return origin + s.forcedChoice(max - min, value - min);
        }
        if (origin == max) {
            return origin - s.forcedChoice(max - min, max - value);
        }
        if (s.forcedChoice(1, value >= 0 ? 0 : 1) == 0) {
            return s.forcedChoice(max, value);
        }
        return -1 - s.forcedChoice(-(min + 1), -(value + 1));
    }

    /** min, max, the simplest value, +-1 around it, and every in-range boundary and its neighbours. */
    static long[] edges(long min, long max, long... boundaries) {
        TreeSet<Long> out = new TreeSet<>();
        long origin = simplest(min, max);
        addInRange(out, min, max, min, max, origin, origin + 1, origin - 1, -1);
        for (long b : boundaries) {
            addInRange(out, min, max, b - 1, b, b + 1);
        }
        return out.stream().mapToLong(Long::longValue).toArray();
    }

    private static void addInRange(TreeSet<Long> out, long min, long max, long... values) {
        for (long v : values) {
            if (v >= min && v <= max) {
                out.add(v);
            }
        }
    }
}
