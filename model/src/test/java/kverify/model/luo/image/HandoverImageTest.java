package kverify.model.luo.image;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import kverify.model.luo.LuoGeometry;
import org.junit.jupiter.api.Test;

/** The image value: its invariants, copy-on-write, little-endian access and equality. */
class HandoverImageTest {
    private static HandoverImage empty(Map<Long, Integer> folios) {
        return new HandoverImage(LuoGeometry.SMALL, 1L << 36, Optional.empty(), folios, Map.of());
    }

    @Test
    void foliosMustBeAlignedInsideRamAndDisjoint() {
        assertThatThrownBy(() -> empty(Map.of(0x101000L, 1))).hasMessageContaining("aligned");
        assertThatThrownBy(() -> empty(Map.of(1L << 36, 0))).hasMessageContaining("inside RAM");
        assertThatThrownBy(() -> empty(Map.of(0x100000L, 1, 0x101000L, 0))).hasMessageContaining("overlaps");
        assertThatThrownBy(() -> empty(Map.of(0x100000L, 11))).hasMessageContaining("order");
        assertThat(empty(Map.of(0x100000L, 1, 0x102000L, 0)).preservedBytes()).isEqualTo(3 * 4096);
    }

    @Test
    void writesAreLittleEndianCopyOnWriteAndZeroPagesVanish() {
        HandoverImage a = empty(Map.of(0x100000L, 0));
        HandoverImage b = a.withU64(0x100ffc, 0x1122334455667788L);
        assertThat(b.bytes(0x100ffc, 8)).containsExactly(0x88, 0x77, 0x66, 0x55, 0x44, 0x33, 0x22, 0x11);
        assertThat(b.u64(0x100ffc)).isEqualTo(0x1122334455667788L);
        assertThat(b.pages()).containsOnlyKeys(0x100000L, 0x101000L);
        assertThat(a.pages()).isEmpty();
        assertThat(b.withU64(0x100ffc, 0)).isEqualTo(a);
        assertThat(b.isPreservedPage(0x100000)).isTrue();
        assertThat(b.isPreservedPage(0x101000)).isFalse();
        assertThat(b.isFolio(0x100000, 0)).isTrue();
        assertThat(b.isFolio(0x100000, 1)).isFalse();
    }

    @Test
    void freeAddressesLieAboveEverythingAndAreAligned() {
        HandoverImage a = empty(Map.of(0x100000L, 0)).with(Map.of(), new TreeMap<>(Map.of(0x205000L, new byte[] {1})));
        assertThat(a.freeAddressAbove(0)).isEqualTo(0x206000L);
        assertThat(a.freeAddressAbove(4)).isEqualTo(0x210000L);
        assertThat(HandoverImage.orderOf(65536)).isEqualTo(4);
        assertThat(HandoverImage.orderOf(272)).isZero();
    }
}
