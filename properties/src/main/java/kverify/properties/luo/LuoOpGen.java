package kverify.properties.luo;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import kverify.engine.Gen;
import kverify.model.Errno;
import kverify.model.luo.HandlerKind;
import kverify.model.luo.IncomingSession;
import kverify.model.luo.LuoGeometry;
import kverify.model.luo.LuoOp;
import kverify.model.luo.LuoState;
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
    static final List<String> PREFIXES = List.of("x", "y");
    static final List<Errno> FREEZE_ERRORS = List.of(Errno.EIO, Errno.ENOMEM, Errno.EBUSY, Errno.EINVAL, Errno.EAGAIN);
    static final long MAX_TOKEN = 15;

    private final LuoGeometry g;
    private final boolean bulkFirst;

    LuoOpGen(LuoGeometry g) {
        this.g = g;
        // At the real geometry the single-session ops cannot reach a block boundary on their own.
        this.bulkFirst = g.sessionsPerBlock() > 50;
    }

    /**
     * One step: a continue flag (0 stops; shrinks toward stopping) and the op, in one span.
     * {@code recovering} says the last reboot failed: user space then mostly closes sessions
     * and retries, which is how a failed serialize is followed up in practice.
     */
    Gen<Optional<LuoOp>> step(LuoState s, long meanSteps, boolean recovering) {
        Optional<Gen<LuoOp>> op = opFor(s, recovering);
        return src -> op.isPresent() && src.choice(meanSteps) != 0 ? Optional.of(src.draw(op.get())) : Optional.empty();
    }

    Optional<Gen<LuoOp>> opFor(LuoState s, boolean recovering) {
        switch (s.phase()) {
            case OUTGOING:
                return Optional.of(outgoing(s, recovering ? RECOVERING : NORMAL));
            case BOOTING:
                return Optional.of(Gen.constant(new LuoOp.Setup()));
            case INCOMING:
                return Optional.of(incoming(s));
            default:
                return Optional.empty();
        }
    }

    /** Weights of the outgoing ops: create, preserve, close, reboot, bulk create, bulk close. */
    private static final int[] NORMAL = {6, 4, 2, 1, 1, 1};
    private static final int[] RECOVERING = {1, 1, 6, 3, 1, 3};

    private Gen<LuoOp> outgoing(LuoState s, int[] w) {
        List<String> existing = s.outgoing().stream().map(SessionImage::name).toList();
        int bulk = bulkFirst ? 4 : 1;
        return Gen.frequency(
                Gen.weighted(w[0], name(existing, 4, 1).map(LuoOp.CreateSession::new)),
                Gen.weighted(w[1], preserve(existing)),
                Gen.weighted(w[2], byIndex(existing, 1, 4).map(LuoOp.CloseSession::new)),
                Gen.weighted(w[3], reboot(s)),
                Gen.weighted(w[4] * bulk, src -> {
                    String prefix = src.draw(Gen.elements(PREFIXES));
                    return new LuoOp.CreateSessions(prefix, src.draw(createCount(existing.size())));
                }),
                Gen.weighted(w[5] * bulk, src -> {
                    String prefix = src.draw(Gen.elements(PREFIXES));
                    return new LuoOp.CloseSessions(prefix, src.draw(closeCount(existing, prefix)));
                }));
    }

    /** Mostly from the alphabet (weight a) or mostly an existing name (weight b). */
    private static Gen<String> name(List<String> existing, int alphabetWeight, int existingWeight) {
        if (existing.isEmpty()) {
            return Gen.elements(NAMES);
        }
        return Gen.frequency(Gen.weighted(alphabetWeight, Gen.elements(NAMES)), Gen.weighted(existingWeight, Gen.elements(existing)));
    }

    /** Up to two blocks and a bit; favours counts that end exactly at, or one past, a block boundary. */
    private Gen<Integer> createCount(int current) {
        int b = g.sessionsPerBlock();
        List<Integer> edges = new ArrayList<>(List.of(b, 2 * b));
        for (int k = 1; k <= 4; k++) {
            edges.addAll(List.of(k * b - current, k * b + 1 - current));
        }
        return Gen.ints(1, 2 * b + 2, edges.stream().mapToInt(Integer::intValue).toArray());
    }

    /**
     * Closes prefix0.. in order; favours counts that leave the session count at a block
     * boundary or one either side of it, and the whole run of this prefix's sessions.
     */
    private Gen<Integer> closeCount(List<String> existing, String prefix) {
        int b = g.sessionsPerBlock();
        int run = 0;
        while (existing.contains(prefix + run)) {
            run++;
        }
        List<Integer> edges = new ArrayList<>(List.of(run));
        for (int k = 0; k <= 4; k++) {
            edges.addAll(List.of(existing.size() - k * b, existing.size() - k * b - 1, existing.size() - k * b + 1));
        }
        return Gen.ints(1, Math.max(1, Math.max(run, 2 * b + 2)), edges.stream().mapToInt(Integer::intValue).toArray());
    }

    /**
     * Like {@link #name}, but an existing session is picked by its list index, favouring the
     * indices at block boundaries and one either side: where serialize changes block.
     */
    private Gen<String> byIndex(List<String> existing, int alphabetWeight, int existingWeight) {
        if (existing.isEmpty()) {
            return Gen.elements(NAMES);
        }
        int b = g.sessionsPerBlock();
        int[] edges = new int[12];
        for (int k = 1; k <= 4; k++) {
            edges[3 * k - 3] = k * b - 1;
            edges[3 * k - 2] = k * b;
            edges[3 * k - 1] = k * b + 1;
        }
        Gen<String> indexed = Gen.ints(0, existing.size() - 1, edges).map(existing::get);
        return Gen.frequency(Gen.weighted(alphabetWeight, Gen.elements(NAMES)), Gen.weighted(existingWeight, indexed));
    }

    private Gen<LuoOp> preserve(List<String> existing) {
        Gen<Long> token = Gen.frequency(Gen.weighted(8, Gen.longs(0, MAX_TOKEN)), Gen.weighted(1, Gen.longs(Long.MIN_VALUE, Long.MAX_VALUE)));
        Gen<Long> data = Gen.frequency(Gen.weighted(3, Gen.longs(0, 255)), Gen.weighted(1, Gen.longs(Long.MIN_VALUE, Long.MAX_VALUE)));
        Gen<String> session = byIndex(existing, 1, 6);
        return src -> new LuoOp.PreserveFile(src.draw(session), src.draw(token), src.draw(Gen.elements(HandlerKind.values())),
                src.draw(data));
    }

    /** No fault, a fault at an existing file, or a fault anywhere (block-boundary session indices). */
    private Gen<LuoOp> reboot(LuoState s) {
        List<int[]> files = new ArrayList<>();
        for (int i = 0; i < s.outgoing().size(); i++) {
            int n = s.outgoing().get(i).files().size();
            if (n > 0) {
                files.add(new int[] {i, n});
            }
        }
        int maxSession = Math.max(0, s.outgoing().size());
        int b = g.sessionsPerBlock();
        Gen<RebootFault> anywhere = Gen.zip(Gen.ints(0, maxSession, b, 2 * b, 3 * b), Gen.ints(0, 3),
                Gen.elements(FREEZE_ERRORS), RebootFault.FreezeFails::new);
        Gen<RebootFault> atAFile = files.isEmpty() ? anywhere : src -> {
            int[] f = src.draw(Gen.elements(files));
            return new RebootFault.FreezeFails(f[0], src.draw(Gen.ints(0, f[1] - 1)), src.draw(Gen.elements(FREEZE_ERRORS)));
        };
        return Gen.frequency(Gen.weighted(2, Gen.constant(RebootFault.NONE)), Gen.weighted(2, atAFile),
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
