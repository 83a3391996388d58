package kverify.model.mk;

import kverify.model.Outcome;

/**
 * How one system call ended: it returned (with {@code outcome}: the value, or the negative
 * errno as an error), it blocks forever (a lock is never released), it ended the running kernel
 * (a kexec reboot, or an oops), or it never ran because the kernel had already halted. {@code outcome} is null unless the call returned.
 */
public record Call(Completion completion, Outcome<Integer> outcome) {
    /** RETURNED; HUNG: blocks forever; HALTED: the call ended the running kernel; NOT_RUN: it had ended before. */
    public enum Completion { RETURNED, HUNG, HALTED, NOT_RUN }

    public static Call returned(Outcome<Integer> outcome) {
        return new Call(Completion.RETURNED, java.util.Objects.requireNonNull(outcome));
    }

    public static Call ok() {
        return returned(Outcome.ok(0));
    }

    public static Call err(kverify.model.Errno errno) {
        return returned(Outcome.err(errno));
    }

    public static final Call HUNG = new Call(Completion.HUNG, null);
    public static final Call NOT_RUN = new Call(Completion.NOT_RUN, null);
    public static final Call HALTED = new Call(Completion.HALTED, null);

    @Override
    public String toString() {
        switch (completion) {
            case RETURNED:
                return outcome.toString();
            case HUNG:
                return "HUNG";
            case HALTED:
                return "HALTED";
            default:
                return "NOT_RUN";
        }
    }
}
