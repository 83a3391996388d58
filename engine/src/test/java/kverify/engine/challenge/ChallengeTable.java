package kverify.engine.challenge;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import kverify.engine.Coverage;
import org.apache.commons.math3.stat.interval.ConfidenceInterval;

/**
 * The benchmark table: per problem, the share of runs that reached the normal form (with a 95%
 * Wilson interval), the median evaluations to find and to shrink, and the number of distinct
 * final results. Seed mapping: run i uses seed first + i (first is 0 unless asked otherwise).
 */
final class ChallengeTable {
    /** One problem's runs, summarized. */
    record Row(Challenge challenge, List<ChallengeRunner.Run> runs) {
        int reached() {
            return (int) runs.stream().filter(ChallengeRunner.Run::reached).count();
        }

        Map<String, Integer> results() {
            Map<String, Integer> out = new TreeMap<>();
            runs.forEach(r -> out.merge(r.result(), 1, Integer::sum));
            return out;
        }

        List<ChallengeRunner.Run> misses() {
            return runs.stream().filter(r -> !r.reached()).toList();
        }
    }

    private ChallengeTable() {
    }

    static Row measure(Challenge c, long firstSeed, int seeds) {
        List<ChallengeRunner.Run> runs = new ArrayList<>();
        for (long seed = firstSeed; seed < firstSeed + seeds; seed++) {
            runs.add(ChallengeRunner.run(c, seed));
        }
        return new Row(c, runs);
    }

    static List<Row> measureAll(long firstSeed, int seeds) {
        return Challenges.all().stream().map(c -> measure(c, firstSeed, seeds)).toList();
    }

    static double median(List<Integer> values) {
        List<Integer> sorted = new ArrayList<>(values);
        sorted.sort(null);
        int n = sorted.size();
        if (n == 0) {
            return 0;
        }
        return n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2.0;
    }

    static String render(List<Row> rows) {
        StringBuilder sb = new StringBuilder();
        sb.append("| problem | normal form (engine order) | reached | share [95% Wilson] | median find evals"
                + " | median shrink evals | mean shrink evals | median total evals | distinct results |\n");
        sb.append("|---|---|---|---|---|---|---|---|---|\n");
        for (Row row : rows) {
            int n = row.runs().size();
            ConfidenceInterval ci = Coverage.wilson(n, row.reached());
            List<Integer> find = row.runs().stream().map(ChallengeRunner.Run::findEvaluations).toList();
            List<Integer> shrink = row.runs().stream().map(ChallengeRunner.Run::shrinkEvaluations).toList();
            List<Integer> total = row.runs().stream().map(ChallengeRunner.Run::totalEvaluations).toList();
            sb.append(String.format("| %s | `%s` | %d/%d | %.0f%% [%.1f%%, %.1f%%] | %.0f | %.0f | %.1f | %.0f | %d |%n",
                    row.challenge().name(), row.challenge().normalForm(), row.reached(), n,
                    100.0 * row.reached() / n, 100 * ci.getLowerBound(), 100 * ci.getUpperBound(),
                    median(find), median(shrink), shrink.stream().mapToInt(Integer::intValue).average().orElse(0),
                    median(total), row.results().size()));
        }
        return sb.toString();
    }

    /** The runs that missed the normal form, with their seed and final result, for diagnosis. */
    static String renderMisses(List<Row> rows) {
        StringBuilder sb = new StringBuilder();
        for (Row row : rows) {
            for (ChallengeRunner.Run r : row.misses()) {
                sb.append(String.format("- %s seed %d: `%s`%n", r.challenge(), r.seed(), r.result()));
            }
        }
        return sb.length() == 0 ? "(none)\n" : sb.toString();
    }
}
