package kverify.impl.luo.v7;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Optional;
import java.util.TreeMap;
import kverify.impl.kho.Kho;
import kverify.impl.luo.layout.FileSer;
import kverify.impl.luo.layout.FileSetSer;
import kverify.impl.luo.layout.SessionSer;
import kverify.impl.luo.layout.v7.KhoBlockHeaderSer;
import kverify.impl.luo.layout.v7.LuoSer;
import kverify.impl.luo.layout.v7.LuoSubtree;
import kverify.impl.memory.PhysicalMemory;
import kverify.model.Errno;
import kverify.model.Outcome;
import kverify.model.luo.LuoGeometry;
import kverify.model.luo.LuoV7Geometry;
import org.junit.jupiter.api.Test;

/**
 * The next kernel's restore of v7 block sets on handovers written by hand: what
 * kho_block_set_restore checks, what its error path frees, and where the corrected trust differs.
 * Each block is a one-page preserved folio at BLOCK + i * PAGE; luo_ser is at LUO.
 */
class KhoBlockSetRestoreTest {
    private static final long LUO = 0x100000;
    private static final long BLOCK = 0x200000;
    private static final long PAGE = PhysicalMemory.PAGE_SIZE;
    private final PhysicalMemory mem = PhysicalMemory.ofSize(64L << 20);
    private final TreeMap<Long, Integer> preserved = new TreeMap<>();

    /** luo_ser naming the session chain at BLOCK, and n session blocks of one entry each, chained. */
    private void chainOfSessionBlocks(int n) {
        preserve(LUO);
        LuoSer.write(mem, LUO, 1, BLOCK, 0);
        for (int i = 0; i < n; i++) {
            long pa = BLOCK + i * PAGE;
            preserve(pa);
            mem.write(pa, KhoBlockHeaderSer.encode(i + 1 < n ? pa + PAGE : 0, 1), 0, KhoBlockHeaderSer.SIZE);
            SessionSer.writeName(mem, KhoBlockHeaderSer.entryPa(pa, 0, SessionSer.SIZE), "s" + i);
        }
    }

    private void preserve(long pa) {
        preserved.put(pa, 0);
    }

    private static V7Incoming boot(V7Variant variant, LuoGeometry g, Kho kho) {
        return new V7Incoming(kho, g, variant);
    }

    @Test
    void aValidChainIsRestoredAndItsEntriesRead() {
        chainOfSessionBlocks(3);
        for (V7Variant v : V7Variant.values()) {
            Kho kho = Kho.handedOver(mem, preserved);
            V7Incoming in = boot(v, LuoV7Geometry.SMALL, kho);
            assertThat(in.setup(Optional.of(LuoSubtree.of(LUO)))).isEqualTo(Outcome.ok());
            assertThat(in.deserialize()).isEqualTo(Outcome.ok());
            assertThat(in.images()).extracting(s -> s.name()).containsExactly("s0", "s1", "s2");
            assertThat(kho.incoming()).isEmpty();
            assertThat(kho.violations()).isEmpty();
        }
    }

    @Test
    void aCycleIsEinvalAndNothingIsTracked() {
        chainOfSessionBlocks(3);
        KhoBlockHeaderSer.writeNext(mem, BLOCK + 2 * PAGE, BLOCK + PAGE);
        for (V7Variant v : V7Variant.values()) {
            Kho kho = Kho.handedOver(mem, preserved);
            V7Incoming in = boot(v, LuoV7Geometry.SMALL, kho);
            assertThat(in.setup(Optional.of(LuoSubtree.of(LUO)))).as(v.name()).isEqualTo(Outcome.err(Errno.EINVAL));
            assertThat(in.sessionSet().nblocks()).isZero();
            assertThat(in.sessionSet().headPa()).isZero();
        }
    }

    @Test
    void floydsCheckStopsASelfLoopInItsFirstStep() {
        chainOfSessionBlocks(1);
        KhoBlockHeaderSer.writeNext(mem, BLOCK, BLOCK);
        KhoBlockSet set = new KhoBlockSet(Kho.handedOver(mem, preserved), 256, SessionSer.SIZE, 10000, RestoreTrust.AS_APPLIED);
        mem.startTrackingReads();
        assertThat(set.isCyclic(BLOCK)).isTrue();
        mem.stopTrackingReads();
        assertThat(mem.bytesRead()).as("three next fields of one block, not 10000").isEqualTo(24);
    }

