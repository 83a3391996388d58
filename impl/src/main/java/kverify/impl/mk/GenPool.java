package kverify.impl.mk;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import kverify.model.mk.MkConst;
import kverify.model.mk.PhysRange;

/**
 * lib/genalloc.c with min_alloc_order PAGE_SHIFT, as RFC v2's multikernel pools use it
 * ("[RFC Patch v2 06/16] multikernel: Introduce physical memory reservation and allocation",
 * 2025-10-18): gen_pool_add() puts a chunk at the head of the list, gen_pool_alloc() takes the
 * first fit of the first chunk that has room, gen_pool_destroy() BUG()s on a chunk that still
 * has an allocation.
 */
final class GenPool {
    private record Chunk(PhysRange range, BitSet pages) {
    }

    /** Newest first, as list_add_rcu() at the head leaves them. */
    private final List<Chunk> chunks = new ArrayList<>();

    void add(PhysRange r) {
        chunks.add(0, new Chunk(r, new BitSet()));
    }

    /** The chunks in the order they were added. */
    List<PhysRange> chunkRanges() {
        List<PhysRange> out = new ArrayList<>();
        for (int i = chunks.size() - 1; i >= 0; i--) {
            out.add(chunks.get(i).range);
        }
        return out;
    }

    /** gen_pool_alloc(): the physical address of {@code bytes} (a page multiple), or 0 when nothing fits. */
    long alloc(long bytes) {
        int n = Math.toIntExact(bytes >>> MkConst.PAGE_SHIFT);
        for (Chunk c : chunks) {
            int size = Math.toIntExact(c.range.size() >>> MkConst.PAGE_SHIFT);
            for (int start = c.pages.nextClearBit(0); start + n <= size; start = c.pages.nextClearBit(start + 1)) {
                int used = c.pages.nextSetBit(start);
                if (used < 0 || used >= start + n) {
                    c.pages.set(start, start + n);
                    return c.range.start() + ((long) start << MkConst.PAGE_SHIFT);
                }
                start = used;
            }
        }
        return 0;
    }

    void free(long address, long bytes) {
        for (Chunk c : chunks) {
            if (c.range.contains(address)) {
                int from = Math.toIntExact((address - c.range.start()) >>> MkConst.PAGE_SHIFT);
                c.pages.clear(from, from + Math.toIntExact(bytes >>> MkConst.PAGE_SHIFT));
                return;
            }
        }
    }

    /** True if gen_pool_destroy() would hit its BUG_ON: some chunk still has an allocation. */
    boolean hasAllocations() {
        return chunks.stream().anyMatch(c -> !c.pages.isEmpty());
    }

    GenPool copy() {
        GenPool g = new GenPool();
        for (Chunk c : chunks) {
            g.chunks.add(new Chunk(c.range, (BitSet) c.pages.clone()));
        }
        return g;
    }
}
