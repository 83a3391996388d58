package kverify.properties.mk;

import java.util.List;
import java.util.Optional;
import kverify.engine.Divergence;
import kverify.model.mk.Machine;
import kverify.model.mk.MkInvariants;
import kverify.model.mk.MkKernel;
import kverify.model.mk.MkOp;
import kverify.model.mk.MkState;
import kverify.model.mk.SerialOrders;
import kverify.model.mk.StepResult;

/**
 * The model and one implementation receive the same operations. After every step the
 * implementation must keep every contract invariant and agree with the model on the calls'
 * outcomes, the hardware events and the whole machine state; a concurrent step must agree with
 * one of the serial orders. The first disagreement is a {@link Divergence} whose key says what
 * differs, so repeats of one defect count once and shrink together.
 */
public final class MkDuel {
    private final Machine m;
    private MkKernel model;
    private final MkKernel impl;
    private MkState modelState;
    private MkState implState;
    private StepResult lastModel;
    private StepResult lastImpl;
    private int step;
    /** After a known divergence: the model is left behind and only the implementation's invariants are checked. */
    private boolean consequencesOnly;
    /** Invariants already reported while following consequences: a lasting state breaks them again at every step. */
    private final java.util.Set<String> alreadyBroken = new java.util.TreeSet<>();

    public MkDuel(MkKernel model, MkKernel impl) {
        this.m = model.machine();
        this.model = model;
        this.impl = impl;
        this.modelState = model.state();
        this.implState = impl.state();
    }

    public MkState modelState() {
        return modelState;
    }

    public MkState implState() {
        return implState;
    }

    public StepResult lastModel() {
        return lastModel;
    }

    public StepResult lastImpl() {
        return lastImpl;
    }

    public List<String> implSteps() {
        return impl.lastSteps();
    }

    /**
     * From now on follow what the implementation does after a divergence already known: each
     * step applies only to the implementation, and the first broken invariant is a consequence,
     * keyed {@code consequence: invariant <name>}.
     */
    public void followConsequences() {
        consequencesOnly = true;
    }

    public boolean followingConsequences() {
        return consequencesOnly;
    }

    /** Applies one operation to both sides; returns the divergence it shows, if any. */
    public Optional<Divergence> step(MkOp op) {
        if (consequencesOnly) {
            return consequence(op);
        }
        step++;
        MkState implBefore = implState;
        MkState modelBefore = modelState;
        lastImpl = impl.apply(op);
        implState = impl.state();
        Optional<MkInvariants.Violation> broken = MkInvariants.firstViolation(m, op, implBefore, lastImpl, implState);
        // A broken promise is one defect whichever call broke it, so its key is the invariant alone.
        String key = broken.map(v -> "invariant " + v.name()).orElse(null);
        if (op instanceof MkOp.Concurrent c) {
            key = key != null ? key : serialize(c);
        } else {
            lastModel = model.apply(op);
            modelState = model.state();
            key = key != null ? key : compare(op.kind(), lastModel, modelState, lastImpl);
        }
        if (key == null) {
            return Optional.empty();
        }
        String why = broken.map(v -> "invariant " + v.name() + " broken by " + op.kind() + ": " + v.detail()).orElse(key);
        // The report is rendered only for the failure the engine prints, from this step's (immutable) values.
        int n = step;
        StepResult modelResult = lastModel;
        MkState modelAfter = modelState;
        StepResult implResult = lastImpl;
        MkState implAfter = implState;
        return Optional.of(new Divergence(key, () -> MkDuelReport.render(n, op, why, modelBefore, modelResult, modelAfter, implResult, implAfter)));
    }

    private Optional<Divergence> consequence(MkOp op) {
        step++;
        MkState implBefore = implState;
        lastImpl = impl.apply(op);
        implState = impl.state();
        Optional<MkInvariants.Violation> fresh = MkInvariants.violations(m, op, implBefore, lastImpl, implState).stream()
                .filter(v -> !alreadyBroken.contains(v.name())).findFirst();
        fresh.ifPresent(v -> alreadyBroken.add(v.name()));
        int n = step;
        StepResult implResult = lastImpl;
        MkState implAfter = implState;
        return fresh.map(v -> new Divergence(
                "consequence: invariant " + v.name(), () -> MkDuelReport.render(n, op, "consequence: invariant " + v.name() + " broken by "
                        + op.kind() + " after an earlier divergence: " + v.detail(), implBefore, null, implAfter, implResult, implAfter)));
    }

    /** A concurrent step is correct when its calls, events and state equal one serial order's. */
    private String serialize(MkOp.Concurrent c) {
        List<SerialOrders.Candidate> orders = SerialOrders.of(model, c);
        String sameCalls = null;
        for (SerialOrders.Candidate order : orders) {
            MkState after = order.after().state();
            if (order.result().calls().equals(lastImpl.calls())) {
                String diff = compare(c.kind(), order.result(), after, lastImpl);
                if (diff == null) {
                    model = order.after();
                    modelState = after;
                    lastModel = order.result();
                    return null;
                }
                sameCalls = sameCalls == null ? diff : sameCalls;
            }
        }
        lastModel = orders.get(0).result();
        modelState = orders.get(0).after().state();
        return sameCalls != null ? sameCalls + " in every serial order" : c.kind() + ": calls " + lastImpl.calls() + " match no serial order";
    }

    /** The key of the first difference between the model's and the implementation's step, or null. */
    private String compare(String kind, StepResult mr, MkState modelAfter, StepResult ir) {
        if (!mr.calls().equals(ir.calls())) {
            return kind + ": model " + callsText(mr) + ", impl " + callsText(ir);
        }
        if (!mr.events().equals(ir.events())) {
            return kind + ": events differ";
        }
        String aspect = modelAfter.firstDifference(implState);
        return aspect == null ? null : kind + ": " + aspect + " differs";
    }

    private static String callsText(StepResult r) {
        return r.calls().size() == 1 ? r.call().toString() : r.calls().toString();
    }
}
