package kverify.properties.mk;

import java.util.ArrayList;
import java.util.List;
import kverify.engine.Gen;
import kverify.engine.Source;
import kverify.model.mk.ImageInfo;
import kverify.model.mk.Machine;
import kverify.model.mk.MkConst;
import kverify.model.mk.MkOp;
import kverify.model.mk.MkState;
import kverify.model.mk.PhysRange;
import kverify.model.mk.Segment;

/**
 * Generates the next operation from the machine and the model's current state, biased toward
 * the inputs that matter: CPUs at and beyond the ends of 0..nr_cpu_ids-1, CPUs that are online
 * or given away, segments in and out of reserved memory, overlapping, misplaced or faulting
 * segments, every flag bit, and concurrent calls. Each choice shrinks toward the plain case.
 */
public final class MkOpGen {
    // Generators that depend on nothing drawn, made once (the same draws as making them in place at every step).
    private static final Gen<Integer> STEPS_BEFORE_SECOND = Gen.ints(0, 7);
    private static final Gen<Integer> TAIL_STEPS = Gen.ints(0, 3);
    private static final Gen<Integer> EITHER_TASK = Gen.elements(1, 2);
    private static final Gen<Integer> HOST_PAGES = Gen.ints(1, 8, 1, 4);
    private static final Gen<Integer> SEGMENT_COUNTS = Gen.frequency(Gen.weighted(12, Gen.constant(1)), Gen.weighted(3, Gen.constant(2)),
            Gen.weighted(1, Gen.constant(3)), Gen.weighted(1, Gen.constant(MkConst.KEXEC_SEGMENT_MAX + 1)));

    private final Machine m;
    private final MkState st;

    private MkOpGen(Machine m, MkState st) {
        this.m = m;
        this.st = st;
    }

    /** The next operation, or null for "the sequence ends here" (one draw, so shrinking can drop a step). */
    public static Gen<MkOp> nextOrStop(Machine m, MkState st) {
        return orStop(next(m, st));
    }

    /** The operation {@code next} draws, or null one time in sixteen: the sequence ends there. */
    static Gen<MkOp> orStop(Gen<MkOp> next) {
        return s -> s.choice(15) == 0 ? null : s.draw(next);
    }

    /**
     * Task 1 takes k steps, then task 2 is offered one (so every point of task 1's path can be
     * where task 2 comes in), then a short mixed tail.
     */
    static List<Integer> schedule(Source s) {
        List<Integer> schedule = new ArrayList<>(java.util.Collections.nCopies(s.draw(STEPS_BEFORE_SECOND), 1));
        schedule.add(2);
        int tail = s.draw(TAIL_STEPS);
        for (int i = 0; i < tail; i++) {
            schedule.add(s.draw(EITHER_TASK));
        }
        return schedule;
    }

    public static Gen<MkOp> next(Machine m, MkState st) {
        MkOpGen g = new MkOpGen(m, st);
        // Weights in halves: the faulting load below an image takes half of the ignored reboot commands' share, so no
        // operation that a coverage requirement counts is drawn less often.
        return Gen.frequency(Gen.weighted(10, g::multikernelLoad), Gen.weighted(12, g::rebootMultikernel),
                Gen.weighted(6, g::otherLoad), Gen.weighted(4, g::unload), Gen.weighted(4, s -> new MkOp.CpuOnline(s.draw(g.cpu()))),
                Gen.weighted(4, s -> new MkOp.CpuOffline(s.draw(g.cpu()))), Gen.weighted(6, g::concurrent),
                Gen.weighted(2, s -> MkOp.Reboot.command(MkConst.LINUX_REBOOT_CMD_KEXEC)), Gen.weighted(1, g::otherReboot),
                Gen.weighted(2, s -> new MkOp.Suspend()), Gen.weighted(2, g::unreadableLoad),
                Gen.weighted(4, s -> new MkOp.HostAlloc(s.draw(HOST_PAGES))), Gen.weighted(2, s -> new MkOp.Panic()),
                Gen.weighted(1, g::faultingLoadBelowImage));
    }

