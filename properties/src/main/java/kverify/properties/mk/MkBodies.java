package kverify.properties.mk;

import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import kverify.engine.Divergence;
import kverify.engine.Gen;
import kverify.engine.Source;
import kverify.impl.mk.MkVariant;
import kverify.model.mk.Machine;
import kverify.model.mk.MkConst;
import kverify.model.mk.MkInvariants;
import kverify.model.mk.MkKernel;
import kverify.model.mk.MkOp;
import kverify.model.mk.MkState;
import kverify.model.mk.MkVersion;
import kverify.model.mk.Segment;
import kverify.model.mk.StepResult;
import kverify.model.mk.UserBuffer;

/**
 * Property bodies. Each notes the trace as it goes (variant, machine, one line per operation),
 * so the engine's rendering of a shrunk case is a replayable trace. A divergence whose key is in
 * {@code accepted} ends the case without failing it (known defects of a posted variant).
 */
final class MkBodies {
    static final int MAX_OPS = 30;

    private MkBodies() {
    }

    /** The next operation on the interface of the variant's version. */
    static Gen<MkOp> nextOrStop(MkVariant v, Machine m, MkState st) {
        return v.version() == MkVersion.RFC_V2 ? MkOpGenV2.nextOrStop(m, st) : MkOpGen.nextOrStop(m, st);
    }

    static Machine machine(Source s, String variantLine) {
        Machine m = s.draw(MkMachineGen.machines());
        s.note("variant: " + variantLine);
        MkTracePrinter.machineLines(m).forEach(s::note);
        return m;
    }

    /** Runs one op through the duel, noting and classifying it; throws a divergence that is not accepted. */
    static boolean step(Source s, Machine m, MkDuel duel, MkOp op, Set<String> accepted) {
        s.note(MkTracePrinter.op(op));
        MkCoverage.classify(s, m, duel.modelState(), op);
        Optional<Divergence> d = duel.step(op);
        MkCoverage.classifyResult(s, duel.lastModel(), duel.implSteps());
        if (d.isEmpty()) {
            return true;
        }
        if (known(accepted, d.get().key())) {
            s.classify(MkCoverage.KNOWN_DIVERGENCE);
            // A known defect: go on and see where it leads (each invariant is reported once per case).
            duel.followConsequences();
            return true;
        }
        throw d.get();
    }

    /**
     * A checked-in key; a consequence of an invariant the variant already breaks directly (a known
     * finding "invariant X") counts as known too: only consequences of new kinds are findings.
     */
    static boolean known(Set<String> accepted, String key) {
        String prefix = "consequence: ";
        return accepted.contains(key) || key.startsWith(prefix) && accepted.contains(key.substring(prefix.length()));
    }

    /** Random operation sequences: model and variant agree after every step. */
    static Consumer<Source> equivalence(MkVariant v, Set<String> accepted) {
        return s -> {
            Machine m = machine(s, v.name());
            MkDuel duel = MkSubjects.duel(v, m);
            for (int i = 0; i < MAX_OPS && !duel.modelState().halt().halted(); i++) {
                MkOp op = s.draw(nextOrStop(v, m, duel.modelState()));
                if (op == null || !step(s, m, duel, op, accepted)) {
                    return;
                }
            }
        };
    }

    /**
     * Concurrent starts after a multikernel image was loaded: each a start racing with CPU
     * hotplug, a second start, suspend or another reboot, under a generated schedule; the
     * variant must end as one of the two serial orders would.
     */
    static Consumer<Source> interleavings(MkVariant v, Set<String> accepted) {
        return s -> {
            Machine m = machine(s, v.name());
            MkDuel duel = MkSubjects.duel(v, m);
            for (MkOp setup : setupForStarts(v, m)) {
                if (!step(s, m, duel, setup, accepted)) {
                    return;
                }
            }
            boolean v2 = v.version() == MkVersion.RFC_V2;
            for (int i = 0; i < 12 && !duel.modelState().halt().halted(); i++) {
                MkState st = duel.modelState();
                MkOp op = s.draw(s2 -> s2.choice(11) == 0 ? null
                        : s2.draw(Gen.frequency(Gen.weighted(3, v2 ? MkOpGenV2.concurrentOnly(m, st) : MkOpGen.concurrentOnly(m, st)),
                                Gen.weighted(1, v2 ? MkOpGenV2.loadsAndUnloads(m, st) : MkOpGen.wellFormedLoads(m, st)),
                                Gen.weighted(1, v2 ? MkOpGenV2.next(m, st) : MkOpGen.next(m, st)))));
                if (op == null || !step(s, m, duel, op, accepted)) {
                    return;
                }
            }
        };
    }

