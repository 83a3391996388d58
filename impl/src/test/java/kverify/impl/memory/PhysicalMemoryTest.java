package kverify.impl.memory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class PhysicalMemoryTest {

    @Test
    void multiByteAccessIsLittleEndianAcrossAPageBoundary() {
        PhysicalMemory mem = PhysicalMemory.ofSize(4 * PhysicalMemory.PAGE_SIZE);
        long a = PhysicalMemory.PAGE_SIZE - 3;
        mem.writeU64(a, 0x0102030405060708L);
        assertThat(mem.readU8(a)).isEqualTo(0x08);
        assertThat(mem.readU8(a + 7)).isEqualTo(0x01);
        assertThat(mem.readU64(a)).isEqualTo(0x0102030405060708L);
        assertThat(mem.readU32(a + 4)).isEqualTo(0x01020304L);
        mem.writeU64(0, -1L);
        assertThat(mem.readU64(0)).isEqualTo(-1L);
        assertThat(mem.readU32(0)).isEqualTo(0xFFFFFFFFL);
    }

    @Test
    void untouchedMemoryReadsZeroAndAccessOutsideRamFaults() {
        PhysicalMemory mem = new PhysicalMemory(List.of(new RamRange(0x1000, 0x3000)));
        assertThat(mem.readU64(0x2ff8)).isZero();
        assertThatThrownBy(() -> mem.readU64(0x2ffc)).isInstanceOf(PhysicalMemoryFault.class)
                .hasMessageContaining("0x2ffc");
        assertThatThrownBy(() -> mem.writeU8(0x0, 1)).isInstanceOf(PhysicalMemoryFault.class);
        assertThatThrownBy(() -> mem.readU64(Long.MAX_VALUE - 3)).isInstanceOf(PhysicalMemoryFault.class);
        assertThatThrownBy(() -> mem.readU64(-8)).isInstanceOf(PhysicalMemoryFault.class);
    }

    @Test
    void bulkCopyRoundTripsAndTrackingCountsPagesAndBytes() {
        PhysicalMemory mem = PhysicalMemory.ofSize(8 * PhysicalMemory.PAGE_SIZE);
        byte[] data = new byte[3 * PhysicalMemory.PAGE_SIZE];
        for (int i = 0; i < data.length; i++) {
            data[i] = (byte) (i * 31);
        }
        mem.write(100, data, 0, data.length);
        mem.startTrackingReads();
        assertThat(mem.read(100, data.length)).isEqualTo(data);
        assertThat(mem.pagesRead()).containsExactly(0L, 4096L, 8192L, 12288L);
        assertThat(mem.bytesRead()).isEqualTo(data.length);
        mem.fill(100, data.length, (byte) 0);
        assertThat(mem.contentEquals(PhysicalMemory.ofSize(8 * PhysicalMemory.PAGE_SIZE))).isTrue();
    }

    @Test
    void differencesAreLocatedByPage() {
        PhysicalMemory a = PhysicalMemory.ofSize(4 * PhysicalMemory.PAGE_SIZE);
        PhysicalMemory b = PhysicalMemory.ofSize(4 * PhysicalMemory.PAGE_SIZE);
        b.writeU8(2 * PhysicalMemory.PAGE_SIZE + 5, 7);
        assertThat(a.firstDifference(b)).isEqualTo(2L * PhysicalMemory.PAGE_SIZE);
        assertThat(a.hexDump(0, 16)).startsWith("0000000000000000: 00 00");
    }

    @Test
    void everyAccessKindFaultsJustPastTheEndOfRamAndLeavesMemoryUntouched() {
        PhysicalMemory mem = new PhysicalMemory(List.of(new RamRange(0x1000, 0x3000)));
        assertFault(() -> mem.writeU64(0x2ffc, -1L), 0x2ffc, 8, true);
        assertFault(() -> mem.writeU32(0x2ffd, -1L), 0x2ffd, 4, true);
        assertFault(() -> mem.write(0x2ff0, new byte[17], 0, 17), 0x2ff0, 17, true);
        assertFault(() -> mem.fill(0x2f00, 0x101, (byte) 1), 0x2f00, 0x101, true);
        assertFault(() -> mem.readU32(0x2ffd), 0x2ffd, 4, false);
        assertFault(() -> mem.readU8(0x3000), 0x3000, 1, false);
        assertFault(() -> mem.read(0xfff, 2), 0xfff, 2, false);
        assertThat(mem.pages()).as("a faulting write stores nothing").isEmpty();
        mem.writeU32(0x2ffc, 0x11223344L);
        assertThat(mem.readU8(0x2fff)).isEqualTo(0x11);
    }

    private static void assertFault(Runnable access, long address, long length, boolean write) {
        assertThatThrownBy(access::run).isInstanceOfSatisfying(PhysicalMemoryFault.class, f -> {
            assertThat(f.address()).isEqualTo(address);
            assertThat(f.length()).isEqualTo(length);
            assertThat(f.isWrite()).isEqualTo(write);
            assertThat(f).hasMessageStartingWith(write ? "write of " + length : "read of " + length);
        });
    }

    @Test
    void u32WritesAreLittleEndianAndTouchOnlyFourBytes() {
        PhysicalMemory mem = PhysicalMemory.ofSize(2 * PhysicalMemory.PAGE_SIZE);
        long a = PhysicalMemory.PAGE_SIZE - 2;
        mem.writeU64(a - 2, -1L);
        mem.writeU32(a, 0xA1B2C3D4E5L);
        assertThat(mem.read(a - 2, 8)).containsExactly(0xff, 0xff, 0xe5, 0xd4, 0xc3, 0xb2, 0xff, 0xff);
        assertThat(mem.readU32(a)).isEqualTo(0xB2C3D4E5L);
    }

    @Test
    void readingAnUntouchedPageZeroesExactlyTheDestinationSlice() {
        PhysicalMemory mem = PhysicalMemory.ofSize(4 * PhysicalMemory.PAGE_SIZE);
        long a = PhysicalMemory.PAGE_SIZE - 2;
        mem.writeU8(a, 0x11);
        mem.writeU8(a + 1, 0x22);
        byte[] dst = new byte[10];
        Arrays.fill(dst, (byte) 0x77);
        mem.read(a, dst, 3, 5);
        assertThat(dst).containsExactly(0x77, 0x77, 0x77, 0x11, 0x22, 0, 0, 0, 0x77, 0x77);
    }

    @Test
    void fillAcrossAPageBoundaryStopsAtTheEnd() {
        PhysicalMemory mem = PhysicalMemory.ofSize(4 * PhysicalMemory.PAGE_SIZE);
        long a = PhysicalMemory.PAGE_SIZE - 6;
        mem.fill(a, 10, (byte) 0x5a);
        assertThat(mem.read(a - 1, 12)).containsExactly(0, 0x5a, 0x5a, 0x5a, 0x5a, 0x5a, 0x5a, 0x5a, 0x5a, 0x5a, 0x5a, 0);
    }

    @Test
    void trackingCountsOnlyThePagesTouchedSinceItLastStarted() {
        PhysicalMemory mem = PhysicalMemory.ofSize(4 * PhysicalMemory.PAGE_SIZE);
        mem.startTrackingReads();
        mem.read(0, PhysicalMemory.PAGE_SIZE);
        assertThat(mem.pagesRead()).as("a read ending at a page end").containsExactly(0L);
        mem.startTrackingReads();
        mem.read(PhysicalMemory.PAGE_SIZE + 5, 0);
        assertThat(mem.pagesRead()).as("an empty read touches no page").isEmpty();
        mem.readU8(3 * PhysicalMemory.PAGE_SIZE);
        assertThat(mem.pagesRead()).containsExactly(3L * PhysicalMemory.PAGE_SIZE);
        assertThat(mem.bytesRead()).isEqualTo(1);
        mem.stopTrackingReads();
        mem.readU8(0);
        assertThat(mem.bytesRead()).isEqualTo(1);
    }

    @Test
    void trackingKeepsEveryPageOfAWalkThatAlternatesBetweenPagesAndAfterARestart() {
        // Pages 1, 17 and 33 share a slot of the recently-read filter; pages 2 and 3 have their own.
        PhysicalMemory mem = PhysicalMemory.ofSize(40 * PhysicalMemory.PAGE_SIZE);
        long[] walk = {1, 17, 2, 33, 1, 17, 3, 2, 33};
        mem.startTrackingReads();
        for (long page : walk) {
            mem.readU64(page * PhysicalMemory.PAGE_SIZE + 8);
        }
        assertThat(mem.pagesRead()).containsExactly(1L * PhysicalMemory.PAGE_SIZE, 2L * PhysicalMemory.PAGE_SIZE,
                3L * PhysicalMemory.PAGE_SIZE, 17L * PhysicalMemory.PAGE_SIZE, 33L * PhysicalMemory.PAGE_SIZE);
        assertThat(mem.bytesRead()).isEqualTo(8L * walk.length);
        mem.startTrackingReads();
        mem.readU64(17 * PhysicalMemory.PAGE_SIZE);
        assertThat(mem.pagesRead()).as("a page read before the restart counts again").containsExactly(17L * PhysicalMemory.PAGE_SIZE);
    }

    @Test
    void aMemoryWithoutRamHoldsNoAddressNotEvenAnEmptyRange() {
        PhysicalMemory none = new PhysicalMemory(List.of());
        assertThat(none.isRam(0, 0)).isFalse();
        assertThat(none.isRam(1, 0)).isFalse();
        PhysicalMemory two = new PhysicalMemory(List.of(new RamRange(0, PhysicalMemory.PAGE_SIZE),
                new RamRange(4 * PhysicalMemory.PAGE_SIZE, 5 * PhysicalMemory.PAGE_SIZE)));
        assertThat(two.isRam(4 * PhysicalMemory.PAGE_SIZE + 8, 8)).as("the second range").isTrue();
        assertThat(two.isRam(PhysicalMemory.PAGE_SIZE - 4, 8)).as("across the first range's end").isFalse();
        assertThat(two.isRam(PhysicalMemory.PAGE_SIZE, 0)).as("an empty range at the first range's end").isTrue();
    }

    @Test
    void contentEqualityNeedsTheSameRamAndTheSameBytes() {
        PhysicalMemory a = PhysicalMemory.ofSize(2 * PhysicalMemory.PAGE_SIZE);
        PhysicalMemory b = PhysicalMemory.ofSize(2 * PhysicalMemory.PAGE_SIZE);
        b.writeU8(5, 0);
        assertThat(a.contentEquals(b)).as("an explicitly zeroed page equals an untouched one").isTrue();
        b.writeU8(PhysicalMemory.PAGE_SIZE + 5, 1);
        assertThat(a.contentEquals(b)).isFalse();
        assertThat(a.contentEquals(PhysicalMemory.ofSize(3 * PhysicalMemory.PAGE_SIZE))).isFalse();
    }

    @Test
    void hexDumpShowsWholeAndPartialLinesAndZeroOutsideRam() {
        PhysicalMemory mem = new PhysicalMemory(List.of(new RamRange(0x1000, 0x2000)));
        for (int i = 0; i < 18; i++) {
            mem.writeU8(0x1fee + i, 0xa0 + i);
        }
        assertThat(mem.hexDump(0x1fee, 20)).isEqualTo(
                "0000000000001fee: a0 a1 a2 a3 a4 a5 a6 a7 a8 a9 aa ab ac ad ae af\n"
                + "0000000000001ffe: b0 b1 00 00\n");
        assertThat(mem.hexDump(0x1000, 0)).isEmpty();
    }

    @Test
    void frozenPagesAndCopiesNeverSeeLaterWrites() {
        PhysicalMemory mem = PhysicalMemory.ofSize(4 * PhysicalMemory.PAGE_SIZE);
        mem.writeU64(0x2000, 0x1111L);
        mem.writeU8(0x10, 7);
        PhysicalMemory.Frozen first = mem.freeze();
        assertThat(first.addresses()).containsExactly(0x0L, 0x2000L);
        PhysicalMemory copy = mem.copy();
        mem.writeU64(0x2000, 0x2222L);
        mem.fill(0x0, 0x20, (byte) 0);
        copy.writeU8(0x2001, 0x33);
        assertThat(first.pages()[0][0x10]).as("a frozen page is copied before a write, a zero fill too").isEqualTo((byte) 7);
        assertThat(first.pages()[1][0]).isEqualTo((byte) 0x11);
        assertThat(copy.readU64(0x2000)).as("the copy does not see the original's write").isEqualTo(0x3311L);
        assertThat(mem.readU64(0x2000)).isEqualTo(0x2222L);
        assertThat(copy.readU8(0x10)).isEqualTo(7);
        PhysicalMemory.Frozen second = mem.freeze();
        assertThat(second.pages()[1]).as("a written page is a new array").isNotSameAs(first.pages()[1]);
        mem.writeU8(0x3000, 1);
        assertThat(mem.freeze().pages()[1]).as("an unwritten page keeps its frozen array").isSameAs(second.pages()[1]);
    }

    @Test
    void aMemoryOnSharedPagesNeverWritesTheGiversArrays() {
        byte[] page = new byte[PhysicalMemory.PAGE_SIZE];
        page[8] = 5;
        byte[] before = page.clone();
        PhysicalMemory mem = PhysicalMemory.sharing(4 * PhysicalMemory.PAGE_SIZE, new long[] {0x1000}, new byte[][] {page});
        assertThat(mem.readU8(0x1008)).isEqualTo(5);
        mem.writeU64(0x1000, 0x4242L);
        mem.fill(0x1008, 8, (byte) 0);
        assertThat(page).as("the first write copies the page").isEqualTo(before);
        assertThat(mem.readU64(0x1000)).isEqualTo(0x4242L);
        assertThat(mem.readU8(0x1008)).isZero();
        assertThatThrownBy(() -> PhysicalMemory.sharing(PhysicalMemory.PAGE_SIZE, new long[] {0x1000}, new byte[][] {page}))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("0x1000");
    }

    /**
     * A ByteSource write covering whole fresh 256 KiB chunks gets slabs (PageMap); it must read,
     * compare, list, freeze and copy exactly as the same write through separate pages does: here
     * against a memory written in page-sized byte[] pieces, which never make a slab.
     */
    @Test
    void slabsReadAsSeparatePagesDoAndAreSplitBeforeAnyArrayIsHandedOut() {
        int slab = PageMap.SLAB_BYTES;
        PhysicalMemory mem = PhysicalMemory.ofSize(8L * slab);
        PhysicalMemory pieces = PhysicalMemory.ofSize(8L * slab);
        byte[] data = new byte[3 * slab + 100];
        for (int i = 0; i < data.length; i++) {
            data[i] = (byte) (i * 131 + (i >>> 12));
        }
        long at = slab - 100; // the chunk it starts in already has a page: no slab there
        mem.writeU8(slab - 4096, 9);
        pieces.writeU8(slab - 4096, 9);
        mem.write(at, data.length, (from, dst, offset, n) -> System.arraycopy(data, (int) from, dst, offset, n));
        for (int off = 0; off < data.length; off += PhysicalMemory.PAGE_SIZE) {
            pieces.write(at + off, data, off, Math.min(PhysicalMemory.PAGE_SIZE, data.length - off));
        }
        assertThat(mem.contentEquals(pieces)).isTrue();
        assertThat(mem.read(at, data.length)).isEqualTo(data);
        assertThat(mem.readU64(2L * slab - 4)).isEqualTo(pieces.readU64(2L * slab - 4));
        assertThat(mem.pages().keySet()).isEqualTo(pieces.pages().keySet());
        mem.writeU64(2L * slab + 8, 0x0102030405060708L);
        pieces.writeU64(2L * slab + 8, 0x0102030405060708L);
        mem.fill(2L * slab + 4090, 20, (byte) 0);
        pieces.fill(2L * slab + 4090, 20, (byte) 0);
        mem.write(at + 5, data, 0, data.length - 5);
        pieces.write(at + 5, data, 0, data.length - 5);
        assertThat(mem.firstDifference(pieces)).isEqualTo(-1);
        PhysicalMemory.Frozen frozen = mem.freeze();
        assertThat(frozen.addresses()).containsExactly(pieces.freeze().addresses());
        for (byte[] page : frozen.pages()) {
            assertThat(page).hasSize(PhysicalMemory.PAGE_SIZE);
        }
        PhysicalMemory copy = mem.copy();
        mem.writeU8(2L * slab + 1, 0x55);
        assertThat(frozen.pages()[(int) (Arrays.binarySearch(frozen.addresses(), 2L * slab))][1])
                .as("a frozen page of a former slab is copied before a write").isEqualTo(data[(int) (2L * slab + 1 - at - 5)]);
        assertThat(copy.readU8(2L * slab + 1)).isEqualTo(data[(int) (2L * slab + 1 - at - 5)] & 0xFF);
        assertThat(copy.contentEquals(pieces)).isTrue();
    }
}
