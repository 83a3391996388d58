package kverify.impl.luo.layout;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import kverify.impl.memory.PhysicalMemory;
import kverify.model.Errno;
import kverify.model.Outcome;
import kverify.model.luo.LuoGeometry;
import org.junit.jupiter.api.Test;

/** Offsets, sizes and one golden little-endian vector per struct, checked against the C layout. */
class LayoutTest {
    private static final HexFormat HEX = HexFormat.of();
    private final PhysicalMemory mem = PhysicalMemory.ofSize(1 << 20);

    @Test
    void sessionHeaderV3() {
        assertThat(SessionHeaderSer.NEXT_OFFSET).isZero();
        assertThat(SessionHeaderSer.COUNT_OFFSET).isEqualTo(8);
        assertThat(SessionHeaderSer.SIZE).isEqualTo(16).isEqualTo(LuoGeometry.SESSION_HEADER_BYTES);
        assertThat(HEX.formatHex(SessionHeaderSer.encode(0x12345000L, 819)))
                .isEqualTo("0050341200000000" + "3303000000000000");
        assertThat(SessionHeaderSer.entryPa(0x10000, 818)).isEqualTo(0x10000 + 16 + 818 * 80);
        assertThat(16 + 819 * 80).as("819 entries fill the 64 KiB block exactly").isEqualTo(65536);
    }

    @Test
    void sessionEntry() {
        assertThat(SessionSer.NAME_OFFSET).isZero();
        assertThat(SessionSer.FILE_SET_OFFSET).isEqualTo(64);
        assertThat(SessionSer.SIZE).isEqualTo(80).isEqualTo(LuoGeometry.SESSION_ENTRY_BYTES);
        assertThat(HEX.formatHex(SessionSer.encode("vm-1", 0x200000, 3)))
                .isEqualTo("766d2d31" + "00".repeat(60) + "0000200000000000" + "0300000000000000");
    }

    @Test
    void fileSet() {
        assertThat(FileSetSer.FILES_OFFSET).isZero();
        assertThat(FileSetSer.COUNT_OFFSET).isEqualTo(8);
        assertThat(FileSetSer.SIZE).isEqualTo(16);
        assertThat(HEX.formatHex(FileSetSer.encode(0x1000, 127))).isEqualTo("0010000000000000" + "7f00000000000000");
    }

    @Test
    void fileEntry() {
        assertThat(FileSer.COMPATIBLE_OFFSET).isZero();
        assertThat(FileSer.DATA_OFFSET).isEqualTo(48);
        assertThat(FileSer.TOKEN_OFFSET).isEqualTo(56);
        assertThat(FileSer.SIZE).isEqualTo(64).isEqualTo(LuoGeometry.FILE_ENTRY_BYTES);
        assertThat(HEX.formatHex(FileSer.encode("kverify-test-a-v1", 0xdeadbeefL, 0x0102030405060708L)))
                .isEqualTo("6b7665726966792d746573742d612d7631" + "00".repeat(31) + "efbeadde00000000" + "0807060504030201");
    }

    @Test
    void fileHeaderOfPatch2() {
        assertThat(FileHeaderSer.NEXT_OFFSET).isZero();
        assertThat(FileHeaderSer.COUNT_OFFSET).isEqualTo(8);
        assertThat(FileHeaderSer.SIZE).isEqualTo(16).isEqualTo(LuoGeometry.FILE_HEADER_BYTES);
        assertThat(HEX.formatHex(FileHeaderSer.encode(0xfedcba9876543210L, 1))).isEqualTo("1032547698badcfe" + "0100000000000000");
        assertThat(FileHeaderSer.entryPa(0x10000, 126)).isEqualTo(0x10000 + 16 + 126 * 64);
        assertThat(16 + 127 * 64).as("127 entries leave 48 bytes of the 8 KiB block").isEqualTo(8192 - 48);
    }

