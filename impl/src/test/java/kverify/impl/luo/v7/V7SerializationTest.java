package kverify.impl.luo.v7;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import kverify.impl.kho.Kho;
import kverify.impl.luo.layout.FileSer;
import kverify.impl.luo.layout.SessionSer;
import kverify.impl.luo.layout.v7.KhoBlockHeaderSer;
import kverify.impl.luo.layout.v7.LuoSer;
import kverify.impl.memory.PhysicalMemory;
import kverify.model.Errno;
import kverify.model.Outcome;
import kverify.model.luo.FileImage;
import kverify.model.luo.Handover;
import kverify.model.luo.HandlerKind;
import kverify.model.luo.LuoGeometry;
import kverify.model.luo.LuoV7Geometry;
import kverify.model.luo.RebootFault;
import kverify.model.luo.SessionImage;
import org.junit.jupiter.api.Test;

/**
 * The v7 outgoing path writes the handover byte for byte (docs/versions-luo.md 2.2-2.5), the
 * decoder reads it back, and a next kernel restores it. Geometry v7-small: 256-byte blocks,
 * 3 sessions and 3 files per block; each block is its own 4 KiB folio.
 */
class V7SerializationTest {
    private static final HexFormat HEX = HexFormat.of();
    private static final LuoGeometry SMALL = LuoV7Geometry.SMALL;
    private final PhysicalMemory mem = PhysicalMemory.ofSize(64L << 20);
    private final Kho kho = Kho.boot(mem);

    private V7Outgoing boot(V7Variant variant) {
        return V7Outgoing.setup(kho, SMALL, variant, 0).value();
    }

    /** Three sessions fill block 0; then a create of an existing name, refused with EEXIST. */
    private V7Outgoing fullBlockThenDuplicate(V7Variant variant) {
        V7Outgoing out = boot(variant);
        for (String n : List.of("a", "b", "c")) {
            assertThat(out.create(n)).isEqualTo(Outcome.ok());
        }
        assertThat(out.create("a")).isEqualTo(Outcome.err(Errno.EEXIST));
        return out;
    }

    @Test
    void fourSessionsAndOneFileAreWrittenByteForByte() {
        V7Outgoing out = boot(V7Variant.AS_APPLIED);
        long luoSer = out.subtree().pa();
        assertThat(out.sessionSet().nblocks()).as("no session block before the first create").isZero();
        assertThat(out.create("a")).isEqualTo(Outcome.ok());
        assertThat(out.preserveFile("a", 1, HandlerKind.TEST_A, 0x10)).isEqualTo(Outcome.ok());
        for (String n : List.of("b", "c", "d")) {
            assertThat(out.create(n)).isEqualTo(Outcome.ok());
        }
        assertThat(out.serialize(RebootFault.NONE)).isEqualTo(Outcome.ok());

        List<Long> blocks = out.sessionSet().blockPas();
        assertThat(blocks).hasSize(2);
        long fileBlock = mem.readU64(SessionSer.fileSetPa(KhoBlockHeaderSer.entryPa(blocks.get(0), 0, SessionSer.SIZE)));
        assertThat(HEX.formatHex(mem.read(luoSer, LuoSer.SIZE))).isEqualTo(HEX.formatHex(LuoSer.encode("luo-v5", 1, blocks.get(0), 0)));
        assertThat(HEX.formatHex(mem.read(blocks.get(0), 16))).isEqualTo(HEX.formatHex(KhoBlockHeaderSer.encode(blocks.get(1), 3)));
        assertThat(HEX.formatHex(mem.read(blocks.get(1), 16))).isEqualTo(HEX.formatHex(KhoBlockHeaderSer.encode(0, 1)));
        assertThat(HEX.formatHex(mem.read(KhoBlockHeaderSer.entryPa(blocks.get(0), 0, SessionSer.SIZE), SessionSer.SIZE)))
                .isEqualTo(HEX.formatHex(SessionSer.encode("a", fileBlock, 1)));
        assertThat(HEX.formatHex(mem.read(KhoBlockHeaderSer.entryPa(blocks.get(1), 0, SessionSer.SIZE), SessionSer.SIZE)))
                .isEqualTo(HEX.formatHex(SessionSer.encode("d", 0, 0)));
        assertThat(HEX.formatHex(mem.read(fileBlock, 16 + FileSer.SIZE)))
                .isEqualTo(HEX.formatHex(KhoBlockHeaderSer.encode(0, 1)) + HEX.formatHex(FileSer.encode("kverify-test-a-v1", 0x10, 1)));
        assertThat(kho.preserved()).containsOnlyKeys(luoSer, blocks.get(0), blocks.get(1), fileBlock);
    }

