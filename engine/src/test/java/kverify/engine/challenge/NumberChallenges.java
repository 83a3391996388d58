package kverify.engine.challenge;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import kverify.engine.Divergence;
import kverify.engine.Gen;
import kverify.engine.Source;

/** bound5 and the three "difference" problems of the shrinking challenge. */
final class NumberChallenges {
    static final Gen<Integer> SHORTS = Gen.ints(Short.MIN_VALUE, Short.MAX_VALUE);
    static final Gen<Integer> POSITIVE = Gen.ints(1, Integer.MAX_VALUE);

    private NumberChallenges() {
    }

    /** Sum with 16-bit wrap-around, as the original's int16 arithmetic. */
    static short sum16(List<Integer> xs) {
        short sum = 0;
        for (int x : xs) {
            sum = (short) (sum + x);
        }
        return sum;
    }

    /** The five lists of bound5, printed as the Python tuple of the original. */
    record Five(List<List<Integer>> lists) {
        @Override
        public String toString() {
            return lists.stream().map(Object::toString).collect(Collectors.joining(", ", "(", ")"));
        }
    }

    /**
     * Five lists of 16-bit ints, each list's (wrapped) sum below 256; fails when the wrapped sum
     * of all values is not below 5 * 256, which overflow makes possible. Lists here have any
     * length, as the challenge text states (the Hypothesis version limits them to one element;
     * the normal form is the same). Minimum: two singleton lists whose sum wraps below -32768,
     * placed last because an empty list costs one choice and a singleton four; with -1 encoded
     * as (negative, distance 0) before -32768 = (negative, distance 32767):
     * ([], [], [], [-1], [-32768]), which is also the Hypothesis normal form.
     */
    static Challenge bound5() {
        return bound5("bound5", ListChallenges.MAX_SIZE);
    }

    /**
     * bound5 as the Hypothesis benchmark writes it, each list at most one element long: the
     * row its published evaluation counts compare with. Same normal form.
     */
    static Challenge bound5AtMostOne() {
        return bound5("bound5_at_most_one", 1);
    }

    private static Challenge bound5(String name, int maxSize) {
        Gen<List<Integer>> bounded = Gen.lists(SHORTS, 0, maxSize).filter("list sum < 256", xs -> sum16(xs) < 256);
        Gen<Five> five = s -> {
            List<List<Integer>> lists = new ArrayList<>();
            for (int i = 0; i < 5; i++) {
                lists.add(s.draw(bounded));
            }
            return new Five(lists);
        };
        return new Challenge(name, "([], [], [], [-1], [-32768])", s -> {
            Five p = s.draw(Challenge.LABEL, five);
            List<Integer> all = p.lists().stream().flatMap(List::stream).toList();
            if (sum16(all) >= 5 * 256) {
                throw new Divergence("wrapped sum >= 1280", "wrapped sum " + sum16(all) + " of " + p);
            }
        });
    }

    /** Two positive ints, printed as the challenge writes them. */
    record Pair(int first, int second) {
        @Override
        public String toString() {
            return "[" + first + ", " + second + "]";
        }

        long difference() {
            return Math.abs((long) first - second);
        }
    }

    private static Pair pair(Source s) {
        return s.draw(Challenge.LABEL, Gen.zip(POSITIVE, POSITIVE, Pair::new));
    }

    /** Passes when first < 10 or the difference is not zero. Minimum: [10, 10]. */
    static Challenge differenceMustNotBeZero() {
        return new Challenge("difference_must_not_be_zero", "[10, 10]", s -> {
            Pair p = pair(s);
            if (p.first() >= 10 && p.difference() == 0) {
                throw new Divergence("difference is zero", p + " differ by zero");
            }
        });
    }

    /** Passes when first < 10 or the difference is not in [1, 4]. Minimum: [10, 6]. */
    static Challenge differenceMustNotBeSmall() {
        return new Challenge("difference_must_not_be_small", "[10, 6]", s -> {
            Pair p = pair(s);
            if (p.first() >= 10 && p.difference() >= 1 && p.difference() <= 4) {
                throw new Divergence("difference is small", p + " differ by " + p.difference());
            }
        });
    }

    /** Passes when first < 10 or the difference is not one. Minimum: [10, 9]. */
    static Challenge differenceMustNotBeOne() {
        return new Challenge("difference_must_not_be_one", "[10, 9]", s -> {
            Pair p = pair(s);
            if (p.first() >= 10 && p.difference() == 1) {
                throw new Divergence("difference is one", p + " differ by one");
            }
        });
    }
}
