package kverify.engine;

import java.util.Arrays;

/**
 * An immutable sequence of raw choices: the whole identity of a test case. Ordered shortlex
 * (shorter first, then lexicographically), which is the order the shrinker descends.
 */
public final class ChoiceSequence implements Comparable<ChoiceSequence> {
    private final long[] values;

    private ChoiceSequence(long[] values) {
        this.values = values;
    }

    public static ChoiceSequence of(long... values) {
        for (long v : values) {
            if (v < 0) {
                throw new IllegalArgumentException("choices are non-negative, got " + v);
            }
        }
        return new ChoiceSequence(values.clone());
    }

    public int length() {
        return values.length;
    }

    public long get(int index) {
        return values[index];
    }

    public long[] toArray() {
        return values.clone();
    }

    /** "3 0 17": the form stored in regression files and passed to -Dkverify.replay. */
    public String format() {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < values.length; i++) {
            if (i > 0) {
                sb.append(' ');
            }
            sb.append(values[i]);
        }
        return sb.toString();
    }

    /** Parses the {@link #format()} form; commas are accepted as separators too. */
    public static ChoiceSequence parse(String text) {
        String trimmed = text.trim();
        if (trimmed.isEmpty()) {
            return of();
        }
        String[] parts = trimmed.split("[\\s,]+");
        long[] out = new long[parts.length];
        for (int i = 0; i < parts.length; i++) {
            try {
                out[i] = Long.parseLong(parts[i]);
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("choice " + (i + 1) + " is not a number: '" + parts[i] + "'", e);
            }
            if (out[i] < 0) {
                throw new IllegalArgumentException("choice " + (i + 1) + " is negative: " + out[i]);
            }
        }
        return new ChoiceSequence(out);
    }

    @Override
    public int compareTo(ChoiceSequence o) {
        if (values.length != o.values.length) {
            return Integer.compare(values.length, o.values.length);
        }
        return Arrays.compare(values, o.values);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ChoiceSequence c && Arrays.equals(values, c.values);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(values);
    }

    @Override
    public String toString() {
        return "[" + format() + "]";
    }
}
