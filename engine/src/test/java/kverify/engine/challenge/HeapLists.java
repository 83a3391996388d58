package kverify.engine.challenge;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import kverify.engine.challenge.FaithfulTrees.Heap;

/** The list functions of the faithful binheap: pre-order walk, merge, the faulty conversion. */
final class HeapLists {
    private HeapLists() {
    }

    /** Pre-order walk with an explicit stack, right child first, as the original's to_list. */
    static List<BigInteger> toList(Heap heap) {
        List<BigInteger> out = new ArrayList<>();
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
        if (a.head().compareTo(b.head()) <= 0) {
            return new Heap(a.head(), merge(a.right(), b), a.left());
        }
        return new Heap(b.head(), merge(b.right(), a), b.left());
    }

    static List<BigInteger> wrongToSortedList(Heap heap) {
        List<BigInteger> out = new ArrayList<>();
        if (heap != null) {
            out.add(heap.head());
            out.addAll(toList(merge(heap.left(), heap.right())));
        }
        return out;
    }

    static List<BigInteger> sorted(List<BigInteger> xs) {
        List<BigInteger> out = new ArrayList<>(xs);
        out.sort(null);
        return out;
    }
}
