package kverify.engine.challenge;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import kverify.engine.challenge.published.Published;

/** Development probe: prints ours against Hypothesis from the published starts (not a test). */
public final class StartsProbe {
    private StartsProbe() {
    }

    public static void main(String[] args) {
        int limit = args.length > 0 ? Integer.parseInt(args[0]) : Integer.MAX_VALUE;
        String only = args.length > 1 ? args[1] : "";
        for (StartsRunner.Comparison cmp : StartsRunner.comparisons()) {
            if (!cmp.challenge().contains(only)) {
                continue;
            }
            Challenge c = Challenges.named(cmp.challenge());
            for (Published.Dataset d : cmp.datasets()) {
                List<StartsRunner.Pair> pairs = StartsRunner.shrinkAll(c, d, limit);
                List<Integer> ours = pairs.stream().map(StartsRunner.Pair::evaluations).toList();
                List<Integer> theirs = pairs.stream().map(p -> p.published().evaluations()).toList();
                long reached = pairs.stream().filter(StartsRunner.Pair::reached).count();
                Map<String, Integer> misses = new TreeMap<>();
                pairs.stream().filter(p -> !p.reached()).forEach(p -> misses.merge(p.result(), 1, Integer::sum));
                System.out.printf("%-22s %-18s n=%4d reached %4d  ours mean %7.1f median %6.1f | hyp mean %7.1f median %6.1f %s%n",
                        c.name(), d.library(), pairs.size(), reached, mean(ours), ChallengeTable.median(ours), mean(theirs),
                        ChallengeTable.median(theirs), misses.isEmpty() ? "" : "misses " + first(misses));
                if (Boolean.getBoolean("kverify.shrink.profile")) {
                    System.out.println("    " + kverify.engine.ShrinkProfile.takeAndReset());
                }
            }
        }
    }

    static double mean(List<Integer> xs) {
        return xs.stream().mapToInt(Integer::intValue).average().orElse(0);
    }

    private static String first(Map<String, Integer> m) {
        if (Boolean.getBoolean("probe.allMisses")) {
            return m.toString();
        }
        Map.Entry<String, Integer> e = m.entrySet().iterator().next();
        String k = e.getKey().length() > 80 ? e.getKey().substring(0, 80) + "..." : e.getKey();
        return m.size() + " kinds, e.g. " + e.getValue() + "x " + k;
    }
}
