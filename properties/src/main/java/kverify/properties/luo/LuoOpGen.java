package kverify.properties.luo;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import kverify.engine.Gen;
import kverify.model.Errno;
import kverify.model.luo.HandlerKind;
import kverify.model.luo.IncomingSession;
import kverify.model.luo.LuoGeometry;
import kverify.model.luo.LuoOp;
import kverify.model.luo.LuoState;
import kverify.model.luo.Phase;
import kverify.model.luo.RebootFault;
import kverify.model.luo.SessionImage;

/**
 * Operations generated from the model's current state. A tiny name alphabet (16 names, more
 * than the small geometry's 12-session limit) so duplicates and the limit both happen; tokens
 * from 0..15 so duplicate tokens and the small file limit happen; bulk creates and closes sized
 * at block boundaries so the real geometry's 819-entry blocks are crossed in a few steps; freeze
 * faults aimed mostly at files that exist, at block-boundary session indices. Every factory
 * shrinks toward its first, simplest option.
 */
final class LuoOpGen {
    static final List<String> NAMES = List.of("a", "b", "c", "d", "e", "f", "g", "h", "i", "j", "k", "l", "m", "n", "o", "p");
    static final List<String> PREFIXES = List.of("x", "y", "z");
    static final List<Errno> FREEZE_ERRORS = List.of(Errno.EIO, Errno.ENOMEM, Errno.EBUSY, Errno.EINVAL, Errno.EAGAIN);
    static final long MAX_TOKEN = 15;

    private final LuoGeometry g;
    private final Mix mix;

    LuoOpGen(LuoGeometry g) {
        this.g = g;
        this.mix = Mix.of(g);
    }

    /**
     * Where user space is in its live update; generator context, not model state (the model
     * promises a failed reboot changes nothing). PREPARING until a reboot fails; then user space
     * decides how many sessions to keep ({@link #keepAfterFailure}), SHEDDING closes sessions
     * (often whole groups) down to that, and RETRYING reboots again.
     */
    enum Stage {
        PREPARING, SHEDDING, RETRYING
    }

    /**
     * One step: a continue flag (0 stops; shrinks toward stopping) and the op, in one span.
     * After a failed reboot the case rarely ends before the retry.
     */
    Gen<Optional<LuoOp>> step(LuoState s, long meanSteps, Stage stage) {
        return step(s, meanSteps, stage, false);
    }

    /**
     * As above; with {@code anotherUpdate}, where the case would stop in a next kernel it reboots
     * instead half the time (decision 37; a v1 next kernel creates no session, so it hands on
     * nothing): what the case did before is drawn as it was, and the extra draw shrinks to a stop.
     */
    Gen<Optional<LuoOp>> step(LuoState s, long meanSteps, Stage stage, boolean anotherUpdate) {
        Optional<Gen<LuoOp>> op = opFor(s, stage);
        long mean = stage == Stage.PREPARING ? meanSteps : RECOVERY_PATIENCE * meanSteps;
        boolean again = anotherUpdate && s.phase() == Phase.INCOMING;
        return src -> {
            if (op.isPresent() && src.choice(mean) != 0) {
                return Optional.of(src.draw(op.get()));
            }
            return again && src.choice(1) != 0 ? Optional.of(new LuoOp.Reboot(RebootFault.NONE)) : Optional.empty();
        };
    }

    /** How much less likely a case is to end at a step while recovering from a failed reboot. */
    static final int RECOVERY_PATIENCE = 4;

    /**
     * After a failed reboot, how many sessions user space keeps before it retries: often none
     * (it gives up on this set and closes everything; the simplest), else up to all of them
     * (retry at once), often at a block boundary or one either side of it.
     */
    Gen<Integer> keepAfterFailure(LuoState s) {
        return Gen.frequency(Gen.weighted(1, Gen.constant(0)), Gen.weighted(2, LuoBoundaries.keep(s.outgoing().size(), g.sessionsPerBlock())));
    }

    Optional<Gen<LuoOp>> opFor(LuoState s, Stage stage) {
        switch (s.phase()) {
            case OUTGOING:
                return Optional.of(outgoing(s, stage));
            case BOOTING:
                return Optional.of(Gen.constant(new LuoOp.Setup()));
            case INCOMING:
                return Optional.of(incoming(s));
            default:
                return Optional.empty();
        }
    }

    /**
     * Weights of the outgoing ops (create, preserve, close, reboot, bulk create, bulk close) per
     * stage. At the real geometry the single-session ops cannot reach a block boundary on their
     * own, so the bulk ops carry the counts there.
     */
    enum Mix {
        FINE(4, new int[] {1, 4, 1, 1, 6, 1}, new int[] {1, 1, 3, 1, 1, 8}, new int[] {1, 1, 1, 6, 1, 1}),
        COARSE(2, new int[] {3, 12, 3, 9, 18, 6}, new int[] {1, 1, 1, 1, 1, 8}, new int[] {1, 1, 1, 6, 1, 1});

