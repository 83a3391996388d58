package kverify.properties.luo.corrupt;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import kverify.engine.Gen;
import kverify.engine.Source;
import kverify.impl.luo.LuoImpl;
import kverify.impl.luo.LuoVariant;
import kverify.model.Errno;
import kverify.model.luo.HandlerKind;
import kverify.model.luo.LuoGeometry;
import kverify.model.luo.LuoOp;
import kverify.model.luo.RebootFault;
import kverify.model.luo.SessionImage;
import kverify.model.luo.image.HandoverImage;

/**
 * Valid handover images from random user actions: a short sequence of operations drawn from the
 * model's current state (tiny name alphabet, small tokens, failed reboots as data), then top-up
 * operations that give the image what a corruption kind needs, then a successful reboot. The
 * operations run on the reference model and on the writing variant in {@link Lockstep}; the image
 * is the writer's handover, and the model says which sessions it must hold. What a recipe gave is
 * kept in {@link BaseCache}: a case whose steps were seen before draws them from the cached model
 * states and takes the cached image, and builds (from the first unseen step) only what is new.
 */
final class BaseImages {
    static final int MAX_STEPS = 10;
    private static final List<String> NAMES = List.of("a", "b", "c", "d", "e");

    /**
     * A valid image, the operations that built it, the sessions the model hands over, the writer,
     * the image's map and the operations as a note prints them ({@code List.toString}). Immutable,
     * so one base serves every case that draws its recipe; a caller that needs the live kernel that
     * wrote it gets a fresh one from {@link #replayWriter}.
     */
    record Base(LuoGeometry geometry, List<LuoOp> ops, HandoverImage image, List<SessionImage> handover, LuoVariant writer,
            ImageMap map, String recipeText) {
        static Base of(LuoGeometry geometry, List<LuoOp> ops, HandoverImage image, List<SessionImage> handover, LuoVariant writer) {
            List<LuoOp> copy = List.copyOf(ops);
            return new Base(geometry, copy, image, List.copyOf(handover), writer, new ImageMap(image), copy.toString());
        }

        /** A new live writer that has applied the operations (phase BOOTING, the next kernel not run): its own, to drive. */
        LuoImpl replayWriter() {
            return Lockstep.writerAfter(writer, geometry, ops);
        }
    }

    private BaseImages() {
    }

    /**
     * A state written by the given variant. A corrected variant (of either version) must agree with
     * the model at every step (a disagreement is a harness error); for the other variants a case where they disagree with
     * the model is discarded, so the state is one the model calls valid.
     */
    static Gen<Base> gen(LuoGeometry g, Needs needs, LuoVariant variant) {
        return gen(g, needs, variant, BaseCache.SHARED);
    }

    static Gen<Base> gen(LuoGeometry g, Needs needs, LuoVariant variant, BaseCache cache) {
        return s -> new Walk(cache, variant, g).draw(s, needs);
    }

    /** One case's way down the cache: the steps drawn so far and the node they lead to. */
    private static final class Walk {
        private final BaseCache cache;
        private final LuoVariant writer;
        private final LuoGeometry g;
        private final List<LuoOp> steps = new ArrayList<>();
        private BaseCache.Node node;
        // Model and writer at `steps`, made only once a step or the base is not in the cache.
        private Lockstep live;

        Walk(BaseCache cache, LuoVariant writer, LuoGeometry g) {
            this.cache = cache;
            this.writer = writer;
            this.g = g;
        }

        Base draw(Source s, Needs needs) {
            node = cache.root(writer, g, step(List.of(), g));
            for (int i = 0; i < MAX_STEPS; i++) {
                Optional<LuoOp> op = s.draw(node.next);
                if (op.isEmpty()) {
                    break;
                }
                node = after(op.get());
                s.assume(node.agreed);
            }
            Optional<Base> base = cache.base(node, needs).orElseGet(() -> build(needs));
            s.assume(base.isPresent());
            return base.get();
        }

        /** The node op leads to: the cached one, or the one the live lockstep makes from the first unseen step on. */
        private BaseCache.Node after(LuoOp op) {
            Optional<BaseCache.Node> known = cache.child(node, op);
            if (live == null && known.isEmpty()) {
                live = Lockstep.replay(writer, g, steps);
            }
            steps.add(op);
            if (live == null) {
                return known.get();
            }
            boolean agreed = live.apply(op);
            if (known.isPresent()) {
                return known.get();
            }
            List<SessionImage> outgoing = agreed ? live.outgoing() : List.of();
            return cache.addChild(node, op, agreed, agreed ? step(outgoing, g) : null, outgoing);
        }

        private Optional<Base> build(Needs needs) {
            Optional<Base> built = (live == null ? Lockstep.replay(writer, g, steps) : live).finish(needs);
            cache.putBase(node, needs, built);
            return built;
        }
    }

