package kverify.engine.challenge;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.TreeSet;
import kverify.engine.Divergence;
import kverify.engine.Gen;

/**
 * The list problems of the shrinking challenge. Integers without stated bounds are Java ints
 * over their full range (the originals use unbounded integers; no problem here comes near the
 * int limits). The engine encodes an int of a range straddling zero by magnitude first, then
 * the side (positive first), so its order of values is 0, 1, -1, 2, -2, ...: the order in
 * which the published normal forms are written.
 */
final class ListChallenges {
    static final Gen<Integer> INTS = Gen.ints(Integer.MIN_VALUE, Integer.MAX_VALUE);
    /** Unbounded in the originals; the cap only guards runaway generation. */
    static final int MAX_SIZE = 1000;
    static final Gen<List<Integer>> INT_LISTS = Gen.lists(INTS, 0, MAX_SIZE);

    private ListChallenges() {
    }

    /** Reversing a list gives the same list (false). Minimum: two different elements, 0 then 1. */
    static Challenge reverse() {
        return new Challenge("reverse", "[0, 1]", s -> {
            List<Integer> xs = s.draw(Challenge.LABEL, INT_LISTS);
            List<Integer> reversed = new ArrayList<>(xs);
            Collections.reverse(reversed);
            if (!reversed.equals(xs)) {
                throw new Divergence("reverse differs", "reverse of " + xs + " is " + reversed);
            }
        });
    }

    /**
     * A length n in [1, 100] drawn first, then exactly n elements in [0, 1000] (a monadic bind);
     * fails when the maximum is at least 900. Minimum: [900].
     */
    static Challenge lengthList() {
        Gen<List<Integer>> lists = Gen.ints(1, 100).flatMap(n -> Gen.lists(Gen.ints(0, 1000), n, n));
        return new Challenge("lengthlist", "[900]", s -> {
            List<Integer> xs = s.draw(Challenge.LABEL, lists);
            if (Collections.max(xs) >= 900) {
                throw new Divergence("max >= 900", "max of " + xs + " is >= 900");
            }
        });
    }

    /**
     * Lists of lists of ints; fails when the inner lengths sum to more than 10. Minimum: one
     * inner list of eleven zeros (every further inner list costs a "one more?" choice).
     */
    static Challenge nestedLists() {
        return new Challenge("nestedlists", "[[0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0]]", s -> {
            List<List<Integer>> xss = s.draw(Challenge.LABEL, Gen.lists(INT_LISTS, 0, MAX_SIZE));
            int total = xss.stream().mapToInt(List::size).sum();
            if (total > 10) {
                throw new Divergence("more than 10 elements", total + " elements in " + xss);
            }
        });
    }

    /**
     * Lists of lists of ints; fails with five or more distinct integers across all lists.
     * Minimum: one inner list (each further inner list costs a choice) of the five simplest
     * values in ascending choice order, [[0, 1, -1, 2, -2]], the Hypothesis normal form.
     */
    static Challenge largeUnionList() {
        return new Challenge("large_union_list", "[[0, 1, -1, 2, -2]]", s -> {
            List<List<Integer>> xss = s.draw(Challenge.LABEL, Gen.lists(INT_LISTS, 0, MAX_SIZE));
            TreeSet<Integer> all = new TreeSet<>();
            xss.forEach(all::addAll);
            if (all.size() >= 5) {
                throw new Divergence("five distinct", "distinct values " + all + " in " + xss);
            }
        });
    }

    /**
     * A list of ints with at least three distinct elements. The challenge accepts [0, 1, -1] or
     * [0, 1, 2]; in the engine's order (0, 1, -1, 2, ...) the minimum is [0, 1, -1].
     */
    static Challenge distinct() {
        return new Challenge("distinct", "[0, 1, -1]", s -> {
            List<Integer> xs = s.draw(Challenge.LABEL, INT_LISTS);
            if (new TreeSet<>(xs).size() >= 3) {
                throw new Divergence("three distinct", xs + " has three distinct elements");
            }
        });
    }

    /**
     * Lists of ints in [0, 10], assumed to be valid indices into themselves; fails when two
     * positions point at each other (ls[ls[i]] == i with ls[i] != i). Minimum: [1, 0].
     */
    static Challenge coupling() {
        return new Challenge("coupling", "[1, 0]", s -> {
            List<Integer> xs = s.draw(Challenge.LABEL, Gen.lists(Gen.ints(0, 10), 0, MAX_SIZE));
            s.assume(xs.stream().allMatch(v -> v < xs.size()));
            for (int i = 0; i < xs.size(); i++) {
                int j = xs.get(i);
                if (j != i && xs.get(j) == i) {
                    throw new Divergence("coupled", "positions " + i + " and " + j + " point at each other in " + xs);
                }
            }
        });
    }

    /** A list and an index i in [0, 10] (assumed below the length); the case as printed. */
    record ListAndIndex(List<Integer> list, int index) {
        @Override
        public String toString() {
            return "(" + list + ", " + index + ")";
        }
    }

    /**
     * Removing the element at index i (List.remove(Object) drops only its first occurrence)
     * leaves it absent: false for duplicates. As in the original, the index is drawn in [0, 10]
     * independently and assumed below the length. Minimum: ([0, 0], 0).
     */
    static Challenge deletion() {
        Gen<ListAndIndex> cases = Gen.zip(INT_LISTS, Gen.ints(0, 10), ListAndIndex::new);
        return new Challenge("deletion", "([0, 0], 0)", s -> {
            ListAndIndex c = s.draw(Challenge.LABEL, cases);
            s.assume(c.index() < c.list().size());
            List<Integer> copy = new ArrayList<>(c.list());
            Integer x = copy.get(c.index());
            copy.remove(x);
            if (copy.contains(x)) {
                throw new Divergence("still present", x + " still in " + copy);
            }
        });
    }
}
