package kverify.engine.challenge;

import java.util.ArrayList;
import java.util.List;
import kverify.engine.Divergence;
import kverify.engine.Gen;

/** The recursive problems of the shrinking challenge: calculator and binheap. */
final class TreeChallenges {
    /** Depth bound of calculator expressions (the original recurses without a bound). */
    static final int MAX_EXPRESSION_DEPTH = 8;

    private TreeChallenges() {
    }

    /** A calculator expression, printed as the Python tuples of the original. */
    sealed interface Expr {
    }

    record Lit(int value) implements Expr {
        @Override
        public String toString() {
            return Integer.toString(value);
        }
    }

    record Add(Expr left, Expr right) implements Expr {
        @Override
        public String toString() {
            return "('+', " + left + ", " + right + ")";
        }
    }

    record Div(Expr left, Expr right) implements Expr {
        @Override
        public String toString() {
            return "('/', " + left + ", " + right + ")";
        }
    }

    /** No '/' node has the literal 0 as divisor (a non-literal divisor may still be zero). */
    static boolean noLiteralZeroDivisor(Expr e) {
        if (e instanceof Add a) {
            return noLiteralZeroDivisor(a.left()) && noLiteralZeroDivisor(a.right());
        }
        if (e instanceof Div d) {
            return !(d.right() instanceof Lit l && l.value() == 0)
                    && noLiteralZeroDivisor(d.left()) && noLiteralZeroDivisor(d.right());
        }
        return true;
    }

    /** Evaluates with floor division as the original; division by zero throws ArithmeticException. */
    static long evaluate(Expr e) {
        if (e instanceof Add a) {
            return evaluate(a.left()) + evaluate(a.right());
        }
        if (e instanceof Div d) {
            return Math.floorDiv(evaluate(d.left()), evaluate(d.right()));
        }
        return ((Lit) e).value();
    }

    /**
     * Expressions without a literal zero divisor evaluate without error (false: 1 / (3 + -3)).
     * The generator chooses leaf or node first (leaf = choice 0), then '+' (0) or '/' (1), so
     * the minimum is a '/' of a zero leaf by the smallest non-leaf zero, ('+', 0, 0):
     * ('/', 0, ('+', 0, 0)), also the newest Hypothesis normal form.
     */
    static Challenge calculator() {
        Gen<Expr> leaf = ListChallenges.INTS.map(Lit::new);
        Gen<Expr> expressions = Gen.recursive(MAX_EXPRESSION_DEPTH, leaf, below -> Gen.oneOf(
                Gen.zip(below, below, Add::new), Gen.zip(below, below, Div::new)));
        return new Challenge("calculator", "('/', 0, ('+', 0, 0))", s -> {
            Expr e = s.draw(Challenge.LABEL, expressions);
            s.assume(noLiteralZeroDivisor(e));
            evaluate(e);
        });
    }

    /** A heap node; null is the empty heap. Printed as the Python tuples of the original. */
    record Heap(int head, Heap left, Heap right) {
        @Override
        public String toString() {
            return "(" + head + ", " + show(left) + ", " + show(right) + ")";
        }

        static String show(Heap h) {
            return h == null ? "None" : h.toString();
        }
    }

    /** As the original: a branch in [1, 8] (1 = empty), keys at least the parent's, halving sizes. */
    static Gen<Heap> heaps(Integer bound, int size) {
        return s -> {
            int branch = s.draw(Gen.ints(1, 8));
            if (branch == 1 || size <= 0) {
                return null;
            }
            int head = s.draw(bound == null ? ListChallenges.INTS : Gen.ints(bound, Integer.MAX_VALUE));
            Heap left = s.draw(heaps(head, size / 2));
            Heap right = s.draw(heaps(head, size / 2));
            return new Heap(head, left, right);
        };
    }

    /** Pre-order walk with an explicit stack, right child first, as the original's to_list. */
    static List<Integer> toList(Heap heap) {
        List<Integer> out = new ArrayList<>();
        List<Heap> stack = new ArrayList<>();
        stack.add(heap);
        while (!stack.isEmpty()) {
            Heap h = stack.remove(stack.size() - 1);
            if (h != null) {
                out.add(h.head());
                stack.add(h.left());
                stack.add(h.right());
            }
        }
        return out;
    }

    static Heap merge(Heap a, Heap b) {
        if (a == null) {
            return b;
        }
        if (b == null) {
            return a;
        }
        if (a.head() <= b.head()) {
            return new Heap(a.head(), merge(a.right(), b), a.left());
        }
        return new Heap(b.head(), merge(b.right(), a), b.left());
    }

    /** The wrong conversion: the head, then the merged rest in walk order instead of sorted. */
    static List<Integer> wrongToSortedList(Heap heap) {
        List<Integer> out = new ArrayList<>();
        if (heap != null) {
            out.add(heap.head());
            out.addAll(toList(merge(heap.left(), heap.right())));
        }
        return out;
    }

    static List<Integer> sorted(List<Integer> xs) {
        List<Integer> out = new ArrayList<>(xs);
        out.sort(null);
        return out;
    }

    /**
     * The wrong conversion yields a sorted list equal to the sorted elements (false). A size
     * in [0, 20] is drawn first and halves per level, so a heap three levels deep needs size 4;
     * the smallest failing heap has four nodes; an empty left child (one choice 0) before a
     * non-empty one makes the minimum (0, None, (0, (0, None, None), (1, None, None))).
     */
    static Challenge binheap() {
        Gen<Heap> heaps = Gen.ints(0, 20).flatMap(size -> heaps(null, size));
        return new Challenge("binheap", "(0, None, (0, (0, None, None), (1, None, None)))", s -> {
            // The empty heap prints as null here; it never fails, so no counterexample shows it.
            Heap h = s.draw(Challenge.LABEL, heaps);
            List<Integer> walked = toList(h);
            List<Integer> converted = wrongToSortedList(h);
            if (!converted.equals(sorted(converted)) || !sorted(walked).equals(converted)) {
                throw new Divergence("not sorted", "converted " + Heap.show(h) + " to " + converted);
            }
        });
    }
}