    /**
     * One span per step: "one more?" then the operation, so shrinking deletes whole steps. The
     * operation's generator is made on the first "yes": a cached step after which every case so
     * far stopped has not listed its sessions' names and files.
     */
    private static Gen<Optional<LuoOp>> step(List<SessionImage> outgoing, LuoGeometry g) {
        OpGen op = new OpGen(outgoing, g);
        return s -> s.choice(1, 1) == 0 ? Optional.empty() : Optional.of(s.draw(op.get()));
    }

    /** {@link #op} made when first asked for, then kept instead of the sessions; a cache node's generator is shared by every thread. */
    private static final class OpGen {
        private List<SessionImage> outgoing;
        private final LuoGeometry g;
        private Gen<LuoOp> op;

        OpGen(List<SessionImage> outgoing, LuoGeometry g) {
            this.outgoing = outgoing;
            this.g = g;
        }

        synchronized Gen<LuoOp> get() {
            if (op == null) {
                op = op(outgoing, g);
                outgoing = null;
            }
            return op;
        }
    }

    private static Gen<LuoOp> op(List<SessionImage> outgoing, LuoGeometry g) {
        Gen<LuoOp> create = Gen.elements(NAMES).map(LuoOp.CreateSession::new);
        if (outgoing.isEmpty()) {
            return create;
        }
        List<String> names = outgoing.stream().map(SessionImage::name).toList();
        Gen<LuoOp> preserve = Gen.zip(Gen.elements(names), Gen.longs(0, 3), Gen.zip(Gen.elements(HandlerKind.values()),
                Gen.longs(0, Long.MAX_VALUE), (k, d) -> new Object[] {k, d}),
                (n, t, kd) -> new LuoOp.PreserveFile(n, t, (HandlerKind) kd[0], (Long) kd[1]));
        Gen<LuoOp> close = Gen.elements(names).map(LuoOp.CloseSession::new);
        int per = g.sessionsPerBlock();
        Gen<LuoOp> bulk = Gen.elements(per, per - 1, per + 1).filter(n -> n >= 1).map(n -> new LuoOp.CreateSessions("p", n));
        return Gen.frequency(Gen.weighted(4, create), Gen.weighted(4, preserve), Gen.weighted(1, close),
                Gen.weighted(1, bulk), Gen.weighted(1, failedReboot(outgoing)));
    }

    /** A reboot whose freeze fails at an existing file (so it really fails); else a create. */
    private static Gen<LuoOp> failedReboot(List<SessionImage> outgoing) {
        List<int[]> files = new ArrayList<>();
        for (int i = 0; i < outgoing.size(); i++) {
            for (int j = 0; j < outgoing.get(i).files().size(); j++) {
                files.add(new int[] {i, j});
            }
        }
        if (files.isEmpty()) {
            return Gen.elements(NAMES).map(LuoOp.CreateSession::new);
        }
        return Gen.zip(Gen.elements(files), Gen.elements(Errno.EIO, Errno.ENOMEM, Errno.EBUSY),
                (f, e) -> new LuoOp.Reboot(new RebootFault.FreezeFails(f[0], f[1], e)));
    }

    /** Deterministic operations that give the image the blocks, sessions and files it needs. */
    static List<LuoOp> topUp(List<SessionImage> outgoing, LuoGeometry g, Needs needs) {
        List<LuoOp> out = new ArrayList<>();
        int have = outgoing.size();
        int want = Math.max(Math.max(needs.sessionsInFirstBlock(), needs.sessionsWithFiles()),
                (needs.sessionBlocks() - 1) * g.sessionsPerBlock() + 1);
        if (have < want) {
            out.add(new LuoOp.CreateSessions("t", want - have));
        }
        List<String> names = new ArrayList<>(outgoing.stream().map(SessionImage::name).toList());
        for (int i = 0; names.size() < Math.max(have, want); i++) {
            names.add("t" + i);
        }
        for (int i = 0; i < needs.sessionsWithFiles(); i++) {
            boolean hasFiles = i < outgoing.size() && !outgoing.get(i).files().isEmpty();
            if (!hasFiles) {
                out.add(new LuoOp.PreserveFile(names.get(i), 2000 + i, HandlerKind.TEST_A, 0x5a5a));
            }
        }
        if (needs.fileBlocks() > 0) {
            int files = outgoing.isEmpty() ? 0 : outgoing.get(0).files().size() + (needs.sessionsWithFiles() > 0
                    && outgoing.get(0).files().isEmpty() ? 1 : 0);
            for (int j = files; j < (needs.fileBlocks() - 1) * g.filesPerBlock() + 1; j++) {
                out.add(new LuoOp.PreserveFile(names.get(0), 1000 + j, HandlerKind.TEST_B, j));
            }
        }
        return out;
    }
}
