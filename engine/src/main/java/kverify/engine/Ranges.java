package kverify.engine;

import java.util.Arrays;

/**
 * Mapping between integer ranges and raw choices. Choice 0 is always the simplest value (the
 * one nearest zero). A range on one side of zero is one choice: the distance from its simplest
 * end. A range that straddles zero is magnitude first: a choice m in [0, M], then a side
 * choice (0 = positive). So values order 0, 1, -1, 2, -2, ...: minimizing the magnitude choice
 * shrinks toward zero across the sign, and a negative value becomes positive by lowering one
 * side choice. Every value of such a range is exactly two choices, so changing a value never
 * shifts the choices after it (zero reads a side choice it ignores).
 *
 * <p>The only value whose magnitude does not fit a long is Long.MIN_VALUE; in a range that
 * holds it, the magnitude choice's top value Long.MAX_VALUE has a third side, 2 = MIN_VALUE.
 * [MIN_VALUE, 0] is too wide for one distance choice, so it is encoded by magnitude as well.
 *
 * <p>Random runs draw the value uniformly from the range (or one of the edge values, see
 * {@link Gen#longs}) and record the choices that encode it, so the random distribution does not
 * depend on the encoding.
 */
final class Ranges {
    private Ranges() {
    }

    static long simplest(long min, long max) {
        return min > 0 ? min : (max < 0 ? max : 0);
    }

    /** Draws a value: uniform in random mode, decoded from the choices when replaying. */
    static long drawLong(Source s, long min, long max) {
        return s.isReplaying() ? decode(s, min, max) : encode(s, min, max, s.uniform(min, max));
    }

    /** Records the choices that encode {@code value} (random mode); replays decode as usual. */
    static long forceLong(Source s, long min, long max, long value) {
        return s.isReplaying() ? decode(s, min, max) : encode(s, min, max, value);
    }

    private static long decode(Source s, long min, long max) {
        long origin = simplest(min, max);
        if (origin == min) {
            return origin + s.choice(max - min);
        }
        if (origin == max && max - min >= 0) {
            return origin - s.choice(max - min);
        }
        long[] values = valuesAt(min, max, s.choice(Math.max(max, negativeReach(min))));
        return values[(int) s.choice(values.length - 1)];
    }

    private static long encode(Source s, long min, long max, long value) {
        long origin = simplest(min, max);
        if (origin == min) {
            return origin + s.forcedChoice(max - min, value - min);
        }
        if (origin == max && max - min >= 0) {
            return origin - s.forcedChoice(max - min, max - value);
        }
        long m = value == Long.MIN_VALUE ? Long.MAX_VALUE : Math.abs(value);
        long[] values = valuesAt(min, max, s.forcedChoice(Math.max(max, negativeReach(min)), m));
        s.forcedChoice(values.length - 1, indexOf(values, value));
        return value;
    }

    private static int indexOf(long[] values, long value) {
        for (int i = 0; i < values.length; i++) {
            if (values[i] == value) {
                return i;
            }
        }
        throw new IllegalArgumentException(value + " is not among the values of its magnitude");
    }

    /** The largest magnitude on the negative side that is a long: -min, or MAX_VALUE for MIN_VALUE. */
    private static long negativeReach(long min) {
        return min == Long.MIN_VALUE ? Long.MAX_VALUE : -min;
    }

    /**
     * The values a side choice selects at magnitude m (min < 0 < max): {m, -m}, with a side that
     * is out of range replaced by the other, plus MIN_VALUE as a third side when m is MAX_VALUE
     * and the range holds MIN_VALUE. A fixed number of choices per value also means a lopsided
     * range gives its far end no shortlex advantage.
     */
    private static long[] valuesAt(long min, long max, long m) {
        if (m == 0) {
            return new long[] {0, 0};
        }
        long up = m <= max ? m : -m;
        long down = m <= negativeReach(min) ? -m : m;
        if (min == Long.MIN_VALUE && m == Long.MAX_VALUE) {
            return new long[] {up, down, Long.MIN_VALUE};
        }
        return new long[] {up, down};
    }

    /**
     * min, max and their inner neighbours, the simplest value and +-1 around it, and every
     * in-range boundary and its neighbours.
     */
    static long[] edges(long min, long max, long... boundaries) {
        // Sorted and without repeats, as a TreeSet would give them; one array, since every
        // Gen.longs call builds its edges (state-dependent generators do so at every draw).
        long[] out = new long[8 + 3 * boundaries.length];
        long origin = simplest(min, max);
        int n = addInRange(out, 0, min, max, min, max, origin, origin + 1, origin - 1, -1);
        if (min < max) {
            n = addInRange(out, n, min, max, min + 1, max - 1);
        }
        for (long b : boundaries) {
            n = addInRange(out, n, min, max, b - 1, b, b + 1);
        }
        Arrays.sort(out, 0, n);
        int distinct = 0;
        for (int i = 0; i < n; i++) {
            if (distinct == 0 || out[i] != out[distinct - 1]) {
                out[distinct++] = out[i];
            }
        }
        return Arrays.copyOf(out, distinct);
    }

    /** Appends the values within [min, max] at out[n..]; returns the new count. */
    private static int addInRange(long[] out, int n, long min, long max, long... values) {
        for (long v : values) {
            if (v >= min && v <= max) {
                out[n++] = v;
            }
        }
        return n;
    }
}
