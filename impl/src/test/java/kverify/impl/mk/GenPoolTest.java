package kverify.impl.mk;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import java.util.Random;
import kverify.model.mk.PhysRange;
import org.junit.jupiter.api.Test;

/**
 * lib/genalloc.c's first fit as the pools use it, against a page bitmap per chunk searched the
 * plainest way (every start in order, newest chunk first): the same addresses for every alloc,
 * through frees that leave holes of every size, and a copy that goes its own way.
 */
class GenPoolTest {
    private static final long P = 4096;

    /** The plainest first fit: newest chunk first, the lowest start whose n pages are all free. */
    private static long firstFit(List<PhysRange> chunks, List<BitSet> used, int n) {
        for (int c = chunks.size() - 1; c >= 0; c--) {
            int size = (int) (chunks.get(c).size() / P);
            for (int start = 0; start + n <= size; start++) {
                if (used.get(c).get(start, start + n).isEmpty()) {
                    used.get(c).set(start, start + n);
                    return chunks.get(c).start() + start * P;
                }
            }
        }
        return 0;
    }

    @Test
    void firstFitAgreesWithAPlainSearch() {
        Random r = new Random(11);
        GenPool pool = new GenPool();
        List<PhysRange> chunks = new ArrayList<>();
        List<BitSet> used = new ArrayList<>();
        for (long base : new long[] {0x100000, 0x400000, 0x200000}) {
            PhysRange range = new PhysRange(base, base + 24 * P);
            pool.add(range);
            chunks.add(range);
            used.add(new BitSet());
        }
        assertThat(pool.chunkRanges()).isEqualTo(chunks);
        assertThat(pool.hasAllocations()).isFalse();
        List<long[]> live = new ArrayList<>();
        GenPool copy = null;
        for (int step = 0; step < 3_000; step++) {
            if (live.isEmpty() || r.nextInt(3) > 0) {
                int n = 1 + r.nextInt(r.nextBoolean() ? 3 : 26);
                long expected = firstFit(chunks, used, n);
                assertThat(pool.alloc(n * P)).as("step %d: alloc %d pages", step, n).isEqualTo(expected);
                if (expected != 0) {
                    live.add(new long[] {expected, n});
                }
            } else {
                long[] a = live.remove(r.nextInt(live.size()));
                pool.free(a[0], a[1] * P);
                for (int c = 0; c < chunks.size(); c++) {
                    if (chunks.get(c).contains(a[0])) {
                        int from = (int) ((a[0] - chunks.get(c).start()) / P);
                        used.get(c).clear(from, from + (int) a[1]);
                    }
                }
            }
            assertThat(pool.hasAllocations()).isEqualTo(!live.isEmpty());
            if (step == 1_500) {
                copy = pool.copy();
            }
        }
        // The copy kept the state of step 1,500: freeing everything here leaves it allocated.
        for (long[] a : live) {
            pool.free(a[0], a[1] * P);
        }
        assertThat(pool.hasAllocations()).isFalse();
        assertThat(copy.chunkRanges()).isEqualTo(chunks);
        assertThat(copy.alloc(24 * P) == 0 || copy.hasAllocations()).isTrue();
        pool.free(0x900000, P); // outside every chunk: nothing happens
        assertThat(pool.alloc(24 * P)).isEqualTo(0x200000);
        assertThat(pool.alloc(25 * P)).isZero();
    }

    @Test
    void aFreeInTheMiddleOfAnAllocationFreesOnlyThosePages() {
        GenPool pool = new GenPool();
        pool.add(new PhysRange(0x10000, 0x10000 + 8 * P));
        assertThat(pool.alloc(8 * P)).isEqualTo(0x10000);
        pool.free(0x10000 + 3 * P, 2 * P);
        assertThat(pool.hasAllocations()).isTrue();
        assertThat(pool.alloc(3 * P)).isZero();
        assertThat(pool.alloc(2 * P)).isEqualTo(0x10000 + 3 * P);
        pool.free(0x10000, 8 * P);
        assertThat(pool.hasAllocations()).isFalse();
        assertThat(pool.alloc(P)).isEqualTo(0x10000);
    }
}