    @Test
    void fdtNodeStoresTheHeadInHostLittleEndianOrder() {
        FdtNode node = SessionFdtNode.build(0x100200000L);
        assertThat(node.name()).isEqualTo("luo-session");
        assertThat(HEX.formatHex(node.property("luo-session-header").orElseThrow())).isEqualTo("0000200001000000");
        assertThat(node.property("compatible").orElseThrow()).isEqualTo("luo-session-v4\0".getBytes());
        assertThat(SessionFdtNode.headPa(Optional.of(node))).isEqualTo(Outcome.ok(0x100200000L));
        assertThat(SessionFdtNode.headPa(Optional.empty())).isEqualTo(Outcome.err(Errno.EINVAL));
        assertThat(SessionFdtNode.headPa(Optional.of(node.with("compatible", "luo-session-v2\0".getBytes()))))
                .isEqualTo(Outcome.err(Errno.EINVAL));
        assertThat(SessionFdtNode.headPa(Optional.of(node.with("luo-session-header", new byte[4]))))
                .isEqualTo(Outcome.err(Errno.EINVAL));
        assertThat(SessionFdtNode.headPa(Optional.of(node.with("luo-session-header", null)))).isEqualTo(Outcome.err(Errno.EINVAL));
    }

    /** The uapi argument structs: offsets, sizes, min_size, and one golden vector each (user space encodes with Uapi). */
    @Test
    void ioctlArgumentStructsMatchTheUapiHeader() {
        assertThat(SessionIoctlArg.FD_OFFSET).isEqualTo(4);
        assertThat(SessionIoctlArg.NAME_OFFSET).isEqualTo(8);
        assertThat(SessionIoctlArg.SIZE).isEqualTo(72).isEqualTo(SessionIoctlArg.MIN_SIZE).isEqualTo(kverify.model.luo.Uapi.SESSION_ARG_SIZE);
        assertThat(FdIoctlArg.TOKEN_OFFSET).isEqualTo(8);
        assertThat(FdIoctlArg.SIZE).isEqualTo(16).isEqualTo(kverify.model.luo.Uapi.FD_ARG_SIZE);
        assertThat(FinishIoctlArg.RESERVED_OFFSET).isEqualTo(4);
        assertThat(FinishIoctlArg.SIZE).isEqualTo(8).isEqualTo(kverify.model.luo.Uapi.FINISH_ARG_SIZE);
        byte[] fd = kverify.model.luo.Uapi.fdArg(16, -2, 0x0102030405060708L);
        assertThat(HEX.formatHex(fd)).isEqualTo("10000000" + "feffffff" + "0807060504030201");
        assertThat(FdIoctlArg.fd(fd)).isEqualTo(-2);
        assertThat(FdIoctlArg.token(fd)).isEqualTo(0x0102030405060708L);
        FdIoctlArg.setFd(fd, 7);
        assertThat(HEX.formatHex(fd, 4, 8)).isEqualTo("07000000");
        byte[] session = kverify.model.luo.Uapi.sessionArg(72, "ab".getBytes());
        assertThat(HEX.formatHex(session, 0, 12)).isEqualTo("48000000" + "00000000" + "61620000");
        assertThat(SessionIoctlArg.name(session)).hasSize(64).startsWith('a', 'b', 0);
        SessionIoctlArg.setFd(session, 3);
        assertThat(HEX.formatHex(session, 4, 8)).isEqualTo("03000000");
        byte[] finish = kverify.model.luo.Uapi.finishArg(8, 0xfffffffeL);
        assertThat(HEX.formatHex(finish)).isEqualTo("08000000" + "feffffff");
        assertThat(FinishIoctlArg.reserved(finish)).isEqualTo(0xfffffffeL);
    }

    /** fdt_subnode_offset and fdt_node_check_compatible as libfdt implements them (fdt_ro.c). */
    @Test
    void setupMatchesTheNodeAndTheCompatibleTheWayLibfdtDoes() {
        FdtNode node = SessionFdtNode.build(0x100000L);
        Outcome<Long> ok = Outcome.ok(0x100000L);
        assertThat(SessionFdtNode.headPa(Optional.of(new FdtNode("luo-session@1", node.properties())))).as("unit address").isEqualTo(ok);
        assertThat(SessionFdtNode.headPa(Optional.of(new FdtNode("luo-sessions", node.properties())))).isEqualTo(Outcome.err(Errno.EINVAL));
        assertThat(SessionFdtNode.headPa(Optional.of(new FdtNode("luo", node.properties())))).isEqualTo(Outcome.err(Errno.EINVAL));
        for (String list : List.of("luo-session-v4\0", "x\0luo-session-v4\0", "luo-session-v3\0luo-session-v4", "luo-session-v4")) {
            assertThat(SessionFdtNode.headPa(Optional.of(node.with("compatible", list.getBytes())))).as("compatible '%s'", list).isEqualTo(ok);
        }
        for (String list : List.of("luo-session-v3\0", "luo-session-v44\0", "xluo-session-v4\0", "luo-session-v", "", "\0\0")) {
            assertThat(SessionFdtNode.headPa(Optional.of(node.with("compatible", list.getBytes())))).as("compatible '%s'", list)
                    .isEqualTo(Outcome.err(Errno.EINVAL));
        }
    }