    /** A loaded multikernel image and a free CPU to start it on (v2: an instance on the last CPU with an image). */
    private static List<MkOp> setupForStarts(MkVariant v, Machine m) {
        List<MkOp> out = new java.util.ArrayList<>();
        if (v.version() == MkVersion.RFC_V2) {
            out.addAll(MkOpGenV2.loadedInstance(m, startableCpu(m)));
            return out;
        }
        long mem = m.mkReserved().get(0).start();
        out.add(new MkOp.KexecLoad(mem, List.of(new Segment(mem, MkConst.PAGE_SIZE, MkConst.PAGE_SIZE,
                new UserBuffer(0, UserBuffer.NO_FAULT))), MkConst.KEXEC_MULTIKERNEL));
        if (m.nrCpuIds() > 1) {
            out.add(new MkOp.CpuOffline(m.nrCpuIds() - 1));
        }
        return out;
    }

    /** The highest CPU but the boot CPU whose wake-up can work, else the last one. */
    private static int startableCpu(Machine m) {
        for (int cpu = m.nrCpuIds() - 1; cpu > 0; cpu--) {
            kverify.model.mk.Cpu c = m.cpus().get(cpu);
            if (c.present() && c.inPresentMap() && c.apicId() <= m.maxApicId() && c.wakeupStatus() == 0) {
                return cpu;
            }
        }
        return m.nrCpuIds() - 1;
    }

    /**
     * Many images: mostly well-formed multikernel loads, with unloads, starts and anything else
     * now and then, so a run can hold more images than a fixed-size batch handles.
     */
    static Consumer<Source> capacity(MkVariant v, Set<String> accepted) {
        return s -> {
            Machine m = machine(s, v.name());
            MkDuel duel = MkSubjects.duel(v, m);
            int fileLoads = 0;
            for (int i = 0; i < 40 && !duel.modelState().halt().halted(); i++) {
                MkState st = duel.modelState();
                Gen<MkOp> many = v.version() == MkVersion.RFC_V2
                        ? Gen.frequency(Gen.weighted(9, MkOpGenV2.loadsAndUnloads(m, st)), Gen.weighted(1, MkOpGenV2.next(m, st)))
                        : Gen.frequency(Gen.weighted(8, MkOpGen.wellFormedLoads(m, st)), Gen.weighted(1, MkOpGen.unloads(m, st)),
                                Gen.weighted(1, MkOpGen.next(m, st)));
                MkOp op = s.draw(s2 -> s2.choice(31) == 0 ? null : s2.draw(many));
                if (op == null || !step(s, m, duel, op, accepted)) {
                    return;
                }
                long images = duel.modelState().images().stream().filter(im -> im.type() == kverify.model.mk.ImageType.MULTIKERNEL).count();
                if (images > 10) {
                    s.classify(MkCoverage.OVER_TEN_IMAGES);
                }
                fileLoads += op instanceof MkOp.KexecFileLoad && !duel.followingConsequences() && duel.lastModel() != null
                        && duel.lastModel().call().equals(kverify.model.mk.Call.ok()) ? 1 : 0;
                if (fileLoads >= 3) {
                    s.classify(MkCoverage.REPEATED_FILE_LOADS);
                }
            }
        };
    }

    /** Every named flag combination, with and without the arch value and an unknown bit, as a load and as an unload. */
    static Consumer<Source> flags(MkVariant v, Set<String> accepted) {
        return s -> {
            Machine m = machine(s, v.name());
            long mem = m.mkReserved().get(0).start();
            Segment seg = new Segment(mem, MkConst.PAGE_SIZE, MkConst.PAGE_SIZE, new UserBuffer(1, UserBuffer.NO_FAULT));
            for (long named = 0; named < 32; named++) {
                for (long arch : new long[] {0, MkConst.KEXEC_ARCH_X86_64, 40L << 16}) {
                    for (long unknown : new long[] {0, 0x20}) {
                        long flags = named | arch | unknown;
                        for (MkOp op : List.of(new MkOp.KexecLoad(mem, List.of(seg), flags), new MkOp.Unload(flags))) {
                            MkDuel duel = MkSubjects.duel(v, m);
                            Optional<Divergence> d = duel.step(op);
                            if (d.isPresent() && !accepted.contains(d.get().key())) {
                                s.note(MkTracePrinter.op(op));
                                throw d.get();
                            }
                            if (d.isPresent()) {
                                s.classify(MkCoverage.KNOWN_DIVERGENCE);
                            }
                        }
                    }
                }
            }
            s.classify("all 384 flag combinations tried");
        };
    }

