package kverify.properties.luo;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import kverify.impl.luo.LuoVariant;
import kverify.model.luo.LuoConcurrent;
import kverify.model.luo.LuoGeometry;
import kverify.model.luo.LuoOp;
import kverify.model.luo.LuoSerialOrders;
import kverify.model.luo.LuoState;
import kverify.model.luo.reference.LuoReference;

/**
 * {@code kverify replay FILE} for LUO traces: runs the trace on the model and on each variant, one
 * variant after another (so memory holds one model and one implementation, not a pair per
 * variant), then prints each step's outcome side by side, marking where a variant's outcome,
 * state or invariants differ from the model; then, per variant, where it first diverges and why.
 * Returns 0, or 2 after printing {@code FILE:LINE: message} for a malformed trace.
 */
public final class LuoTraceReplay {
    private static final String ROW = "%5s  %-48s %-14s";
    private static final String CELL = " %-20s";

    private LuoTraceReplay() {
    }

    public static int run(Path trace, PrintStream out) {
        LuoTrace t = load(trace, out);
        if (t == null) {
            return 2;
        }
        List<LuoVariant> variants = LuoVariant.at(t.geometry());
        out.println("replay " + trace + ": variant under study " + t.variant() + ", geometry " + t.geometry());
        t.comments().forEach(c -> out.println("  # " + c));
        printHeader(out, variants);
        // One variant (and its own model) at a time, each dropped before the next: a trace at the
        // limits holds one model and one implementation at once, not one of each per variant.
        int n = t.steps().size();
        // The model column: the model in the serial orders the variant under study took where it ran
        // the step, else in the first variant's that did; where a variant's model reached the step
        // with another outcome than the first variant's, both are listed below the table.
        String[] modelOutcomes = new String[n];
        boolean[] modelMissed = new boolean[n];
        boolean[] modelFromStudy = new boolean[n];
        String[] firstModel = new String[n];
        int[] firstModelBy = new int[n];
        List<List<String>> orderDependent = new ArrayList<>();
        StringBuilder[] rows = new StringBuilder[n];
        List<List<String>> missedBy = new ArrayList<>();
        List<LuoDuel.StepResult> first = new ArrayList<>();
        List<String> left = new ArrayList<>();
        for (int v = 0; v < variants.size(); v++) {
            LuoDuel duel = new LuoDuel(variants.get(v), t.geometry());
            LuoDuel.StepResult firstOfVariant = null;
            String leftAt = null;
            for (int s = 0; s < n; s++) {
                LuoTrace.Step step = t.steps().get(s);
                if (v == 0) {
                    rows[s] = new StringBuilder();
                    missedBy.add(new ArrayList<>());
                    orderDependent.add(null);
                }
                if (leftAt == null && !step.op().validIn(duel.model().phase())) {
                    // An earlier concurrent step ran in another serial order here than in the run the trace came from.
                    leftAt = "leaves the trace at line " + step.line() + ": '" + LuoTraceFormat.line(step.op())
                            + "' is not valid in its model's phase " + duel.model().phase()
                            + " (an earlier concurrent step took another serial order)";
                }
                if (leftAt != null) {
                    rows[s].append(String.format(CELL, "-"));
                    continue;
                }
                LuoDuel.StepResult r = duel.step(step.op(), s == n - 1);
                String modelOutcome = r.model().toString();
                boolean study = variants.get(v) == t.variant();
                if (firstModel[s] == null) {
                    firstModel[s] = modelOutcome;
                    firstModelBy[s] = v;
                } else if (!firstModel[s].equals(modelOutcome)) {
                    noteOrderDependent(orderDependent, s, variants, firstModelBy[s], firstModel[s], v, modelOutcome);
                }
                if (modelOutcomes[s] == null || (study && !modelFromStudy[s])) {
                    modelOutcomes[s] = modelOutcome;
                    modelFromStudy[s] = study;
                    modelMissed[s] = step.expect().isPresent() && !step.expect().get().matches(r.model());
                }
                rows[s].append(String.format(CELL, cell(r)));
                if (step.expect().isPresent() && (r.crash() != null || !step.expect().get().matches(r.impl()))) {
                    missedBy.get(s).add(variants.get(v).name());
                }
                if (!r.agrees() && firstOfVariant == null) {
                    firstOfVariant = r;
                }
            }
            first.add(firstOfVariant);
            left.add(leftAt);
        }
        for (int s = 0; s < n; s++) {
            LuoTrace.Step step = t.steps().get(s);
            String model = modelOutcomes[s] == null ? "-" : modelOutcomes[s] + (orderDependent.get(s) == null ? "" : " ~");
            out.println(String.format(ROW, step.line(), LuoTraceFormat.line(step.op()), model) + rows[s]
                    + expectation(step, modelMissed[s], missedBy.get(s)));
        }
        summary(out, variants, first, left);
        for (int s = 0; s < n; s++) {
            if (orderDependent.get(s) != null) {
                out.println("~ line " + t.steps().get(s).line() + ": the model's outcome depends on the serial orders;"
                        + " beside each variant the model takes the orders its run is closest to (at this or an earlier"
                        + " concurrent step): " + String.join("; ", orderDependent.get(s))
                        + " (variants not named: as the first)");
            }
        }
        return 0;
    }

