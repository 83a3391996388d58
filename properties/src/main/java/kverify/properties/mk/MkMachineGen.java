package kverify.properties.mk;

import java.util.ArrayList;
import java.util.List;
import kverify.engine.Gen;
import kverify.engine.Source;
import kverify.model.mk.Cpu;
import kverify.model.mk.Machine;
import kverify.model.mk.MkConst;
import kverify.model.mk.PhysRange;

/**
 * Generates small machines: 1 to 6 possible CPUs with NR_CPUS a little above nr_cpu_ids, CPU 0
 * online, some CPUs offline, absent, with bad APIC ids or failing wake-ups; a memory map of a few
 * dozen pages with the kernel at 0, then multikernel reservations, free RAM, a crash region and
 * sometimes a second RAM range past a hole. Every choice shrinks toward an ordinary machine.
 */
public final class MkMachineGen {
    private static final long P = MkConst.PAGE_SIZE;
    // The generators of fixed ranges, made once (the same draws as making them in place: every case draws a machine).
    private static final Gen<Integer> NR_CPU_IDS = Gen.ints(1, 6, 2, 3, 4);
    private static final Gen<Integer> EXTRA_NR_CPUS = Gen.elements(0, 1, 4, 8);
    private static final Gen<Long> KERNEL_PAGES = Gen.longs(1, 8, 4);
    private static final Gen<Long> FIRST_RESERVATION_PAGES = Gen.longs(1, 16, 4, 8);
    private static final Gen<Long> ONE_TO_EIGHT_PAGES = Gen.longs(1, 8);
    private static final Gen<Long> TAIL_PAGES = Gen.longs(2, 40, 8);
    private static final Gen<Integer> WAKEUP_ERRORS = Gen.ints(1, 0x5000, 1, 0x1000);
    private static final Gen<Integer> LOAD_LIMITS = Gen.ints(0, 3);

    private MkMachineGen() {
    }

    public static Gen<Machine> machines() {
        return MkMachineGen::machine;
    }

    private static Machine machine(Source s) {
        int nr = s.draw(NR_CPU_IDS);
        int nrCpus = nr + s.draw(EXTRA_NR_CPUS);
        List<Cpu> cpus = new ArrayList<>();
        for (int i = 0; i < nr; i++) {
            cpus.add(cpu(s, i));
        }
        Layout map = layout(s);
        Machine.Config config = new Machine.Config(s.choice(1) == 0, s.choice(1) == 0);
        Machine.Caller caller = new Machine.Caller(s.choice(15) != 15, s.choice(15) != 15, s.choice(31) == 31,
                limit(s), limit(s));
        // Client CPUs often address 39 or 36 bits, below the 46 of kexec's destination limit.
        int physBits = switch ((int) s.choice(3)) {
            case 2 -> 39;
            case 3 -> 36;
            default -> MkConst.DEFAULT_PHYS_BITS;
        };
        return new Machine(nr, nrCpus, MkConst.XAPIC_MAX_APIC_ID, cpus, map.ram(), map.mk(), map.kernel(), map.crash(), config, caller,
                physBits);
    }

    private record Layout(List<PhysRange> ram, List<PhysRange> mk, List<PhysRange> kernel, PhysRange crash) {
    }

    /** In pages from 0: kernel, gap, reservation, gap, [reservation, gap], [crash], free tail; [hole, RAM]. */
    private static Layout layout(Source s) {
        long kernel = s.draw(KERNEL_PAGES);
        long gap1 = s.choice(3);
        long mk1 = s.draw(FIRST_RESERVATION_PAGES);
        long gap2 = s.choice(3);
        long mk2 = s.choice(3) == 3 ? s.draw(ONE_TO_EIGHT_PAGES) : 0;
        long gap3 = s.choice(3);
        long crash = s.choice(3) == 0 ? 0 : s.draw(ONE_TO_EIGHT_PAGES);
        long tail = s.draw(TAIL_PAGES);
        long second = s.choice(3) == 3 ? s.draw(ONE_TO_EIGHT_PAGES) : 0;
        long at = kernel + gap1;
        List<PhysRange> mk = new ArrayList<>(List.of(new PhysRange(at * P, (at + mk1) * P)));
        at += mk1 + gap2;
        if (mk2 > 0) {
            mk.add(new PhysRange(at * P, (at + mk2) * P));
            at += mk2 + gap3;
        }
        PhysRange crashRange = crash == 0 ? new PhysRange(0, 0) : new PhysRange(at * P, (at + crash) * P);
        at += crash + tail;
        List<PhysRange> ram = new ArrayList<>(List.of(new PhysRange(0, at * P)));
        if (second > 0) {
            ram.add(new PhysRange((at + 4) * P, (at + 4 + second) * P));
        }
        return new Layout(ram, mk, List.of(new PhysRange(0, kernel * P)), crashRange);
    }

    /** CPU 0 runs the caller, so it is present and online; the others vary. */
    private static Cpu cpu(Source s, int index) {
        boolean present = index == 0 || s.choice(15) != 15;
        boolean online = index == 0 || present && s.choice(1) == 1;
        long apic = switch ((int) s.choice(19)) {
            case 18 -> MkConst.XAPIC_MAX_APIC_ID + 1;
            case 19 -> MkConst.BAD_APICID;
            default -> index;
        };
        boolean inMap = s.choice(15) != 15;
        int wakeup = s.choice(15) == 15 ? s.draw(WAKEUP_ERRORS) : 0;
        return new Cpu(present ? apic : MkConst.BAD_APICID, present, online, inMap, wakeup);
    }

    private static int limit(Source s) {
        return s.choice(7) == 7 ? s.draw(LOAD_LIMITS) : -1;
    }
}
