package kverify.model.mk;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import kverify.model.Outcome;

/**
 * The promises of the contract that can be judged from one step alone (the state before, the
 * operation, its result and the state after), each with a stable name. They are checked after
 * every step on the model and on every implementation; the first one broken names the defect.
 * Listed most severe first: another kernel's memory or CPU, then locks, then return values.
 */
public final class MkInvariants {

    /** A broken promise: its name and what exactly happened. */
    public record Violation(String name, String detail) {
    }

    /** One step as the checks see it; the pages it changed are computed once, for every check that asks. */
    private static final class Step {
        final Machine m;
        final MkOp op;
        final MkState before;
        final StepResult result;
        final MkState after;
        private List<Long> changed;

        Step(Machine m, MkOp op, MkState before, StepResult result, MkState after) {
            this.m = m;
            this.op = op;
            this.before = before;
            this.result = result;
            this.after = after;
        }

        List<Long> changedPages() {
            if (changed == null) {
                changed = before.memory().differingPages(after.memory());
            }
            return changed;
        }
    }

    private record Check(String name, Function<Step, String> problem) {
    }

    private static final long MK_CONFLICTS = MkConst.KEXEC_ON_CRASH | MkConst.KEXEC_PRESERVE_CONTEXT
            | MkConst.KEXEC_UPDATE_ELFCOREHDR | MkConst.KEXEC_CRASH_HOTPLUG_SUPPORT;

    private static final List<Check> CHECKS = List.of(
            new Check("kexec-reboot-runs-only-default-images", MkInvariants::kexecRanOtherImage),
            new Check("panic-boots-crash-kernel-or-stops", MkInvariants::panicRanOther),
            new Check("no-oops", s -> s.after.halt().kind() == Halt.Kind.OOPS && !s.before.halt().halted() ? s.after.halt().detail() : null),
            new Check("kernel-memory-intact", s -> changedPageIn(s, s.m.kernelUsed(), true)),
            new Check("running-image-memory-intact", s -> changedPageIn(s, runningRanges(s.before), true)),
            new Check("loaded-image-memory-intact", MkInvariants::loadedImageChanged),
            new Check("writes-only-in-mk-reserved", MkInvariants::writeOutsideReserved),
            new Check("failed-load-leaves-memory", MkInvariants::failedLoadChangedMemory),
            new Check("only-crash-memory-read-only", MkInvariants::readOnlyOutsideCrash),
            new Check("given-cpu-not-started-again", MkInvariants::guestCpuKicked),
            new Check("given-cpu-not-taken-back", MkInvariants::guestCpuTaken),
            new Check("only-multikernel-images-on-cpus", s -> firstCpu(s.after, c -> c.owner() == CpuState.Owner.GUEST
                    && c.imageType() != ImageType.MULTIKERNEL)),
            new Check("one-cpu-per-image", MkInvariants::imageOnTwoCpus),
            new Check("host-online-iff-host-owns", s -> firstCpu(s.after, c -> c.hostOnline() != (c.owner() == CpuState.Owner.HOST))),
            new Check("running-images-stay-recorded", MkInvariants::runningImageForgotten),
            new Check("no-hang", MkInvariants::hung),
            new Check("locks-released", s -> s.after.locksHeld().isEmpty() ? null : "still held after the call: " + s.after.locksHeld()),
            new Check("no-out-of-bounds-read", MkInvariants::outOfBoundsRead),
            new Check("reboot-returns-zero-or-negative", MkInvariants::positiveReboot),
            new Check("conflicting-flags-rejected", MkInvariants::conflictAccepted));

    private MkInvariants() {
    }

    /** Names of all invariants, in checking order. */
    public static List<String> names() {
        return CHECKS.stream().map(Check::name).toList();
    }

    /** Every broken promise of one step, in checking order. */
    public static List<Violation> violations(Machine m, MkOp op, MkState before, StepResult result, MkState after) {
        Step s = new Step(m, op, before, result, after);
        List<Violation> out = new ArrayList<>();
        for (Check c : CHECKS) {
            String problem = c.problem.apply(s);
            if (problem != null) {
                out.add(new Violation(c.name, problem));
            }
        }
        return out;
    }