    /** Well-formed multikernel loads only (the contract accepts them while reserved memory is free). */
    public static Gen<MkOp> wellFormedLoads(Machine m, MkState st) {
        return new MkOpGen(m, st)::wellFormedLoad;
    }

    /** Unloads with the flags that matter for them. */
    public static Gen<MkOp> unloads(Machine m, MkState st) {
        return new MkOpGen(m, st)::unload;
    }

    /** Concurrent calls only: a start racing with hotplug, a second start, suspend or another reboot. */
    public static Gen<MkOp> concurrentOnly(Machine m, MkState st) {
        return new MkOpGen(m, st)::concurrent;
    }

    MkOp multikernelLoad(Source s) {
        if (s.choice(1) == 0) {
            return wellFormedLoad(s);
        }
        List<Segment> segs = segments(s);
        long flags = MkConst.KEXEC_MULTIKERNEL;
        if (s.choice(5) == 5) {
            flags |= s.draw(Gen.longs(1, 15)); // any mix of ON_CRASH, PRESERVE_CONTEXT, UPDATE_ELFCOREHDR, CRASH_HOTPLUG_SUPPORT
        }
        // A crash load must enter in the crash region (else EADDRNOTAVAIL), so three in four of the ON_CRASH ones do: an accepted
        // ON_CRASH|MULTIKERNEL image gets no control page and the crash protection spills over all RAM above it (MK-18).
        boolean crashEntry = (flags & MkConst.KEXEC_ON_CRASH) != 0 && !m.crashKernel().isEmpty() && s.choice(3) != 0;
        return new MkOp.KexecLoad(crashEntry ? m.crashkStart() : entry(s, segs), segs, flags | archAndUnknownBits(s));
    }

    /**
     * A load that starts in the unused page just below a loaded image and runs over it, its buffer
     * faulting at byte 0: the contract refuses the overlap (EBUSY) before reading the buffer; a
     * variant that does not check overlap (MK-4) fails on the fault instead (MK-17). The fault at
     * byte 0 leaves only zeros in that page, so nothing else shows first. Without such a page, an
     * ordinary multikernel load.
     */
    MkOp faultingLoadBelowImage(Source s) {
        long p = MkConst.PAGE_SIZE;
        List<Long> below = new ArrayList<>();
        for (ImageInfo i : st.images()) {
            for (PhysRange r : i.segments()) {
                long page = r.start() - p;
                if (r.size() > 0 && (r.start() & ~MkConst.PAGE_MASK) == 0 && unused(page)
                        && m.mkReserved().stream().anyMatch(res -> res.containsUnsigned(page, 2 * p))) {
                    below.add(page);
                }
            }
        }
        if (below.isEmpty()) {
            return multikernelLoad(s);
        }
        long mem = s.draw(Gen.elements(below));
        Segment seg = new Segment(mem, 2 * p, 2 * p, new kverify.model.mk.UserBuffer((int) s.choice(3), 0));
        return new MkOp.KexecLoad(mem, List.of(seg), MkConst.KEXEC_MULTIKERNEL);
    }

    /** A load the contract accepts: one or two unused pages of reserved memory; an unload when none are left. */
    private MkOp wellFormedLoad(Source s) {
        long p = MkConst.PAGE_SIZE;
        List<Long> free = new ArrayList<>();
        for (PhysRange r : m.mkReserved()) {
            for (long a = r.start(); a < r.end(); a += p) {
                if (unused(a)) {
                    free.add(a);
                }
            }
        }
        if (free.isEmpty()) {
            return new MkOp.Unload(MkConst.KEXEC_MULTIKERNEL); // reserved memory is full: make room instead
        }
        long mem = s.draw(Gen.elements(free));
        boolean twoFit = free.contains(mem + p) && m.mkReserved().stream().anyMatch(r -> r.containsUnsigned(mem, 2 * p));
        long pages = twoFit ? s.draw(Gen.longs(1, 2)) : 1;
        long bufsz = pages * p - s.draw(Gen.longs(0, p, 1, p - 1));
        Segment seg = new Segment(mem, pages * p, bufsz, new kverify.model.mk.UserBuffer((int) s.choice(3), -1));
        return new MkOp.KexecLoad(mem, List.of(seg), MkConst.KEXEC_MULTIKERNEL | (s.choice(3) == 3 ? MkConst.KEXEC_ARCH_X86_64 : 0));
    }

