package kverify.model.luo;

import java.util.List;
import java.util.Objects;
import kverify.model.Outcome;

/**
 * Several user-space tasks calling into LUO at once (issue 15), as data: threads of the one user
 * program, sharing its fd table (docs/luo.md decision 39), each making one call, interleaved at
 * the kernel's lock points by {@code schedule}: entry i names the task (1-based) that takes the
 * i-th step while it can run; once the schedule is used up the lowest-numbered task that can run
 * goes. The calls are the session calls (create, retrieve, close of a session, preserve, retrieve
 * fd, finish) and at most one reboot.
 */
public record LuoConcurrent(List<LuoOp> calls, List<Integer> schedule) implements LuoOp {
    public static final int MAX_TASKS = 3;

    public LuoConcurrent {
        calls = List.copyOf(calls);
        schedule = List.copyOf(schedule);
        if (calls.size() < 2 || calls.size() > MAX_TASKS) {
            throw new IllegalArgumentException("a concurrent step has 2 to " + MAX_TASKS + " tasks, got " + calls.size());
        }
        for (LuoOp c : calls) {
            if (!interleavable(c)) {
                throw new IllegalArgumentException("only session calls, close and reboot run concurrently, got " + c);
            }
        }
        if (calls.stream().filter(c -> c instanceof LuoOp.Reboot).count() > 1) {
            throw new IllegalArgumentException("at most one task reboots");
        }
        for (int t : schedule) {
            if (t < 1 || t > calls.size()) {
                throw new IllegalArgumentException("schedule entries are 1 to " + calls.size() + ", got " + schedule);
            }
        }
    }

    public static boolean interleavable(LuoOp op) {
        return op instanceof LuoCall.SessionCall || op instanceof LuoCall.Close || op instanceof LuoCall.PreserveFd
                || op instanceof LuoCall.RetrieveFd || op instanceof LuoCall.Finish || op instanceof LuoOp.Reboot;
    }

    @Override
    public Outcome<?> applyTo(LuoSystem s) {
        return s.concurrent(this);
    }

    @Override
    public boolean validIn(Phase phase) {
        return calls.stream().allMatch(c -> c.validIn(phase));
    }

    /** How one task ended: it returned its outcome, waited for ever, or never ran again after the kexec. */
    public enum Completion { RETURNED, HUNG, NOT_RUN }

    public record End(Completion completion, Outcome<?> outcome) {
        public static final End HUNG = new End(Completion.HUNG, null);
        public static final End NOT_RUN = new End(Completion.NOT_RUN, null);

        public End {
            Objects.requireNonNull(completion, "completion");
            if ((completion == Completion.RETURNED) != (outcome != null)) {
                throw new IllegalArgumentException("a returned task has an outcome, no other does");
            }
        }

        public static End returned(Outcome<?> outcome) {
            return new End(Completion.RETURNED, outcome);
        }

        @Override
        public String toString() {
            return completion == Completion.RETURNED ? outcome.toString() : completion.name();
        }
    }

    /** The ends of the tasks, in task order. */
    public record Ends(List<End> ends) {
        public Ends {
            ends = List.copyOf(ends);
        }

        @Override
        public String toString() {
            return ends.toString();
        }
    }
}
