package kverify.model.mk;

import java.util.List;

/**
 * Small hand-made machines for unit tests and documentation (generated machines come from the
 * properties module). Addresses are small so a few pages cover every region.
 */
public final class ExampleMachines {
    private ExampleMachines() {
    }

    /**
     * Four possible CPUs (0 and 1 online, 2 offline, 3 not present), NR_CPUS 8; RAM 0-1 MiB with
     * the kernel at 0-64 KiB, multikernel memory at 256-512 KiB and crash memory at 512-640 KiB.
     */
    public static Machine fourCpus() {
        return new Machine(4, 8, MkConst.XAPIC_MAX_APIC_ID,
                List.of(new Cpu(0, true, true, true, 0), new Cpu(1, true, true, true, 0),
                        new Cpu(2, true, false, true, 0), new Cpu(MkConst.BAD_APICID, false, false, false, 0)),
                List.of(new PhysRange(0, 0x100000)),
                List.of(new PhysRange(0x40000, 0x80000)),
                List.of(new PhysRange(0, 0x10000)),
                new PhysRange(0x80000, 0xA0000),
                new Machine.Config(true, true),
                new Machine.Caller(true, true, false, -1, -1));
    }

    /** The same machine with other configuration switches. */
    public static Machine fourCpus(boolean kexecJump, boolean crashDump) {
        return fourCpus().withConfig(new Machine.Config(kexecJump, crashDump));
    }
}