    private boolean unused(long page) {
        PhysRange r = new PhysRange(page, page + MkConst.PAGE_SIZE);
        for (ImageInfo i : st.images()) {
            if (i.overlaps(r)) {
                return false;
            }
        }
        return true;
    }

    /** A load whose segment array pointer faults, with the flags of either kind of load. */
    MkOp unreadableLoad(Source s) {
        long flags = s.draw(Gen.elements(MkConst.KEXEC_MULTIKERNEL, 0L, MkConst.KEXEC_ON_CRASH, MkConst.KEXEC_MULTIKERNEL | MkConst.KEXEC_ON_CRASH));
        int n = s.draw(Gen.frequency(Gen.weighted(4, Gen.ints(1, 3)), Gen.weighted(1, Gen.constant(MkConst.KEXEC_SEGMENT_MAX + 1))));
        return new MkOp.KexecLoadUnreadable(m.mkReserved().get(0).start(), n, flags | archAndUnknownBits(s));
    }

    MkOp otherLoad(Source s) {
        if (!m.crashKernel().isEmpty() && s.choice(2) != 0) {
            // A crash load the kernel accepts: one page at the start of the crash region, leaving room for its control page.
            long c = m.crashKernel().start();
            long size = m.crashKernel().size() > MkConst.PAGE_SIZE ? MkConst.PAGE_SIZE : 0;
            return new MkOp.KexecLoad(c, List.of(new Segment(c, size, size, new kverify.model.mk.UserBuffer((int) s.choice(3), -1))),
                    MkConst.KEXEC_ON_CRASH);
        }
        List<Segment> segs = segments(s);
        long flags = s.draw(Gen.elements(0L, MkConst.KEXEC_ON_CRASH, MkConst.KEXEC_PRESERVE_CONTEXT,
                MkConst.KEXEC_ON_CRASH | MkConst.KEXEC_UPDATE_ELFCOREHDR | MkConst.KEXEC_CRASH_HOTPLUG_SUPPORT));
        return new MkOp.KexecLoad(entry(s, segs), segs, flags | archAndUnknownBits(s));
    }

    MkOp unload(Source s) {
        return new MkOp.Unload(s.draw(Gen.elements(MkConst.KEXEC_MULTIKERNEL, 0L, MkConst.KEXEC_ON_CRASH,
                MkConst.KEXEC_MULTIKERNEL | MkConst.KEXEC_ON_CRASH, MkConst.KEXEC_MULTIKERNEL | 0x20)));
    }

    private long archAndUnknownBits(Source s) {
        long arch = switch ((int) s.choice(7)) {
            case 6 -> MkConst.KEXEC_ARCH_X86_64;
            case 7 -> 40L << 16; // another architecture's value
            default -> 0;
        };
        return arch | (s.choice(7) == 7 ? 0x20L << s.choice(10) : 0);
    }