    /** Notes that variant {@code v}'s model reached step {@code s} with another outcome than the first variant's model that ran it. */
    private static void noteOrderDependent(List<List<String>> orderDependent, int s, List<LuoVariant> variants,
            int firstBy, String first, int v, String modelOutcome) {
        List<String> notes = orderDependent.get(s);
        if (notes == null) {
            notes = new ArrayList<>();
            notes.add("in " + variants.get(firstBy).name() + "'s orders " + first);
            orderDependent.set(s, notes);
        }
        notes.add("in " + variants.get(v).name() + "'s orders " + modelOutcome);
    }

    /** The parsed, well-phased trace; or null after printing "FILE:LINE: message". */
    private static LuoTrace load(Path trace, PrintStream out) {
        try {
            LuoTrace t = LuoTraceFormat.parse(trace.toString(), Files.readString(trace, StandardCharsets.UTF_8));
            String phaseError = phaseError(trace, t);
            if (phaseError == null) {
                return t;
            }
            out.println(phaseError);
        } catch (IOException e) {
            out.println(trace + ":1: cannot read the trace: " + e.getMessage());
        } catch (MalformedTrace e) {
            out.println(e.getMessage());
        }
        return null;
    }

    /**
     * A trace must be well-phased on the model (a dry run); else "FILE:LINE: ..." naming the step.
     * A concurrent step ends as any of its serial orders may (a reboot in it succeeding in one order
     * and failing in another), so the dry run follows every state the orders leave, and a line is
     * well-phased when one of them accepts it; which order a variant took is the replay's to say.
     */
    private static String phaseError(Path trace, LuoTrace t) {
        List<DryRun> possible = List.of(new DryRun(new LuoReference(t.geometry()), null));
        for (LuoTrace.Step step : t.steps()) {
            List<DryRun> accepting = possible.stream().filter(d -> step.op().validIn(d.model().phase())).toList();
            if (accepting.isEmpty()) {
                return trace + ":" + step.line() + ": '" + LuoTraceFormat.line(step.op()) + "' is not valid in phase "
                        + String.join(" or ", possible.stream().map(d -> d.model().phase().name()).distinct().toList())
                        + " (each live update: a successful reboot, setup, then the next kernel's ops)";
            }
            if (accepting.size() == 1 && !(step.op() instanceof LuoConcurrent)) {
                // the common case: one possible run and a serial line; no state to compare (keeps the dry run linear)
                possible = accepting.get(0).after(step.op(), t.geometry());
                continue;
            }
            List<DryRun> next = new ArrayList<>();
            Set<LuoState> seen = new HashSet<>();
            for (DryRun d : accepting) {
                for (DryRun after : d.after(step.op(), t.geometry())) {
                    if (seen.add(after.model().state())) {
                        next.add(after);
                    }
                }
            }
            possible = next;
        }
        return null;
    }