    @Test
    void namesFollowStrscpySemantics() {
        long pa = 0x1000;
        mem.fill(pa, 64, (byte) 'x');
        assertThat(SessionSer.readName(mem, pa)).as("unterminated: strscpy keeps 63 bytes").hasSize(63);
        SessionSer.writeName(mem, pa, "ab");
        assertThat(mem.read(pa, 4)).containsExactly('a', 'b', 0, 'x');
        assertThat(SessionSer.readName(mem, pa)).isEqualTo("ab");
        SessionSer.zeroName(mem, pa);
        assertThat(SessionSer.readName(mem, pa)).isEmpty();
    }

    @Test
    void fileEntriesRoundTripAndAnUnterminatedCompatibleMatchesNoHandler() {
        FileSer.write(mem, 0x2000, "kverify-test-b-v1", -1L, 42);
        assertThat(FileSer.read(mem, 0x2000)).isEqualTo(new FileSer.Value("kverify-test-b-v1", -1L, 42));
        mem.fill(0x2000, 48, (byte) 'c');
        assertThat(FileSer.read(mem, 0x2000).compatible()).isNull();
    }

    @Test
    void readsOutsideRamNameTheStructAndField() {
        assertThatThrownBy(() -> SessionHeaderSer.count(mem, (1 << 20) - 8))
                .isInstanceOfSatisfying(LayoutException.class, e -> {
                    assertThat(e.address()).isEqualTo(1 << 20);
                    assertThat(e.struct()).isEqualTo(SessionHeaderSer.STRUCT);
                    assertThat(e.field()).isEqualTo("count");
                })
                .hasMessage("PA 0x100000: luo_session_header_ser.count = outside simulated RAM, expected an address inside RAM");
        assertThatThrownBy(() -> FileSetSer.read(mem, 1L << 40)).hasMessageContaining("luo_file_set_ser.files");
    }

    @Test
    void aNameFillsAtMost63BytesOfItsFieldSoItsNulAlwaysFits() {
        String longest = "n".repeat(SessionSer.NAME_LENGTH - 1);
        assertThat(SessionSer.encode(longest, 0, 0)[SessionSer.NAME_LENGTH - 1]).isZero();
        assertThatThrownBy(() -> SessionSer.encode("n".repeat(SessionSer.NAME_LENGTH), 0, 0))
                .hasMessage("'" + "n".repeat(64) + "' does not fit a 64-byte C string field");
    }

    @Test
    void aCStringWithoutNulIsTheWholeFieldWhenTheFieldIsShorterThanTheLimit() {
        assertThat(Fields.cString(new byte[] {'a', 'b'}, 5)).isEqualTo("ab");
        assertThat(Fields.cString(new byte[] {'a', 0, 'b'}, 5)).isEqualTo("a");
        assertThat(Fields.cString(new byte[] {'a', 'b', 'c'}, 2)).isEqualTo("ab");
    }

    @Test
    void zeroingAFileSetClearsExactlyItsSixteenBytes() {
        mem.fill(0x3000, 18, (byte) 0xee);
        FileSetSer.zero(mem, 0x3001);
        assertThat(HEX.formatHex(mem.read(0x3000, 18))).isEqualTo("ee" + "00".repeat(16) + "ee");
    }

    @Test
    void fdtNodesAreEqualByNameAndPropertyBytes() {
        FdtNode node = SessionFdtNode.build(0x100200000L);
        FdtNode same = new FdtNode("luo-session", node.properties());
        assertThat(same).isEqualTo(node).hasSameHashCodeAs(node);
        assertThat(node.with("luo-session-header", node.property("luo-session-header").orElseThrow())).isEqualTo(node);
        assertThat(node.with("luo-session-header", new byte[8])).isNotEqualTo(node);
        assertThat(node.with("luo-session-header", null)).isNotEqualTo(node);
        assertThat(node.with("extra", new byte[0])).isNotEqualTo(node);
        assertThat(new FdtNode("other", node.properties())).isNotEqualTo(node);
        assertThat(node).isNotEqualTo("luo-session");
    }
}
