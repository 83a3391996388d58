package kverify.impl.memory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Copy-on-write between a memory, its frozen snapshots and its copies (a snapshot or a copy never
 * sees a later write, however many freezes came between), snapshots in ascending address order,
 * multi-byte access at addresses whose bit 31 is set and exactly at a page's end, and the bounds
 * check of a generated write.
 */
class PhysicalMemorySharingTest {
    private static final int P = PhysicalMemory.PAGE_SIZE;

    @Test
    void aFrozenSnapshotNeverSeesALaterWrite() {
        PhysicalMemory mem = PhysicalMemory.ofSize(16L * P);
        mem.writeU8(3 * P, 1);
        PhysicalMemory.Frozen first = mem.freeze();
        mem.writeU8(3 * P, 2);
        mem.writeU8(3 * P + 1, 3);
        PhysicalMemory.Frozen second = mem.freeze();
        mem.writeU8(3 * P, 4);
        mem.writeU8(5 * P, 5);
        mem.writeU8(5 * P + 1, 6);
        PhysicalMemory.Frozen third = mem.freeze();
        mem.writeU8(5 * P, 7);
        assertThat(first.pages()[0][0]).isEqualTo((byte) 1);
        assertThat(first.pages()[0][1]).isZero();
        assertThat(second.pages()[0][0]).isEqualTo((byte) 2);
        assertThat(second.pages()[0][1]).isEqualTo((byte) 3);
        assertThat(third.addresses()).containsExactly(3L * P, 5L * P);
        assertThat(third.pages()[1][0]).isEqualTo((byte) 5);
        assertThat(mem.readU8(3 * P)).isEqualTo(4);
        assertThat(mem.readU8(5 * P)).isEqualTo(7);
    }

    @Test
    void aCopyAndItsOriginalGoTheirOwnWays() {
        PhysicalMemory mem = PhysicalMemory.ofSize(16L * P);
        mem.writeU64(2 * P, 0x1111);
        PhysicalMemory copy = mem.copy();
        mem.writeU64(2 * P, 0x2222);
        assertThat(copy.readU64(2 * P)).isEqualTo(0x1111);
        copy.writeU64(2 * P + 8, 0x3333);
        assertThat(mem.readU64(2 * P + 8)).isZero();
        PhysicalMemory second = copy.copy();
        copy.writeU64(2 * P, 0x4444);
        assertThat(second.readU64(2 * P)).isEqualTo(0x1111);
        assertThat(mem.readU64(2 * P)).isEqualTo(0x2222);
    }

    @Test
    void aSnapshotListsItsPagesInAscendingOrderWhateverOrderTheyWereWritten() {
        PhysicalMemory mem = PhysicalMemory.ofSize(1L << 32);
        long[] written = {9L * P, 1L * P, 0x80000000L, 5L * P, 64L * P, 3L * P};
        for (long a : written) {
            mem.writeU8(a, 1);
        }
        assertThat(mem.freeze().addresses()).containsExactly(1L * P, 3L * P, 5L * P, 9L * P, 64L * P, 0x80000000L);
        mem.writeU8(2L * P, 1);
        assertThat(mem.freeze().addresses()).containsExactly(1L * P, 2L * P, 3L * P, 5L * P, 9L * P, 64L * P, 0x80000000L);
    }

    @Test
    void multiByteAccessAboveTwoGibAndAtAPagesLastBytes() {
        PhysicalMemory mem = PhysicalMemory.ofSize(1L << 33);
        long high = 0x80000010L;
        mem.writeU64(high, 0x0807060504030201L);
        mem.writeU32(high + 8, 0x0C0B0A09L);
        assertThat(mem.readU64(high)).isEqualTo(0x0807060504030201L);
        assertThat(mem.readU32(high + 8)).isEqualTo(0x0C0B0A09L);
        assertThat(mem.readU8(high + 11)).isEqualTo(0x0C);
        long last8 = 7L * P - 8;
        mem.writeU64(last8, -1L);
        assertThat(mem.readU8(7L * P)).as("the next page is untouched").isZero();
        assertThat(mem.readU64(last8)).isEqualTo(-1L);
        long crossing = 9L * P - 4;
        mem.writeU64(crossing, 0x1122334455667788L);
        assertThat(mem.readU8(crossing + 8)).as("a crossing write writes 8 bytes, not 9").isZero();
        assertThat(mem.readU8(crossing - 1)).isZero();
        mem.writeU32(9L * P - 2, 0xAABBCCDDL);
        assertThat(mem.readU32(9L * P - 2)).isEqualTo(0xAABBCCDDL);
        assertThat(mem.readU8(9L * P + 2)).as("the 64-bit write's seventh byte").isEqualTo(0x22);
    }

    @Test
    void aGeneratedWriteOutsideRamFaultsBeforeWritingAnything() {
        PhysicalMemory mem = new PhysicalMemory(List.of(new RamRange(0x1000, 0x3000)));
        assertThatThrownBy(() -> mem.write(0x2800, 0x1000, (from, dst, offset, length) -> java.util.Arrays.fill(dst, offset, offset + length, (byte) 1)))
                .isInstanceOf(PhysicalMemoryFault.class);
        assertThat(mem.readU8(0x2800)).isZero();
    }

    /** A whole fresh chunk written at once is held as one slab; a copy of the memory gets its bytes, and each side's later writes stay its own. */
    @Test
    void aCopyOfAMemoryHoldingASlabReadsTheSameAndIsIndependent() {
        PhysicalMemory mem = PhysicalMemory.ofSize(1L << 24);
        long base = 1L << 20;
        int n = 64 * 4096;
        mem.write(base, n, (from, dst, offset, length) -> {
            for (int i = 0; i < length; i++) {
                dst[offset + i] = (byte) (from + i);
            }
        });
        PhysicalMemory copy = mem.copy();
        for (long a = base; a < base + n; a += 4093) {
            assertThat(copy.read(a, 1)[0]).as("0x%x", a).isEqualTo((byte) (a - base));
        }
        copy.writeU64(base + 8, 0x1122334455667788L);
        mem.writeU64(base + 16, 7);
        assertThat(mem.readU64(base + 8)).as("the original keeps its bytes 8..15").isEqualTo(0x0F0E0D0C0B0A0908L);
        assertThat(copy.readU64(base + 8)).isEqualTo(0x1122334455667788L);
        assertThat(copy.read(base + 16, 1)[0]).isEqualTo((byte) 16);
    }
}
