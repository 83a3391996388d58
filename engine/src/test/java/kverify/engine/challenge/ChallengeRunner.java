package kverify.engine.challenge;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import kverify.engine.Failure;
import kverify.engine.PropertyResult;
import kverify.engine.RunSettings;

/**
 * Runs one challenge for one seed the way a property run does (generate until the first
 * failure, then shrink it), and records what a benchmark needs: the final case and how many
 * property evaluations finding and shrinking took.
 */
final class ChallengeRunner {
    /** Generous, so that a problem whose failures are rare is still found. */
    static final int MAX_TRIES = 100_000;
    /** The engine's default shrink budget (kverify-budget.properties). */
    static final int SHRINK_EVALUATIONS = 20_000;
    /** No regressions are replayed: the directory never exists. */
    private static final Path NOWHERE = Path.of("target", "shrinking-challenge-no-regressions");

    private ChallengeRunner() {
    }

    /**
     * One run: {@code found} is false when no failure turned up within {@link #MAX_TRIES}.
     * Find evaluations count every executed case (valid or discarded) up to the failure.
     */
    record Run(String challenge, long seed, boolean found, boolean reached, String result,
            int findEvaluations, int shrinkEvaluations) {

        int totalEvaluations() {
            return findEvaluations + shrinkEvaluations;
        }
    }

    static Run run(Challenge c, long seed) {
        RunSettings settings = new RunSettings(MAX_TRIES, seed, Optional.empty(), SHRINK_EVALUATIONS,
                NOWHERE, NOWHERE, true);
        PropertyResult r = c.property().run(settings);
        int executed = r.validCases() + r.discarded();
        if (r.failures().isEmpty()) {
            return new Run(c.name(), seed, false, false, "(no failure found)", executed, 0);
        }
        Failure f = r.failures().get(0);
        String line = finalLine(f.shrunkRendering());
        return new Run(c.name(), seed, true, line.equals(c.normalFormLine()), line.substring(line.indexOf(": ") + 2),
                executed, f.shrinkEvaluations());
    }

    private static String finalLine(List<String> rendering) {
        return rendering.stream().filter(l -> l.startsWith(Challenge.LABEL + ": ")).reduce((a, b) -> b)
                .orElse(Challenge.LABEL + ": (nothing drawn)");
    }
}
