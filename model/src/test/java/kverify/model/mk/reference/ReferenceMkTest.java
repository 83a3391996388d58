package kverify.model.mk.reference;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import kverify.model.Errno;
import kverify.model.mk.Call;
import kverify.model.mk.Cpu;
import kverify.model.mk.CpuState;
import kverify.model.mk.ExampleMachines;
import kverify.model.mk.Halt;
import kverify.model.mk.Machine;
import kverify.model.mk.MkConst;
import kverify.model.mk.MkEvent;
import kverify.model.mk.MkInvariants;
import kverify.model.mk.MkOp;
import kverify.model.mk.MkState;
import kverify.model.mk.Segment;
import kverify.model.mk.StepResult;
import kverify.model.mk.UserBuffer;
import org.junit.jupiter.api.Test;

/** Hand-written examples of the contract (unit tests, not generated counterexamples). */
class ReferenceMkTest {
    private static final long MK = MkConst.KEXEC_MULTIKERNEL;

    private ReferenceMk k = new ReferenceMk(ExampleMachines.fourCpus());

    /** Applies an op and checks every contract invariant on the way. */
    private Call run(MkOp op) {
        MkState before = k.state();
        StepResult r = k.apply(op);
        assertThat(MkInvariants.firstViolation(k.machine(), op, before, r, k.state())).isEmpty();
        return r.call();
    }

    private static MkOp.KexecLoad mkLoad(long mem, long memsz, long bufsz, long fault) {
        return new MkOp.KexecLoad(mem, List.of(new Segment(mem, memsz, bufsz, new UserBuffer(1, fault))), MK);
    }

    @Test
    void multikernelSegmentIsCopiedAndZeroFilledToTheEndOfMemsz() {
        assertThat(run(mkLoad(0x40000, 0x2000, 0x1001, UserBuffer.NO_FAULT))).isEqualTo(Call.ok());
        MkState s = k.state();
        assertThat(s.memory().byteAt(0x40000)).isEqualTo(UserBuffer.byteAt(1, 0));
        assertThat(s.memory().byteAt(0x41000)).isEqualTo(UserBuffer.byteAt(1, 0x1000));
        assertThat(s.memory().byteAt(0x41001)).isZero();
        assertThat(s.images()).singleElement().satisfies(i -> assertThat(i.id()).isEqualTo(1));
    }

    @Test
    void misplacedOrFaultingLoadsFailAndLeaveMemoryAlone() {
        MkState before = k.state();
        assertThat(run(mkLoad(0x8000, 0x1000, 0x1000, UserBuffer.NO_FAULT))).isEqualTo(Call.err(Errno.EADDRNOTAVAIL));
        assertThat(run(mkLoad(0xC0000, 0x1000, 0x1000, UserBuffer.NO_FAULT))).isEqualTo(Call.err(Errno.EADDRNOTAVAIL));
        assertThat(run(mkLoad(0x40000, 0x3000, 0x2800, 0x1800))).isEqualTo(Call.err(Errno.EFAULT));
        assertThat(run(new MkOp.KexecLoad(0x42000, List.of(new Segment(0x40000, 0x1000, 0, new UserBuffer(0, -1))), MK)))
                .isEqualTo(Call.err(Errno.EADDRNOTAVAIL));
        assertThat(k.state()).isEqualTo(before);
    }

    @Test
    void cpuOutsideRangeIsEinvalAndOnlyAnOfflineFreeCpuStarts() {
        run(mkLoad(0x40000, 0x1000, 0x1000, UserBuffer.NO_FAULT));
        for (int cpu : new int[] {-1, 4, 8, Integer.MIN_VALUE, Integer.MAX_VALUE}) {
            assertThat(run(MkOp.Reboot.multikernel(cpu))).isEqualTo(Call.err(Errno.EINVAL));
        }
        assertThat(run(MkOp.Reboot.multikernel(1))).isEqualTo(Call.err(Errno.EBUSY));
        assertThat(run(MkOp.Reboot.multikernel(3))).isEqualTo(Call.err(Errno.EINVAL));
        StepResult started = k.apply(MkOp.Reboot.multikernel(2));
        assertThat(started.call()).isEqualTo(Call.ok());
        assertThat(started.events()).containsExactly(new MkEvent.Kick(2, 1));
        assertThat(run(MkOp.Reboot.multikernel(2))).isEqualTo(Call.err(Errno.EBUSY));
        assertThat(run(new MkOp.CpuOnline(2))).isEqualTo(Call.err(Errno.EBUSY));
        assertThat(k.state().cpus().get(2)).isEqualTo(new CpuState(CpuState.Owner.GUEST, 1, kverify.model.mk.ImageType.MULTIKERNEL, false));
    }

