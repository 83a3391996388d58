package kverify.impl.luo.layout.v7;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HexFormat;
import java.util.Optional;
import kverify.impl.luo.layout.FileSer;
import kverify.impl.luo.layout.LayoutException;
import kverify.impl.luo.layout.SessionSer;
import kverify.impl.memory.PhysicalMemory;
import kverify.model.Errno;
import kverify.model.Outcome;
import kverify.model.luo.LuoV7Geometry;
import org.junit.jupiter.api.Test;

/** Offsets, sizes and one golden little-endian vector per v7 struct (docs/versions-luo.md 2.2). */
class V7LayoutTest {
    private static final HexFormat HEX = HexFormat.of();
    private final PhysicalMemory mem = PhysicalMemory.ofSize(1 << 20);

    @Test
    void blockHeader() {
        assertThat(KhoBlockHeaderSer.NEXT_OFFSET).isZero();
        assertThat(KhoBlockHeaderSer.COUNT_OFFSET).isEqualTo(8);
        assertThat(KhoBlockHeaderSer.SIZE).isEqualTo(16);
        assertThat(HEX.formatHex(KhoBlockHeaderSer.encode(0x123456000L, 51)))
                .isEqualTo("0060452301000000" + "3300000000000000");
        assertThat(KhoBlockHeaderSer.entryPa(0x10000, 50, SessionSer.SIZE)).isEqualTo(0x10000 + 16 + 50 * 80);
    }

    @Test
    void capacityOfOnePageBlocksIs51SessionsAnd63Files() {
        assertThat(KhoBlockHeaderSer.countPerBlock(4096, SessionSer.SIZE)).isEqualTo(51);
        assertThat(16 + 51 * 80).as("51 sessions fill the page exactly").isEqualTo(4096);
        assertThat(KhoBlockHeaderSer.countPerBlock(4096, FileSer.SIZE)).isEqualTo(63);
        assertThat(LuoV7Geometry.REAL.sessionsPerBlock()).isEqualTo(51);
        assertThat(LuoV7Geometry.REAL.filesPerBlock()).isEqualTo(63);
        assertThatThrownBy(() -> KhoBlockHeaderSer.countPerBlock(95, SessionSer.SIZE))
                .hasMessage("blockBytes=95 holds no entry of entrySize=80");
    }

    @Test
    void restoreRejectsAnEmptyBlockAndOneAboveCapacityComparedAsU64() {
        assertThat(KhoBlockHeaderSer.checkCount(1, 51)).isEmpty();
        assertThat(KhoBlockHeaderSer.checkCount(51, 51)).isEmpty();
        assertThat(KhoBlockHeaderSer.checkCount(0, 51)).contains("count=0, expected 1..51");
        assertThat(KhoBlockHeaderSer.checkCount(52, 51)).contains("count=52, expected 1..51");
        assertThat(KhoBlockHeaderSer.checkCount(Long.MIN_VALUE, 51)).contains("count=9223372036854775808, expected 1..51");
    }

    @Test
    void blockHeaderFieldsRoundTripAndAReadOutsideRamIsLocated() {
        KhoBlockHeaderSer.writeNext(mem, 0x2000, 0x3000);
        KhoBlockHeaderSer.writeCount(mem, 0x2000, 7);
        assertThat(KhoBlockHeaderSer.next(mem, 0x2000)).isEqualTo(0x3000);
        assertThat(KhoBlockHeaderSer.count(mem, 0x2000)).isEqualTo(7);
        assertThat(HEX.formatHex(mem.read(0x2000, 16))).isEqualTo(HEX.formatHex(KhoBlockHeaderSer.encode(0x3000, 7)));
        assertThatThrownBy(() -> KhoBlockHeaderSer.count(mem, (1 << 20) - 8))
                .isInstanceOf(LayoutException.class)
                .hasMessage("PA 0x100000: kho_block_header_ser.count = outside simulated RAM, expected an address inside RAM");
    }

