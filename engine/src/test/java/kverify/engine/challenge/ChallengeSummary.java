package kverify.engine.challenge;

import java.util.List;

/**
 * The summary table: per problem, from the published starting cases ours beside Hypothesis's
 * (normal form, evaluations mean / median, one row per published set), and ours from fresh seeds.
 * Hypothesis's fresh-seed figures are the published runs themselves (each started from its own
 * seed), so they are the Hypothesis columns of the same row.
 */
final class ChallengeSummary {
    private ChallengeSummary() {
    }

    static String render(List<ChallengeTable.Row> fresh, List<StartsTable.Row> starts) {
        StringBuilder sb = new StringBuilder("| problem | published runs (source) | from the same starts: normal form ours / Hypothesis"
                + " | evaluations ours, mean / median | evaluations Hypothesis, mean / median | fresh seeds: normal form ours"
                + " | shrink evaluations ours, mean / median |\n|---|---|---|---|---|---|---|\n");
        for (ChallengeTable.Row f : fresh) {
            List<StartsTable.Row> mine = starts.stream().filter(s -> s.challenge().name().equals(f.challenge().name())).toList();
            String freshCols = String.format("%d/%d | %.1f / %.0f", f.reached(), f.runs().size(),
                    f.runs().stream().mapToInt(ChallengeRunner.Run::shrinkEvaluations).average().orElse(0),
                    ChallengeTable.median(f.runs().stream().map(ChallengeRunner.Run::shrinkEvaluations).toList()));
            if (mine.isEmpty()) {
                sb.append(String.format("| %s | (none) | | | | %s |%n", f.challenge().name(), freshCols));
            }
            for (StartsTable.Row r : mine) {
                int n = r.pairs().size();
                sb.append(String.format("| %s | %s (`%s`) | %d/%d / %d/%d | %.1f / %.0f | %.1f / %.0f | %s |%n", f.challenge().name(),
                        r.dataset().library(), r.dataset().source(), r.ourReached(), n, r.theirReached(), n,
                        StartsTable.mean(r.ours()), ChallengeTable.median(r.ours()), StartsTable.mean(r.theirs()),
                        ChallengeTable.median(r.theirs()), freshCols));
            }
        }
        return sb.toString();
    }
}
