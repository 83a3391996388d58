package kverify.impl.mk;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import kverify.model.Errno;
import kverify.model.mk.Call;
import kverify.model.mk.Halt;
import kverify.model.mk.Machine;
import kverify.model.mk.MkConst;
import kverify.model.mk.PhysRange;

/**
 * What the running kernel does on its own, between system calls: a panic
 * (kernel/crash_core.c __crash_kexec(): under CONFIG_CRASH_DUMP, with kexec_lock, machine_kexec()
 * of kexec_crash_image) and its own page allocations after boot (the buddy allocator's free RAM,
 * which reservations made at boot are not part of and images loaded elsewhere are not taken out
 * of).
 */
final class HostPaths {
    private final KState k;
    private final Machine m;

    HostPaths(KState k) {
        this.k = k;
        this.m = k.m;
    }

    /** machine_kexec() of the crash image: without a control page its relocation copy faults inside the panic. */
    Call panic() {
        Kimage crash = k.images.crashImage;
        if (!m.config().crashDump() || crash == null) {
            k.halt = Halt.PANICKED;
        } else if (crash.controlPage == Kimage.NULL_PAGE) {
            k.halt = Halt.oops(crash.id, "panic: machine_kexec of " + crash.type + " image #" + crash.id + " without a control page");
        } else {
            k.halt = Halt.replacedBy(crash.info());
        }
        return Call.HALTED;
    }

    /** The highest free pages, written by their new owner; ENOMEM (nothing taken) if there are too few. */
    Call alloc(int pages) {
        List<Long> free = new ArrayList<>();
        for (int r = m.ram().size() - 1; r >= 0 && free.size() < pages; r--) {
            PhysRange ram = m.ram().get(r);
            for (long p = ram.end() - MkConst.PAGE_SIZE; p >= ram.start() && free.size() < pages; p -= MkConst.PAGE_SIZE) {
                if (!reservedAtBoot(p) && !k.hostPages.contains(p)) {
                    free.add(p);
                }
            }
        }
        if (free.size() < pages) {
            return Call.err(Errno.ENOMEM);
        }
        byte[] fill = new byte[(int) MkConst.PAGE_SIZE];
        Arrays.fill(fill, (byte) MkConst.HOST_ALLOC_FILL);
        try {
            for (long p : free) {
                k.hostPages.add(p);
                k.directMap().writeThenZero(p, fill, MkConst.PAGE_SIZE);
            }
        } catch (KernelOops oops) {
            k.halt = Halt.oops(0, "host allocation: " + oops.getMessage());
            return Call.HALTED;
        }
        return Call.ok();
    }

    private boolean reservedAtBoot(long page) {
        PhysRange p = new PhysRange(page, page + MkConst.PAGE_SIZE);
        return overlapsAny(m.kernelUsed(), p) || overlapsAny(m.mkReserved(), p) || m.crashKernel().overlaps(p);
    }

    private static boolean overlapsAny(List<PhysRange> ranges, PhysRange p) {
        for (PhysRange r : ranges) {
            if (p.overlaps(r)) {
                return true;
            }
        }
        return false;
    }
}
