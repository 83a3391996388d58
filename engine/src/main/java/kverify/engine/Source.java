package kverify.engine;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import java.util.TreeSet;

/**
 * The only source of randomness a generator or property body sees. Every decision is a bounded
 * raw choice in [0, max] that is recorded; a case is fully determined by its recorded choices.
 * In random mode choices come from a seeded {@link SplittableRandom}; in replay mode from a
 * given prefix, extended with zeros (the simplest choice) once the prefix runs out. Spans mark
 * which choices each {@link #draw} produced, so the shrinker can delete whole values.
 */
public final class Source {
    /** A case that needs more choices than this is abandoned (guards runaway recursion). */
    public static final int MAX_CHOICES = 1 << 16;
    private static final int HINT_ONE_IN = 4;

    private final SplittableRandom random;
    private final long[] prefix;
    // The recorded choices and their bounds, in growable primitive arrays (no boxing per choice).
    private long[] recorded = new long[64];
    private long[] bounds = new long[64];
    private int size;
    private final List<int[]> spans = new ArrayList<>();
    // Generator class -> small id, numbered in order of first draw in this source: kindsByClass[classId] holds id + 1
    // (0: not drawn yet). A class's process-wide index (CLASS_IDS) only locates the slot, so it never reaches a case.
    private int[] kindsByClass = new int[64];
    private int kindCount;
    private static final java.util.concurrent.atomic.AtomicInteger NEXT_CLASS_ID = new java.util.concurrent.atomic.AtomicInteger();
    private static final ClassValue<Integer> CLASS_IDS = new ClassValue<>() {
        @Override
        protected Integer computeValue(Class<?> type) {
            return NEXT_CLASS_ID.getAndIncrement();
        }
    };
    private final List<String> log = new ArrayList<>();
    private final TreeSet<String> labels = new TreeSet<>();
    private int depth;

    private Source(SplittableRandom random, long[] prefix) {
        this.random = random;
        this.prefix = prefix;
    }

    static Source random(long seed) {
        return new Source(new SplittableRandom(seed), new long[0]);
    }

    static Source replay(ChoiceSequence choices) {
        return new Source(null, choices.toArray());
    }

    /** A raw choice in [0, max]; shrinks toward 0. */
    public long choice(long max) {
        return choice(max, NO_PREFERENCE);
    }

    private static final long[] NO_PREFERENCE = new long[0];

    /** A raw choice in [0, max]; random runs pick one of {@code preferred} (clamped) one time in four. */
    public long choice(long max, long... preferred) {
        if (max < 0) {
            throw new IllegalArgumentException("choice bound must be >= 0, got " + max);
        }
        int index = size;
        if (index >= MAX_CHOICES) {
            throw new Overrun();
        }
        long value;
        if (random == null) {
            value = index < prefix.length ? Math.min(prefix[index], max) : 0;
        } else if (preferred.length > 0 && random.nextInt(HINT_ONE_IN) == 0) {
            value = Math.min(preferred[random.nextInt(preferred.length)], max);
        } else {
            value = max == Long.MAX_VALUE ? random.nextLong() & Long.MAX_VALUE : random.nextLong(max + 1);
        }
        record(value, max);
        return value;
    }

    /**
     * For generators whose edge values span several choices: in random mode, returns an index in
     * [0, n) one time in four (the caller then forces the choices of that edge value with
     * {@link #forcedChoice}); otherwise, and always when replaying, -1. Records nothing.
     */
    public int hint(int n) {
        if (random == null || n == 0 || random.nextInt(HINT_ONE_IN) != 0) {
            return -1;
        }
        return random.nextInt(n);
    }

    /** Records {@code value} as if drawn (random mode after a hint); replays read the prefix. */
    public long forcedChoice(long max, long value) {
        if (random == null) {
            return choice(max);
        }
        int index = size;
        if (index >= MAX_CHOICES) {
            throw new Overrun();
        }
        long v = Math.max(0, Math.min(value, max));
        record(v, max);
        return v;
    }

    private void record(long value, long max) {
        if (size == recorded.length) {
            recorded = Arrays.copyOf(recorded, 2 * size);
            bounds = Arrays.copyOf(bounds, 2 * size);
        }
        recorded[size] = value;
        bounds[size] = max;
        size++;
    }

    /** True when choices come from a given sequence rather than from the random generator. */
    boolean isReplaying() {
        return random == null;
    }

    /** A uniformly random long in [min, max] (random mode only); records nothing. */
    long uniform(long min, long max) {
        long span = max - min;
        if (span >= 0 && span < Long.MAX_VALUE) {
            return min + random.nextLong(span + 1);
        }
        // The span does not fit a long: sample all longs and keep those in range (at least half).
        while (true) {
            long v = random.nextLong();
            if (v >= min && v <= max) {
                return v;
            }
        }
    }

    public <T> T draw(Gen<T> gen) {
        int start = size;
        depth++;
        try {
            return gen.generate(this);
        } finally {
            depth--;
            if (size > start) {
                spans.add(new int[] {start, size, depth, kindOf(gen)});
            }
        }
    }

    /**
     * The kind of a generator: its class, so every draw made by one factory (each level of a
     * recursive generator, each node of a tree, each list entry) has the same kind. The shrinker
     * only promotes a draw to a nested draw of the same kind.
     */
    private int kindOf(Gen<?> gen) {
        int classId = CLASS_IDS.get(gen.getClass());
        if (classId >= kindsByClass.length) {
            kindsByClass = Arrays.copyOf(kindsByClass, Math.max(2 * kindsByClass.length, classId + 1));
        }
        if (kindsByClass[classId] == 0) {
            kindsByClass[classId] = ++kindCount;
        }
        return kindsByClass[classId] - 1;
    }

    /** Draws and logs {@code label: value} as a line of the rendered case. */
    public <T> T draw(String label, Gen<T> gen) {
        T value = draw(gen);
        log.add(label + ": " + value);
        return value;
    }

    public void note(String line) {
        log.add(line);
    }

    /** Counts this case under a coverage label (once per case however often it is called). */
    public void classify(String label) {
        labels.add(label);
    }

    /** Discards the case when the condition is false; discarded cases do not count as tries. */
    public void assume(boolean condition) {
        if (!condition) {
            throw new Discard();
        }
    }

    ChoiceSequence recorded() {
        return ChoiceSequence.of(Arrays.copyOf(recorded, size));
    }

    /** The upper bound each recorded choice was drawn with. */
    long[] bounds() {
        return Arrays.copyOf(bounds, size);
    }

    /** Spans as [start, end, depth, kind], in the order the draws finished. */
    List<int[]> spans() {
        return spans;
    }

    List<String> log() {
        return log;
    }

    TreeSet<String> labels() {
        return labels;
    }

    /** Thrown when a case is rejected by assume or an exhausted filter; not a failure. */
    static final class Discard extends RuntimeException {
        Discard() {
            super("case discarded", null, false, false);
        }
    }

    /** Thrown when a case asks for more than {@link #MAX_CHOICES} choices; not a failure. */
    static final class Overrun extends RuntimeException {
        Overrun() {
            super("case needs more than " + MAX_CHOICES + " choices", null, false, false);
        }
    }
}
