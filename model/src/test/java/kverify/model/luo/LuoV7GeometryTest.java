package kverify.model.luo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class LuoV7GeometryTest {
    @Test
    void realGeometryIsOnePageBlocksAndTenThousandOfThem() {
        assertThat(LuoV7Geometry.REAL.sessionBlockBytes()).isEqualTo(4096).isEqualTo(LuoV7Geometry.REAL.fileBlockBytes());
        assertThat(LuoV7Geometry.REAL.sessionsPerBlock()).isEqualTo(51);
        assertThat(LuoV7Geometry.REAL.filesPerBlock()).isEqualTo(63);
        assertThat(LuoV7Geometry.REAL.maxSessions()).isEqualTo(510_000);
        assertThat(LuoV7Geometry.REAL.maxFilesPerSession()).isEqualTo(630_000);
    }

    @Test
    void smallGeometriesShareOneBlockSize() {
        assertThat(LuoV7Geometry.SMALL.sessionsPerBlock()).isEqualTo(3);
        assertThat(LuoV7Geometry.SMALL.filesPerBlock()).isEqualTo(3);
        assertThat(LuoV7Geometry.UNIT.sessionsPerBlock()).isEqualTo(1);
        assertThat(LuoV7Geometry.UNIT.filesPerBlock()).isEqualTo(1);
        assertThat(LuoV7Geometry.named()).allMatch(LuoV7Geometry::fits);
        assertThat(LuoV7Geometry.fits(LuoGeometry.REAL)).isFalse();
    }

    @Test
    void labelsReadBack() {
        for (LuoGeometry g : LuoV7Geometry.named()) {
            assertThat(LuoV7Geometry.parse(LuoV7Geometry.label(g))).contains(g);
        }
        LuoGeometry odd = LuoV7Geometry.of(512, 7);
        assertThat(LuoV7Geometry.label(odd)).isEqualTo("v7 block=512 max-blocks=7");
        assertThat(LuoV7Geometry.parse("v7 block=512 max-blocks=7")).contains(odd);
        assertThat(LuoV7Geometry.parse("v7 block=10 max-blocks=7")).as("too small for an entry").isEmpty();
        assertThat(LuoV7Geometry.parse("real")).isEmpty();
        assertThatThrownBy(() -> LuoV7Geometry.label(LuoGeometry.SMALL)).hasMessageStartingWith("not a v7 geometry");
    }
}