    @Test
    void eachImageStartsOnceAndUnloadKeepsRunningImages() {
        run(mkLoad(0x40000, 0x1000, 0x1000, UserBuffer.NO_FAULT));
        run(new MkOp.CpuOffline(1));
        assertThat(run(MkOp.Reboot.multikernel(2))).isEqualTo(Call.ok());
        assertThat(run(MkOp.Reboot.multikernel(1))).isEqualTo(Call.err(Errno.EINVAL));
        assertThat(run(mkLoad(0x40000, 0x1000, 0x1000, UserBuffer.NO_FAULT))).isEqualTo(Call.err(Errno.EBUSY));
        assertThat(run(new MkOp.Unload(MK))).isEqualTo(Call.ok());
        assertThat(k.state().images()).hasSize(1);
    }

    @Test
    void multikernelIsLegalWithoutKexecJumpButConflictingFlagsAreNot() {
        k = new ReferenceMk(ExampleMachines.fourCpus(false, true));
        assertThat(run(mkLoad(0x40000, 0x1000, 0x1000, UserBuffer.NO_FAULT))).isEqualTo(Call.ok());
        Segment s = new Segment(0x50000, 0x1000, 0x1000, new UserBuffer(2, -1));
        assertThat(run(new MkOp.KexecLoad(0x50000, List.of(s), MK | MkConst.KEXEC_ON_CRASH))).isEqualTo(Call.err(Errno.EINVAL));
        assertThat(run(new MkOp.KexecLoad(0x50000, List.of(s), MkConst.KEXEC_PRESERVE_CONTEXT))).isEqualTo(Call.err(Errno.EINVAL));
        assertThat(run(new MkOp.KexecLoad(0x50000, List.of(s), 0x20))).isEqualTo(Call.err(Errno.EINVAL));
    }

    @Test
    void kexecRebootRunsOnlyADefaultImageAndNotWhileGuestsRun() {
        run(mkLoad(0x40000, 0x1000, 0x1000, UserBuffer.NO_FAULT));
        MkOp.Reboot kexec = MkOp.Reboot.command(MkConst.LINUX_REBOOT_CMD_KEXEC);
        assertThat(run(kexec)).isEqualTo(Call.err(Errno.EINVAL));
        run(new MkOp.KexecLoad(0x1000, List.of(new Segment(0x10000, 0x1000, 0x1000, new UserBuffer(3, -1))), 0));
        run(MkOp.Reboot.multikernel(2));
        assertThat(run(kexec)).isEqualTo(Call.err(Errno.EBUSY));
        assertThat(k.state().halt()).isEqualTo(Halt.RUNNING);
    }

    @Test
    void loadLimitsCountCallsAndAFailedWakeupIsEio() {
        Machine base = ExampleMachines.fourCpus();
        List<Cpu> cpus = List.of(base.cpus().get(0), base.cpus().get(1), new Cpu(2, true, false, true, 5), base.cpus().get(3));
        k = new ReferenceMk(new Machine(4, 8, 0xFE, cpus, base.ram(), base.mkReserved(), base.kernelUsed(), base.crashKernel(),
                base.config(), new Machine.Caller(true, true, false, 2, -1)));
        assertThat(run(mkLoad(0x8000, 0x1000, 0x1000, -1))).isEqualTo(Call.err(Errno.EADDRNOTAVAIL));
        assertThat(run(mkLoad(0x40000, 0x1000, 0x1000, -1))).isEqualTo(Call.ok());
        assertThat(run(mkLoad(0x50000, 0x1000, 0x1000, -1))).isEqualTo(Call.err(Errno.EPERM));
        assertThat(run(MkOp.Reboot.multikernel(2))).isEqualTo(Call.err(Errno.EIO));
        assertThat(k.state().cpus().get(2)).isEqualTo(CpuState.none());
    }

    @Test
    void concurrentCallsRunAtomicallyInTheModel() {
        run(mkLoad(0x40000, 0x1000, 0x1000, -1));
        StepResult r = k.apply(new MkOp.Concurrent(MkOp.Reboot.multikernel(2), new MkOp.CpuOnline(2), List.of(2, 1)));
        assertThat(r.calls()).containsExactly(Call.ok(), Call.err(Errno.EBUSY));
        assertThat(k.copy().state()).isEqualTo(k.state());
    }
}
