package kverify.cli;

import java.io.PrintStream;
import java.util.List;
import java.util.Optional;
import kverify.engine.Failure;
import kverify.engine.PropertyResult;
import kverify.engine.RunSettings;

/** {@code kverify property NAME [--replay CHOICES|FILE] [--tries N] [--seed S]}: one property, reported in full. */
final class PropertyCommand {
    private PropertyCommand() {
    }

    static int run(List<String> args, PrintStream out) {
        if (args.isEmpty()) {
            throw new UsageError("property needs a NAME; see 'kverify list'");
        }
        String name = args.get(0);
        CampaignEntry entry = Catalog.all().stream().filter(e -> e.property().name().equals(name)).findFirst()
                .orElseThrow(() -> new UsageError("no property named '" + name + "'; see 'kverify list'"));
        RunSettings settings = RunSettings.fromSystemProperties().collectingAllFailures();
        for (int i = 1; i < args.size(); i++) {
            String a = args.get(i);
            switch (a) {
                case "--tries" -> settings = settings.withTries(CampaignOptions.positiveInt(a, CampaignOptions.value(args, ++i, a)));
                case "--seed" -> settings = settings.withSeed(CampaignOptions.parseLong(a, CampaignOptions.value(args, ++i, a)));
                case "--replay" -> settings = settings.withReplay(replayArg(CampaignOptions.value(args, ++i, a)));
                default -> throw new UsageError("property: unknown option '" + a + "'");
            }
        }
        PropertyResult r = entry.property().run(settings);
        out.println(name + ": " + Campaign.verdict(entry, PropertyOutcome.of(r)) + " (" + r.validCases() + " cases, seed " + r.seed() + ")");
        for (Failure f : r.failures()) {
            out.println("\n" + f.key() + " (found by " + f.origin() + ")");
            f.shrunk().rendering().forEach(l -> out.println("  " + l));
            out.println(FoundFailure.message(f.shrunk().failure()).indent(2).stripTrailing());
            out.println("  choices: " + f.shrunk().choices().format());
            out.println("  replay: ./kverify property " + name + " --replay \"" + f.shrunk().choices().format() + "\"");
        }
        r.coverageFailures().forEach(v -> out.println("coverage: " + v));
        return entry.mustPass() && !r.passed() ? 1 : 0;
    }

    private static Optional<kverify.engine.ChoiceSequence> replayArg(String value) {
        try {
            return RunSettings.replayFrom(value);
        } catch (IllegalArgumentException | kverify.engine.RegressionStore.MalformedInput e) {
            throw new UsageError("--replay: " + e.getMessage());
        }
    }
}
