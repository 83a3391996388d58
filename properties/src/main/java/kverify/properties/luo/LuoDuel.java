package kverify.properties.luo;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import kverify.engine.Divergence;
import kverify.impl.luo.LuoImpl;
import kverify.impl.luo.LuoInvariants;
import kverify.impl.luo.LuoVariant;
import kverify.model.Outcome;
import kverify.model.luo.LuoConcurrent;
import kverify.model.luo.LuoGeometry;
import kverify.model.luo.LuoOp;
import kverify.model.luo.LuoSerialOrders;
import kverify.model.luo.LuoState;
import kverify.model.luo.reference.LuoReference;

/**
 * The model and one implementation variant receive the same operation; after every step the
 * outcomes, the abstract states and the implementation's invariants are compared. The first
 * difference becomes a {@link Divergence} whose key says what differs, stably enough that the
 * shrinker keeps to one defect and the campaign counts each defect once.
 */
public final class LuoDuel {
    private LuoReference model;
    private final LuoGeometry geometry;
    /** What the model was given so far, to rebuild it in the state before a concurrent step (decision 39). */
    private final List<java.util.function.Consumer<LuoReference>> modelSteps = new ArrayList<>();
    private final LuoImpl impl;
    private final List<String> history = new ArrayList<>();
    private StepResult firstDivergent;
    private StepResult last;
    private int steps;
    private int allocationFailures;

    public LuoDuel(LuoVariant variant, LuoGeometry geometry) {
        this.model = new LuoReference(geometry);
        this.geometry = geometry;
        this.impl = LuoImpl.boot(variant, geometry);
    }

    /** What one step did on both sides. {@code crash} is the impl's exception text, or null. */
    public record StepResult(int step, LuoOp op, Outcome<?> model, Outcome<?> impl, String crash,
            List<String> stateDifferences, List<String> invariantViolations, LuoOp at) {

        public boolean agrees() {
            return crash == null && model.equals(impl) && stateDifferences.isEmpty() && invariantViolations.isEmpty();
        }

        /** "what differs", without addresses or counts, so one defect has one key; a bulk step is named by the single op it ended at. */
        public String key() {
            String op = opKind(at);
            if (crash != null) {
                return op + ": implementation threw " + crash.split(":")[0];
            }
            if (impl instanceof Outcome.Hung<?>) {
                return op + ": outcome Hung"; // blocking is the defect, whatever the model answers
            }
            if (!model.equals(impl)) {
                return op + ": outcome " + keyOf(impl) + " vs model " + keyOf(model);
            }
            if (!stateDifferences.isEmpty()) {
                return op + ": state differs in " + String.join(", ", stateDifferences.stream()
                        .map(d -> d.substring(0, d.indexOf(':'))).toList());
            }
            return op + ": invariant " + invariantViolations.get(0).replaceAll("'[^']*'", "'..'").replaceAll("0x[0-9a-f]+|\\d+", "N")
                    .replaceAll("\\[[^\\]]*\\]", "[..]");
        }
    }

    /** An outcome in a key: errors by name, success without its value (fd numbers and data are not the defect). */
    static String keyOf(Outcome<?> o) {
        return !o.isOk() || o.toString().equals("Ok") ? o.toString() : "Ok(..)";
    }

    public LuoReference model() {
        return model;
    }

    public LuoImpl impl() {
        return impl;
    }

    /**
     * Applies the op to both sides and compares; the op must be valid in the model's phase.
     * A bulk op is compared after each single op it stands for (so one defect has one key
     * however it was reached); states and invariants are compared after the whole step.
     */
    public StepResult step(LuoOp op) {
        return step(op, false);
    }

