package kverify.properties.luo;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import kverify.engine.Divergence;
import kverify.impl.luo.LuoImpl;
import kverify.impl.luo.LuoInvariants;
import kverify.impl.luo.LuoVariant;
import kverify.model.Outcome;
import kverify.model.luo.LuoGeometry;
import kverify.model.luo.LuoOp;
import kverify.model.luo.LuoState;
import kverify.model.luo.reference.LuoReference;

/**
 * The model and one implementation variant receive the same operation; after every step the
 * outcomes, the abstract states and the implementation's invariants are compared. The first
 * difference becomes a {@link Divergence} whose key says what differs, stably enough that the
 * shrinker keeps to one defect and the campaign counts each defect once.
 */
public final class LuoDuel {
    private final LuoReference model;
    private final LuoImpl impl;
    private final List<String> history = new ArrayList<>();
    private StepResult firstDivergent;
    private StepResult last;
    private int steps;
    private int allocationFailures;

    public LuoDuel(LuoVariant variant, LuoGeometry geometry) {
        this.model = new LuoReference(geometry);
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
            if (crash == null && impl.takeAllocationFault()) {
                model.allocationFailsInNextCall();
                allocationFailures++;
            }
            m = single.applyTo(model);
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