    /** Transcription check of hypothesis H3 (docs/versions-luo.md section 6), not a finding. */
    @Test
    void asAppliedRestoreFreesTheUnpreservedPageItRefusedAndCorrectedDoesNot() {
        chainOfSessionBlocks(2);
        long garbage = BLOCK + 5 * PAGE;
        KhoBlockHeaderSer.writeNext(mem, BLOCK + PAGE, garbage);
        Kho asApplied = Kho.handedOver(mem, preserved);
        assertThat(boot(V7Variant.AS_APPLIED, LuoV7Geometry.SMALL, asApplied).setup(Optional.of(LuoSubtree.of(LUO))))
                .isEqualTo(Outcome.err(Errno.EINVAL));
        assertThat(asApplied.violations()).singleElement().asString().contains(String.format("PA 0x%x", garbage));

        Kho corrected = Kho.handedOver(mem, preserved);
        assertThat(boot(V7Variant.CORRECTED, LuoV7Geometry.SMALL, corrected).setup(Optional.of(LuoSubtree.of(LUO))))
                .isEqualTo(Outcome.err(Errno.EINVAL));
        assertThat(corrected.violations()).isEmpty();
        assertThat(corrected.incoming()).as("the two tracked blocks and luo_ser restored").isEmpty();
    }

    @Test
    void aChainLongerThanTheLimitPassesTheCycleCheckAndIsEnospcWithEveryBlockFreed() {
        chainOfSessionBlocks(5);
        LuoGeometry fourBlocks = LuoV7Geometry.UNIT;
        for (V7Variant v : V7Variant.values()) {
            Kho kho = Kho.handedOver(mem, preserved);
            assertThat(boot(v, fourBlocks, kho).setup(Optional.of(LuoSubtree.of(LUO)))).as(v.name()).isEqualTo(Outcome.err(Errno.ENOSPC));
            assertThat(kho.violations()).isEmpty();
            int expectLeft = v == V7Variant.AS_APPLIED ? 0 : 1;
            assertThat(kho.incoming()).as("as applied walks on and frees the fifth block too").hasSize(expectLeft);
        }
    }

    @Test
    void aFileCountThatDoesNotMatchItsChainFailsDeserializeButKeepsTheSessionsBefore() {
        chainOfSessionBlocks(2);
        long fileBlock = BLOCK + 8 * PAGE;
        preserve(fileBlock);
        mem.write(fileBlock, KhoBlockHeaderSer.encode(0, 1), 0, KhoBlockHeaderSer.SIZE);
        FileSer.write(mem, KhoBlockHeaderSer.entryPa(fileBlock, 0, FileSer.SIZE), "kverify-test-a-v1", 5, 9);
        FileSetSer.write(mem, SessionSer.fileSetPa(KhoBlockHeaderSer.entryPa(BLOCK + PAGE, 0, SessionSer.SIZE)), fileBlock, 2);
        Kho kho = Kho.handedOver(mem, preserved);
        V7Incoming in = boot(V7Variant.AS_APPLIED, LuoV7Geometry.SMALL, kho);
        assertThat(in.setup(Optional.of(LuoSubtree.of(LUO)))).isEqualTo(Outcome.ok());
        assertThat(in.deserialize()).isEqualTo(Outcome.err(Errno.EINVAL));
        assertThat(in.deserialize()).as("cached").isEqualTo(Outcome.err(Errno.EINVAL));
        assertThat(in.images()).extracting(s -> s.name()).containsExactly("s0", "s1");
        assertThat(in.images().get(1).files()).isEmpty();
        assertThat(kho.incoming()).as("session blocks and the file block restored").isEmpty();
    }

    @Test
    void aReadOutsideRamAtSetupIsEfault() {
        chainOfSessionBlocks(1);
        KhoBlockHeaderSer.writeNext(mem, BLOCK, 1L << 40);
        V7Incoming in = boot(V7Variant.AS_APPLIED, LuoV7Geometry.SMALL, Kho.handedOver(mem, preserved));
        assertThat(in.setup(Optional.of(LuoSubtree.of(LUO)))).isEqualTo(Outcome.err(Errno.EFAULT));
    }
}
