package kverify.cli;

import java.io.PrintStream;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import kverify.engine.RunSettings;

/**
 * The main job: every registered property against its subject and variant, in catalog order,
 * on one budget. Prints the defect table first (each catalogued defect, found in this run or
 * not), then the keys no defect has, then the per-property detail; writes the reports, the
 * review and findings.json under target/kverify-campaign/; and exits non-zero only if a
 * property that must pass (the model, CORRECTED) fails: the as-posted and suggestion variants
 * are expected to diverge, and their divergences are the product. The properties (and the power
 * runs) run on {@code --jobs} worker threads ({@link Workers}); {@code --shard K/N} runs one
 * slice and writes its raw results for {@code kverify merge} ({@link ShardFile}).
 */
final class Campaign {
    static final Path OUT = Paths.get("target", "kverify-campaign");
    static final Path FINDINGS = RunSettings.propertiesModuleDir().resolve("src/test/resources/findings");

    private Campaign() {
    }

    record Row(CampaignEntry entry, PropertyOutcome result, DefectCatalog catalog) {
        /** The catalog entry this divergence's key belongs to on this property's subsystem and variant. */
        Optional<Defect> defectOf(FoundFailure f) {
            return catalog.lookup(entry.subsystem(), entry.variant(), f.key());
        }

        boolean unexpectedFailure() {
            return entry.mustPass() && !result.passed();
        }
    }

    /** Everything one run produced, for the renderers. */
    record Run(long seed, RunSettings base, List<Row> rows, DefectCatalog catalog, KnownFindings known, CampaignFindings findings) {
        long mustPassFailures() {
            return rows.stream().filter(Row::unexpectedFailure).count();
        }

        static Run of(CampaignPlan plan, List<PropertyOutcome> outcomes, KnownFindings known) {
            List<Row> rows = new ArrayList<>();
            for (int i = 0; i < plan.entries().size(); i++) {
                rows.add(new Row(plan.entries().get(i), outcomes.get(i), plan.catalog()));
            }
            return new Run(plan.base().seed(), plan.base(), rows, plan.catalog(), known, CampaignFindings.of(rows, plan.catalog()));
        }
    }

    /** The run's settings: the budget file's, with the options' tries and seed. */
    private static RunSettings settings(CampaignOptions options) {
        RunSettings base = RunSettings.fromSystemProperties().collectingAllFailures();
        if (options.tries().isPresent()) {
            base = base.withTries(options.tries().get());
        }
        return options.seed().isPresent() ? base.withSeed(options.seed().get()) : base;
    }

    static int main(CampaignOptions options, PrintStream out, PrintStream err) {
        CampaignPlan plan = CampaignPlan.of(settings(options), options.only(), options.powerSeeds());
        if (options.shard().isPresent()) {
            return ShardRun.main(plan, options, out, err);
        }
        out.print(plan.header());
        err.printf("campaign: %d properties%s on %d worker threads%n", plan.entries().size(),
                plan.powerTasks().isEmpty() ? "" : " and " + plan.powerTasks().size() + " power runs", options.jobs());
        KnownFindings known = KnownFindings.load(FINDINGS);
        Run run = Run.of(plan, runProperties(plan, plan.entries(), options.jobs(), err), known);
        String text = CampaignText.render(run);
        out.print(text);
        String power = plan.powerTable(runPower(plan, plan.powerTasks(), options.jobs(), err), known);
        out.print(power);
        return finish(run, text + power, out);
    }

    static List<PropertyOutcome> runProperties(CampaignPlan plan, List<CampaignEntry> entries, int jobs, PrintStream err) {
        return Workers.run(entries, jobs, plan::run, e -> e.property().name(), Campaign::verdict, err);
    }

    static List<PowerOutcome> runPower(CampaignPlan plan, List<Power.Task> tasks, int jobs, PrintStream err) {
        return Workers.run(tasks, jobs, t -> t.run(plan.base()), t -> "power " + t.label(),
                (t, r) -> r.detections().size() + (r.detections().size() == 1 ? " key" : " keys"), err);
    }

    /** Writes the outputs of a finished run, prints where, and gives the exit code. */
    static int finish(Run run, String text, PrintStream out) {
        CampaignOutputs.write(run, text, out);
        long bad = run.mustPassFailures();
        out.println(bad == 0 ? "campaign: every must-pass property passed"
                : "campaign: " + bad + " must-pass properties FAILED (a defect of the suite or of CORRECTED)");
        return bad == 0 ? 0 : 1;
    }

    /** The entry's budget: the base tries times its subsystem's campaign weight. */
    static RunSettings weighted(RunSettings base, CampaignEntry e) {
        return base.withTries(base.tries() * RunSettings.campaignWeight(e.subsystem()));
    }

    static String weights(List<CampaignEntry> entries) {
        return String.join(", ", entries.stream().map(CampaignEntry::subsystem).distinct()
                .map(s -> RunSettings.campaignWeight(s) + " " + s).toList());
    }

    static String verdict(Row row) {
        return verdict(row.entry(), row.result());
    }

    static String verdict(CampaignEntry entry, PropertyOutcome r) {
        if (r.passed()) {
            return entry.mustPass() ? "pass" : "no divergence found";
        }
        if (!r.failures().isEmpty()) {
            return (entry.mustPass() ? "FAIL: " : "diverges: ") + r.failures().size() + " distinct";
        }
        return "FAIL: " + (!r.tooManyDiscards().isEmpty() ? "too many discards" : "coverage");
    }
}
