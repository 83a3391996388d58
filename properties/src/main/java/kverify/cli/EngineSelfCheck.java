package kverify.cli;

import java.util.List;
import kverify.engine.Divergence;
import kverify.engine.Gen;
import kverify.engine.Property;

/**
 * Properties of the engine itself that the campaign runs first: if replaying a recorded case
 * does not reproduce it, no counterexample the campaign reports could be trusted.
 */
final class EngineSelfCheck {
    private EngineSelfCheck() {
    }

    static List<Property> properties() {
        return List.of(Property.named("engine.replay-is-exact")
                .body(s -> {
                    List<List<Long>> nested = s.draw("nested", Gen.lists(Gen.lists(Gen.longs(Long.MIN_VALUE, Long.MAX_VALUE, 819, 10000), 0, 4), 0, 4));
                    Property inner = Property.named("engine.inner").body(t -> t.draw("v", Gen.lists(Gen.ints(-5, 5), 0, 6))).build();
                    var first = inner.runCase(kverify.engine.ChoiceSequence.of(nested.stream().flatMap(List::stream)
                            .mapToLong(v -> v & 0xF).toArray()));
                    var again = inner.runCase(first.choices());
                    if (!first.rendering().equals(again.rendering())) {
                        throw new Divergence("replay differs", "replaying " + first.choices() + " gave " + again.rendering()
                                + " instead of " + first.rendering());
                    }
                    s.classify(nested.isEmpty() ? "empty" : "non-empty");
                })
                .requireCoverage("non-empty", 0.3)
                .build());
    }
}
