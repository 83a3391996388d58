package kverify.impl.kho;

import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import kverify.impl.memory.PhysicalMemory;

/**
 * A deterministic folio allocator over one physical range: per-order free lists (lowest address
 * first) in front of a bump pointer that keeps each folio naturally aligned. No coalescing: the
 * suite needs reuse (so zeroing on allocation matters) and determinism, not a real buddy system.
 */
final class PageAllocator {
    private final long limit;
    private long bump;
    private final List<TreeSet<Long>> free = new ArrayList<>();

    /** Hands out folios from [start, limit); start must be page aligned and non-zero (PA 0 ends chains). */
    PageAllocator(long start, long limit) {
        if (start <= 0 || (start & ~PhysicalMemory.PAGE_MASK) != 0 || limit < start) {
            throw new IllegalArgumentException(String.format("bad allocator range start=0x%x limit=0x%x", start, limit));
        }
        this.bump = start;
        this.limit = limit;
        for (int order = 0; order <= Kho.MAX_PAGE_ORDER; order++) {
            free.add(new TreeSet<>());
        }
    }

    /** The lowest free folio of this order, or -1 when the range is exhausted. */
    long alloc(int order) {
        TreeSet<Long> list = free.get(order);
        if (!list.isEmpty()) {
            return list.pollFirst();
        }
        long size = (long) PhysicalMemory.PAGE_SIZE << order;
        long pa = (bump + size - 1) & -size;
        if (pa > limit - size) {
            return -1;
        }
        bump = pa + size;
        return pa;
    }

    void free(long pa, int order) {
        free.get(order).add(pa);
    }

    /** Everything below this address was handed out at some time; the next kernel starts above it. */
    long highWaterMark() {
        return bump;
    }

    long limit() {
        return limit;
    }
}
