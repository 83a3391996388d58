package kverify.properties.luo.corrupt;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import kverify.impl.luo.LuoImpl;
import kverify.impl.luo.LuoVariant;
import kverify.impl.luo.VariantKind;
import kverify.impl.luo.image.ImageBridge;
import kverify.model.Outcome;
import kverify.model.luo.Handover;
import kverify.model.luo.LuoGeometry;
import kverify.model.luo.LuoOp;
import kverify.model.luo.RebootFault;
import kverify.model.luo.SessionImage;
import kverify.model.luo.reference.LuoReference;

/**
 * The reference model and the writing variant driven by the same operations, as a valid image is
 * built: each operation is applied to both and the outcomes compared. A CORRECTED writer must
 * agree at every step (a disagreement is a harness error and throws); for any other writer a
 * disagreement only means the state is not one the model calls valid, and the case is discarded.
 */
final class Lockstep {
    private final LuoVariant writer;
    private final LuoGeometry g;
    private final LuoReference model;
    private final LuoImpl impl;
    private final List<LuoOp> ops = new ArrayList<>();

    private Lockstep(LuoVariant writer, LuoGeometry g) {
        this.writer = writer;
        this.g = g;
        this.model = new LuoReference(g);
        this.impl = LuoImpl.boot(writer, g);
    }

    static Lockstep fresh(LuoVariant writer, LuoGeometry g) {
        return new Lockstep(writer, g);
    }

    /** A lockstep that has applied {@code agreed}, operations on which model and writer agreed when first applied. */
    static Lockstep replay(LuoVariant writer, LuoGeometry g, List<LuoOp> agreed) {
        Lockstep l = new Lockstep(writer, g);
        for (LuoOp op : agreed) {
            if (!l.apply(op)) {
                throw new IllegalStateException("harness: " + writer + " disagrees with the model on a replay of steps it agreed on: " + op);
            }
        }
        return l;
    }

    /** The writer alone after {@code ops} (on which it agreed with the model): a fresh live kernel, for callers that drive it. */
    static LuoImpl writerAfter(LuoVariant writer, LuoGeometry g, List<LuoOp> ops) {
        LuoImpl impl = LuoImpl.boot(writer, g);
        ops.forEach(op -> op.applyTo(impl));
        return impl;
    }

    /** Applies op to both; false if the writer disagrees with the model (never for CORRECTED: that throws). */
    boolean apply(LuoOp op) {
        Outcome<?> expected = op.applyTo(model);
        Outcome<?> actual;
        try {
            actual = op.applyTo(impl);
        } catch (IllegalStateException e) {
            actual = null;
        }
        ops.add(op);
        if (writer.kind() != VariantKind.CORRECTED) {
            return expected.equals(actual) && model.phase() == impl.phase();
        }
        if (!expected.equals(actual)) {
            throw new IllegalStateException("harness: " + writer + " diverges from the model while building a valid image: " + op
                    + " gave " + actual + ", model " + expected + " (an issue-3 divergence, not a corruption finding)");
        }
        return true;
    }

    /** What the model holds outgoing now: what the next step is drawn from. */
    List<SessionImage> outgoing() {
        return List.copyOf(model.outgoingSessions());
    }

    /** The top-up for {@code needs}, then a successful reboot: the valid image, or empty if model and writer part on the way. */
    Optional<BaseImages.Base> finish(Needs needs) {
        for (LuoOp op : BaseImages.topUp(model.outgoingSessions(), g, needs)) {
            if (!apply(op)) {
                return Optional.empty();
            }
        }
        if (!apply(new LuoOp.Reboot(RebootFault.NONE))) {
            return Optional.empty();
        }
        List<SessionImage> handover = ((Handover.Present) model.state().handover()).sessions();
        return Optional.of(BaseImages.Base.of(g, ops, ImageBridge.capture(impl), handover, writer));
    }
}
