package kverify.properties.luo.corrupt;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import kverify.engine.Gen;
import kverify.impl.luo.LuoImpl;
import kverify.impl.luo.LuoVariant;
import kverify.impl.luo.image.ImageBridge;
import kverify.model.Errno;
import kverify.model.Outcome;
import kverify.model.luo.Handover;
import kverify.model.luo.HandlerKind;
import kverify.model.luo.LuoGeometry;
import kverify.model.luo.LuoOp;
import kverify.model.luo.RebootFault;
import kverify.model.luo.SessionImage;
import kverify.model.luo.reference.LuoReference;

/**
 * Valid handover images from random user actions: a short sequence of operations drawn from the
 * model's current state (tiny name alphabet, small tokens, failed reboots as data), then top-up
 * operations that give the image what a corruption kind needs, then a successful reboot. The
 * operations run on the reference model and on the CORRECTED implementation in lockstep; the
 * image is the implementation's handover, and the model says which sessions it must hold.
 */
final class BaseImages {
    static final int MAX_STEPS = 10;
    private static final List<String> NAMES = List.of("a", "b", "c", "d", "e");

    /**
     * A valid image, the operations that built it, the sessions the model hands over, and the
     * live implementation that wrote it (phase BOOTING: the next kernel has not run yet).
     */
    record Base(LuoGeometry geometry, List<LuoOp> ops, kverify.model.luo.image.HandoverImage image, List<SessionImage> handover,
            LuoImpl live) {
    }

    private BaseImages() {
    }


    /**
     * A state written by the given variant. A corrected variant (of either version) must agree with
     * the model at every step (a disagreement is a harness error); for the other variants a case where they disagree with
     * the model is discarded, so the state is one the model calls valid.
     */
    static Gen<Base> gen(LuoGeometry g, Needs needs, LuoVariant variant) {
        return s -> {
            LuoReference model = new LuoReference(g);
            LuoImpl impl = LuoImpl.boot(variant, g);
            List<LuoOp> ops = new ArrayList<>();
            for (int i = 0; i < MAX_STEPS; i++) {
                Optional<LuoOp> op = s.draw(step(model.outgoingSessions(), g));
                if (op.isEmpty()) {
                    break;
                }
                s.assume(apply(op.get(), model, impl, ops, variant));
            }
            for (LuoOp op : topUp(model.outgoingSessions(), g, needs)) {
                s.assume(apply(op, model, impl, ops, variant));
            }
            s.assume(apply(new LuoOp.Reboot(RebootFault.NONE), model, impl, ops, variant));
            List<SessionImage> handover = ((Handover.Present) model.state().handover()).sessions();
            return new Base(g, ops, ImageBridge.capture(impl), handover, impl);
        };
    }

    /** One span per step: "one more?" then the operation, so shrinking deletes whole steps. */
    private static Gen<Optional<LuoOp>> step(List<SessionImage> outgoing, LuoGeometry g) {
        return s -> s.choice(1, 1) == 0 ? Optional.empty() : Optional.of(s.draw(op(outgoing, g)));
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

    /** Applies op to both; false if the variant disagrees with the model (never for CORRECTED: that throws). */
    private static boolean apply(LuoOp op, LuoReference model, LuoImpl impl, List<LuoOp> ops, LuoVariant variant) {
        Outcome<?> expected = op.applyTo(model);
        Outcome<?> actual;
        try {
            actual = op.applyTo(impl);
        } catch (IllegalStateException e) {
            actual = null;
        }
        ops.add(op);
        if (variant.kind() != kverify.impl.luo.VariantKind.CORRECTED) {
            return expected.equals(actual) && model.phase() == impl.phase();
        }
        if (!expected.equals(actual)) {
            throw new IllegalStateException("harness: " + variant + " diverges from the model while building a valid image: " + op
                    + " gave " + actual + ", model " + expected + " (an issue-3 divergence, not a corruption finding)");
        }
        return true;
    }
}
