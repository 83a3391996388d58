package kverify.impl.luo;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import kverify.impl.luo.layout.FileHeaderSer;
import kverify.impl.luo.layout.FileSer;
import kverify.impl.luo.layout.FileSetSer;
import kverify.impl.luo.layout.SessionHeaderSer;
import kverify.impl.luo.layout.SessionSer;
import kverify.impl.memory.PhysicalMemory;
import kverify.model.luo.FileImage;
import kverify.model.luo.Handover;
import kverify.model.luo.HandlerKind;
import kverify.model.luo.LuoGeometry;
import kverify.model.luo.RebootFault;
import kverify.model.luo.SessionImage;
import org.junit.jupiter.api.Test;

/**
 * The independent handover reader: full blocks decode, and each kind of damage is reported with
 * the exact address, struct, field, actual and expected value (hand-written corruptions).
 */
class HandoverDecoderTest {
    private LuoImpl impl;
    private PhysicalMemory m;
    private long head;

    /** Sessions s0..s2 fill block 0; s0 has files 0..2 (a full file block), s1 has files 0..1. */
    private void rebootWithFullBlocks() {
        impl = LuoImpl.boot(LuoVariant.AS_POSTED, LuoGeometry.SMALL);
        for (int i = 0; i < 3; i++) {
            impl.createSession("s" + i);
        }
        for (int t = 0; t < 3; t++) {
            impl.preserveFile("s0", t, HandlerKind.TEST_A, t);
        }
        impl.preserveFile("s1", 0, HandlerKind.TEST_B, 7);
        impl.preserveFile("s1", 1, HandlerKind.TEST_B, 8);
        impl.reboot(RebootFault.NONE);
        m = impl.memory();
        head = impl.handoverHead().orElseThrow();
    }

    private long fileSetPa(int session) {
        return SessionSer.fileSetPa(SessionHeaderSer.entryPa(head, session));
    }

    private long fileBlock(int session) {
        return FileSetSer.read(m, fileSetPa(session)).files();
    }

    private String undecodable() {
        assertThat(impl.handover()).isInstanceOf(Handover.Undecodable.class);
        return ((Handover.Undecodable) impl.handover()).error();
    }

    @Test
    void blocksFilledToCapacityDecode() {
        rebootWithFullBlocks();
        FileImage a = new FileImage(0, HandlerKind.TEST_A, 0);
        assertThat(impl.handover()).isEqualTo(new Handover.Present(List.of(
                new SessionImage("s0", List.of(a, new FileImage(1, HandlerKind.TEST_A, 1), new FileImage(2, HandlerKind.TEST_A, 2))),
                new SessionImage("s1", List.of(new FileImage(0, HandlerKind.TEST_B, 7), new FileImage(1, HandlerKind.TEST_B, 8))),
                new SessionImage("s2", List.of()))));
    }

    @Test
    void aSessionCountAboveCapacityNamesTheCountField() {
        rebootWithFullBlocks();
        SessionHeaderSer.writeCount(m, head, 4);
        assertThat(undecodable()).isEqualTo(String.format(
                "PA 0x%x: luo_session_header_ser.count = 4, expected <= 3", head + 8));
    }

    @Test
    void aFileCountAboveCapacityNamesTheCountField() {
        rebootWithFullBlocks();
        long block = fileBlock(1);
        FileHeaderSer.writeCount(m, block, 4);
        assertThat(undecodable()).isEqualTo(String.format(
                "PA 0x%x: luo_file_header_ser.count = 4, expected <= 3", block + 8));
    }

    @Test
    void aFileSetCountThatDisagreesWithTheChainNamesTheFileSet() {
        rebootWithFullBlocks();
        m.writeU64(fileSetPa(1) + FileSetSer.COUNT_OFFSET, 3);
        assertThat(undecodable()).isEqualTo(String.format(
                "PA 0x%x: luo_file_set_ser.count = 3, expected 2 (the entries in its file chain)", fileSetPa(1) + 8));
    }

    @Test
    void anUnknownCompatibleIsQuoted() {
        rebootWithFullBlocks();
        long entry = FileHeaderSer.entryPa(fileBlock(0), 2);
        FileSer.write(m, entry, "kverify-test-z-v1", 2, 2);
        assertThat(undecodable()).isEqualTo(String.format(
                "PA 0x%x: luo_file_ser.compatible = 'kverify-test-z-v1', expected a registered handler", entry));
    }

    @Test
    void aCompatibleWithoutNulIsUnterminated() {
        rebootWithFullBlocks();
        long entry = FileHeaderSer.entryPa(fileBlock(0), 1);
        byte[] noNul = new byte[FileSer.COMPATIBLE_LENGTH];
        Arrays.fill(noNul, "x".getBytes(StandardCharsets.US_ASCII)[0]);
        m.write(entry + FileSer.COMPATIBLE_OFFSET, noNul, 0, noNul.length);
        assertThat(undecodable()).isEqualTo(String.format(
                "PA 0x%x: luo_file_ser.compatible = unterminated, expected a registered handler", entry));
    }
}
