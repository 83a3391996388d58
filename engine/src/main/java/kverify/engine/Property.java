package kverify.engine;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.TreeMap;
import java.util.function.Consumer;

/**
 * A named property: a body that draws its case from a {@link Source} and throws on failure.
 * A run replays the stored regressions first, then generates fresh cases, shrinks every
 * distinct failure, and decides coverage requirements.
 */
public final class Property {
    /** Discarded cases allowed per requested try before the run is declared broken. */
    static final int MAX_DISCARDS_PER_TRY = 10;

    private final String name;
    private final Consumer<Source> body;
    private final List<Coverage.Requirement> requirements;
    private final double triesScale;
    private final boolean streamByName;

    private Property(String name, Consumer<Source> body, List<Coverage.Requirement> requirements, double triesScale,
            boolean streamByName) {
        this.name = name;
        this.body = body;
        this.requirements = List.copyOf(requirements);
        this.triesScale = triesScale;
        this.streamByName = streamByName;
    }

    /** The seed of the case stream a run of this property on {@code seed} draws from (see {@link Builder#streamByName}). */
    long streamSeed(long seed) {
        return streamByName ? seed ^ (name.hashCode() * 0x9E3779B97F4A7C15L) : seed;
    }

    public static Builder named(String name) {
        return new Builder(name);
    }

    public String name() {
        return name;
    }

    /** The coverage requirements a run decides, in the order they were given. */
    public List<Coverage.Requirement> requirements() {
        return requirements;
    }

    /** How many valid cases a run generates when the global budget is {@code baseTries} (see {@link Builder#triesScale}). */
    public int triesAt(int baseTries) {
        return Math.max(1, (int) Math.round(baseTries * triesScale));
    }

    /**
     * Generates {@code cases} valid cases from {@code seed} as a run does (the same case for the
     * same seed and position), neither replaying regressions nor shrinking, and hands each to
     * {@code sink}, failing ones included: for measuring how often a label or a failure occurs.
     * Returns the number of discarded cases.
     */
    public int sample(long seed, int cases, Consumer<TestCase> sink) {
        SplittableRandom seeds = new SplittableRandom(streamSeed(seed));
        int discarded = 0;
        for (int valid = 0; valid < cases; ) {
            if (discarded > cases * MAX_DISCARDS_PER_TRY) {
                throw new IllegalStateException(name + ": too many discarded cases (" + discarded + " for " + valid + " valid)");
            }
            TestCase tc = Execution.run(body, Source.random(seeds.nextLong()));
            if (tc.status() == TestCase.Status.DISCARDED || tc.status() == TestCase.Status.OVERRUN) {
                discarded++;
                continue;
            }
            valid++;
            sink.accept(tc);
        }
        return discarded;
    }

    /** Runs one given case, e.g. a stored counterexample; returns its rendering and outcome. */
    public TestCase runCase(ChoiceSequence choices) {
        return Execution.run(body, Source.replay(choices));
    }

    /**
     * Shrinks a given failing case (one found by another run or another tool) with at most
     * {@code maxEvaluations} property evaluations; empty if the case does not fail.
     */
    public Optional<Failure> shrink(ChoiceSequence choices, int maxEvaluations) {
        TestCase tc = runCase(choices);
        if (!tc.failed()) {
            return Optional.empty();
        }
        Shrinker shrinker = new Shrinker(body, tc, maxEvaluations);
        TestCase shrunk = shrinker.shrink();
        return Optional.of(new Failure(tc.failureKey(), "the given case", 0, tc, shrunk, shrinker.evaluations(), 1));
    }

    public PropertyResult run(RunSettings settings) {
        int tries = triesAt(settings.tries());
        Map<String, Failure> failures = new LinkedHashMap<>();
        Map<String, Integer> labels = new TreeMap<>();
        if (settings.replay().isPresent()) {
            recordIfFailed(settings, runCase(settings.replay().get()), "the replayed case", 0, failures);
            return new PropertyResult(name, settings.seed(), 1, 1, 0, List.copyOf(failures.values()), labels, List.of(), null);
        }
        for (RegressionStore.Stored stored : RegressionStore.load(settings.regressionsDir(), name)) {
            recordIfFailed(settings, runCase(stored.choices()), "regression " + stored.file().getFileName(), 0, failures);
        }
        int valid = 0;
        int discarded = 0;
        SplittableRandom seeds = new SplittableRandom(streamSeed(settings.seed()));
        for (int attempt = 1; valid < tries; attempt++) {
            if (settings.stopAtFirstFailure() && !failures.isEmpty()) {
                break;
            }
            if (discarded > tries * MAX_DISCARDS_PER_TRY) {
                String why = String.format("too many discarded cases: %d discarded for %d valid (budget %d per try);"
                        + " an assume() or filter rejects almost everything", discarded, valid, MAX_DISCARDS_PER_TRY);
                return result(settings, tries, valid, discarded, failures, labels, why);
            }
            TestCase tc = Execution.run(body, Source.random(seeds.nextLong()));
            if (tc.status() == TestCase.Status.DISCARDED || tc.status() == TestCase.Status.OVERRUN) {
                discarded++;
                continue;
            }
            valid++;
            for (String label : tc.labels()) {
                labels.merge(label, 1, Integer::sum);
            }
            recordIfFailed(settings, tc, "try " + valid, valid, failures);
        }
        return result(settings, tries, valid, discarded, failures, labels, null);
    }

