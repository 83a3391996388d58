package kverify.cli;

import java.util.List;
import kverify.engine.Coverage;
import kverify.engine.PropertyResult;

/**
 * What one property run of the campaign produced, as plain values: the cases asked for and run,
 * the coverage requirements it missed, why it stopped early if it did, and its distinct
 * divergences. The engine's {@link PropertyResult} is turned into this as soon as the run ends.
 * No component is null ({@code tooManyDiscards} is empty when the run did not stop early), so a
 * shard file with a null anywhere is malformed.
 */
record PropertyOutcome(String property, int tries, int validCases, List<String> coverageFailures, String tooManyDiscards,
        List<FoundFailure> failures) {

    static PropertyOutcome of(PropertyResult r) {
        return new PropertyOutcome(r.property(), r.tries(), r.validCases(), r.coverageFailures().stream().map(Coverage.Verdict::toString)
                .toList(), r.tooManyDiscards() == null ? "" : r.tooManyDiscards(), r.failures().stream().map(FoundFailure::of).toList());
    }

    boolean passed() {
        return failures.isEmpty() && coverageFailures.isEmpty() && tooManyDiscards.isEmpty();
    }
}
