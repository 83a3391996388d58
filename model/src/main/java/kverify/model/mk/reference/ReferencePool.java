package kverify.model.mk.reference;

import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import kverify.model.mk.MkConst;
import kverify.model.mk.PhysRange;

/**
 * Page-granular first-fit allocation over a list of chunks, searched newest chunk first, as
 * lib/genalloc.c does (gen_pool_add puts a chunk at the head; gen_pool_first_fit takes the
 * lowest free run of the chunk). The RFC v2 multikernel pool (one chunk: the mkkernel_pool=
 * reservation) and every instance pool are one of these.
 */
final class ReferencePool {
    private final List<PhysRange> chunks = new ArrayList<>();
    /** Allocated page addresses. */
    private final TreeSet<Long> taken = new TreeSet<>();

    void addChunk(PhysRange r) {
        chunks.add(0, r);
    }

    List<PhysRange> chunksInAddOrder() {
        List<PhysRange> out = new ArrayList<>(chunks);
        java.util.Collections.reverse(out);
        return out;
    }

    boolean anyTaken() {
        return !taken.isEmpty();
    }

    /** The lowest free run of {@code bytes} in the first chunk that has one, taken; -1 if none. */
    long alloc(long bytes) {
        long pages = bytes / MkConst.PAGE_SIZE;
        for (PhysRange c : chunks) {
            for (long start = c.start(); start + bytes <= c.end(); start += MkConst.PAGE_SIZE) {
                if (free(start, pages)) {
                    for (long p = 0; p < pages; p++) {
                        taken.add(start + p * MkConst.PAGE_SIZE);
                    }
                    return start;
                }
            }
        }
        return -1;
    }

    void free(PhysRange r) {
        for (long a = r.start(); a < r.end(); a += MkConst.PAGE_SIZE) {
            taken.remove(a);
        }
    }

    private boolean free(long start, long pages) {
        for (long p = 0; p < pages; p++) {
            if (taken.contains(start + p * MkConst.PAGE_SIZE)) {
                return false;
            }
        }
        return true;
    }

    ReferencePool copy() {
        ReferencePool c = new ReferencePool();
        c.chunks.addAll(chunks);
        c.taken.addAll(taken);
        return c;
    }
}