    @Test
    void theDecoderAndTheNextKernelGiveBackWhatWasPreserved() {
        V7Outgoing out = boot(V7Variant.AS_APPLIED);
        for (String n : List.of("a", "b", "c", "d", "e")) {
            out.create(n);
        }
        for (long t = 0; t < 4; t++) {
            out.preserveFile("b", t, t % 2 == 0 ? HandlerKind.TEST_A : HandlerKind.TEST_B, 0x100 + t);
        }
        out.serialize(RebootFault.NONE);
        List<SessionImage> preserved = out.images();
        assertThat(preserved.get(1).files()).hasSize(4);
        assertThat(V7HandoverDecoder.decode(mem, Optional.of(out.subtree()), SMALL)).isEqualTo(new Handover.Present(preserved));

        Kho next = kho.kexec();
        V7Incoming in = new V7Incoming(next, SMALL, V7Variant.AS_APPLIED);
        assertThat(in.setup(Optional.of(out.subtree()))).isEqualTo(Outcome.ok());
        assertThat(in.deserialize()).isEqualTo(Outcome.ok());
        assertThat(in.images()).isEqualTo(preserved);
        assertThat(next.incoming()).as("only b's two file blocks wait for finish").hasSize(2);
        assertThat(in.finish("b")).isEqualTo(Outcome.ok());
        assertThat(next.incoming()).isEmpty();
        assertThat(next.violations()).isEmpty();
    }

    @Test
    void withoutSessionsNoBlockIsHandedOverAndSessionsPaIsZero() {
        V7Outgoing out = boot(V7Variant.AS_APPLIED);
        out.create("a");
        out.close("a");
        assertThat(out.sessionSet().nblocks()).as("the close shrank the set to nothing").isZero();
        assertThat(out.serialize(RebootFault.NONE)).isEqualTo(Outcome.ok());
        assertThat(LuoSer.read(mem, out.subtree().pa()).sessionsPa()).isZero();
        assertThat(V7HandoverDecoder.decode(mem, Optional.of(out.subtree()), SMALL)).isEqualTo(new Handover.Present(List.of()));
        Kho next = kho.kexec();
        V7Incoming in = new V7Incoming(next, SMALL, V7Variant.AS_APPLIED);
        assertThat(in.setup(Optional.of(out.subtree()))).isEqualTo(Outcome.ok());
        assertThat(in.deserialize()).isEqualTo(Outcome.ok());
        assertThat(in.images()).isEmpty();
        assertThat(next.incoming()).as("luo_ser restored at setup").isEmpty();
    }

    @Test
    void aFailedRebootLeavesHighCountsThatClosesAndTheRetryRewrite() {
        V7Outgoing out = boot(V7Variant.AS_APPLIED);
        for (String n : List.of("a", "b", "c", "d", "e")) {
            out.create(n);
        }
        out.preserveFile("e", 7, HandlerKind.TEST_B, 1);
        List<Long> blocks = out.sessionSet().blockPas();
        assertThat(out.serialize(new RebootFault.FreezeFails(4, 0, Errno.EIO))).isEqualTo(Outcome.err(Errno.EIO));
        assertThat(KhoBlockHeaderSer.count(mem, blocks.get(1))).as("reserve wrote the failed slot's count").isEqualTo(2);
        assertThat(SessionSer.readName(mem, KhoBlockHeaderSer.entryPa(blocks.get(0), 0, SessionSer.SIZE))).isEmpty();
        assertThat(KhoBlockHeaderSer.count(mem, out.sessionSet().blockPas().get(0))).isEqualTo(3);

        out.close("a");
        out.close("b");
        assertThat(out.sessionSet().nblocks()).isEqualTo(1);
        assertThat(out.serialize(RebootFault.NONE)).isEqualTo(Outcome.ok());
        assertThat(V7HandoverDecoder.decode(mem, Optional.of(out.subtree()), SMALL)).isEqualTo(new Handover.Present(List.of(
                new SessionImage("c", List.of()), new SessionImage("d", List.of()),
                new SessionImage("e", List.of(new FileImage(7, HandlerKind.TEST_B, 1))))));
    }

