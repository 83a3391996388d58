package kverify.impl.memory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class RamRangeTest {
    private final RamRange r = new RamRange(0x1000, 0x3000);

    @Test
    void containsIsHalfOpenAtBothEnds() {
        assertThat(r.size()).isEqualTo(0x2000);
        assertThat(r.contains(0x1000, 0x2000)).as("the whole range").isTrue();
        assertThat(r.contains(0x1000, 0)).isTrue();
        assertThat(r.contains(0x3000, 0)).as("an empty access at the end").isTrue();
        assertThat(r.contains(0x2fff, 1)).as("the last byte").isTrue();
        assertThat(r.contains(0xfff, 1)).as("the byte before").isFalse();
        assertThat(r.contains(0x3000, 1)).as("the byte after").isFalse();
        assertThat(r.contains(0x1000, 0x2001)).isFalse();
        assertThat(r.contains(0x1000, -1)).isFalse();
        assertThat(r.contains(0x2000, Long.MAX_VALUE)).as("no overflow").isFalse();
    }

    @Test
    void printsAsAHalfOpenHexIntervalAndRejectsInvertedBounds() {
        assertThat(r).hasToString("[0x1000, 0x3000)");
        assertThat(new RamRange(0x1000, 0x1000).size()).isZero();
        assertThatThrownBy(() -> new RamRange(0x2000, 0x1000)).hasMessage("bad range start=0x2000 end=0x1000");
        assertThatThrownBy(() -> new RamRange(-1, 0)).isInstanceOf(IllegalArgumentException.class);
    }
}
