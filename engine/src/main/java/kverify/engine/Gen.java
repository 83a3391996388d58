package kverify.engine;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.BiFunction;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * A generator: turns choices drawn from a {@link Source} into a value. Generators never hold
 * randomness of their own, so any generator, however state-dependent, replays and shrinks
 * exactly. Each factory maps choice 0 to its simplest value, so shrinking choices toward zero
 * shrinks values toward the simplest.
 */
@FunctionalInterface
public interface Gen<T> {
    /** How many times a filter redraws inside one case before the case is discarded. */
    int FILTER_RETRIES = 100;

    T generate(Source source);

    default <R> Gen<R> map(Function<? super T, ? extends R> f) {
        return s -> f.apply(s.draw(this));
    }

    default <R> Gen<R> flatMap(Function<? super T, Gen<R>> f) {
        return s -> s.draw(f.apply(s.draw(this)));
    }

    default Gen<T> filter(Predicate<? super T> keep) {
        return filter("filter", keep);
    }

    /** Redraws until {@code keep} holds; after {@link #FILTER_RETRIES} misses the case is discarded. */
    default Gen<T> filter(String description, Predicate<? super T> keep) {
        return s -> {
            for (int attempt = 0; attempt < FILTER_RETRIES; attempt++) {
                T value = s.draw(this);
                if (keep.test(value)) {
                    return value;
                }
            }
            throw new FilterExhausted(description);
        };
    }

    static <T> Gen<T> constant(T value) {
        return s -> value;
    }

    static Gen<Boolean> booleans() {
        return s -> s.choice(1) == 1;
    }

    /**
     * Longs in [min, max], shrinking toward the value nearest zero (for a range around zero in
     * the order 0, 1, -1, 2, -2, ...). Random runs pick, one time in four, an edge value: min,
     * max, min + 1, max - 1, 0, +-1, and each boundary and its neighbours; otherwise a value
     * uniformly from the range. See {@link Ranges} for the encoding.
     */
    static Gen<Long> longs(long min, long max, long... boundaries) {
        if (min > max) {
            throw new IllegalArgumentException("longs: min " + min + " > max " + max);
        }
        long[] edges = Ranges.edges(min, max, boundaries);
        return s -> {
            int h = s.hint(edges.length);
            return h < 0 ? Ranges.drawLong(s, min, max) : Ranges.forceLong(s, min, max, edges[h]);
        };
    }

    static Gen<Integer> ints(int min, int max, int... boundaries) {
        long[] wide = new long[boundaries.length];
        for (int i = 0; i < wide.length; i++) {
            wide[i] = boundaries[i];
        }
        return longs(min, max, wide).map(Long::intValue);
    }

    @SafeVarargs
    static <T> Gen<T> elements(T... values) {
        return elements(List.of(values));
    }

    /** One of the values; shrinks toward the first. */
    static <T> Gen<T> elements(List<T> values) {
        if (values.isEmpty()) {
            throw new IllegalArgumentException("elements: no values");
        }
        List<T> copy = List.copyOf(values);
        return s -> copy.get((int) s.choice(copy.size() - 1));
    }

    /** One of the generators, chosen uniformly; shrinks toward the first. */
    @SafeVarargs
    static <T> Gen<T> oneOf(Gen<? extends T>... gens) {
        List<Gen<? extends T>> copy = List.of(gens);
        return s -> s.draw(copy.get((int) s.choice(copy.size() - 1)));
    }

    record Weighted<T>(int weight, Gen<? extends T> gen) {
        public Weighted {
            if (weight <= 0) {
                throw new IllegalArgumentException("weight must be > 0, got " + weight);
            }
        }
    }

    static <T> Weighted<T> weighted(int weight, Gen<? extends T> gen) {
        return new Weighted<>(weight, gen);
    }

    /** Weighted choice among generators; shrinks toward the first listed. */
    @SafeVarargs
    static <T> Gen<T> frequency(Weighted<T>... options) {
        // A plain array and loop: state-dependent generators build a frequency at every draw.
        Weighted<T>[] copy = options.clone();
        long total = 0;
        for (Weighted<T> w : copy) {
            total += Objects.requireNonNull(w).weight();
        }
        long weights = total;
        return s -> {
            long ticket = s.choice(weights - 1);
            for (Weighted<T> w : copy) {
                if (ticket < w.weight()) {
                    return s.draw(w.gen());
                }
                ticket -= w.weight();
            }
            throw new AssertionError("unreachable: ticket beyond total weight");
        };
    }

    /**
     * Lists of size in [minSize, maxSize]. Each element beyond the minimum is preceded by a
     * "one more?" choice; the flag and its element form one span (an entry), so deleting that
     * span deletes one element and swapping two entry spans swaps two elements.
     */
    static <T> Gen<List<T>> lists(Gen<T> element, int minSize, int maxSize) {
        if (minSize < 0 || maxSize < minSize) {
            throw new IllegalArgumentException("lists: bad size bounds " + minSize + ".." + maxSize);
        }
        // Random runs say "one more" more often than not (5 in 8), so random lists are not tiny.
        Gen<ListEntry<T>> entry = s -> s.choice(1, 1) == 1 ? ListEntry.of(s.draw(element)) : ListEntry.none();
        return s -> {
            List<T> out = new ArrayList<>();
            while (out.size() < minSize) {
                out.add(s.draw(element));
            }
            while (out.size() < maxSize) {
                ListEntry<T> next = s.draw(entry);
                if (!next.present()) {
                    break;
                }
                out.add(next.value());
            }
            return out;
        };
    }

    static Gen<byte[]> bytes(int minLength, int maxLength) {
        return lists(ints(0, 255), minLength, maxLength).map(list -> {
            byte[] out = new byte[list.size()];
            for (int i = 0; i < out.length; i++) {
                out[i] = (byte) (int) list.get(i);
            }
            return out;
        });
    }

    static <A, B, R> Gen<R> zip(Gen<A> a, Gen<B> b, BiFunction<? super A, ? super B, ? extends R> f) {
        return s -> f.apply(s.draw(a), s.draw(b));
    }

    @FunctionalInterface
    interface Function3<A, B, C, R> {
        R apply(A a, B b, C c);
    }

    static <A, B, C, R> Gen<R> zip(Gen<A> a, Gen<B> b, Gen<C> c, Function3<? super A, ? super B, ? super C, ? extends R> f) {
        return s -> f.apply(s.draw(a), s.draw(b), s.draw(c));
    }

    /**
     * Recursive structures with a depth bound: {@code step} builds a level from the generator of
     * the level below; at depth 0 only {@code base} is used. Choice 0 picks the base case, so
     * shrinking flattens the structure.
     */
    static <T> Gen<T> recursive(int maxDepth, Gen<T> base, Function<Gen<T>, Gen<T>> step) {
        Gen<T> level = base;
        for (int d = 0; d < maxDepth; d++) {
            Gen<T> below = level;
            Gen<T> deeper = step.apply(below);
            level = s -> s.choice(1) == 0 ? s.draw(base) : s.draw(deeper);
        }
        return level;
    }

    /** Thrown when a filter rejected every redraw; the runner reports it if it happens too often. */
    final class FilterExhausted extends RuntimeException {
        private final String description;

        FilterExhausted(String description) {
            super("filter '" + description + "' rejected " + FILTER_RETRIES + " draws in a row", null, false, false);
            this.description = description;
        }

        public String description() {
            return description;
        }
    }
}
