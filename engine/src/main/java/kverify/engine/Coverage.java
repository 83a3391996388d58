package kverify.engine;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.commons.math3.distribution.BinomialDistribution;
import org.apache.commons.math3.stat.interval.ConfidenceInterval;
import org.apache.commons.math3.stat.interval.WilsonScoreInterval;

/**
 * Coverage requirements decided statistically: a label must occur in at least a fraction of
 * the valid cases. A requirement fails only when the 95% Wilson score interval of the observed
 * rate lies entirely below the required fraction, so the verdict is a statistical statement,
 * not a raw count that flickers with the seed.
 */
public final class Coverage {
    public static final double CONFIDENCE = 0.95;

    public record Requirement(String label, double minFraction) {
    }

    public record Verdict(String label, int hits, int cases, double required, double lower, double upper) {
        public boolean failed() {
            return upper < required;
        }

        @Override
        public String toString() {
            return String.format("label '%s' in %d of %d cases (%.1f%%), 95%% Wilson interval [%.1f%%, %.1f%%], required >= %.1f%%%s",
                    label, hits, cases, cases == 0 ? 0.0 : 100.0 * hits / cases, 100 * lower, 100 * upper,
                    100 * required, failed() ? ": the whole interval lies below the requirement" : "");
        }
    }

    private Coverage() {
    }

    public static ConfidenceInterval wilson(int trials, int successes) {
        return new WilsonScoreInterval().createInterval(trials, successes, CONFIDENCE);
    }

    /**
     * The probability that a run of {@code cases} valid cases fails a requirement of {@code
     * required} when each case shows the label independently with probability {@code rate}: the
     * binomial probability of a hit count whose whole Wilson interval lies below the requirement.
     * A suite whose runs draw random seeds wants this small for every requirement.
     */
    public static double failureProbability(double required, double rate, int cases) {
        if (cases <= 0) {
            return 1.0;
        }
        int highestFailing = highestFailingHits(required, cases);
        if (highestFailing < 0) {
            return 0.0;
        }
        return new BinomialDistribution(null, cases, rate).cumulativeProbability(highestFailing);
    }

    /**
     * The most hits with which a run of {@code cases} valid cases still fails a requirement of
     * {@code required}, or -1 if no count fails it (the requirement cannot fail at that many
     * cases: even no hit at all leaves the interval's top above it).
     */
    public static int highestFailingHits(double required, int cases) {
        // The upper bound grows with the hits, so the failing counts are 0..highestFailing.
        int highestFailing = -1;
        while (highestFailing < cases && wilson(cases, highestFailing + 1).getUpperBound() < required) {
            highestFailing++;
        }
        return highestFailing;
    }

    static List<Verdict> decide(List<Requirement> requirements, Map<String, Integer> counts, int cases) {
        List<Verdict> out = new ArrayList<>();
        for (Requirement r : requirements) {
            int hits = counts.getOrDefault(r.label(), 0);
            if (cases == 0) {
                out.add(new Verdict(r.label(), 0, 0, r.minFraction(), 0, 0));
                continue;
            }
            ConfidenceInterval ci = wilson(cases, hits);
            out.add(new Verdict(r.label(), hits, cases, r.minFraction(), ci.getLowerBound(), ci.getUpperBound()));
        }
        return out;
    }

    /** Label counts in label order, for reports. */
    static Map<String, Integer> sorted(Map<String, Integer> counts) {
        return new TreeMap<>(counts);
    }
}