    public static Optional<Violation> firstViolation(Machine m, MkOp op, MkState before, StepResult result, MkState after) {
        Step s = new Step(m, op, before, result, after);
        for (Check c : CHECKS) {
            String problem = c.problem.apply(s);
            if (problem != null) {
                return Optional.of(new Violation(c.name, problem));
            }
        }
        return Optional.empty();
    }

    // Plain loops rather than streams in the checks below: every step of every case runs them all.

    private static String hung(Step s) {
        for (Call c : s.result.calls()) {
            if (c.completion() == Call.Completion.HUNG) {
                return "a call blocks forever on a lock nobody will release";
            }
        }
        return null;
    }

    private static String outOfBoundsRead(Step s) {
        for (MkEvent e : s.result.events()) {
            if (e instanceof MkEvent.OutOfBoundsRead) {
                return e.toString();
            }
        }
        return null;
    }

    /** A panic boots a crash image or stops the machine; it never runs anything else or crashes on the way. */
    private static String panicRanOther(Step s) {
        if (!(s.op instanceof MkOp.Panic) || s.before.halt().halted()) {
            return null;
        }
        Halt h = s.after.halt();
        ImageInfo ran = s.before.images().stream().filter(i -> i.id() == h.imageId()).findFirst().orElse(null);
        boolean crashKernel = h.kind() == Halt.Kind.REPLACED && ran != null && ran.type() == ImageType.CRASH;
        return crashKernel || h.kind() == Halt.Kind.PANICKED ? null : "panic ended in " + h;
    }

    /** Only a load writes the pages of multikernel images the kernel records: nothing else may change them. */
    private static String loadedImageChanged(Step s) {
        if (s.op instanceof MkOp.KexecLoad || s.op instanceof MkOp.KexecFileLoad) {
            return null;
        }
        List<PhysRange> loaded = new ArrayList<>();
        for (ImageInfo i : s.before.images()) {
            if (i.type() == ImageType.MULTIKERNEL) {
                loaded.addAll(i.segments());
            }
        }
        return changedPageIn(s, loaded, true);
    }

    /** Loads write only reserved multikernel memory; the host's own allocations write free RAM. */
    private static String writeOutsideReserved(Step s) {
        return s.op instanceof MkOp.HostAlloc ? null : changedPageIn(s, s.m.mkReserved(), false);
    }

    private static String kexecRanOtherImage(Step s) {
        Halt h = s.after.halt();
        if (s.before.halt().halted() || !h.halted() || s.op instanceof MkOp.Panic) {
            return null;
        }
        ImageInfo ran = s.before.images().stream().filter(i -> i.id() == h.imageId()).findFirst().orElse(null);
        return ran != null && ran.type() != ImageType.DEFAULT ? "kexec reboot ran " + ran + ": " + h : null;
    }

    /** A page that changed inside (or, with inside=false, outside) the given ranges. */
    private static String changedPageIn(Step s, List<PhysRange> ranges, boolean inside) {
        for (long page : s.changedPages()) {
            PhysRange p = new PhysRange(page, page + MkConst.PAGE_SIZE);
            boolean overlaps = false;
            boolean contained = false;
            for (PhysRange r : ranges) {
                overlaps |= p.overlaps(r);
                contained |= r.containsUnsigned(page, MkConst.PAGE_SIZE);
            }
            if (inside ? overlaps : !contained) {
                return "page " + Hex.hex(page) + " changed; ranges " + ranges;
            }
        }
        return null;
    }

    private static List<PhysRange> runningRanges(MkState st) {
        List<PhysRange> out = new ArrayList<>();
        for (CpuState c : st.cpus()) {
            if (c.owner() == CpuState.Owner.GUEST) {
                for (ImageInfo i : st.images()) {
                    if (i.id() == c.imageId()) {
                        out.addAll(i.segments());
                    }
                }
            }
        }
        return out;
    }

    /** The kernel writes its own RAM through the direct map, so only the crash reservation may be read-only there. */
    private static String readOnlyOutsideCrash(Step s) {
        PhysRange crash = s.m.crashKernel();
        for (PhysRange r : s.after.readOnly().ranges()) {
            if (!crash.containsUnsigned(r.start(), r.size())) {
                return "direct map read-only at " + r + ", outside crashkernel " + crash;
            }
        }
        return null;
    }