    private List<Segment> segments(Source s) {
        int n = s.draw(SEGMENT_COUNTS);
        List<Segment> segs = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            segs.add(s.draw(segment(segs)));
        }
        return segs;
    }

    private Gen<Segment> segment(List<Segment> earlier) {
        return s -> {
            long mem = s.draw(placement(earlier));
            long memsz = s.draw(memsz());
            long bufsz = switch ((int) s.choice(5)) {
                case 1 -> memsz == 0 ? 0 : memsz - s.draw(Gen.longs(1, memsz, MkConst.PAGE_SIZE));
                case 2 -> 0;
                case 3 -> memsz + 1;
                case 4 -> 1;
                default -> memsz;
            };
            long fault = s.choice(4) == 4 && bufsz > 0 ? s.draw(Gen.longs(0, bufsz, 1, MkConst.PAGE_SIZE, bufsz - 1)) : -1;
            return new Segment(mem, memsz, bufsz, new kverify.model.mk.UserBuffer((int) s.choice(3), fault));
        };
    }

    private Gen<Long> memsz() {
        long p = MkConst.PAGE_SIZE;
        long half = m.totalRamPages() / 2;
        return Gen.frequency(Gen.weighted(12, Gen.longs(1, 4, 2).map(n -> n * p)), Gen.weighted(1, Gen.constant(0L)),
                Gen.weighted(1, Gen.longs(1, 3).map(n -> n * p + 1)), Gen.weighted(1, Gen.longs(half, half + 1).map(n -> n * p)),
                Gen.weighted(1, Gen.longs(5, 16).map(n -> n * p)));
    }

    /** Where a segment starts: mostly in multikernel memory, else anywhere interesting. */
    private Gen<Long> placement(List<Segment> earlier) {
        long p = MkConst.PAGE_SIZE;
        PhysRange reserved = m.mkReserved().get(0);
        List<Long> elsewhere = new ArrayList<>(List.of(m.kernelUsed().get(0).start() + p, lastRamEnd(), 1L << 32));
        if (m.physBits() < MkConst.DEFAULT_PHYS_BITS) {
            elsewhere.add(1L << m.physBits()); // memremap() of it fails: ioremap refuses an address past phys_bits
        }
        if (!m.crashKernel().isEmpty()) {
            elsewhere.add(m.crashKernel().start());
        }
        freeRamPage().ifPresent(elsewhere::add);
        List<Long> taken = new ArrayList<>();
        for (ImageInfo i : st.images()) {
            for (PhysRange r : i.segments()) {
                taken.add(r.start());
            }
        }
        for (Segment e : earlier) {
            taken.add(e.mem());
        }
        Gen<Long> inReserved = s -> {
            PhysRange r = m.mkReserved().get((int) s.choice(m.mkReserved().size() - 1));
            long pages = r.size() / p;
            return r.start() + s.draw(Gen.longs(0, pages - 1, pages - 1)) * p;
        };
        return Gen.frequency(Gen.weighted(12, inReserved), Gen.weighted(3, Gen.elements(elsewhere)),
                Gen.weighted(2, taken.isEmpty() ? inReserved : Gen.elements(taken)),
                Gen.weighted(1, Gen.elements(reserved.start() + 1, reserved.start() + 0x800, 0xFFFFFFFFFFFFF000L, (1L << 46) - p)));
    }

    private long lastRamEnd() {
        return m.ram().get(m.ram().size() - 1).end();
    }

    /** A RAM page outside the kernel, the reservations and the crash region, if there is one. */
    private java.util.Optional<Long> freeRamPage() {
        for (PhysRange r : m.ram()) {
            for (long a = r.start(); a < r.end(); a += MkConst.PAGE_SIZE) {
                if (!containing(m.kernelUsed(), a) && !containing(m.mkReserved(), a) && !m.crashKernel().contains(a)) {
                    return java.util.Optional.of(a);
                }
            }
        }
        return java.util.Optional.empty();
    }

    private static boolean containing(List<PhysRange> ranges, long address) {
        for (PhysRange r : ranges) {
            if (r.contains(address)) {
                return true;
            }
        }
        return false;
    }

    private long entry(Source s, List<Segment> segs) {
        return switch ((int) s.choice(7)) {
            case 5 -> segs.get(segs.size() - 1).mem() + 0x10;
            case 6 -> segs.get(0).memEnd();
            case 7 -> s.draw(Gen.elements(0x1000L, m.crashkStart(), m.mkReserved().get(0).end()));
            default -> segs.get(0).mem();
        };
    }

    /** cpu numbers: mostly a possible CPU (online, offline or given away), else the edges of the int. */
    Gen<Integer> cpu() {
        int nr = m.nrCpuIds();
        List<Integer> free = new ArrayList<>();
        for (int cpu = 0; cpu < nr; cpu++) {
            if (st.cpus().get(cpu).owner() == kverify.model.mk.CpuState.Owner.NONE) {
                free.add(cpu);
            }
        }
        return Gen.frequency(Gen.weighted(3, Gen.ints(0, nr - 1)), Gen.weighted(5, free.isEmpty() ? Gen.constant(0) : Gen.elements(free)),
                Gen.weighted(3, Gen.elements(-1, nr, nr - 1, m.nrCpus(), m.nrCpus() - 1, Integer.MIN_VALUE, Integer.MAX_VALUE)),
                Gen.weighted(1, Gen.ints(Integer.MIN_VALUE, Integer.MAX_VALUE)));
    }

    /** Free CPUs whose APIC id and wake-up work, so a start on them can succeed. */
    private List<Integer> startableCpus() {
        List<Integer> out = new ArrayList<>();
        for (int cpu = 0; cpu < m.nrCpuIds(); cpu++) {
            kverify.model.mk.Cpu c = m.cpus().get(cpu);
            if (st.cpus().get(cpu).owner() == kverify.model.mk.CpuState.Owner.NONE && c.present() && c.inPresentMap()
                    && c.apicId() <= m.maxApicId() && c.wakeupStatus() == 0) {
                out.add(cpu);
            }
        }
        return out;
    }

    MkOp rebootMultikernel(Source s) {
        int cpu = s.draw(cpu());
        int magic1 = s.choice(31) == 31 ? 0x12345678 : MkConst.LINUX_REBOOT_MAGIC1;
        int magic2 = s.choice(31) == 31 ? s.draw(Gen.elements(0, MkConst.LINUX_REBOOT_MAGIC2A, MkConst.LINUX_REBOOT_MAGIC2B,
                MkConst.LINUX_REBOOT_MAGIC2C)) : MkConst.LINUX_REBOOT_MAGIC2;
        return new MkOp.Reboot(magic1, magic2, MkConst.LINUX_REBOOT_CMD_MULTIKERNEL, cpu, s.choice(9) == 9);
    }

    MkOp otherReboot(Source s) {
        return MkOp.Reboot.command(s.draw(Gen.elements(MkConst.LINUX_REBOOT_CMD_CAD_ON, MkConst.LINUX_REBOOT_CMD_CAD_OFF, 0x1234)));
    }

    MkOp concurrent(Source s) {
        // Choice 0 is "no second task": a defect that needs no concurrency shrinks to a plain start.
        boolean alone = s.choice(3) == 0;
        MkOp.Reboot first = (MkOp.Reboot) rebootMultikernel(s);
        List<Integer> startable = startableCpus();
        if (!startable.isEmpty() && s.choice(1) == 0) {
            first = MkOp.Reboot.multikernel(s.draw(Gen.elements(startable))); // a start that gets as far as the wake-up
        }
        MkOp.Reboot start = first;
        if (alone) {
            return start;
        }
        Gen<Integer> sameOrOther = t -> t.choice(1) == 0 ? start.cpu() : t.draw(cpu());
        MkOp second = s.draw(Gen.frequency(Gen.weighted(4, t -> new MkOp.CpuOnline(t.draw(sameOrOther))),
                Gen.weighted(2, t -> new MkOp.CpuOffline(t.draw(sameOrOther))), Gen.weighted(2, this::rebootMultikernel),
                Gen.weighted(1, t -> new MkOp.Suspend()), Gen.weighted(1, this::otherReboot)));
        return new MkOp.Concurrent(start, second, schedule(s));
    }
}
