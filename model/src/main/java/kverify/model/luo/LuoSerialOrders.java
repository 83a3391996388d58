package kverify.model.luo;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.BiConsumer;
import java.util.function.Function;
import java.util.function.Supplier;
import kverify.model.Outcome;
import kverify.model.luo.LuoConcurrent.End;
import kverify.model.luo.LuoConcurrent.Ends;

/**
 * What the contract allows for a concurrent step (decision 39): the ends and states of running
 * its calls one after the other, in any order. A successful reboot is the end of the kernel: the
 * calls after it in the order never run. An interleaved run is correct when it matches one order.
 */
public final class LuoSerialOrders {
    private LuoSerialOrders() {
    }

    /**
     * One serial order (task numbers, 1-based, in the order they run), its ends in task order, for
     * each task the other answer the contract accepts for its call with the same state (decision
     * 38, a duplicate name beyond capacity: ENOSPC as well as EEXIST) if any, and the system after it.
     */
    public record Candidate(List<Integer> order, Ends ends, List<Optional<Outcome<?>>> alsoAccepted, LuoSystem after) {
        /** The ends, each replaced by its other accepted answer where {@code run} ended that task with it. */
        public Ends asAccepted(Ends run) {
            List<End> out = new ArrayList<>(ends.ends());
            for (int t = 0; t < out.size() && t < run.ends().size(); t++) {
                Optional<Outcome<?>> also = alsoAccepted.get(t);
                End theirs = run.ends().get(t);
                if (also.isPresent() && theirs.outcome() != null && also.get().equals(theirs.outcome())) {
                    out.set(t, theirs);
                }
            }
            return new Ends(out);
        }
    }

    /**
     * Every order, each on its own system from {@code before} (a fresh system in the state before
     * the step); {@code alsoAccepted} asks a system, after each call, for the other answer its
     * contract accepts for that call.
     */
    public static List<Candidate> of(Supplier<? extends LuoSystem> before, LuoConcurrent op,
            Function<LuoSystem, Optional<Outcome<?>>> alsoAccepted) {
        List<Candidate> out = new ArrayList<>();
        for (List<Integer> order : orders(op.calls().size())) {
            LuoSystem s = before.get();
            List<Optional<Outcome<?>>> also = new ArrayList<>(java.util.Collections.nCopies(op.calls().size(), Optional.empty()));
            Ends ends = run(s, op, order, (task, sys) -> also.set(task - 1, alsoAccepted.apply(sys)));
            out.add(new Candidate(order, ends, List.copyOf(also), s));
        }
        return out;
    }

    /** Runs the calls on {@code s} in this order of task numbers. */
    public static Ends run(LuoSystem s, LuoConcurrent op, List<Integer> order) {
        return run(s, op, order, (task, sys) -> {
        });
    }

    private static Ends run(LuoSystem s, LuoConcurrent op, List<Integer> order, BiConsumer<Integer, LuoSystem> afterCall) {
        End[] ends = new End[op.calls().size()];
        boolean kexeced = false;
        for (int task : order) {
            LuoOp call = op.calls().get(task - 1);
            if (kexeced) {
                ends[task - 1] = End.NOT_RUN;
                continue;
            }
            ends[task - 1] = End.returned(call.applyTo(s));
            afterCall.accept(task, s);
            kexeced = call instanceof LuoOp.Reboot && ends[task - 1].outcome().isOk();
        }
        return new Ends(List.of(ends));
    }

    public static List<Integer> identity(int n) {
        List<Integer> out = new ArrayList<>();
        for (int t = 1; t <= n; t++) {
            out.add(t);
        }
        return out;
    }

    /** All orders of tasks 1..n, the identity first. */
    static List<List<Integer>> orders(int n) {
        List<List<Integer>> out = new ArrayList<>();
        permute(identity(n), 0, out);
        return out;
    }

    private static void permute(List<Integer> a, int k, List<List<Integer>> out) {
        if (k == a.size()) {
            out.add(List.copyOf(a));
            return;
        }
        for (int i = k; i < a.size(); i++) {
            java.util.Collections.swap(a, k, i);
            permute(a, k + 1, out);
            java.util.Collections.swap(a, k, i);
        }
    }
}
