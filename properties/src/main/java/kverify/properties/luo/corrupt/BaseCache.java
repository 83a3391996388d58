package kverify.properties.luo.corrupt;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import kverify.engine.Gen;
import kverify.impl.luo.LuoVariant;
import kverify.model.luo.LuoGeometry;
import kverify.model.luo.LuoOp;
import kverify.model.luo.SessionImage;

/**
 * Valid images already built, shared by every case, property and runner thread of the JVM: a tree
 * of recipes (a writer and a geometry at the root, one drawn step per edge). A node says whether
 * model and writer agreed on its last step and holds the generator of the next step (drawn from
 * the sessions the model then holds outgoing); for each needs of a top-up, it holds the finished
 * base (or that the top-up parted model and writer). Every node is a pure function of its path
 * (model and implementation are deterministic, the values immutable), so a case draws the same
 * choices and gets the same image whatever ran before it, on whichever thread: the cache changes
 * speed only. Bounded by an estimate of what it holds; when that passes the budget it starts over.
 */
final class BaseCache {
    /** Estimated bytes kept at most (a real-geometry base is about 0.1-0.3 MiB, a small one a few pages). */
    private static final long BUDGET = 96L << 20;
    static final BaseCache SHARED = new BaseCache(BUDGET);

    /** One recipe: how its last step went and what the next step is drawn from. */
    static final class Node {
        final boolean agreed;
        final Gen<Optional<LuoOp>> next;
        private final Map<LuoOp, Node> children = new HashMap<>();
        private final Map<Needs, Optional<BaseImages.Base>> bases = new HashMap<>();

        private Node(boolean agreed, Gen<Optional<LuoOp>> next) {
            this.agreed = agreed;
            this.next = next;
        }
    }

    private record Root(LuoVariant writer, LuoGeometry geometry) {
    }

    private final long budget;
    private Map<Root, Node> roots = new HashMap<>();
    private long bytes;

    BaseCache(long budget) {
        this.budget = budget;
    }

    /** The empty recipe of a writer and geometry; {@code first} is the first step's generator. */
    synchronized Node root(LuoVariant writer, LuoGeometry g, Gen<Optional<LuoOp>> first) {
        return roots.computeIfAbsent(new Root(writer, g), r -> new Node(true, first));
    }

    synchronized Optional<Node> child(Node parent, LuoOp op) {
        return Optional.ofNullable(parent.children.get(op));
    }

    /** Records how {@code op} went after parent; {@code outgoing} only sizes the entry. */
    synchronized Node addChild(Node parent, LuoOp op, boolean agreed, Gen<Optional<LuoOp>> next, List<SessionImage> outgoing) {
        Node n = new Node(agreed, next);
        parent.children.put(op, n);
        grow(64 + bytes(outgoing));
        return n;
    }

    /** Empty if not built yet; else the base, or empty inside if the top-up parted model and writer. */
    synchronized Optional<Optional<BaseImages.Base>> base(Node n, Needs needs) {
        return Optional.ofNullable(n.bases.get(needs));
    }

    synchronized void putBase(Node n, Needs needs, Optional<BaseImages.Base> base) {
        n.bases.put(needs, base);
        grow(64 + base.map(BaseCache::bytes).orElse(0L));
    }

    /** Starts over past the budget; nodes still held by running cases stay valid, only detached. */
    private void grow(long more) {
        bytes += more;
        if (bytes > budget) {
            roots = new HashMap<>();
            bytes = 0;
        }
    }

    private static long bytes(List<SessionImage> sessions) {
        long n = 0;
        for (SessionImage s : sessions) {
            n += 96 + 2L * s.name().length() + 48L * s.files().size();
        }
        return n;
    }

    private static long bytes(BaseImages.Base b) {
        return (long) kverify.model.luo.image.HandoverImage.PAGE_SIZE * b.image().pageAddresses().size() + 2 * bytes(b.handover())
                + 160L * b.map().entries.size() + 2L * b.recipeText().length();
    }
}
