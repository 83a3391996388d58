package kverify.impl.memory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

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
}
