package kverify.properties.luo.corrupt;

import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import kverify.impl.luo.LuoVariant;
import kverify.model.luo.LuoGeometry;
import kverify.model.luo.LuoOp;
import kverify.model.luo.SessionImage;

/**
 * Valid images already built, shared by every case, property and runner thread of the JVM. A
 * recipe is the writer, the geometry and the drawn steps. For each recipe the cache keeps whether
 * model and writer agreed on its last step and the sessions the model then holds outgoing (what
 * the next step is drawn from); for a recipe with the needs of its top-up, the finished base (or
 * that the top-up parted model and writer). Every entry is a pure function of its key (model and
 * implementation are deterministic, the entries immutable), so a case draws the same choices and
 * gets the same image whatever ran before it, on whichever thread: the cache changes speed only.
 * Bounded by an estimate of the entries' size; when it is over, the least recently used go first.
 */
final class BaseCache {
    /** Estimated bytes kept at most (a real-geometry base is about 0.1-0.3 MiB, a small one a few pages). */
    private static final long BUDGET = 96L << 20;
    static final BaseCache SHARED = new BaseCache(BUDGET);

    record Recipe(LuoVariant writer, LuoGeometry geometry, List<LuoOp> steps) {
        Recipe {
            steps = List.copyOf(steps);
        }
    }

    /** A drawn step as both sides took it; {@code outgoing} is meaningful only if they agreed. */
    record Step(boolean agreed, List<SessionImage> outgoing) {
    }

    private record Finish(Recipe recipe, Needs needs) {
    }

    private record Sized(Object value, long bytes) {
    }

    private final long budget;
    private final LinkedHashMap<Object, Sized> entries = new LinkedHashMap<>(256, 0.75f, true);
    private long bytes;

    BaseCache(long budget) {
        this.budget = budget;
    }

    Optional<Step> step(Recipe r) {
        return get(r).map(Step.class::cast);
    }

    void putStep(Recipe r, Step s) {
        put(r, s, 64 + bytes(s.outgoing()));
    }

    /** Empty if not built yet; else the base, or empty inside if the top-up parted model and writer. */
    @SuppressWarnings("unchecked")
    Optional<Optional<BaseImages.Base>> base(Recipe r, Needs needs) {
        return get(new Finish(r, needs)).map(v -> (Optional<BaseImages.Base>) v);
    }

    void putBase(Recipe r, Needs needs, Optional<BaseImages.Base> base) {
        put(new Finish(r, needs), base, 64 + base.map(BaseCache::bytes).orElse(0L));
    }

    private synchronized Optional<Object> get(Object key) {
        Sized s = entries.get(key);
        return s == null ? Optional.empty() : Optional.of(s.value());
    }

    private synchronized void put(Object key, Object value, long size) {
        Sized old = entries.put(key, new Sized(value, size));
        bytes += size - (old == null ? 0 : old.bytes());
        for (Iterator<Map.Entry<Object, Sized>> it = entries.entrySet().iterator(); bytes > budget && it.hasNext(); ) {
            bytes -= it.next().getValue().bytes();
            it.remove();
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
        return (long) kverify.model.luo.image.HandoverImage.PAGE_SIZE * b.image().pageAddresses().size() + 2 * bytes(b.handover()) + 160L * b.map().entries.size()
                + 2L * b.recipeText().length();
    }
}
