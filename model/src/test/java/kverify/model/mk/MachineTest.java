package kverify.model.mk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class MachineTest {

    private static Machine withRanges(List<PhysRange> mk, List<PhysRange> kernel, PhysRange crash) {
        Machine m = ExampleMachines.fourCpus();
        return new Machine(m.nrCpuIds(), m.nrCpus(), m.maxApicId(), m.cpus(), m.ram(), mk, kernel, crash, m.config(), m.caller());
    }

    @Test
    void totalRamExcludesBootReservations() {
        Machine m = ExampleMachines.fourCpus();
        // 256 RAM pages - 64 multikernel pages - 32 crash pages
        assertThat(m.totalRamPages()).isEqualTo(160);
        assertThat(m.crashkStart()).isEqualTo(0x80000);
        assertThat(m.crashkEndInclusive()).isEqualTo(0x9FFFF);
    }

    @Test
    void noCrashReservationLooksLikeTheKernelsStaticCrashkRes() {
        Machine m = withRanges(List.of(new PhysRange(0x40000, 0x80000)), List.of(new PhysRange(0, 0x10000)), new PhysRange(0, 0));
        assertThat(m.crashkStart()).isZero();
        assertThat(m.crashkEndInclusive()).isZero();
    }

    @Test
    void inconsistentMachinesAreRejectedWithTheReason() {
        assertThatThrownBy(() -> withRanges(List.of(new PhysRange(0x8000, 0x20000)), List.of(new PhysRange(0, 0x10000)),
                new PhysRange(0, 0))).hasMessageContaining("mk-reserved overlaps kernel-used");
        assertThatThrownBy(() -> withRanges(List.of(new PhysRange(0x40000, 0x200000)), List.of(), new PhysRange(0, 0)))
                .hasMessageContaining("not inside RAM");
        assertThatThrownBy(() -> withRanges(List.of(new PhysRange(0x40001, 0x50000)), List.of(), new PhysRange(0, 0)))
                .hasMessageContaining("not page aligned");
        assertThatThrownBy(() -> new Cpu(1, false, true, true, 0)).hasMessageContaining("must be present");
        Machine m = ExampleMachines.fourCpus();
        assertThatThrownBy(() -> new Machine(5, 4, 0xFE, m.cpus(), m.ram(), m.mkReserved(), m.kernelUsed(), m.crashKernel(),
                m.config(), m.caller())).hasMessageContaining("nr_cpu_ids");
    }

    @Test
    void unsignedContainmentNeverWrapsAround() {
        PhysRange r = new PhysRange(0x1000, 0x3000);
        assertThat(r.containsUnsigned(0x1000, 0x2000)).isTrue();
        assertThat(r.containsUnsigned(0x2000, 0x2000)).isFalse();
        assertThat(r.containsUnsigned(0x2000, -1L)).isFalse();
        assertThat(r.containsUnsigned(-4096L, 0x1000)).isFalse();
        assertThat(PhysRange.parse("0x1000-0x3000")).isEqualTo(r);
        assertThat(MkConst.pageCount(-1L)).isEqualTo(1L << 52);
        assertThat(MkConst.pageCount(4097)).isEqualTo(2);
    }
}
