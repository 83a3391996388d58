package kverify.impl.mk;

import static org.assertj.core.api.Assertions.assertThat;

import kverify.model.Errno;
import kverify.model.mk.Call;
import kverify.model.mk.ExampleMachines;
import kverify.model.mk.Halt;
import kverify.model.mk.Machine;
import kverify.model.mk.MemoryImage;
import kverify.model.mk.MkConst;
import kverify.model.mk.MkOp;
import org.junit.jupiter.api.Test;

/**
 * What the kernel does between system calls ({@link HostPaths}) on the four-CPU example machine:
 * RAM [0, 1 MiB), the kernel in [0, 64 KiB), multikernel memory [256, 512 KiB), crashkernel
 * [512, 640 KiB), so 96 free pages above the crash region and 48 below the multikernel memory.
 * Hand-written unit tests with exact addresses, bytes and halts.
 */
class HostPathsTest {
    private static final long P = MkConst.PAGE_SIZE;
    private static final int FILL = MkConst.HOST_ALLOC_FILL;

    private static MkOp.KexecLoad load(long entry, long flags, long mem, long bytes) {
        return ExactPathsTest.load(entry, flags, mem, bytes);
    }

    private static Call alloc(MkImplKernel k, int pages) {
        return k.apply(new MkOp.HostAlloc(pages)).call();
    }

    private static int byteAt(MkImplKernel k, long pa) {
        MemoryImage m = k.state().memory();
        return m.byteAt(pa);
    }

    @Test
    void hostAllocationsTakeTheHighestFreePagesSkippingWhatBootReservedAndWhatIsTaken() {
        MkImplKernel k = MkImplKernel.create(MkVariant.CORRECTED, ExampleMachines.fourCpus());
        MemoryImage boot = k.state().memory();
        assertThat(alloc(k, 2)).isEqualTo(Call.ok());
        assertThat(byteAt(k, 0xFF000)).isEqualTo(FILL);
        assertThat(byteAt(k, 0xFE000 + P - 1)).isEqualTo(FILL);
        assertThat(byteAt(k, 0xFD000)).isZero();
        // 94 pages down to the crash region's end, then the top two below the multikernel memory.
        assertThat(alloc(k, 96)).isEqualTo(Call.ok());
        assertThat(byteAt(k, 0xA0000)).isEqualTo(FILL);
        assertThat(byteAt(k, 0x9F000)).as("crashkernel").isZero();
        assertThat(byteAt(k, 0x7F000)).as("multikernel memory").isZero();
        assertThat(byteAt(k, 0x3F000)).isEqualTo(FILL);
        assertThat(byteAt(k, 0x3E000)).isEqualTo(FILL);
        assertThat(byteAt(k, 0x3D000)).isZero();
        // 46 pages are left: one more is refused and takes nothing.
        assertThat(alloc(k, 47)).isEqualTo(Call.err(Errno.ENOMEM));
        assertThat(byteAt(k, 0x3D000)).isZero();
        assertThat(alloc(k, 46)).isEqualTo(Call.ok());
        assertThat(byteAt(k, 0x10000)).isEqualTo(FILL);
        assertThat(k.state().memory().differingPages(boot)).as("the kernel's pages are not taken").noneMatch(pa -> pa < 0x10000);
        assertThat(alloc(k, 1)).isEqualTo(Call.err(Errno.ENOMEM));
        assertThat(k.state().halt()).isEqualTo(Halt.RUNNING);
    }

    @Test
    void allFreePagesAtOnceAreGrantedAndOneMoreIsNot() {
        assertThat(alloc(MkImplKernel.create(MkVariant.CORRECTED, ExampleMachines.fourCpus()), 145)).isEqualTo(Call.err(Errno.ENOMEM));
        MkImplKernel k = MkImplKernel.create(MkVariant.CORRECTED, ExampleMachines.fourCpus());
        assertThat(alloc(k, 144)).isEqualTo(Call.ok());
        // The kernel's 16 pages hold its image at boot.
        assertThat(k.state().memory().nonZeroPages()).isEqualTo(144 + 16);
    }

    @Test
    void aHostAllocationIntoAPageLeftReadOnlyIsAnOops() {
        // As posted, an on-crash multikernel image leaves every RAM page from the crash region up read-only.
        MkImplKernel k = MkImplKernel.create(MkVariant.AS_POSTED, ExampleMachines.fourCpus());
        assertThat(k.apply(load(0x80000, MkConst.KEXEC_ON_CRASH | MkConst.KEXEC_MULTIKERNEL, 0x40000, P)).call()).isEqualTo(Call.ok());
        assertThat(alloc(k, 1)).isEqualTo(Call.HALTED);
        Halt h = k.state().halt();
        assertThat(h.kind()).isEqualTo(Halt.Kind.OOPS);
        assertThat(h.imageId()).isZero();
        assertThat(h.detail()).startsWith("host allocation: write to read-only direct-map page ").contains("ff000");
        assertThat(k.apply(new MkOp.HostAlloc(1)).calls()).containsExactly(Call.NOT_RUN);
    }

    @Test
    void aPanicWithoutACrashImageOrWithoutCrashDumpIsAPlainPanic() {
        MkImplKernel none = MkImplKernel.create(MkVariant.CORRECTED, ExampleMachines.fourCpus());
        assertThat(none.apply(new MkOp.Panic()).call()).isEqualTo(Call.HALTED);
        assertThat(none.state().halt()).isEqualTo(Halt.PANICKED);
        Machine noDump = ExampleMachines.fourCpus(true, false);
        MkImplKernel loaded = MkImplKernel.create(MkVariant.CORRECTED, noDump);
        assertThat(loaded.apply(load(0x80000, MkConst.KEXEC_ON_CRASH, 0x80000, 2 * P)).call()).isEqualTo(Call.ok());
        assertThat(loaded.apply(new MkOp.Panic()).call()).isEqualTo(Call.HALTED);
        assertThat(loaded.state().halt()).isEqualTo(Halt.PANICKED);
    }

    @Test
    void aPanicWithACrashImageKexecsItAndOneWithoutAControlPageOopses() {
        MkImplKernel k = MkImplKernel.create(MkVariant.CORRECTED, ExampleMachines.fourCpus());
        assertThat(k.apply(load(0x80000, MkConst.KEXEC_ON_CRASH, 0x80000, 2 * P)).call()).isEqualTo(Call.ok());
        assertThat(k.apply(new MkOp.Panic()).call()).isEqualTo(Call.HALTED);
        assertThat(k.state().halt()).isEqualTo(Halt.replacedBy(k.state().images().get(0)));
        assertThat(k.state().halt().kind()).isEqualTo(Halt.Kind.REPLACED);

        MkImplKernel mk = MkImplKernel.create(MkVariant.AS_POSTED, ExampleMachines.fourCpus());
        assertThat(mk.apply(load(0x80000, MkConst.KEXEC_ON_CRASH | MkConst.KEXEC_MULTIKERNEL, 0x40000, P)).call()).isEqualTo(Call.ok());
        assertThat(mk.apply(new MkOp.Panic()).call()).isEqualTo(Call.HALTED);
        assertThat(mk.state().halt()).isEqualTo(Halt.oops(1, "panic: machine_kexec of MULTIKERNEL image #1 without a control page"));
    }
}
