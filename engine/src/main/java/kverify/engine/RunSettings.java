package kverify.engine;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.security.SecureRandom;
import java.util.Optional;
import java.util.Properties;

/**
 * How a property run is budgeted and where it reads and writes. The one budget knob is
 * {@code -Dkverify.tries}; its default comes from the optional classpath resource
 * {@code kverify-budget.properties} (keys {@code tries}, {@code shrink.evaluations}, {@code
 * module.dir}, {@code campaign.weight.<group>}), else 100. The seed is random unless
 * {@code -Dkverify.seed} gives it; {@code -Dkverify.replay} runs exactly one case (a choice list,
 * or a path to a regression file) instead of generating. Regression and failure files live under
 * the {@link #moduleDir() module directory} unless {@code -Dkverify.regressions} or
 * {@code -Dkverify.failures} name other places.
 */
public record RunSettings(int tries, long seed, Optional<ChoiceSequence> replay, int shrinkEvaluations,
        Path regressionsDir, Path failuresDir, boolean stopAtFirstFailure) {

    public static final String TRIES = "kverify.tries";
    public static final String SEED = "kverify.seed";
    public static final String REPLAY = "kverify.replay";
    public static final String REGRESSIONS = "kverify.regressions";
    public static final String FAILURES = "kverify.failures";
    /** Overrides the module directory (see {@link #moduleDir()}). */
    public static final String MODULE_DIR = "kverify.moduleDir";
    /** The classpath resource holding the project's default budget; optional. */
    public static final String BUDGET_RESOURCE = "kverify-budget.properties";

    public static RunSettings fromSystemProperties() {
        Properties budget = budgetFile();
        int tries = Integer.parseInt(System.getProperty(TRIES, budget.getProperty("tries", "100")).trim());
        int shrink = Integer.parseInt(budget.getProperty("shrink.evaluations", "20000").trim());
        String seedText = System.getProperty(SEED);
        // The seed of an unseeded run is itself random: printed in every report, so any run replays.
        long seed = seedText == null || seedText.isBlank() ? new SecureRandom().nextLong() : Long.parseLong(seedText.trim());
        Path moduleDir = moduleDir();
        Path regressions = Paths.get(System.getProperty(REGRESSIONS,
                moduleDir.resolve("src/test/resources/regressions").toString()));
        Path failures = Paths.get(System.getProperty(FAILURES,
                moduleDir.resolve("target/kverify-failures").toString()));
        return new RunSettings(tries, seed, replayFrom(System.getProperty(REPLAY)), shrink, regressions, failures, true);
    }

    public RunSettings withTries(int newTries) {
        return new RunSettings(newTries, seed, replay, shrinkEvaluations, regressionsDir, failuresDir, stopAtFirstFailure);
    }

    public RunSettings withSeed(long newSeed) {
        return new RunSettings(tries, newSeed, replay, shrinkEvaluations, regressionsDir, failuresDir, stopAtFirstFailure);
    }

    public RunSettings withReplay(Optional<ChoiceSequence> choices) {
        return new RunSettings(tries, seed, choices, shrinkEvaluations, regressionsDir, failuresDir, stopAtFirstFailure);
    }

    public RunSettings withShrinkEvaluations(int evaluations) {
        return new RunSettings(tries, seed, replay, evaluations, regressionsDir, failuresDir, stopAtFirstFailure);
    }

    /** Campaign mode: keep generating after a failure to find further distinct failures. */
    public RunSettings collectingAllFailures() {
        return new RunSettings(tries, seed, replay, shrinkEvaluations, regressionsDir, failuresDir, false);
    }

    public static Optional<ChoiceSequence> replayFrom(String value) {
        if (value == null || value.isBlank()) {
            return Optional.empty();
        }
        Path asFile = Paths.get(value.trim());
        if (Files.isRegularFile(asFile)) {
            return Optional.of(RegressionStore.read(asFile).choices());
        }
        return Optional.of(ChoiceSequence.parse(value));
    }

    /**
     * How many times the base tries a runner that groups properties (the suite's campaign) gives
     * one group ({@code campaign.weight.<group>} in the budget file, 1 if absent): cases of
     * different groups cost very different amounts.
     */
    public static int campaignWeight(String group) {
        String key = "campaign.weight." + group;
        String w = budgetFile().getProperty(key, "1").trim();
        try {
            int v = Integer.parseInt(w);
            if (v < 1) {
                throw new NumberFormatException();
            }
            return v;
        } catch (NumberFormatException e) {
            throw new IllegalStateException(BUDGET_RESOURCE + ": " + key + " must be a positive whole number, got '"
                    + w + "'", e);
        }
    }

    private static Properties budgetFile() {
        Properties p = new Properties();
        try (InputStream in = RunSettings.class.getResourceAsStream("/" + BUDGET_RESOURCE)) {
            if (in != null) {
                p.load(in);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + BUDGET_RESOURCE, e);
        }
        return p;
    }

    /**
     * The directory of the module whose properties run: {@code -Dkverify.moduleDir} if given;
     * else, when the working directory is the build root (a command-line tool started there), its
     * subdirectory named by {@code module.dir} in the budget file; else the working directory
     * (Surefire runs each module's tests in the module directory).
     */
    public static Path moduleDir() {
        Path here = Paths.get(System.getProperty("user.dir")).toAbsolutePath();
        String given = System.getProperty(MODULE_DIR);
        if (given != null && !given.isBlank()) {
            return here.resolve(given.trim());
        }
        String sub = budgetFile().getProperty("module.dir", "").trim();
        if (!sub.isEmpty() && Files.isDirectory(here.resolve(sub).resolve("src"))) {
            return here.resolve(sub);
        }
        return here;
    }

    /** The same as {@link #moduleDir()} (the name callers in the suite use). */
    public static Path propertiesModuleDir() {
        return moduleDir();
    }
}
