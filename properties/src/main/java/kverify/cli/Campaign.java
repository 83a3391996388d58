package kverify.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import kverify.engine.Failure;
import kverify.engine.PropertyResult;
import kverify.engine.RegressionStore;
import kverify.engine.RunSettings;

/**
 * The main job: every registered property against its subject and variant, in catalog order,
 * on one budget. Prints the findings table, writes the reports under target/kverify-campaign/,
 * and exits non-zero only if a property that must pass (the model, CORRECTED) fails: the
 * as-posted and suggestion variants are expected to diverge, and their divergences are the
 * product.
 */
final class Campaign {
    static final Path OUT = Paths.get("target", "kverify-campaign");

    private Campaign() {
    }

    record Row(CampaignEntry entry, PropertyResult result) {
        boolean unexpectedFailure() {
            return entry.mustPass() && !result.passed();
        }
    }

    static int main(CampaignOptions options, PrintStream out, PrintStream err) {
        RunSettings base = RunSettings.fromSystemProperties().collectingAllFailures();
        if (options.tries().isPresent()) {
            base = base.withTries(options.tries().get());
        }
        if (options.seed().isPresent()) {
            base = base.withSeed(options.seed().get());
        }
        List<CampaignEntry> entries = Catalog.all().stream()
                .filter(e -> options.only().map(o -> e.property().name().contains(o)).orElse(true)).toList();
        if (entries.isEmpty()) {
            throw new UsageError("campaign: no property matches --only " + options.only().orElse(""));
        }
        out.printf("kverify campaign: %d properties, base tries %d, seed %d%n", entries.size(), base.tries(), base.seed());
        List<Row> rows = new ArrayList<>();
        for (int i = 0; i < entries.size(); i++) {
            CampaignEntry e = entries.get(i);
            err.printf("[%d/%d] %s ...%n", i + 1, entries.size(), e.property().name());
            PropertyResult r = e.property().run(base);
            rows.add(new Row(e, r));
            err.printf("[%d/%d] %s: %s%n", i + 1, entries.size(), e.property().name(), verdict(new Row(e, r)));
        }
        String table = CampaignReport.table(rows);
        out.print(table);
        writeOutputs(rows, base.seed(), table, out);
        long bad = rows.stream().filter(Row::unexpectedFailure).count();
        out.println(bad == 0 ? "campaign: every must-pass property passed"
                : "campaign: " + bad + " must-pass properties FAILED (a defect of the suite or of CORRECTED)");
        return bad == 0 ? 0 : 1;
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

    private static void writeOutputs(List<Row> rows, long seed, String table, PrintStream out) {
        try {
            Files.createDirectories(OUT);
            Files.writeString(OUT.resolve("report.md"), CampaignReport.markdown(rows, seed, table), StandardCharsets.UTF_8);
            Files.writeString(OUT.resolve("report.html"), CampaignReport.html(rows, seed), StandardCharsets.UTF_8);
            for (Row row : rows) {
                for (Failure f : row.result().failures()) {
                    RegressionStore.write(OUT.resolve("counterexamples"), row.entry().property().name(), f, seed);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the campaign report under " + OUT.toAbsolutePath(), e);
        }
        out.println("report: " + OUT.resolve("report.md") + " and " + OUT.resolve("report.html")
                + "; counterexamples: " + OUT.resolve("counterexamples"));
    }
}
