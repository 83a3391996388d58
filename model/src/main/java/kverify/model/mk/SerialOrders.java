package kverify.model.mk;

import java.util.ArrayList;
import java.util.List;

/**
 * What the atomic contract allows for two concurrent calls: the results and states of running
 * them one after the other, in either order. An interleaved run is correct when it matches one.
 */
public final class SerialOrders {
    private SerialOrders() {
    }

    /** One serial order: its name, the calls (in the op's task order) and events, and the kernel after it. */
    public record Candidate(String order, StepResult result, MkKernel after) {
    }

    public static List<Candidate> of(MkKernel model, MkOp.Concurrent op) {
        MkKernel forward = model.copy();
        StepResult a1 = forward.apply(op.first());
        StepResult a2 = forward.apply(op.second());
        MkKernel backward = model.copy();
        StepResult b2 = backward.apply(op.second());
        StepResult b1 = backward.apply(op.first());
        return List.of(new Candidate("first then second", merge(a1, a2, a1, a2), forward),
                new Candidate("second then first", merge(b1, b2, b2, b1), backward));
    }

    private static StepResult merge(StepResult first, StepResult second, StepResult ranFirst, StepResult ranSecond) {
        List<MkEvent> events = new ArrayList<>(ranFirst.events());
        events.addAll(ranSecond.events());
        return new StepResult(List.of(first.call(), second.call()), events);
    }
}