    /**
     * As {@link #step(LuoOp)}; with {@code checkpoint} the whole state is compared even where
     * {@link LuoStepCheck} would compare only what the step touched (replay asks for it at the last step).
     */
    public StepResult step(LuoOp op, boolean checkpoint) {
        if (!op.validIn(model.phase())) {
            throw new IllegalArgumentException("'" + LuoTraceFormat.line(op) + "' is not valid in phase " + model.phase());
        }
        if (op instanceof LuoConcurrent c) {
            return concurrent(c);
        }
        Outcome<?> m = Outcome.ok();
        Outcome<?> i = Outcome.ok();
        String crash = null;
        String within = null;
        LuoOp at = op;
        for (LuoOp single : op.expansion()) {
            at = single;
            // The implementation first: if its armed allocation failed in this op, the model is told (decision 35).
            try {
                i = single.validIn(impl.phase()) ? single.applyTo(impl) : null;
            } catch (RuntimeException e) {
                crash = e.getClass().getSimpleName() + ": " + e.getMessage();
            }
            boolean told = crash == null && impl.takeAllocationFault();
            if (told) {
                model.allocationFailsInNextCall();
                allocationFailures++;
            }
            m = single.applyTo(model);
            modelSteps.add(told ? r -> {
                r.allocationFailsInNextCall();
                single.applyTo(r);
            } : single::applyTo);
            // An outcome the contract accepts as well, with the same state (decision 38), is agreement.
            java.util.Optional<Outcome<?>> also = model.alsoAccepted();
            if (also.isPresent() && also.get().equals(i)) {
                m = i;
            }
            if (i == null && crash == null) {
                crash = "IllegalStateException: the implementation is in phase " + impl.phase();
            }
            if (crash != null || !m.equals(i) || !m.isOk()) {
                if (single != op && (crash != null || !m.equals(i))) {
                    within = LuoTraceFormat.line(single);
                }
                break;
            }
        }
        return record(op, m, i, crash, within, at, checkpoint);
    }

    /**
     * A concurrent step (decision 39): the implementation interleaves the calls under the
     * schedule; the model is every serial order, each on a model rebuilt to the state before the
     * step. The step agrees when one order gives the same ends (fd numbers up to a renaming among
     * those the step installed) and the same state; that order becomes the model. Otherwise the
     * order with the same ends (else the first) is reported.
     */
    private StepResult concurrent(LuoConcurrent c) {
        Outcome<?> i = null;
        String crash = null;
        try {
            i = c.applyTo(impl);
        } catch (RuntimeException e) {
            crash = e.getClass().getSimpleName() + ": " + e.getMessage();
        }
        LuoConcurrent.Ends implEnds = i != null && i.isOk() ? (LuoConcurrent.Ends) i.value() : null;
        LuoSerialOrders.Candidate chosen = null;
        java.util.Map<Integer, Integer> renaming = java.util.Map.of();
        LuoSerialOrders.Candidate sameEnds = null;
        java.util.Map<Integer, Integer> sameEndsRenaming = java.util.Map.of();
        for (LuoSerialOrders.Candidate cand : serialOrders(c)) {
            java.util.Optional<java.util.Map<Integer, Integer>> r = implEnds == null ? java.util.Optional.empty()
                    : LuoFdRenaming.of(cand.asAccepted(implEnds), implEnds);
            if (r.isEmpty()) {
                continue;
            }
            ((LuoReference) cand.after()).renumberFds(r.get());
            if (crash == null && cand.after().state().differences(impl.state()).isEmpty()) {
                chosen = cand;
                renaming = r.get();
                break;
            }
            if (sameEnds == null) {
                sameEnds = cand;
                sameEndsRenaming = r.get();
            }
        }
        if (chosen == null) {
            chosen = sameEnds != null ? sameEnds : serialOrders(c).get(0);
            renaming = sameEnds != null ? sameEndsRenaming : java.util.Map.of();
        }
        LuoSerialOrders.Candidate order = chosen;
        java.util.Map<Integer, Integer> fds = renaming;
        model = (LuoReference) order.after();
        modelSteps.add(r -> {
            LuoSerialOrders.run(r, c, order.order());
            r.renumberFds(fds);
        });
        Outcome<?> m = Outcome.ok(LuoFdRenaming.apply(implEnds == null ? order.ends() : order.asAccepted(implEnds), fds));
        return record(c, m, i, crash, null, c, true);
    }

    /** The serial orders of a concurrent step, each call's other accepted answer with it (decision 38). */
    private List<LuoSerialOrders.Candidate> serialOrders(LuoConcurrent c) {
        return LuoSerialOrders.of(this::rebuiltModel, c, s -> ((LuoReference) s).alsoAccepted());
    }

