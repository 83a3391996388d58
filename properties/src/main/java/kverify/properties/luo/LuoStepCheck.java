package kverify.properties.luo;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import kverify.impl.luo.LuoImpl;
import kverify.impl.luo.LuoStepView;
import kverify.model.luo.FileImage;
import kverify.model.luo.LuoOp;
import kverify.model.luo.Phase;
import kverify.model.luo.reference.LuoReference;

/**
 * The per-step comparison of a large system: what a step of trace format v1 changed, not the
 * whole state. A create, close, preserve, retrieve or finish names the sessions it touches; for
 * those the two sides are compared (an outgoing session by presence, file count and last file; an
 * incoming one whole), together with the parts of the state that do not grow (phase, handover
 * present or not, device, handler modules, tracking entries), both list lengths and the calls of
 * the file made last. Any difference found here makes the duel compare the whole state at that
 * step, so what a divergence reports is the same as before. A whole comparison is made anyway:
 * while the model holds at most {@link #WHOLE_UP_TO} sessions and files (so every generated case
 * and checked-in finding is compared whole at every step, as it always was), at every other step
 * kind (reboot, setup, open-device, system calls of format v2), at every step whose number is a
 * power of two, and at a checkpoint the caller asks for (replay: the last step). So a difference
 * in a part a step did not name still shows, at the latest at step 2n, and the cost of the whole
 * comparisons over a trace of n steps is at most about twice that of one at its end: replay time
 * linear in the trace (docs/luo.md decision 34).
 */
final class LuoStepCheck {
    static final long WHOLE_UP_TO = 4096;

    private LuoStepCheck() {
    }

    /** True if step number {@code step} (from 1) of this op must be compared whole. */
    static boolean whole(LuoOp op, int step, LuoReference model) {
        return model.size() <= WHOLE_UP_TO || !touched(op).iterator().hasNext() || Integer.bitCount(step) == 1;
    }

    /** The differences in what the step touched, as "component: ..." lines; empty if none. */
    static List<String> differences(LuoOp op, LuoReference model, LuoImpl impl) {
        List<String> out = new ArrayList<>(model.lightState().differences(LuoStepView.lightState(impl)));
        if (model.outgoingCount() != LuoStepView.outgoingCount(impl)) {
            out.add("outgoing sessions: " + model.outgoingCount() + " vs " + LuoStepView.outgoingCount(impl) + " sessions");
        }
        if (model.incomingCount() != LuoStepView.incomingCount(impl)) {
            out.add("incoming sessions: " + model.incomingCount() + " vs " + LuoStepView.incomingCount(impl) + " sessions");
        }
        boolean incoming = model.phase() == Phase.INCOMING;
        for (String name : touched(op)) {
            if (incoming) {
                if (!model.incomingSession(name).equals(LuoStepView.incomingSession(impl, name))) {
                    out.add("incoming sessions: '" + name + "' differs");
                }
            } else if (!sameTail(model.outgoingFiles(name), LuoStepView.outgoingFiles(impl, name))) {
                out.add("outgoing sessions: '" + name + "' differs");
            }
        }
        if (!model.lastFileCalls().equals(LuoStepView.lastFileCalls(impl))) {
            out.add("handler calls: last file made " + model.lastFileCalls() + " vs " + LuoStepView.lastFileCalls(impl));
        }
        return out;
    }

    /** Both absent, or both present with as many files and the same last one. */
    private static boolean sameTail(Optional<List<FileImage>> a, Optional<List<FileImage>> b) {
        if (a.isEmpty() || b.isEmpty()) {
            return a.isEmpty() == b.isEmpty();
        }
        List<FileImage> x = a.get();
        List<FileImage> y = b.get();
        return x.size() == y.size() && (x.isEmpty() || Objects.equals(x.get(x.size() - 1), y.get(y.size() - 1)));
    }

    /** The sessions a v1 session op names, in order, made as they are read; empty for every other op (compared whole). */
    static Iterable<String> touched(LuoOp op) {
        if (op instanceof LuoOp.PreserveFiles o) {
            return List.of(o.session());
        }
        List<LuoOp> singles = op instanceof LuoOp.CreateSessions || op instanceof LuoOp.CloseSessions ? op.expansion() : List.of(op);
        if (name(singles.get(0)) == null) {
            return List.of();
        }
        return () -> singles.stream().map(LuoStepCheck::name).iterator();
    }

    private static String name(LuoOp single) {
        if (single instanceof LuoOp.CreateSession o) {
            return o.name();
        } else if (single instanceof LuoOp.CloseSession o) {
            return o.name();
        } else if (single instanceof LuoOp.PreserveFile o) {
            return o.session();
        } else if (single instanceof LuoOp.RetrieveSession o) {
            return o.name();
        } else if (single instanceof LuoOp.RetrieveFile o) {
            return o.session();
        } else if (single instanceof LuoOp.Finish o) {
            return o.session();
        }
        return null;
    }
}