        /** How many block boundaries above the current count a bulk create aims at. */
        final int blocksAhead;
        private final int[][] weights;

        Mix(int blocksAhead, int[] preparing, int[] shedding, int[] retrying) {
            this.blocksAhead = blocksAhead;
            this.weights = new int[][] {preparing, shedding, retrying};
        }

        int[] weights(Stage stage) {
            return weights[stage.ordinal()];
        }

        static Mix of(LuoGeometry g) {
            return g.sessionsPerBlock() > 50 ? COARSE : FINE;
        }
    }

    private Gen<LuoOp> outgoing(LuoState s, Stage stage) {
        int[] w = mix.weights(stage);
        List<String> existing = s.outgoing().stream().map(SessionImage::name).toList();
        Map<String, Integer> runs = runs(existing);
        return Gen.frequency(
                Gen.weighted(w[0], name(existing, 4, 1).map(LuoOp.CreateSession::new)),
                Gen.weighted(w[1], preserve(existing)),
                Gen.weighted(w[2], byIndex(existing, 1, 4).map(LuoOp.CloseSession::new)),
                Gen.weighted(stage != Stage.PREPARING || hasFiles(s) ? w[3] : 1, reboot(s, stage != Stage.PREPARING)),
                Gen.weighted(w[4], src -> {
                    String prefix = src.draw(prefix(runs, false));
                    return new LuoOp.CreateSessions(prefix, src.draw(createCount(existing.size())));
                }),
                Gen.weighted(w[5], src -> {
                    String prefix = src.draw(prefix(runs, true));
                    return new LuoOp.CloseSessions(prefix, src.draw(closeCount(existing.size(), runs.get(prefix), stage)));
                }));
    }

    /**
     * Whether any outgoing session has a file: until then a first reboot hands over little and
     * cannot fail, so it is rare (a retry after a failure is not).
     */
    private static boolean hasFiles(LuoState s) {
        return s.outgoing().stream().anyMatch(x -> !x.files().isEmpty());
    }

    /** Mostly from the alphabet (weight a) or mostly an existing name (weight b). */
    private static Gen<String> name(List<String> existing, int alphabetWeight, int existingWeight) {
        if (existing.isEmpty()) {
            return Gen.elements(NAMES);
        }
        return Gen.frequency(Gen.weighted(alphabetWeight, Gen.elements(NAMES)), Gen.weighted(existingWeight, Gen.elements(existing)));
    }

    /** Up to two blocks and a bit more, often ending at or one either side of a block boundary. */
    private Gen<Integer> createCount(int current) {
        return LuoBoundaries.growth(current, g.sessionsPerBlock(), mix.blocksAhead, 2 * g.sessionsPerBlock() + 2);
    }

    /**
     * Closes prefix0.. in order: the whole run, as many as leave the session count at or one
     * either side of a block boundary, or any part of the run; while shedding sessions after a
     * failed reboot mostly the whole run (a partial close leaves a tail no bulk close reaches).
     * Up to two blocks and a bit when the prefix has no session (the close then fails at once
     * with EBADF).
     */
    private Gen<Integer> closeCount(int current, int run, Stage stage) {
        if (run == 0) {
            return Gen.ints(1, 2 * g.sessionsPerBlock() + 2);
        }
        return LuoBoundaries.shrinkage(current, g.sessionsPerBlock(), run, stage == Stage.SHEDDING ? 6 : 2);
    }

    /** Per prefix, how many of prefix0, prefix1, ... exist: what a bulk close of it can close. */
    private static Map<String, Integer> runs(List<String> existing) {
        Set<String> names = new HashSet<>(existing);
        Map<String, Integer> runs = new TreeMap<>();
        for (String p : PREFIXES) {
            int run = 0;
            while (names.contains(p + run)) {
                run++;
            }
            runs.put(p, run);
        }
        return runs;
    }

    /**
     * A prefix, mostly one the bulk op can make progress with (for a create, one with no session
     * yet; for a close, one with a run, most often the longest), sometimes any (the op then
     * fails at once with EEXIST or EBADF). The most useful is the simplest choice.
     */
    private static Gen<String> prefix(Map<String, Integer> runs, boolean toClose) {
        List<String> useful = new ArrayList<>(PREFIXES.stream().filter(p -> (runs.get(p) > 0) == toClose).toList());
        useful.sort(Comparator.comparingInt(p -> -runs.get(p)));
        if (useful.isEmpty()) {
            return Gen.elements(PREFIXES);
        }
        return Gen.frequency(Gen.weighted(2, Gen.constant(useful.get(0))), Gen.weighted(1, Gen.elements(useful)),
                Gen.weighted(1, Gen.elements(PREFIXES)));
    }