    @Test
    void luoSer() {
        assertThat(LuoSer.COMPATIBLE_LENGTH).as("ALIGN(sizeof(\"luo-v5\"), 8)").isEqualTo(8);
        assertThat(LuoSer.compatLength("luo-v12")).isEqualTo(8);
        assertThat(LuoSer.compatLength("luo-v123")).isEqualTo(16);
        assertThat(LuoSer.LIVEUPDATE_NUM_OFFSET).isEqualTo(8);
        assertThat(LuoSer.SESSIONS_PA_OFFSET).isEqualTo(16);
        assertThat(LuoSer.FLBS_PA_OFFSET).isEqualTo(24);
        assertThat(LuoSer.SIZE).isEqualTo(32);
        assertThat(HEX.formatHex(LuoSer.encode("luo-v5", 1, 0x100000, 0x200000)))
                .isEqualTo("6c756f2d76350000" + "0100000000000000" + "0000100000000000" + "0000200000000000");
    }

    @Test
    void luoSerRoundTripsAndTheCompatibleIsComparedAsACStringWithinEightBytes() {
        LuoSer.write(mem, 0x4000, 3, 0x5000, 0x6000);
        LuoSer.Value v = LuoSer.read(mem, 0x4000);
        assertThat(v).isEqualTo(new LuoSer.Value("luo-v5", 3, 0x5000, 0x6000));
        assertThat(LuoSer.checkCompatible(v)).isEmpty();
        mem.writeU8(0x4007, 'x');
        assertThat(LuoSer.checkCompatible(LuoSer.read(mem, 0x4000))).as("a byte after the NUL is ignored").isEmpty();
        mem.writeU8(0x4006, '6');
        assertThat(LuoSer.checkCompatible(LuoSer.read(mem, 0x4000))).contains("compatible=\"luo-v56x\", expected \"luo-v5\"");
        LuoSer.writeSessionsPa(mem, 0x4000, 0);
        assertThat(LuoSer.read(mem, 0x4000).sessionsPa()).isZero();
        assertThatThrownBy(() -> LuoSer.encode("luo-v5-long", 0, 0, 0)).hasMessage("compatible='luo-v5-long' longer than 8 bytes");
    }

    @Test
    void subtreeChecksInTheOrderOfLuoEarlyStartup() {
        LuoSer.write(mem, 0x4000, 1, 0x5000, 0);
        assertThat(LuoSubtree.incomingSessionsPa(Optional.of(LuoSubtree.of(0x4000)), mem)).isEqualTo(Outcome.ok(0x5000L));
        assertThat(LuoSubtree.incomingSessionsPa(Optional.empty(), mem)).as("no LUO entry: no incoming state").isEqualTo(Outcome.ok(0L));
        assertThat(LuoSubtree.incomingSessionsPa(Optional.of(new LuoSubtree("OTHER", 0x4000, 32)), mem)).isEqualTo(Outcome.ok(0L));
        assertThat(LuoSubtree.incomingSessionsPa(Optional.of(new LuoSubtree("LUO", 0x4000, 31)), mem)).isEqualTo(Outcome.err(Errno.EINVAL));
        assertThat(LuoSubtree.checkLength(31)).contains("length=31, expected >= 32");
        mem.writeU8(0x4004, '4');
        assertThat(LuoSubtree.incomingSessionsPa(Optional.of(LuoSubtree.of(0x4000)), mem)).isEqualTo(Outcome.err(Errno.EINVAL));
        assertThatThrownBy(() -> LuoSubtree.incomingSessionsPa(Optional.of(LuoSubtree.of(1L << 40)), mem))
                .isInstanceOf(LayoutException.class).hasMessageContaining("luo_ser.compatible..flbs_pa");
    }

    @Test
    void aV1FdtBlobInTheLuoEntryFailsTheCompatibleTest() {
        // The first bytes of any FDT are its big-endian magic 0xd00dfeed (docs/versions-luo.md 7.5).
        mem.write(0x7000, new byte[] {(byte) 0xd0, 0x0d, (byte) 0xfe, (byte) 0xed}, 0, 4);
        assertThat(LuoSubtree.incomingSessionsPa(Optional.of(new LuoSubtree("LUO", 0x7000, 4096)), mem))
                .isEqualTo(Outcome.err(Errno.EINVAL));
    }
}
