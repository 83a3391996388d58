package kverify.engine;

import java.util.List;
import java.util.function.BiConsumer;

/**
 * Writes the choice sequence that makes the engine's generators produce a given value: the
 * inverse of generation, for turning a case published by another library into a case of ours.
 * Each method records the choices the matching {@link Gen} factory reads.
 */
public final class ChoiceWriter {
    private final Source recorder = Source.random(0);

    /** The choices of {@link Gen#longs}/{@link Gen#ints} over [min, max] for {@code value}. */
    public ChoiceWriter integer(long min, long max, long value) {
        if (value < min || value > max) {
            throw new IllegalArgumentException(value + " outside [" + min + ", " + max + "]");
        }
        Ranges.forceLong(recorder, min, max, value);
        return this;
    }

    /** One raw choice in [0, max] ({@link Source#choice}, {@link Gen#elements}, {@link Gen#oneOf}). */
    public ChoiceWriter choice(long max, long value) {
        if (value < 0 || value > max) {
            throw new IllegalArgumentException(value + " outside [0, " + max + "]");
        }
        recorder.forcedChoice(max, value);
        return this;
    }

    /** The choices of {@link Gen#lists}(element, minSize, maxSize) for {@code values}. */
    public <T> ChoiceWriter list(List<T> values, int minSize, int maxSize, BiConsumer<ChoiceWriter, T> element) {
        if (values.size() < minSize || values.size() > maxSize) {
            throw new IllegalArgumentException("list of " + values.size() + " outside [" + minSize + ", " + maxSize + "]");
        }
        for (int i = 0; i < values.size(); i++) {
            if (i >= minSize) {
                choice(1, 1);
            }
            element.accept(this, values.get(i));
        }
        if (values.size() < maxSize) {
            choice(1, 0);
        }
        return this;
    }

    public ChoiceSequence done() {
        return recorder.recorded();
    }
}
