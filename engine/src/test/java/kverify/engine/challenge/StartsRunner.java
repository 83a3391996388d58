package kverify.engine.challenge;

import java.util.ArrayList;
import java.util.List;
import kverify.engine.ChoiceSequence;
import kverify.engine.Failure;
import kverify.engine.TestCase;
import kverify.engine.challenge.published.PyValue;
import kverify.engine.challenge.published.Published;

/**
 * Shrinks the published starting cases with the engine: each original is written as our choices,
 * checked to fail and to render exactly as published, then shrunk with the default budget.
 */
final class StartsRunner {
    /** One published run next to ours from the same start. */
    record Pair(Published.Run published, boolean reached, String result, int evaluations) {
    }

    /** Which published sets each problem is compared with. */
    record Comparison(String challenge, List<Published.Dataset> datasets) {
    }

    private StartsRunner() {
    }

    static List<Comparison> comparisons() {
        return List.of(
                new Comparison("reverse", List.of(Published.jlink("reverse"), Published.ecoop("reverse"))),
                new Comparison("lengthlist", List.of(Published.jlink("lengthlist"))),
                new Comparison("nestedlists_faithful", List.of(Published.ecoop("nestedlists"))),
                new Comparison("bound5_at_most_one", List.of(Published.jlink("bound5"), Published.ecoop("bound5"))),
                new Comparison("large_union_list", List.of(Published.jlink("large_union_list"))),
                new Comparison("distinct", List.of(Published.ecoop("distinct"))),
                new Comparison("calculator_faithful", List.of(Published.ecoop("calculator"))),
                new Comparison("coupling", List.of(Published.ecoop("coupling"))),
                new Comparison("deletion", List.of(Published.ecoop("deletion"))),
                new Comparison("binheap_faithful", List.of(Published.ecoop("binheap"))),
                new Comparison("parser", List.of(Published.ecoop("parser"))),
                new Comparison("replacement", List.of(Published.ecoop("replacement"))));
    }

    /** The published case as our choices; fails loudly if it does not fail or renders differently. */
    static ChoiceSequence start(Challenge c, Published.Run run) {
        Object value = PyValue.parse(run.original());
        ChoiceSequence choices = c.translator().orElseThrow().apply(value);
        TestCase tc = c.property().runCase(choices);
        String expected = Challenge.LABEL + ": " + (value instanceof String text ? text : run.original());
        if (!tc.failed() || !tc.rendering().contains(expected)) {
            throw new IllegalStateException(c.name() + ": published start " + run.original() + " as choices " + choices
                    + " " + (tc.failed() ? "renders as " + tc.rendering() : "does not fail"));
        }
        return choices;
    }

    static List<Pair> shrinkAll(Challenge c, Published.Dataset d, int limit) {
        List<Pair> out = new ArrayList<>();
        for (Published.Run run : d.runs().subList(0, Math.min(limit, d.runs().size()))) {
            Failure f = c.property().shrink(start(c, run), ChallengeRunner.SHRINK_EVALUATIONS).orElseThrow();
            String line = f.shrunkRendering().stream().filter(l -> l.startsWith(Challenge.LABEL + ": ")).reduce((a, b) -> b).orElse("");
            out.add(new Pair(run, line.equals(c.normalFormLine()), line.substring(line.indexOf(": ") + 2), f.shrinkEvaluations()));
        }
        return out;
    }
}
