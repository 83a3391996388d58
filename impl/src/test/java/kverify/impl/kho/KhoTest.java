package kverify.impl.kho;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.TreeMap;
import kverify.impl.memory.PhysicalMemory;
import kverify.model.Errno;
import kverify.model.Outcome;
import org.junit.jupiter.api.Test;

class KhoTest {
    private final PhysicalMemory mem = PhysicalMemory.ofSize(64L << 20);
    private final Kho kho = Kho.boot(mem);

    @Test
    void sizesMapToOrdersLikeGetOrder() {
        assertThat(Kho.orderOf(1)).isZero();
        assertThat(Kho.orderOf(4096)).isZero();
        assertThat(Kho.orderOf(4097)).isEqualTo(1);
        assertThat(Kho.orderOf(8192)).isEqualTo(1);
        assertThat(Kho.orderOf(65536)).isEqualTo(4);
        assertThat(kho.allocPreserve(0)).isEqualTo(Outcome.err(Errno.EINVAL));
        assertThat(kho.allocPreserve((4096L << 10) + 1)).isEqualTo(Outcome.err(Errno.E2BIG));
    }

    @Test
    void allocationIsAlignedPreservedAndZeroedEvenWhenReused() {
        long pa = kho.allocPreserve(65536).value();
        assertThat(pa % 65536).isZero();
        assertThat(pa).isGreaterThanOrEqualTo(Kho.ALLOCATOR_START);
        assertThat(kho.preserved()).containsEntry(pa, 4);
        assertThat(kho.preservedPages()).isEqualTo(16);
        mem.fill(pa, 65536, (byte) 0x5a);
        kho.unpreserveFree(pa);
        assertThat(kho.preserved()).isEmpty();
        long again = kho.allocPreserve(65536).value();
        assertThat(again).as("the freed folio is reused").isEqualTo(pa);
        assertThat(mem.read(again, 65536)).containsOnly(0);
        assertThat(kho.violations()).isEmpty();
    }

    @Test
    void doubleFreeIsDetectedNotSilentlyAccepted() {
        long pa = kho.allocPreserve(8192).value();
        kho.unpreserveFree(pa);
        kho.unpreserveFree(pa);
        assertThat(kho.violations()).singleElement().asString().contains("double free").contains(Long.toHexString(pa));
        kho.unpreserveFree(0);
        assertThat(kho.violations()).hasSize(1);
    }

    @Test
    void injectedAllocationFailureHitsExactlyTheChosenAllocation() {
        kho.failAllocationAfter(1);
        assertThat(kho.allocPreserve(4096).isOk()).isTrue();
        assertThat(kho.allocPreserve(4096)).isEqualTo(Outcome.err(Errno.ENOMEM));
        assertThat(kho.allocPreserve(4096).isOk()).isTrue();
        assertThat(kho.preservedPages()).isEqualTo(2);
    }

    @Test
    void theNextKernelRestoresEachHandedOverFolioOnceAndNeverAllocatesOverThem() {
        long a = kho.allocPreserve(65536).value();
        long b = kho.allocPreserve(8192).value();
        long gone = kho.allocPreserve(4096).value();
        kho.unpreserveFree(gone);
        Kho next = kho.kexec();
        assertThat(next.incoming()).containsOnlyKeys(a, b);
        assertThat(next.incomingPages()).isEqualTo(18);
        long fresh = next.allocPreserve(65536).value();
        assertThat(fresh).isNotIn(a, b).isGreaterThan(Math.max(a, b));
        next.restoreFree(a);
        assertThat(next.isRestorable(a)).isFalse();
        next.restoreFree(a);
        next.restoreFree(gone);
        assertThat(next.violations()).hasSize(2).allMatch(v -> v.contains("kho_restore_free"));
        assertThat(next.incoming()).containsOnlyKeys(b);
        assertThat(next.preserved()).containsOnlyKeys(fresh);
    }

    @Test
    void theLargestOrderIsAllowedAndARangeFilledToItsLimitRunsOutWithEnomem() {
        long maxFolio = 4096L << Kho.MAX_PAGE_ORDER;
        Kho small = Kho.boot(PhysicalMemory.ofSize(2 * maxFolio));
        assertThat(small.allocPreserve(maxFolio))
                .as("order MAX_PAGE_ORDER, aligned, ending exactly at the end of RAM").isEqualTo(Outcome.ok(maxFolio));
        assertThat(small.allocPreserve(4096)).isEqualTo(Outcome.err(Errno.ENOMEM));
        assertThat(small.preservedPages()).isEqualTo(1L << Kho.MAX_PAGE_ORDER);
    }

    @Test
    void theBumpPointerKeepsFoliosNaturallyAlignedAndPacked() {
        assertThat(kho.allocPreserve(4096)).isEqualTo(Outcome.ok(Kho.ALLOCATOR_START));
        assertThat(kho.allocPreserve(8192)).as("skips to the next 8 KiB boundary").isEqualTo(Outcome.ok(Kho.ALLOCATOR_START + 0x2000));
        assertThat(kho.allocPreserve(8192)).isEqualTo(Outcome.ok(Kho.ALLOCATOR_START + 0x4000));
        assertThat(kho.allocPreserve(1)).isEqualTo(Outcome.ok(Kho.ALLOCATOR_START + 0x6000));
    }

    @Test
    void aHandoverFromAnImageAllocatesAboveTheLastPreservedFolio() {
        Kho none = Kho.handedOver(mem, new TreeMap<>());
        assertThat(none.allocPreserve(4096)).isEqualTo(Outcome.ok(Kho.ALLOCATOR_START));
        Kho next = Kho.handedOver(mem, new TreeMap<>(Map.of(0x200000L, 0, 0x400000L, 2)));
        assertThat(next.allocPreserve(4096)).isEqualTo(Outcome.ok(0x400000L + 4 * 4096));
        assertThat(next.incomingPages()).isEqualTo(5);
    }

    @Test
    void restoredFoliosAreFreedForReuseAndUnpreservingAHandedOverFolioIsAWarn() {
        long a = kho.allocPreserve(65536).value();
        long b = kho.allocPreserve(8192).value();
        Kho next = kho.kexec();
        next.restoreFree(a);
        assertThat(next.allocPreserve(65536)).as("the restored folio is free again").isEqualTo(Outcome.ok(a));
        next.unpreserveFree(b);
        assertThat(next.violations()).singleElement().asString().contains("folio was not preserved");
        assertThat(next.allocPreserve(8192)).as("and it was freed all the same").isEqualTo(Outcome.ok(b));
    }
}