    /** The steps that rebuild a dry run's model, newest first and shared with the runs it came from. */
    private record Steps(Consumer<LuoReference> last, Steps before) {
    }

    /** A model the dry run may have reached, with the steps that rebuild it (a serial order needs a fresh copy). */
    private record DryRun(LuoReference model, Steps steps) {
        List<DryRun> after(LuoOp op, LuoGeometry g) {
            if (!(op instanceof LuoConcurrent c)) {
                op.applyTo(model);
                return List.of(new DryRun(model, append(op::applyTo)));
            }
            List<DryRun> out = new ArrayList<>();
            for (LuoSerialOrders.Candidate cand : LuoSerialOrders.of(() -> rebuilt(g), c,
                    s -> Optional.empty())) {
                out.add(new DryRun((LuoReference) cand.after(), append(r -> LuoSerialOrders.run(r, c, cand.order()))));
            }
            return out;
        }

        private LuoReference rebuilt(LuoGeometry g) {
            List<Consumer<LuoReference>> oldestLast = new ArrayList<>();
            for (Steps s = steps; s != null; s = s.before()) {
                oldestLast.add(s.last());
            }
            LuoReference r = new LuoReference(g);
            for (int i = oldestLast.size() - 1; i >= 0; i--) {
                oldestLast.get(i).accept(r);
            }
            return r;
        }

        private Steps append(Consumer<LuoReference> step) {
            return new Steps(step, steps);
        }
    }

    /** A step's expectation and the systems that miss it ("model" first), if it states one. */
    private static String expectation(LuoTrace.Step step, boolean modelMissed, List<String> variantsMissed) {
        if (step.expect().isEmpty()) {
            return "";
        }
        List<String> missed = new ArrayList<>();
        if (modelMissed) {
            missed.add("model");
        }
        missed.addAll(variantsMissed);
        return "  expects " + step.expect().get() + (missed.isEmpty() ? "" : ", missed by " + String.join(" ", missed));
    }

    private static void printHeader(PrintStream out, List<LuoVariant> variants) {
        StringBuilder h = new StringBuilder(String.format(ROW, "line", "operation", "model"));
        for (LuoVariant v : variants) {
            h.append(String.format(CELL, v.name()));
        }
        out.println(h);
    }

    /** The variant's outcome; '*' if it differs from the model's, '!' if the state or invariants do. */
    private static String cell(LuoDuel.StepResult r) {
        if (r.crash() != null) {
            return "crash";
        }
        String s = r.impl().toString();
        if (!r.impl().equals(r.model())) {
            return s + " *";
        }
        return r.agrees() ? s : s + " !";
    }

    private static void summary(PrintStream out, List<LuoVariant> variants, List<LuoDuel.StepResult> first, List<String> left) {
        out.println("(* outcome differs from the model's, each variant beside its own model run in the serial orders it took;"
                + " ! state or invariants differ; - not run; ~ the model's outcome depends on the order, see below)");
        for (int i = 0; i < variants.size(); i++) {
            LuoDuel.StepResult r = first.get(i);
            String v = variants.get(i).name();
            if (r == null) {
                out.println(v + ": agrees with the model at every step" + (left.get(i) != null ? " it ran" : ""));
            }
            if (left.get(i) != null) {
                out.println(v + ": " + left.get(i));
            }
            if (r == null) {
                continue;
            }
            out.println(v + ": first diverges at step " + r.step() + " (" + LuoTraceFormat.line(r.op()) + "): " + r.key());
            if (r.crash() != null) {
                out.println("    " + r.crash());
            }
            r.stateDifferences().forEach(d -> out.println("    model vs " + v + ": " + d));
            r.invariantViolations().forEach(d -> out.println("    invariant " + d));
        }
    }
}