    private PropertyResult result(RunSettings settings, int tries, int valid, int discarded,
            Map<String, Failure> failures, Map<String, Integer> labels, String tooManyDiscards) {
        List<Coverage.Verdict> verdicts = failures.isEmpty() ? Coverage.decide(requirements, labels, valid) : List.of();
        return new PropertyResult(name, settings.seed(), tries, valid, discarded, List.copyOf(failures.values()),
                labels, verdicts, tooManyDiscards);
    }

    private void recordIfFailed(RunSettings settings, TestCase tc, String origin, int atTry, Map<String, Failure> failures) {
        if (!tc.failed()) {
            return;
        }
        Failure known = failures.get(tc.failureKey());
        if (known != null) {
            failures.put(known.key(), known.withOccurrences(known.occurrences() + 1));
            return;
        }
        Shrinker shrinker = new Shrinker(body, tc, settings.shrinkEvaluations());
        TestCase shrunk = shrinker.shrink();
        failures.put(tc.failureKey(), new Failure(tc.failureKey(), origin, atTry, tc, shrunk, shrinker.evaluations(), 1));
    }

    /**
     * The JUnit entry point: runs with the system-property settings and throws an AssertionError
     * with the full report (and writes each failure as a ready-to-commit regression file under
     * target/) if the property fails.
     */
    public void check() {
        check(RunSettings.fromSystemProperties(), ReplayCommand.forCaller());
    }

    /** {@link #check()} with given settings, reporting {@code replay} as the way to rerun it. */
    void check(RunSettings settings, ReplayCommand replay) {
        PropertyResult result = run(settings);
        if (result.passed()) {
            return;
        }
        List<Path> written = new ArrayList<>();
        for (Failure f : result.failures()) {
            written.add(RegressionStore.write(settings.failuresDir(), name, f, settings.seed()));
        }
        throw new AssertionError(Report.render(result, replay, written));
    }

    public static final class Builder {
        private final String name;
        private Consumer<Source> body;
        private final List<Coverage.Requirement> requirements = new ArrayList<>();
        private double triesScale = 1.0;
        private boolean streamByName;

        private Builder(String name) {
            if (!name.matches("[A-Za-z0-9._-]+")) {
                throw new IllegalArgumentException("property names are file names: [A-Za-z0-9._-]+, got '" + name + "'");
            }
            this.name = name;
        }

        public Builder body(Consumer<Source> newBody) {
            this.body = newBody;
            return this;
        }

        public Builder requireCoverage(String label, double minFraction) {
            requirements.add(new Coverage.Requirement(label, minFraction));
            return this;
        }

        /** Runs this fraction of the global tries (for expensive properties); at least one try. */
        public Builder triesScale(double scale) {
            if (!(scale > 0)) {
                throw new IllegalArgumentException("triesScale must be > 0, got " + scale);
            }
            this.triesScale = scale;
            return this;
        }

        /**
         * Draws the cases from the run's seed mixed with this property's name, for a family whose
         * members share one generator: with the seed alone, two members that read the choices
         * alike draw the same cases, and a seed gives a defect one chance instead of one per member.
         */
        public Builder streamByName() {
            this.streamByName = true;
            return this;
        }

        public Property build() {
            if (body == null) {
                throw new IllegalStateException("property " + name + " has no body");
            }
            return new Property(name, body, requirements, triesScale, streamByName);
        }
    }

    static Optional<String> firstLine(Throwable t) {
        if (t == null || t.getMessage() == null) {
            return Optional.empty();
        }
        return Optional.of(t.getMessage().lines().findFirst().orElse(""));
    }
}
