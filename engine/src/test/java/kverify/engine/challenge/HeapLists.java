package kverify.engine.challenge;

import java.util.ArrayList;
import java.util.List;
import kverify.engine.Divergence;

/** binheap's heap and list functions, for any key type: pre-order walk, merge, the faulty conversion. */
final class HeapLists {
    private HeapLists() {
    }

    /** A heap node; null is the empty heap. Printed as the Python tuples of the original. */
    record Heap<K extends Comparable<K>>(K head, Heap<K> left, Heap<K> right) {
        @Override
        public String toString() {
            return "(" + head + ", " + show(left) + ", " + show(right) + ")";
        }

        static String show(Heap<?> h) {
            return h == null ? "None" : h.toString();
        }
    }

    /** Pre-order walk with an explicit stack, right child first, as the original's to_list. */
    static <K extends Comparable<K>> List<K> toList(Heap<K> heap) {
        List<K> out = new ArrayList<>();
        List<Heap<K>> stack = new ArrayList<>();
        stack.add(heap);
        while (!stack.isEmpty()) {
            Heap<K> h = stack.remove(stack.size() - 1);
            if (h != null) {
                out.add(h.head());
                stack.add(h.left());
                stack.add(h.right());
            }
        }
        return out;
    }

    static <K extends Comparable<K>> Heap<K> merge(Heap<K> a, Heap<K> b) {
        if (a == null) {
            return b;
        }
        if (b == null) {
            return a;
        }
        if (a.head().compareTo(b.head()) <= 0) {
            return new Heap<>(a.head(), merge(a.right(), b), a.left());
        }
        return new Heap<>(b.head(), merge(b.right(), a), b.left());
    }

    /** The wrong conversion: the head, then the merged rest in walk order instead of sorted. */
    static <K extends Comparable<K>> List<K> wrongToSortedList(Heap<K> heap) {
        List<K> out = new ArrayList<>();
        if (heap != null) {
            out.add(heap.head());
            out.addAll(toList(merge(heap.left(), heap.right())));
        }
        return out;
    }

    static <K extends Comparable<K>> List<K> sorted(List<K> xs) {
        List<K> out = new ArrayList<>(xs);
        out.sort(null);
        return out;
    }

    /** binheap's property: the conversion is sorted and holds the heap's elements (false). */
    static <K extends Comparable<K>> void check(Heap<K> h) {
        List<K> walked = toList(h);
        List<K> converted = wrongToSortedList(h);
        if (!converted.equals(sorted(converted)) || !sorted(walked).equals(converted)) {
            throw new Divergence("not sorted", "converted " + Heap.show(h) + " to " + converted);
        }
    }
}
