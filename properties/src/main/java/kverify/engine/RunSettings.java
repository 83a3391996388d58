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
 * {@code -Dkverify.tries}; its default lives in {@code kverify-budget.properties}. The seed is
 * random unless {@code -Dkverify.seed} gives it; {@code -Dkverify.replay} runs exactly one case
 * (a choice list, or a path to a regression file) instead of generating.
 */
public record RunSettings(int tries, long seed, Optional<ChoiceSequence> replay, int shrinkEvaluations,
        Path regressionsDir, Path failuresDir, boolean stopAtFirstFailure) {

    public static final String TRIES = "kverify.tries";
    public static final String SEED = "kverify.seed";
    public static final String REPLAY = "kverify.replay";

    public static RunSettings fromSystemProperties() {
        Properties budget = budgetFile();
        int tries = Integer.parseInt(System.getProperty(TRIES, budget.getProperty("tries", "100")).trim());
        int shrink = Integer.parseInt(budget.getProperty("shrink.evaluations", "20000").trim());
        String seedText = System.getProperty(SEED);
        // The seed of an unseeded run is itself random: printed in every report, so any run replays.
        long seed = seedText == null || seedText.isBlank() ? new SecureRandom().nextLong() : Long.parseLong(seedText.trim());
        Path moduleDir = propertiesModuleDir();
        Path regressions = Paths.get(System.getProperty("kverify.regressions",
                moduleDir.resolve("src/test/resources/regressions").toString()));
        Path failures = Paths.get(System.getProperty("kverify.failures",
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
     * How many times the base tries the campaign gives a subsystem's properties
     * ({@code campaign.weight.<subsystem>} in the budget file, 1 if absent): their cases cost very
     * different amounts, and the weights spread the campaign's default two minutes so every known
     * finding is found by nearly every seed (see docs/campaign.md).
     */
    public static int campaignWeight(String subsystem) {
        String w = budgetFile().getProperty("campaign.weight." + subsystem, "1").trim();
        try {
            int v = Integer.parseInt(w);
            if (v < 1) {
                throw new NumberFormatException();
            }
            return v;
        } catch (NumberFormatException e) {
            throw new IllegalStateException("kverify-budget.properties: campaign.weight." + subsystem
                    + " must be a positive whole number, got '" + w + "'", e);
        }
    }

    private static Properties budgetFile() {
        Properties p = new Properties();
        try (InputStream in = RunSettings.class.getResourceAsStream("/kverify-budget.properties")) {
            if (in != null) {
                p.load(in);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read kverify-budget.properties", e);
        }
        return p;
    }

    /** The properties module directory, whether we run from the repository root or the module. */
    public static Path propertiesModuleDir() {
        Path here = Paths.get(System.getProperty("user.dir")).toAbsolutePath();
        if (Files.isDirectory(here.resolve("properties/src"))) {
            return here.resolve("properties");
        }
        return here;
    }
}
