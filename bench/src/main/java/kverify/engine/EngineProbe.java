package kverify.engine;

import java.util.function.Consumer;

/**
 * The engine's package-private entry points the throughput benchmark needs: one random case from
 * a seed (no regression replay, no shrinking) and one shrink of a failing case, so generation and
 * shrinking are timed apart. Bench module, same package name: package-private access on the class
 * path. Nothing here changes how the engine behaves.
 */
public final class EngineProbe {
    private EngineProbe() {
    }

    /** What one shrink did: the shrunk case and how many property evaluations it spent. */
    public record Shrunk(TestCase shrunk, int evaluations) {
    }

    public static TestCase randomCase(Consumer<Source> body, long seed) {
        return Execution.run(body, Source.random(seed));
    }

    public static Shrunk shrink(Consumer<Source> body, TestCase failing, int evaluations) {
        Shrinker shrinker = new Shrinker(body, failing, evaluations);
        TestCase shrunk = shrinker.shrink();
        return new Shrunk(shrunk, shrinker.evaluations());
    }
}
