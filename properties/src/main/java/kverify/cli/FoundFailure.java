package kverify.cli;

import java.util.List;
import kverify.engine.ChoiceSequence;
import kverify.engine.Failure;

/**
 * One distinct divergence of a property as the campaign keeps it: everything its outputs show
 * (key, where it was found, how often, the shrunk case's choices, rendering and message), and
 * nothing tied to the running JVM. A shard writes these as JSON and the merge reads them back,
 * so a merged campaign renders from the same values as an unsharded one.
 */
record FoundFailure(String key, String origin, int foundAtTry, int shrinkEvaluations, int occurrences, String choices,
        List<String> rendering, String message) {

    static FoundFailure of(Failure f) {
        return new FoundFailure(f.key(), f.origin(), f.foundAtTry(), f.shrinkEvaluations(), f.occurrences(),
                f.shrunk().choices().format(), List.copyOf(f.shrunk().rendering()), message(f.shrunk().failure()));
    }

    /** The shrunk case's choices, to replay or to rebuild an image from. */
    ChoiceSequence choiceSequence() {
        return ChoiceSequence.parse(choices);
    }

    /** The failure's message (a divergence's detail with its hex dumps), or its type when it has none. */
    static String message(Throwable t) {
        return t == null ? "" : (t.getMessage() == null ? t.toString() : t.getMessage());
    }
}
