package kverify.impl.mk;

import java.util.List;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;
import kverify.impl.sched.Interleaving;
import kverify.model.mk.Call;

/**
 * One task inside a system call, as a list of atomic steps. A step may wait for a lock (its
 * {@code ready} test is false while the lock is taken); its body returns null to go on to the
 * next step, or the call's end. Interleaving happens only between steps.
 */
final class KTask implements Interleaving.Task {
    /** One atomic step; {@code body} returns null to continue or the Call that ends the task. */
    record Step(String name, BooleanSupplier ready, Supplier<Call> body) {
        static Step always(String name, Supplier<Call> body) {
            return new Step(name, () -> true, body);
        }
    }

    final int id;
    private final List<Step> steps;
    private int pc;
    private Call result;

    KTask(int id, List<Step> steps) {
        this.id = id;
        this.steps = List.copyOf(steps);
    }

    @Override
    public boolean done() {
        return result != null;
    }

    @Override
    public boolean canRun() {
        return !done() && steps.get(pc).ready().getAsBoolean();
    }

    /** Runs the next step; returns its name. */
    @Override
    public String step() {
        Step s = steps.get(pc);
        Call end = s.body().get();
        pc++;
        if (end != null) {
            result = end;
        } else if (pc == steps.size()) {
            throw new IllegalStateException("task " + id + " ran off its last step " + s.name());
        }
        return s.name();
    }

    Call result() {
        return result;
    }

    /** Ends a task that can never run again (blocked for ever, or the kernel halted). */
    @Override
    public void abandon(Interleaving.End why) {
        result = why == Interleaving.End.HUNG ? Call.HUNG : Call.NOT_RUN;
    }
}
