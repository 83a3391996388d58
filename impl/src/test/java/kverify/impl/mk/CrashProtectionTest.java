package kverify.impl.mk;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import kverify.model.mk.ExampleMachines;
import kverify.model.mk.Machine;
import kverify.model.mk.PhysRange;
import kverify.model.mk.RangeSet;
import org.junit.jupiter.api.Test;

/**
 * kexec_mark_range's arithmetic on the four-CPU example machine (RAM [0, 1 MiB), so the direct
 * map ends at 1 MiB): inclusive ends, page rounding of the start, an empty or reversed range, a
 * start at or past the map's end, a range running past it, and a hole in RAM.
 */
class CrashProtectionTest {
    private static final Machine M = ExampleMachines.fourCpus();

    private static RangeSet ro(long start, long end) {
        return CrashProtection.markRange(M, RangeSet.EMPTY, start, end, true);
    }

    @Test
    void anInclusiveRangeMarksEveryPageItTouches() {
        assertThat(ro(0x80000, 0x80FFF)).isEqualTo(RangeSet.EMPTY.plus(new PhysRange(0x80000, 0x81000)));
        assertThat(ro(0x80000, 0x81000)).isEqualTo(RangeSet.EMPTY.plus(new PhysRange(0x80000, 0x82000)));
        assertThat(ro(0x80800, 0x80800)).isEqualTo(RangeSet.EMPTY.plus(new PhysRange(0x80000, 0x81000)));
        assertThat(ro(0x80000, 0x80000)).isEqualTo(RangeSet.EMPTY.plus(new PhysRange(0x80000, 0x81000)));
    }

    @Test
    void anEmptyOrReversedRangeOrOneAtTheMapsEndMarksNothing() {
        assertThat(ro(0x80000, 0)).isEqualTo(RangeSet.EMPTY);
        assertThat(ro(0x81000, 0x80FFF)).isEqualTo(RangeSet.EMPTY);
        assertThat(ro(0x100000, 0x100FFF)).as("starts at the direct map's end").isEqualTo(RangeSet.EMPTY);
        assertThat(ro(0xFF000, 0xFFFFF)).isEqualTo(RangeSet.EMPTY.plus(new PhysRange(0xFF000, 0x100000)));
    }

    @Test
    void aRangePastTheMapsEndStopsThereAndUnprotectTakesPagesOut() {
        assertThat(ro(0xFE000, 0x200FFF)).isEqualTo(RangeSet.EMPTY.plus(new PhysRange(0xFE000, 0x100000)));
        assertThat(ro(0xFE000, 0xFFFFF)).as("exactly to the end").isEqualTo(RangeSet.EMPTY.plus(new PhysRange(0xFE000, 0x100000)));
        RangeSet all = ro(0x80000, 0x9FFFF);
        assertThat(CrashProtection.markRange(M, all, 0x81000, 0x81FFF, false))
                .isEqualTo(RangeSet.EMPTY.plus(new PhysRange(0x80000, 0x81000)).plus(new PhysRange(0x82000, 0xA0000)));
    }

    @Test
    void aHoleInRamIsSkipped() {
        Machine holes = new Machine(M.nrCpuIds(), M.nrCpus(), M.maxApicId(), M.cpus(),
                List.of(new PhysRange(0, 0xA0000), new PhysRange(0xC0000, 0x100000)), M.mkReserved(), M.kernelUsed(), M.crashKernel(),
                M.config(), M.caller(), 46);
        assertThat(CrashProtection.markRange(holes, RangeSet.EMPTY, 0x9F000, 0xC0FFF, true))
                .isEqualTo(RangeSet.EMPTY.plus(new PhysRange(0x9F000, 0xA0000)).plus(new PhysRange(0xC0000, 0xC1000)));
    }

    @Test
    void theNullPagesAddressIsFarAboveRam() {
        assertThat(CrashProtection.nullPagePfn() << 12).isEqualTo(0x5800000000L << 12);
    }
}