    /**
     * Transcription check of hypothesis H1 (docs/versions-luo.md section 6), not a finding: by
     * reading, v7 as applied grows the set before it refuses a duplicate name, the empty block
     * is handed over and the next kernel's restore refuses its count of 0. The finding, if any,
     * must come from generation once the v7 variant is wired into the duel.
     */
    @Test
    void asAppliedKeepsTheBlockGrownForARefusedDuplicateAndTheNextKernelRejectsItsCount() {
        V7Outgoing out = fullBlockThenDuplicate(V7Variant.AS_APPLIED);
        assertThat(out.sessionSet().nblocks()).isEqualTo(2);
        assertThat(out.serialize(RebootFault.NONE)).isEqualTo(Outcome.ok());
        long empty = out.sessionSet().blockPas().get(1);
        assertThat(V7HandoverDecoder.decode(mem, Optional.of(out.subtree()), SMALL)).isEqualTo(new Handover.Undecodable(
                String.format("PA 0x%x: kho_block_header_ser.count = 0, expected 1..3", empty + 8)));

        Kho next = kho.kexec();
        V7Incoming in = new V7Incoming(next, SMALL, V7Variant.AS_APPLIED);
        assertThat(in.setup(Optional.of(out.subtree()))).isEqualTo(Outcome.err(Errno.EINVAL));
        assertThat(in.sessionSet().nblocks()).isZero();
        assertThat(next.incoming()).as("both session blocks and luo_ser restored by the error path").isEmpty();
        assertThat(next.violations()).isEmpty();
    }

    @Test
    void correctedRefusesTheDuplicateBeforeGrowingAndHandsOverThreeSessions() {
        V7Outgoing out = fullBlockThenDuplicate(V7Variant.CORRECTED);
        assertThat(out.sessionSet().nblocks()).isEqualTo(1);
        out.serialize(RebootFault.NONE);
        V7Incoming in = new V7Incoming(kho.kexec(), SMALL, V7Variant.CORRECTED);
        assertThat(in.setup(Optional.of(out.subtree()))).isEqualTo(Outcome.ok());
        assertThat(in.deserialize()).isEqualTo(Outcome.ok());
        assertThat(in.images()).extracting(SessionImage::name).containsExactly("a", "b", "c");
    }

    @Test
    void aDuplicateAtTheBlockLimitIsTheCapacityErrorAsAppliedAndEexistCorrected() {
        for (V7Variant v : V7Variant.values()) {
            PhysicalMemory m = PhysicalMemory.ofSize(64L << 20);
            V7Outgoing out = V7Outgoing.setup(Kho.boot(m), LuoV7Geometry.UNIT, v, 0).value();
            for (String n : List.of("a", "b", "c", "d")) {
                assertThat(out.create(n)).isEqualTo(Outcome.ok());
            }
            assertThat(out.create("e")).isEqualTo(Outcome.err(Errno.ENOSPC));
            assertThat(out.create("a")).isEqualTo(Outcome.err(v == V7Variant.AS_APPLIED ? Errno.ENOSPC : Errno.EEXIST));
            assertThat(out.sessionSet().nblocks()).isEqualTo(4);
        }
    }

    @Test
    void aPreserveIntoAFullBlockGrowsTheFileChainAndTheCloseReleasesEveryBlock() {
        V7Outgoing out = boot(V7Variant.AS_APPLIED);
        out.create("a");
        for (long t = 0; t < 7; t++) {
            assertThat(out.preserveFile("a", t, HandlerKind.TEST_A, t)).isEqualTo(Outcome.ok());
        }
        assertThat(out.preserveFile("a", 3, HandlerKind.TEST_B, 0)).isEqualTo(Outcome.err(Errno.EEXIST));
        assertThat(kho.preserved()).as("luo_ser, one session block, three file blocks").hasSize(5);
        out.close("a");
        assertThat(kho.preserved()).containsOnlyKeys(out.subtree().pa());
        assertThat(kho.violations()).isEmpty();
    }
}
