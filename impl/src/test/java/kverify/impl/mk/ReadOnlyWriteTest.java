package kverify.impl.mk;

import static org.assertj.core.api.Assertions.assertThat;

import kverify.model.mk.Call;
import kverify.model.mk.ExampleMachines;
import kverify.model.mk.Halt;
import kverify.model.mk.MkConst;
import kverify.model.mk.MkOp;
import org.junit.jupiter.api.Test;

/**
 * A write that runs into a read-only direct-map page, hand-written on the four-CPU example
 * machine as posted, where an on-crash multikernel image leaves every RAM page from the crash
 * region (0x80000) up read-only: the oops names the first read-only page, not the write's start,
 * and a write that ends right below that page is no oops at all.
 */
class ReadOnlyWriteTest {
    private static final long P = MkConst.PAGE_SIZE;

    private static MkImplKernel protectedFromCrashRegionUp() {
        MkImplKernel k = MkImplKernel.create(MkVariant.AS_POSTED, ExampleMachines.fourCpus());
        assertThat(k.apply(ExactPathsTest.load(0x80000, MkConst.KEXEC_ON_CRASH | MkConst.KEXEC_MULTIKERNEL, 0x40000, P)).call())
                .isEqualTo(Call.ok());
        return k;
    }

    @Test
    void aSegmentRunningIntoTheReadOnlyPagesOopsesAtTheFirstOfThem() {
        MkImplKernel k = protectedFromCrashRegionUp();
        assertThat(k.apply(ExactPathsTest.load(0x7E000, MkConst.KEXEC_MULTIKERNEL, 0x7E000, 3 * P)).call()).isEqualTo(Call.HALTED);
        Halt h = k.state().halt();
        assertThat(h.kind()).isEqualTo(Halt.Kind.OOPS);
        assertThat(h.detail()).endsWith("write to read-only direct-map page 0x80000");
    }

    @Test
    void aSegmentEndingBelowTheReadOnlyPagesIsWritten() {
        MkImplKernel k = protectedFromCrashRegionUp();
        assertThat(k.apply(ExactPathsTest.load(0x7E000, MkConst.KEXEC_MULTIKERNEL, 0x7E000, 2 * P)).call()).isEqualTo(Call.ok());
        assertThat(k.state().halt()).isEqualTo(Halt.RUNNING);
    }
}