    /** A fresh model given everything this one was given. */
    private LuoReference rebuiltModel() {
        LuoReference r = new LuoReference(geometry);
        modelSteps.forEach(s -> s.accept(r));
        return r;
    }

    /** The interleaving the implementation took in the last concurrent step, as "task:step". */
    public List<String> lastSteps() {
        return impl.lastSteps();
    }

    private StepResult record(LuoOp op, Outcome<?> m, Outcome<?> i, String crash, String within, LuoOp at, boolean checkpoint) {
        List<String> diffs = List.of();
        List<String> broken = List.of();
        if (crash == null && m.equals(i)) {
            try {
                boolean whole = checkpoint || LuoStepCheck.whole(op, steps + 1, model);
                if (!whole) {
                    // What the step touched; on any difference the whole comparison below reports it as always.
                    whole = !LuoStepCheck.differences(op, model, impl).isEmpty() || !LuoInvariants.checkStep(impl).isEmpty();
                }
                if (whole) {
                    diffs = model.state().differences(impl.state());
                    broken = LuoInvariants.check(impl);
                }
            } catch (RuntimeException e) {
                crash = e.getClass().getSimpleName() + ": " + e.getMessage();
            }
        }
        StepResult r = new StepResult(++steps, op, m, i, crash, diffs, broken, at);
        history.add(String.format("%3d  %-50s model %-14s impl %s", r.step(), LuoTraceFormat.line(op), m,
                crash != null ? "crash" : i));
        if (within != null) {
            history.add("       the outcomes differ at " + within + " within this bulk step");
        }
        last = r;
        if (!r.agrees() && firstDivergent == null) {
            firstDivergent = r;
        }
        return r;
    }

    /** Steps and throws the Divergence at the first disagreement. */
    public void stepOrThrow(LuoOp op) {
        StepResult r = step(op);
        if (!r.agrees()) {
            throw new Divergence(r.key(), report(r));
        }
    }

    /** How many armed allocations have failed so far (for coverage). */
    public int allocationFailures() {
        return allocationFailures;
    }

    /** The result of the latest step. */
    public StepResult lastStep() {
        return last;
    }

    public java.util.Optional<StepResult> firstDivergence() {
        return java.util.Optional.ofNullable(firstDivergent);
    }

    public LuoState modelState() {
        return model.state();
    }

    /** The failure text: the numbered steps, both outcomes, what differs, and the session blocks in hex. */
    public String report(StepResult r) {
        StringBuilder sb = new StringBuilder();
        sb.append(impl.variant()).append(" diverges from the model at step ").append(r.step()).append(": ")
                .append(LuoTraceFormat.line(r.op())).append('\n');
        sb.append("  model outcome: ").append(r.model()).append('\n');
        sb.append("  impl outcome:  ").append(r.crash() != null ? r.crash() : r.impl()).append('\n');
        r.stateDifferences().forEach(d -> sb.append("  state (model vs impl) ").append(d).append('\n'));
        r.invariantViolations().forEach(v -> sb.append("  invariant ").append(v).append('\n'));
        sb.append("Steps (geometry ").append(impl.geometry()).append("):\n");
        history.forEach(h -> sb.append("  ").append(h).append('\n'));
        sb.append(MemoryDump.sessionBlocks(impl));
        return sb.toString();
    }

    static String opKind(LuoOp op) {
        if (op instanceof LuoConcurrent c) {
            // The kinds of the racing calls, sorted, so one race has one key whatever the task order.
            return "concurrent " + c.calls().stream().map(LuoDuel::opKind).sorted().toList();
        }
        if (op instanceof kverify.model.luo.LuoCall.Repeat r) {
            // A repeat stands for the calls it repeats: one defect, one key.
            return opKind(r.ops().get(0));
        }
        String line = LuoTraceFormat.line(op);
        String kind = line.split(" ")[0];
        // Bulk operations are the single operation repeated: one defect, one key.
        return kind.endsWith("-sessions") || kind.endsWith("-files") ? kind.substring(0, kind.length() - 1) : kind.toLowerCase(Locale.ROOT);
    }
}
