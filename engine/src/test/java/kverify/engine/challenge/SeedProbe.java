package kverify.engine.challenge;

/** Development probe: one challenge, some seeds, the shrunk result and evaluations (not a test). */
public final class SeedProbe {
    private SeedProbe() {
    }

    public static void main(String[] args) {
        Challenge c = Challenges.named(args[0]);
        long first = Long.parseLong(args[1]);
        int n = Integer.parseInt(args[2]);
        for (long seed = first; seed < first + n; seed++) {
            ChallengeRunner.Run r = ChallengeRunner.run(c, seed);
            System.out.printf("%s seed %d reached %b shrink %d find %d %s%n", c.name(), seed, r.reached(), r.shrinkEvaluations(),
                    r.findEvaluations(), r.result().length() > 120 ? r.result().substring(0, 120) : r.result());
        }
        if (Boolean.getBoolean("kverify.shrink.profile")) {
            System.out.println(kverify.engine.ShrinkProfile.takeAndReset());
        }
    }
}
