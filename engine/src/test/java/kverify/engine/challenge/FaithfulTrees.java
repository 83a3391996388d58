package kverify.engine.challenge;

import java.math.BigInteger;
import kverify.engine.ChoiceWriter;
import kverify.engine.Gen;
import kverify.engine.challenge.HeapLists.Heap;
import kverify.engine.challenge.published.PyValue;

/**
 * calculator and binheap exactly as the originals generate them (the Hypothesis sources of the
 * ECOOP 2020 artifact), beside the first encodings in {@link TreeChallenges}: calculator draws a
 * Python integer, '+' or '/' uniformly (choice 0, 1, 2) with no depth limit; binheap filters
 * each key to be at least its parent's instead of drawing it from [parent, MAX].
 */
final class FaithfulTrees {
    private FaithfulTrees() {
    }

    /** A calculator expression: a BigInteger leaf or a tuple of an operator and two expressions. */
    sealed interface Expr {
    }

    record Leaf(BigInteger value) implements Expr {
        @Override
        public String toString() {
            return value.toString();
        }
    }

    record Node(char op, Expr left, Expr right) implements Expr {
        @Override
        public String toString() {
            return "('" + op + "', " + left + ", " + right + ")";
        }
    }

    /**
     * Deeper expressions are discarded (a random draw of this generator is infinite with
     * positive probability: two of three branches have two children). Hypothesis bounds the
     * same generation by its 8 KiB choice buffer; no published case comes near this depth.
     */
    static final int MAX_DEPTH = 64;

    /** One of: an integer, ('+', e, e), ('/', e, e), uniformly; only {@link #MAX_DEPTH} bounds the depth. */
    static final Gen<Expr> EXPRESSIONS = expressions(0);

    private static Gen<Expr> expressions(int depth) {
        return s -> {
            s.assume(depth < MAX_DEPTH);
            long branch = s.choice(2);
            if (branch == 0) {
                return new Leaf(s.draw(PyInts.INTEGERS));
            }
            return new Node(branch == 1 ? '+' : '/', s.draw(expressions(depth + 1)), s.draw(expressions(depth + 1)));
        };
    }

    static boolean noLiteralZeroDivisor(Expr e) {
        return !(e instanceof Node n) || !(n.op() == '/' && n.right() instanceof Leaf l && l.value().signum() == 0)
                && noLiteralZeroDivisor(n.left()) && noLiteralZeroDivisor(n.right());
    }

    /** Python's evaluation: unbounded integers, floor division; ArithmeticException on zero. */
    static BigInteger evaluate(Expr e) {
        if (e instanceof Leaf l) {
            return l.value();
        }
        Node n = (Node) e;
        BigInteger a = evaluate(n.left());
        BigInteger b = evaluate(n.right());
        if (n.op() == '+') {
            return a.add(b);
        }
        BigInteger[] qr = a.divideAndRemainder(b);
        return qr[1].signum() != 0 && (qr[1].signum() != b.signum()) ? qr[0].subtract(BigInteger.ONE) : qr[0];
    }

    /**
     * calculator as written: the minimum is a '/' of the zero leaf by the cheapest non-literal
     * zero, ('+', 0, 0): ('/', 0, ('+', 0, 0)), the Hypothesis 5.23.11 normal form.
     */
    static Challenge calculator() {
        return new Challenge("calculator_faithful", "('/', 0, ('+', 0, 0))", s -> {
            Expr e = s.draw(Challenge.LABEL, EXPRESSIONS);
            s.assume(noLiteralZeroDivisor(e));
            evaluate(e);
        }).startingFrom(v -> writeExpr(new ChoiceWriter(), v).done());
    }

    private static ChoiceWriter writeExpr(ChoiceWriter w, Object v) {
        if (!(v instanceof PyValue.Tuple t)) {
            w.choice(2, 0);
            PyInts.write(w, v);
            return w;
        }
        w.choice(2, t.get(0).equals("+") ? 1 : 2);
        writeExpr(w, t.get(1));
        return writeExpr(w, t.get(2));
    }

    /** As the original: branch in [1, 8] (1 = empty), a key filtered to be >= the parent's, halving sizes. */
    static Gen<Heap<BigInteger>> heaps(BigInteger bound, int size) {
        Gen<BigInteger> keys = bound == null ? PyInts.INTEGERS : PyInts.INTEGERS.filter("key >= parent", k -> k.compareTo(bound) >= 0);
        return s -> {
            int branch = s.draw(Gen.ints(1, 8));
            if (branch == 1 || size <= 0) {
                return null;
            }
            BigInteger head = s.draw(keys);
            return new Heap<>(head, s.draw(heaps(head, size / 2)), s.draw(heaps(head, size / 2)));
        };
    }

    /**
     * binheap as written; the same minimum as {@link TreeChallenges#binheap()}:
     * (0, None, (0, (0, None, None), (1, None, None))).
     */
    static Challenge binheap() {
        Gen<Heap<BigInteger>> heaps = Gen.ints(0, 20).flatMap(size -> heaps(null, size));
        return new Challenge("binheap_faithful", "(0, None, (0, (0, None, None), (1, None, None)))",
                s -> HeapLists.check(s.draw(Challenge.LABEL, heaps))).startingFrom(v -> {
            int depth = depth(v);
            ChoiceWriter w = new ChoiceWriter().integer(0, 20, depth == 0 ? 0 : 1L << (depth - 1));
            return writeHeap(w, v).done();
        });
    }

    /** Levels of a published heap (None is 0): a heap of d levels needs size 2^(d-1). */
    private static int depth(Object v) {
        if (v == null) {
            return 0;
        }
        PyValue.Tuple t = (PyValue.Tuple) v;
        return 1 + Math.max(depth(t.get(1)), depth(t.get(2)));
    }

    /** Empty: branch 1 (choice 0); a node: branch 2, its key once (it passes the filter), its children. */
    private static ChoiceWriter writeHeap(ChoiceWriter w, Object v) {
        if (v == null) {
            return w.integer(1, 8, 1);
        }
        PyValue.Tuple t = (PyValue.Tuple) v;
        w.integer(1, 8, 2);
        PyInts.write(w, t.get(0));
        writeHeap(w, t.get(1));
        return writeHeap(w, t.get(2));
    }
}
