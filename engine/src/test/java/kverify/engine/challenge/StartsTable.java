package kverify.engine.challenge;

import java.util.ArrayList;
import java.util.List;
import kverify.engine.challenge.published.PyValue;
import kverify.engine.challenge.published.Published;

/**
 * The comparison from the published starting cases: per problem and published set, how often
 * each side reached the normal form and how many evaluations it needed (mean and median), ours
 * from exactly the cases Hypothesis started from.
 */
final class StartsTable {
    /** One problem against one published set. */
    record Row(Challenge challenge, Published.Dataset dataset, List<StartsRunner.Pair> pairs) {
        int ourReached() {
            return (int) pairs.stream().filter(StartsRunner.Pair::reached).count();
        }

        int theirReached() {
            return (int) pairs.stream().filter(p -> published(p.published().shrunk()).equals(challenge.normalForm())).count();
        }

        List<Integer> ours() {
            return pairs.stream().map(StartsRunner.Pair::evaluations).toList();
        }

        List<Integer> theirs() {
            return pairs.stream().map(p -> p.published().evaluations()).toList();
        }
    }

    private StartsTable() {
    }

    /** A published result as our rendering writes it (the parser's results are quoted strings). */
    static String published(String shrunk) {
        Object v = PyValue.parse(shrunk.startsWith("'") ? shrunk : "None");
        return v instanceof String s ? s : shrunk;
    }

    static List<Row> measure(int limit) {
        List<Row> rows = new ArrayList<>();
        for (StartsRunner.Comparison cmp : StartsRunner.comparisons()) {
            Challenge c = Challenges.named(cmp.challenge());
            for (Published.Dataset d : cmp.datasets()) {
                rows.add(new Row(c, d, StartsRunner.shrinkAll(c, d, limit)));
            }
        }
        return rows;
    }

    static double mean(List<Integer> xs) {
        return xs.stream().mapToInt(Integer::intValue).average().orElse(0);
    }

    static String render(List<Row> rows) {
        StringBuilder sb = new StringBuilder("| problem | published runs (source) | starts | normal form: ours | normal form: "
                + "Hypothesis | evaluations ours, mean / median | evaluations Hypothesis, mean / median |\n|---|---|---|---|---|---|---|\n");
        for (Row r : rows) {
            int n = r.pairs().size();
            sb.append(String.format("| %s | %s (`%s`) | %d | %d/%d | %d/%d | %.1f / %.0f | %.1f / %.0f |%n", r.challenge().name(),
                    r.dataset().library(), r.dataset().source(), n, r.ourReached(), n, r.theirReached(), n, mean(r.ours()),
                    ChallengeTable.median(r.ours()), mean(r.theirs()), ChallengeTable.median(r.theirs())));
        }
        return sb.toString();
    }

    /** The starts that missed the normal form: per published set, each distinct result and how often. */
    static String renderMisses(List<Row> rows) {
        StringBuilder sb = new StringBuilder();
        for (Row r : rows) {
            java.util.Map<String, Integer> counts = new java.util.TreeMap<>();
            r.pairs().stream().filter(p -> !p.reached()).forEach(p -> counts.merge(p.result(), 1, Integer::sum));
            counts.forEach((result, n) -> sb.append(String.format("- %s from `%s`: %d x `%s`%n", r.challenge().name(),
                    r.dataset().source(), n, result)));
        }
        return sb.length() == 0 ? "(none)\n" : sb.toString();
    }
}