    private static String failedLoadChangedMemory(Step s) {
        boolean failed = (s.op instanceof MkOp.KexecLoad || s.op instanceof MkOp.KexecLoadUnreadable)
                && s.result.call().outcome() != null && !s.result.call().outcome().isOk();
        return failed && !s.changedPages().isEmpty()
                ? "load failed with " + s.result.call() + " but changed memory at " + Hex.hex(s.before.memory().firstDifference(s.after.memory()))
                : null;
    }

    /** A CPU that ran another kernel before the step was sent to an entry point again. */
    private static String guestCpuKicked(Step s) {
        for (MkEvent e : s.result.events()) {
            if (e instanceof MkEvent.Kick k && k.cpu() < s.before.cpus().size()
                    && s.before.cpus().get(k.cpu()).owner() == CpuState.Owner.GUEST) {
                return "cpu " + k.cpu() + " ran guest#" + s.before.cpus().get(k.cpu()).imageId() + " and was kicked into image #" + k.imageId();
            }
        }
        return null;
    }

    /** A CPU that ran another kernel before the step runs something else after it (onlined by this kernel, for one). */
    private static String guestCpuTaken(Step s) {
        for (int cpu = 0; cpu < s.before.cpus().size(); cpu++) {
            CpuState was = s.before.cpus().get(cpu);
            CpuState now = s.after.cpus().get(cpu);
            if (was.owner() == CpuState.Owner.GUEST && (now.owner() != CpuState.Owner.GUEST || now.imageId() != was.imageId())) {
                return "cpu " + cpu + " ran guest#" + was.imageId() + ", now " + now;
            }
        }
        return null;
    }

    private static String firstCpu(MkState st, java.util.function.Predicate<CpuState> bad) {
        for (int cpu = 0; cpu < st.cpus().size(); cpu++) {
            if (bad.test(st.cpus().get(cpu))) {
                return "cpu " + cpu + ": " + st.cpus().get(cpu);
            }
        }
        return null;
    }

    private static String imageOnTwoCpus(Step s) {
        List<CpuState> cpus = s.after.cpus();
        for (int a = 0; a < cpus.size(); a++) {
            for (int b = a + 1; b < cpus.size(); b++) {
                if (cpus.get(a).owner() == CpuState.Owner.GUEST && cpus.get(b).owner() == CpuState.Owner.GUEST
                        && cpus.get(a).imageId() == cpus.get(b).imageId()) {
                    return "image #" + cpus.get(a).imageId() + " runs on cpus " + a + " and " + b;
                }
            }
        }
        return null;
    }

    private static String runningImageForgotten(Step s) {
        for (CpuState c : s.after.cpus()) {
            if (c.owner() == CpuState.Owner.GUEST && imageById(s.after, c.imageId()) == null) {
                return "guest#" + c.imageId() + " runs but the kernel no longer records its image";
            }
        }
        return null;
    }

    private static ImageInfo imageById(MkState st, long id) {
        for (ImageInfo i : st.images()) {
            if (i.id() == id) {
                return i;
            }
        }
        return null;
    }

    private static String positiveReboot(Step s) {
        List<MkOp> ops = s.op instanceof MkOp.Concurrent c ? List.of(c.first(), c.second()) : List.of(s.op);
        for (int i = 0; i < ops.size(); i++) {
            Outcome<Integer> o = s.result.calls().get(i).outcome();
            if (ops.get(i) instanceof MkOp.Reboot && o != null && o.isOk() && o.value() != 0) {
                return ops.get(i).kind() + " returned " + o.value();
            }
        }
        return null;
    }

    private static String conflictAccepted(Step s) {
        long flags = s.op instanceof MkOp.KexecLoad l ? l.flags() : s.op instanceof MkOp.Unload u ? u.flags()
                : s.op instanceof MkOp.KexecLoadUnreadable r ? r.flags() : 0;
        boolean conflict = (flags & MkConst.KEXEC_MULTIKERNEL) != 0 && (flags & MK_CONFLICTS) != 0;
        return conflict && s.result.call().outcome() != null && s.result.call().outcome().isOk()
                ? "accepted flags " + KexecFlags.format(flags) : null;
    }
}
