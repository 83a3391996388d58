package kverify.cli;

import java.io.PrintStream;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import kverify.engine.Failure;
import kverify.engine.PropertyResult;
import kverify.engine.RunSettings;

/**
 * The main job: every registered property against its subject and variant, in catalog order,
 * on one budget. Prints the defect table first (each catalogued defect, found in this run or
 * not), then the keys no defect has, then the per-property detail; writes the reports, the
 * review and findings.json under target/kverify-campaign/; and exits non-zero only if a
 * property that must pass (the model, CORRECTED) fails: the as-posted and suggestion variants
 * are expected to diverge, and their divergences are the product.
 */
final class Campaign {
    static final Path OUT = Paths.get("target", "kverify-campaign");
    static final Path FINDINGS = RunSettings.propertiesModuleDir().resolve("src/test/resources/findings");

    private Campaign() {
    }

    record Row(CampaignEntry entry, PropertyResult result, DefectCatalog catalog) {
        /** The catalog entry this divergence's key belongs to on this property's subsystem and variant. */
        Optional<Defect> defectOf(Failure f) {
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
        RunSettings base = settings(options);
        List<CampaignEntry> entries = Catalog.all().stream()
                .filter(e -> options.only().map(o -> e.property().name().contains(o)).orElse(true)).toList();
        if (entries.isEmpty()) {
            throw new UsageError("campaign: no property matches --only " + options.only().orElse(""));
        }
        DefectCatalog catalog = DefectCatalog.load();
        out.printf("kverify campaign: %d properties, base tries %d (x%s), seed %d, %d catalog entries%n",
                entries.size(), base.tries(), weights(entries), base.seed(), catalog.all().size());
        List<Row> rows = new ArrayList<>();
        for (int i = 0; i < entries.size(); i++) {
            CampaignEntry e = entries.get(i);
            err.printf("[%d/%d] %s ...%n", i + 1, entries.size(), e.property().name());
            rows.add(new Row(e, e.property().run(weighted(base, e)), catalog));
            err.printf("[%d/%d] %s: %s%n", i + 1, entries.size(), e.property().name(), verdict(rows.get(i)));
        }
        Run run = new Run(base.seed(), base, rows, catalog, KnownFindings.load(FINDINGS), CampaignFindings.of(rows, catalog));
        String text = CampaignText.render(run);
        out.print(text);
        String power = options.powerSeeds() == 0 ? "" : Power.table(catalog, entries, options.powerSeeds(), base, err);
        out.print(power);
        CampaignOutputs.write(run, text + power, out);
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
        PropertyResult r = row.result();
        if (r.passed()) {
            return row.entry().mustPass() ? "pass" : "no divergence found";
        }
        if (!r.failures().isEmpty()) {
            return (row.entry().mustPass() ? "FAIL: " : "diverges: ") + r.failures().size() + " distinct";
        }
        return "FAIL: " + (r.tooManyDiscards() != null ? "too many discards" : "coverage");
    }
}
