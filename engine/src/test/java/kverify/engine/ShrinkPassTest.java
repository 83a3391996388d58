package kverify.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

/** Each shrink pass alone, on a case built from given choices, does the one thing it is for. */
class ShrinkPassTest {
    private static final Gen<List<Integer>> DIGITS = Gen.lists(Gen.ints(0, 10), 0, 20);

    /** Runs one pass once on the failing case the choices give; returns the rendering after it. */
    private static List<String> afterPass(ShrinkPass pass, Consumer<Source> body, long... choices) {
        TestCase failing = Execution.run(body, Source.replay(ChoiceSequence.of(choices)));
        assertThat(failing.failed()).as("the starting case must fail").isTrue();
        Shrinker shrinker = new Shrinker(body, failing, 10_000);
        pass.run(shrinker);
        return Execution.run(body, Source.replay(ChoiceSequence.of(shrinker.current()))).rendering();
    }

    @Test
    void swapSiblingsMovesAnEmptyListBeforeANonEmptyOne() {
        Consumer<Source> body = s -> {
            List<Integer> a = s.draw("a", DIGITS);
            List<Integer> b = s.draw("b", DIGITS);
            if (a.size() + b.size() > 0) {
                throw new Divergence("not empty", "non-empty");
            }
        };
        // a = [5] (entry 1 5, end 0), b = [] (end 0): swapping the two list spans puts the 0 first.
        assertThat(afterPass(ShrinkPass.SWAP_SIBLINGS, body, 1, 5, 0, 0)).containsExactly("a: []", "b: [5]");
    }

    /** Two positions pointing at each other, as in the challenge's "coupling". */
    private static final Consumer<Source> COUPLED = s -> {
        List<Integer> xs = s.draw("xs", DIGITS);
        s.assume(xs.stream().allMatch(v -> v < xs.size()));
        for (int i = 0; i < xs.size(); i++) {
            if (xs.get(i) != i && xs.get(xs.get(i)) == i) {
                throw new Divergence("coupled", "coupled");
            }
        }
    };

    @Test
    void deleteShiftingKeepsLaterIndicesPointingAtTheSameElements() {
        // [0, 2, 1]: deleting the first element alone leaves [2, 1], out of range; shifted it is [1, 0].
        assertThat(afterPass(ShrinkPass.DELETE_SHIFTING, COUPLED, 1, 0, 1, 2, 1, 1, 0)).containsExactly("xs: [1, 0]");
        assertThat(afterPass(ShrinkPass.DELETE_SPANS, COUPLED, 1, 0, 1, 2, 1, 1, 0)).containsExactly("xs: [0, 2, 1]");
    }

    /** A binary tree of digits, printed as nested parentheses; every node is drawn by the same factory. */
    private static Gen<String> tree(int depth) {
        return s -> depth == 0 || s.choice(1) == 0 ? String.valueOf(s.draw(Gen.ints(0, 9)))
                : "(" + s.draw(tree(depth - 1)) + " " + s.draw(tree(depth - 1)) + ")";
    }

    @Test
    void promoteDescendantsReplacesATreeByTheSubtreeThatFails() {
        Consumer<Source> body = s -> {
            String t = s.draw("t", tree(3));
            if (t.contains("7")) {
                throw new Divergence("has 7", t);
            }
        };
        // ((1 7) 2): node, node, leaf 1, leaf 7, leaf 2; the smallest same-kind subtree holding 7 is the leaf.
        assertThat(afterPass(ShrinkPass.PROMOTE_DESCENDANTS, body, 1, 1, 0, 1, 0, 7, 0, 2)).containsExactly("t: 7");
    }

    @Test
    void minimizeSkipsOneValueTheCaseExcludes() {
        Consumer<Source> body = s -> {
            long a = s.draw("a", Gen.longs(0, 100));
            long b = s.draw("b", Gen.longs(0, 100));
            if (a >= 10 && Math.abs(a - b) == 1) {
                throw new Divergence("differ by one", a + " " + b);
            }
        };
        // b = 11 cannot become 10 (difference 0) but can become 9: the probe by 2 finds it.
        assertThat(afterPass(ShrinkPass.MINIMIZE_CHOICES, body, 10, 11)).containsExactly("a: 10", "b: 9");
    }

    @Test
    void aFailureWithoutStackTraceMatchesOnlyItsExceptionType() {
        String located = "java.lang.ArithmeticException at java.lang.Math:1288";
        String bare = "java.lang.ArithmeticException" + Execution.NO_TRACE;
        assertThat(Execution.sameFailure(located, bare)).isTrue();
        assertThat(Execution.sameFailure(bare, located)).isTrue();
        assertThat(Execution.sameFailure(located, "java.lang.ArithmeticException at Calc:12")).isFalse();
        assertThat(Execution.sameFailure(located, "java.lang.NullPointerException" + Execution.NO_TRACE)).isFalse();
        assertThat(Execution.failureKey(new ArithmeticException("/ by zero") {
            @Override
            public synchronized Throwable fillInStackTrace() {
                return this;
            }
        })).endsWith(Execution.NO_TRACE);
    }
}
