package kverify.impl.memory;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The page map against a HashMap doing the same puts, through its growth: dense runs of frames,
 * frames a power of two apart (the same low bits, so the same place in their chunk of 64), frame 0
 * and frames near 2^52 (the top of a 64-bit physical address space); then copied into an empty map
 * and merged into one that has pages of its own.
 */
class PageMapTest {
    @Test
    void behavesAsAMapOfFrameNumbers() {
        Random r = new Random(7);
        PageMap m = new PageMap();
        Map<Long, byte[]> ref = new HashMap<>();
        long[] bases = {0, 256, 1L << 18, 3L << 30, (1L << 52) - 4096};
        for (int step = 0; step < 50_000; step++) {
            long base = bases[r.nextInt(bases.length)];
            long pfn = switch (r.nextInt(3)) {
                case 0 -> base + r.nextInt(2_000);
                case 1 -> base + ((long) r.nextInt(64) << r.nextInt(20));
                default -> base + 16L * r.nextInt(500);
            };
            assertThat(m.get(pfn)).as("step %d: frame %d", step, pfn).isSameAs(ref.get(pfn));
            if (r.nextInt(3) > 0) {
                byte[] page = new byte[1];
                m.put(pfn, page);
                ref.put(pfn, page);
            }
            assertThat(m.size()).isEqualTo(ref.size());
        }
        long[] pfns = m.pfns();
        Arrays.sort(pfns);
        assertThat(pfns).containsExactly(ref.keySet().stream().sorted().mapToLong(Long::longValue).toArray());
        PageMap copy = new PageMap();
        copy.putAll(m);
        for (Map.Entry<Long, byte[]> e : ref.entrySet()) {
            assertThat(copy.get(e.getKey())).isSameAs(e.getValue());
        }
        assertThat(copy.size()).isEqualTo(ref.size());
        PageMap merged = new PageMap();
        Map<Long, byte[]> mergedRef = new HashMap<>();
        for (long pfn : new long[] {0, 1, 63, 64, 2_000, 1L << 40}) {
            byte[] page = new byte[1];
            merged.put(pfn, page);
            mergedRef.put(pfn, page);
        }
        merged.putAll(m);
        mergedRef.putAll(ref);
        for (Map.Entry<Long, byte[]> e : mergedRef.entrySet()) {
            assertThat(merged.get(e.getKey())).isSameAs(e.getValue());
        }
        assertThat(merged.size()).isEqualTo(mergedRef.size());
    }

    /** The remembered last chunk answers only for its own chunk number, not for a neighbour's. */
    @Test
    void aNewChunkIsRememberedUnderItsOwnNumber() {
        PageMap m = new PageMap();
        byte[] page = new byte[1];
        m.put(5 * 64, page);
        assertThat(m.get(3 * 64)).isNull();
        assertThat(m.get(4 * 64)).isNull();
        assertThat(m.get(6 * 64)).isNull();
        assertThat(m.get(5 * 64)).isSameAs(page);
    }

    @Test
    void aSlabBindsAWholeFreshChunkAndSplitsIntoPagesOfTheSameBytes() {
        PageMap m = new PageMap();
        byte[] other = new byte[1];
        m.put(64 * 3 + 5, other);
        assertThat(m.addSlab(64 * 3)).as("a chunk with a page").isNull();
        assertThat(m.addSlab(64 * 5 + 1)).as("not a chunk's first frame").isNull();
        byte[] slab = m.addSlab(64 * 5);
        assertThat(slab).hasSize(PageMap.SLAB_BYTES);
        assertThat(m.addSlab(64 * 5)).as("a chunk that is a slab").isNull();
        assertThat(m.size()).isEqualTo(65);
        assertThat(m.hasSlabs()).isTrue();
        assertThat(m.get(64 * 5 + 7)).isSameAs(slab);
        assertThat(m.offset(64 * 5 + 7)).isEqualTo(7 * 4096);
        assertThat(m.offset(64 * 3 + 5)).isZero();
        slab[7 * 4096 + 3] = 42;
        long[] pfns = m.pfns();
        Arrays.sort(pfns);
        assertThat(pfns).hasSize(65).startsWith(64 * 3 + 5, 64 * 5).endsWith(64 * 5 + 63);
        m.splitSlabs();
        assertThat(m.hasSlabs()).isFalse();
        assertThat(m.get(64 * 5 + 7)).hasSize(4096).isNotSameAs(slab);
        assertThat(m.get(64 * 5 + 7)[3]).isEqualTo((byte) 42);
        assertThat(m.offset(64 * 5 + 7)).isZero();
        assertThat(m.get(64 * 3 + 5)).isSameAs(other);
        assertThat(m.size()).isEqualTo(65);
    }
}
