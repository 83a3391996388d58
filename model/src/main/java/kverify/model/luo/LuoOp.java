package kverify.model.luo;

import java.util.List;
import java.util.Objects;
import kverify.model.Outcome;

/**
 * One user-space action in a live update, as data. {@link #applyTo} is the only dispatch: the
 * harness loop applies the same op to the model and to every implementation and compares.
 * The bulk ops are a user-space loop written once here, so the model and the implementation
 * expand them identically; they exist so real-geometry traces reach block boundaries (819
 * sessions) in a few lines.
 */
public sealed interface LuoOp permits LuoOp.CreateSession, LuoOp.CreateSessions, LuoOp.CloseSession,
        LuoOp.CloseSessions, LuoOp.PreserveFile, LuoOp.PreserveFiles, LuoOp.Reboot, LuoOp.Setup, LuoOp.OpenDevice,
        LuoOp.RetrieveSession, LuoOp.RetrieveFile, LuoOp.Finish, LuoCall, LuoFault, LuoConcurrent {

    Outcome<?> applyTo(LuoSystem system);

    boolean validIn(Phase phase);

    /**
     * The single operations this one stands for, in order: itself, or for a bulk op the
     * creates or closes it repeats. Applying a bulk op applies these until the first error.
     */
    default List<LuoOp> expansion() {
        return List.of(this);
    }

    /** Applies the expansion in order, stopping at and returning the first error. */
    static Outcome<?> applyAll(List<LuoOp> ops, LuoSystem s) {
        Outcome<?> last = Outcome.ok();
        for (LuoOp op : ops) {
            last = op.applyTo(s);
            if (!last.isOk()) {
                return last;
            }
        }
        return last;
    }

    record CreateSession(String name) implements LuoOp {
        public CreateSession {
            SessionNames.check(name);
        }

        @Override
        public Outcome<?> applyTo(LuoSystem s) {
            return s.createSession(name);
        }

        @Override
        public boolean validIn(Phase phase) {
            return phase == Phase.OUTGOING;
        }
    }

    /** Creates prefix0, prefix1, ... prefix(count-1) in order; stops at and returns the first error. */
    record CreateSessions(String prefix, int count) implements LuoOp {
        public CreateSessions {
            checkBulk(prefix, count);
        }

        @Override
        public Outcome<?> applyTo(LuoSystem s) {
            return LuoOp.applyAll(expansion(), s);
        }

        @Override
        public List<LuoOp> expansion() {
            return LuoOp.each(count, i -> new CreateSession(prefix + i));
        }

        @Override
        public boolean validIn(Phase phase) {
            return phase == Phase.OUTGOING;
        }
    }

    record CloseSession(String name) implements LuoOp {
        public CloseSession {
            SessionNames.check(name);
        }

        @Override
        public Outcome<?> applyTo(LuoSystem s) {
            return s.closeSession(name);
        }

        @Override
        public boolean validIn(Phase phase) {
            return phase == Phase.OUTGOING || phase == Phase.INCOMING;
        }
    }

    /** Closes prefix0 .. prefix(count-1) in order; stops at and returns the first error. */
    record CloseSessions(String prefix, int count) implements LuoOp {
        public CloseSessions {
            checkBulk(prefix, count);
        }

        @Override
        public Outcome<?> applyTo(LuoSystem s) {
            return LuoOp.applyAll(expansion(), s);
        }

        @Override
        public List<LuoOp> expansion() {
            return LuoOp.each(count, i -> new CloseSession(prefix + i));
        }

        @Override
        public boolean validIn(Phase phase) {
            return phase == Phase.OUTGOING || phase == Phase.INCOMING;
        }
    }

    record PreserveFile(String session, long token, HandlerKind kind, long data) implements LuoOp {
        public PreserveFile {
            SessionNames.check(session);
            Objects.requireNonNull(kind, "kind");
        }

        @Override
        public Outcome<?> applyTo(LuoSystem s) {
            return s.preserveFile(session, token, kind, data);
        }

        @Override
        public boolean validIn(Phase phase) {
            return phase == Phase.OUTGOING;
        }
    }

    /**
     * Preserves count new files of one kind in one session: tokens token, token+1, ... and data
     * words data, data+1, ... (unsigned, wrapping); stops at and returns the first error.
     */
    record PreserveFiles(String session, int count, long token, HandlerKind kind, long data) implements LuoOp {
        public PreserveFiles {
            SessionNames.check(session);
            Objects.requireNonNull(kind, "kind");
            if (count < 1) {
                throw new IllegalArgumentException("bulk count must be >= 1, got " + count);
            }
        }

        @Override
        public Outcome<?> applyTo(LuoSystem s) {
            return LuoOp.applyAll(expansion(), s);
        }

        @Override
        public List<LuoOp> expansion() {
            return LuoOp.each(count, i -> new PreserveFile(session, token + i, kind, data + i));
        }

        @Override
        public boolean validIn(Phase phase) {
            return phase == Phase.OUTGOING;
        }
    }

    record Reboot(RebootFault fault) implements LuoOp {
        public Reboot {
            Objects.requireNonNull(fault, "fault");
        }

        @Override
        public Outcome<?> applyTo(LuoSystem s) {
            return s.reboot(fault);
        }

        /** Any running kernel: a next kernel's reboot is the next live update (docs/luo.md decision 37). */
        @Override
        public boolean validIn(Phase phase) {
            return phase == Phase.OUTGOING || phase == Phase.INCOMING;
        }
    }

    record Setup() implements LuoOp {
        @Override
        public Outcome<?> applyTo(LuoSystem s) {
            return s.setup();
        }

        @Override
        public boolean validIn(Phase phase) {
            return phase == Phase.BOOTING;
        }
    }

    record OpenDevice() implements LuoOp {
        @Override
        public Outcome<?> applyTo(LuoSystem s) {
            return s.openDevice();
        }

        @Override
        public boolean validIn(Phase phase) {
            return phase == Phase.INCOMING;
        }
    }

    record RetrieveSession(String name) implements LuoOp {
        public RetrieveSession {
            SessionNames.check(name);
        }

        @Override
        public Outcome<?> applyTo(LuoSystem s) {
            return s.retrieveSession(name);
        }

        @Override
        public boolean validIn(Phase phase) {
            return phase == Phase.INCOMING;
        }
    }

    record RetrieveFile(String session, long token) implements LuoOp {
        public RetrieveFile {
            SessionNames.check(session);
        }

        @Override
        public Outcome<?> applyTo(LuoSystem s) {
            return s.retrieveFile(session, token);
        }

        @Override
        public boolean validIn(Phase phase) {
            return phase == Phase.INCOMING;
        }
    }

    record Finish(String session) implements LuoOp {
        public Finish {
            SessionNames.check(session);
        }

        @Override
        public Outcome<?> applyTo(LuoSystem s) {
            return s.finish(session);
        }

        @Override
        public boolean validIn(Phase phase) {
            return phase == Phase.INCOMING;
        }
    }

    /**
     * The single ops of a bulk op, made as they are read: a bulk op of 8 million creates costs
     * no list of 8 million ops.
     */
    private static List<LuoOp> each(int count, java.util.function.IntFunction<LuoOp> op) {
        return new java.util.AbstractList<>() {
            @Override
            public LuoOp get(int i) {
                Objects.checkIndex(i, count);
                return op.apply(i);
            }

            @Override
            public int size() {
                return count;
            }
        };
    }

    private static void checkBulk(String prefix, int count) {
        if (count < 1) {
            throw new IllegalArgumentException("bulk count must be >= 1, got " + count);
        }
        SessionNames.check(prefix + (count - 1));
    }
}