    /**
     * Like {@link #name}, but an existing session is picked by its list index, half the time at a
     * block boundary, one either side of it, or the last: where serialize changes block or ends.
     */
    private Gen<String> byIndex(List<String> existing, int alphabetWeight, int existingWeight) {
        if (existing.isEmpty()) {
            return Gen.elements(NAMES);
        }
        Gen<String> indexed = LuoBoundaries.index(existing.size(), g.sessionsPerBlock()).map(existing::get);
        return Gen.frequency(Gen.weighted(alphabetWeight, Gen.elements(NAMES)), Gen.weighted(existingWeight, indexed));
    }

    private Gen<LuoOp> preserve(List<String> existing) {
        Gen<Long> token = Gen.frequency(Gen.weighted(8, Gen.longs(0, MAX_TOKEN)), Gen.weighted(1, Gen.longs(Long.MIN_VALUE, Long.MAX_VALUE)));
        Gen<Long> data = Gen.frequency(Gen.weighted(3, Gen.longs(0, 255)), Gen.weighted(1, Gen.longs(Long.MIN_VALUE, Long.MAX_VALUE)));
        // Often the newest session: user space preserves files into the session it just made.
        Gen<String> session = existing.isEmpty() ? byIndex(existing, 1, 6)
                : Gen.frequency(Gen.weighted(3, Gen.constant(existing.get(existing.size() - 1))), Gen.weighted(4, byIndex(existing, 1, 6)));
        return src -> new LuoOp.PreserveFile(src.draw(session), src.draw(token), src.draw(Gen.elements(HandlerKind.values())),
                src.draw(data));
    }

    /**
     * No fault, a fault at an existing file, or a fault anywhere (block-boundary session indices).
     * A fault at a file picks the session among those with files: the last one (the failure that
     * comes after every block transition serialize makes) or any; and the file with the file
     * block boundaries as edges.
     */
    private Gen<LuoOp> reboot(LuoState s, boolean recovering) {
        List<Integer> withFiles = new ArrayList<>();
        for (int i = 0; i < s.outgoing().size(); i++) {
            if (!s.outgoing().get(i).files().isEmpty()) {
                withFiles.add(i);
            }
        }
        int b = g.sessionsPerBlock();
        Gen<RebootFault> anywhere = Gen.zip(Gen.ints(0, s.outgoing().size(), b, 2 * b, 3 * b), Gen.ints(0, 3),
                Gen.elements(FREEZE_ERRORS), RebootFault.FreezeFails::new);
        if (withFiles.isEmpty()) {
            return Gen.frequency(Gen.weighted(2, Gen.constant(RebootFault.NONE)), Gen.weighted(1, anywhere)).map(LuoOp.Reboot::new);
        }
        Gen<Integer> session = Gen.frequency(Gen.weighted(2, Gen.constant(withFiles.get(withFiles.size() - 1))),
                Gen.weighted(1, Gen.elements(withFiles)));
        Gen<RebootFault> atAFile = src -> {
            int i = src.draw(session);
            int file = src.draw(LuoBoundaries.index(s.outgoing().get(i).files().size(), g.filesPerBlock()));
            return new RebootFault.FreezeFails(i, file, src.draw(Gen.elements(FREEZE_ERRORS)));
        };
        // Before any failure most reboots fail somewhere; a retry after recovering mostly succeeds.
        return Gen.frequency(Gen.weighted(recovering ? 3 : 1, Gen.constant(RebootFault.NONE)), Gen.weighted(recovering ? 1 : 3, atAFile),
                Gen.weighted(1, anywhere)).map(LuoOp.Reboot::new);
    }

    private static Gen<LuoOp> incoming(LuoState s) {
        List<String> present = s.incoming().stream().map(IncomingSession::name).toList();
        List<IncomingSession> held = s.incoming().stream().filter(IncomingSession::retrieved).toList();
        List<String> heldNames = held.stream().map(IncomingSession::name).toList();
        return Gen.frequency(
                Gen.weighted(s.deviceOpen() ? 1 : 8, Gen.constant(new LuoOp.OpenDevice())),
                Gen.weighted(4, name(present, 1, 4).map(LuoOp.RetrieveSession::new)),
                Gen.weighted(4, retrieveFile(held)),
                Gen.weighted(2, name(heldNames, 1, 4).map(LuoOp.Finish::new)),
                Gen.weighted(2, name(heldNames, 1, 4).map(LuoOp.CloseSession::new)));
    }

    private static Gen<LuoOp> retrieveFile(List<IncomingSession> held) {
        if (held.isEmpty()) {
            return Gen.zip(Gen.elements(NAMES), Gen.longs(0, MAX_TOKEN), LuoOp.RetrieveFile::new);
        }
        return src -> {
            IncomingSession s = src.draw(Gen.elements(held));
            List<Long> tokens = s.files().stream().map(f -> f.file().token()).toList();
            Gen<Long> token = tokens.isEmpty() ? Gen.longs(0, MAX_TOKEN)
                    : Gen.frequency(Gen.weighted(4, Gen.elements(tokens)), Gen.weighted(1, Gen.longs(0, MAX_TOKEN)));
            return new LuoOp.RetrieveFile(s.name(), src.draw(token));
        };
    }

}