    /**
     * RFC v2's kexec_file_load flags: all 64 base flag sets with instance id 0, 1 and 2 in the id
     * field, each on a machine where instance 1 exists, as a load of one page.
     */
    static Consumer<Source> fileFlags(MkVariant v, Set<String> accepted) {
        return s -> {
            Machine m = machine(s, v.name());
            MkOp upload = MkOpGenV2.loadedInstance(m, m.nrCpuIds() - 1).get(0);
            for (long base = 0; base < 64; base++) {
                for (long id = 0; id < 3; id++) {
                    MkOp op = new MkOp.KexecFileLoad(base | (id << MkConst.KEXEC_MK_ID_SHIFT), List.of(MkConst.PAGE_SIZE), 2);
                    MkDuel duel = MkSubjects.duel(v, m);
                    for (MkOp each : List.of(upload, op)) {
                        Optional<Divergence> d = duel.step(each);
                        if (d.isPresent() && !accepted.contains(d.get().key())) {
                            s.note(MkTracePrinter.op(upload));
                            s.note(MkTracePrinter.op(op));
                            throw d.get();
                        }
                        if (d.isPresent()) {
                            s.classify(MkCoverage.KNOWN_DIVERGENCE);
                            break;
                        }
                    }
                }
            }
            s.classify("all 192 file-load flag sets tried");
        };
    }

    /** The model keeps its own contract: every invariant after every step, serial orders included. */
    static Consumer<Source> modelContract(MkVersion version) {
        MkVariant corrected = version == MkVersion.RFC_V2 ? MkVariant.V2_CORRECTED : MkVariant.CORRECTED;
        return s -> {
            Machine m = machine(s, corrected.name());
            MkKernel model = MkSubjects.model(m, version);
            for (int i = 0; i < MAX_OPS && !model.state().halt().halted(); i++) {
                MkState before = model.state();
                MkOp op = s.draw(nextOrStop(corrected, m, before));
                if (op == null) {
                    return;
                }
                s.note(MkTracePrinter.op(op));
                MkCoverage.classify(s, m, before, op);
                StepResult r = model.apply(op);
                MkCoverage.classifyResult(s, r, List.of());
                Optional<MkInvariants.Violation> v = MkInvariants.firstViolation(m, op, before, r, model.state());
                if (v.isPresent()) {
                    throw new Divergence("model: invariant " + v.get().name(), op.kind() + ": " + v.get().detail());
                }
                if (!model.state().locksHeld().isEmpty() || r.calls().stream().anyMatch(c -> c.outcome() == null
                        && c.completion() != kverify.model.mk.Call.Completion.HALTED)) {
                    throw new Divergence("model: " + op.kind() + ": not atomic", r + " " + model.state().locksHeld());
                }
            }
        };
    }

    /** A flag's legality does not depend on CONFIG_KEXEC_JUMP unless the flag is PRESERVE_CONTEXT. */
    static Consumer<Source> modelFlagLegality() {
        return s -> {
            Machine m = machine(s, "CORRECTED");
            Machine other = m.withConfig(new Machine.Config(!m.config().kexecJump(), m.config().crashDump()));
            MkOp op = s.draw(MkOpGen.next(m, MkSubjects.model(m).state()));
            s.note(MkTracePrinter.op(op));
            boolean preserve = op instanceof MkOp.KexecLoad l && (l.flags() & MkConst.KEXEC_PRESERVE_CONTEXT) != 0
                    || op instanceof MkOp.Unload u && (u.flags() & MkConst.KEXEC_PRESERVE_CONTEXT) != 0
                    || op instanceof MkOp.KexecLoadUnreadable r && (r.flags() & MkConst.KEXEC_PRESERVE_CONTEXT) != 0;
            s.assume(!preserve && !(op instanceof MkOp.Concurrent));
            StepResult a = MkSubjects.model(m).apply(op);
            StepResult b = MkSubjects.model(other).apply(op);
            if (!a.calls().equals(b.calls())) {
                throw new Divergence("model: " + op.kind() + " depends on CONFIG_KEXEC_JUMP",
                        "KEXEC_JUMP=" + m.config().kexecJump() + ": " + a + ", flipped: " + b);
            }
        };
    }
}
