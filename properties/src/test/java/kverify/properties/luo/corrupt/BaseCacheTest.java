package kverify.properties.luo.corrupt;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import kverify.engine.Gen;
import kverify.engine.Property;
import kverify.engine.RunSettings;
import kverify.impl.luo.LuoVariant;
import kverify.impl.luo.image.ImageBridge;
import kverify.model.luo.LuoGeometry;
import org.junit.jupiter.api.Test;

/**
 * The base cache changes speed only: the same seeds draw the same choices and give the same bases
 * (operations, image, handover) and the same discards whether every case builds from nothing, or
 * reads a cache that earlier cases filled; a base's replayed writer hands over its image again.
 * Every variant writes bases (none disagrees with the model on these steps in 1,500 cases, so a
 * discard would be a harness exception, recorded the same way).
 */
class BaseCacheTest {
    private static final Path NOWHERE = Path.of("target", "base-cache-test");
    private static final int TRIES = 150;

    @Test
    void aWarmCacheGivesWhatBuildingGives() {
        List<Object> cold = run(() -> new BaseCache(1L << 30));
        BaseCache shared = new BaseCache(1L << 30);
        List<Object> warming = run(() -> shared);
        List<Object> warm = run(() -> shared);
        assertEquals(cold, warming);
        assertEquals(cold, warm);
    }

    @Test
    void aCacheOverItsBudgetStartsOverAndStillGivesWhatBuildingGives() {
        assertEquals(run(() -> new BaseCache(1L << 30)), run(() -> new BaseCache(1L << 16)));
    }

    private static List<Object> run(Supplier<BaseCache> cache) {
        List<Object> out = new ArrayList<>();
        Property p = Property.named("luo-image-test.base-cache").body(s -> {
            LuoVariant writer = s.draw("writer", Gen.elements(LuoVariant.values()));
            LuoGeometry g = s.draw("geometry", CorruptionProperties.geometries(writer));
            Needs needs = s.draw("needs", Gen.elements(Needs.NONE, new Needs(2, 1, 0, 0), new Needs(1, 1, 2, 1), new Needs(1, 2, 1, 2)));
            BaseImages.Base base;
            try {
                base = s.draw(BaseImages.gen(g, needs, writer, cache.get()));
            } catch (RuntimeException e) {
                out.add("discarded");
                throw e;
            }
            out.add(List.of(base.ops(), base.image(), base.handover()));
            if (out.size() % 10 == 0) {
                assertEquals(base.image(), ImageBridge.capture(base.replayWriter()));
            }
        }).build();
        p.run(new RunSettings(TRIES, 20261203L, Optional.empty(), 0, NOWHERE, NOWHERE, false));
        return out;
    }
}
