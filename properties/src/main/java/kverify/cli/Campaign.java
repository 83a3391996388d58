package kverify.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
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

    record Row(CampaignEntry entry, PropertyResult result, KnownFindings known) {
        boolean isKnown(kverify.engine.Failure f) {
            return known.isKnown(entry.property().name(), f.key());
        }

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
        KnownFindings known = KnownFindings.load(FINDINGS);
        out.printf("kverify campaign: %d properties, base tries %d (x%s), seed %d, %d known findings%n", entries.size(),
                base.tries(), weights(entries), base.seed(), known.all().size());
        List<Row> rows = new ArrayList<>();
        for (int i = 0; i < entries.size(); i++) {
            CampaignEntry e = entries.get(i);
            err.printf("[%d/%d] %s ...%n", i + 1, entries.size(), e.property().name());
            PropertyResult r = e.property().run(weighted(base, e));
            rows.add(new Row(e, r, known));
            err.printf("[%d/%d] %s: %s%n", i + 1, entries.size(), e.property().name(), verdict(rows.get(i)));
        }
        String table = CampaignReport.table(rows);
        out.print(table);
        String power = options.powerSeeds() == 0 ? "" : powerTable(known, entries, options.powerSeeds(), base, err);
        out.print(power);
        writeOutputs(rows, base.seed(), table + power, out);
        long bad = rows.stream().filter(Row::unexpectedFailure).count();
        out.println(bad == 0 ? "campaign: every must-pass property passed"
                : "campaign: " + bad + " must-pass properties FAILED (a defect of the suite or of CORRECTED)");
        return bad == 0 ? 0 : 1;
    }

    /** A run's outputs replace the previous run's: a stale trace must not pass for a finding of this run. */
    private static void clearPreviousRun() throws IOException {
        for (String dir : List.of("traces", "new-findings", "counterexamples")) {
            Path root = OUT.resolve(dir);
            if (Files.isDirectory(root)) {
                try (java.util.stream.Stream<Path> walk = Files.walk(root)) {
                    for (Path p : walk.sorted(java.util.Comparator.reverseOrder()).toList()) {
                        Files.delete(p);
                    }
                }
            }
        }
    }

    /** The entry's budget: the base tries times its subsystem's campaign weight. */
    static RunSettings weighted(RunSettings base, CampaignEntry e) {
        return base.withTries(base.tries() * RunSettings.campaignWeight(e.subsystem()));
    }

    private static String weights(List<CampaignEntry> entries) {
        return String.join(", ", entries.stream().map(CampaignEntry::subsystem).distinct()
                .map(s -> RunSettings.campaignWeight(s) + " " + s).toList());
    }

    static final Path FINDINGS = RunSettings.propertiesModuleDir().resolve("src/test/resources/findings");

    /** Detection power of every known finding over K seeds on the base budget (see {@link Power}). */
    static String powerTable(KnownFindings known, List<CampaignEntry> entries, int k, RunSettings base, PrintStream err) {
        List<Power.Row> rows = Power.measure(Power.findings(known, entries), entries, k, base, err);
        StringBuilder sb = new StringBuilder("\nPower: each known finding, " + k + " independent seeds (1.." + k + ") at "
                + base.tries() + " base tries times the subsystem weights\n" + Power.header() + "\n");
        rows.forEach(r -> sb.append(r.render()).append('\n'));
        long met = rows.stream().filter(Power.Row::meetsGoal).count();
        sb.append(String.format("%d of %d findings detected by at least 95%% of seeds; %d shrunk to the checked-in length"
                + " or shorter in the median%n", met, rows.size(),
                rows.stream().filter(r -> r.medianShrunkLength() <= r.finding().minimalLength()).count()));
        return sb.toString();
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
            clearPreviousRun();
            Files.createDirectories(OUT);
            Map<Failure, Path> files = new IdentityHashMap<>();
            for (Row row : rows) {
                for (Failure f : row.result().failures()) {
                    RegressionStore.write(OUT.resolve("counterexamples"), row.entry().property().name(), f, seed);
                    files.put(f, FindingExport.write(OUT.resolve("traces").resolve(row.entry().property().name()),
                            row.entry(), f, seed, row.result().tries()));
                    if (!row.isKnown(f)) {
                        FindingExport.write(OUT.resolve("new-findings").resolve(row.entry().property().name()), row.entry(), f, seed, row.result().tries());
                    }
                }
            }
            Files.writeString(OUT.resolve("report.md"), CampaignReport.markdown(rows, seed, table), StandardCharsets.UTF_8);
            Files.writeString(OUT.resolve("report.html"), CampaignReport.html(rows, seed, table, files), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the campaign report under " + OUT.toAbsolutePath(), e);
        }
        out.println("report: " + OUT.resolve("report.md") + " and " + OUT.resolve("report.html")
                + "; counterexamples: " + OUT.resolve("counterexamples") + "; every divergence as a trace or image: "
                + OUT.resolve("traces") + "; new findings: " + OUT.resolve("new-findings"));
    }
}
