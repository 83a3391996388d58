package kverify.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import kverify.engine.RegressionStore;

/**
 * Writes one campaign's outputs under target/kverify-campaign/, replacing the previous run's
 * (a stale trace must not pass for a finding of this run): every divergence as a regression
 * file and as a replayable trace or image, the new ones again under new-findings/, report.md,
 * report.html, findings.json and the review.
 */
final class CampaignOutputs {
    private static final List<String> RUN_DIRS = List.of("traces", "new-findings", "counterexamples", "review");

    private CampaignOutputs() {
    }

    static void write(Campaign.Run run, String text, PrintStream out) {
        Path dir = Campaign.OUT;
        try {
            clear(dir);
            Files.createDirectories(dir);
            Map<FoundFailure, Path> files = exports(run, dir);
            Files.writeString(dir.resolve("report.md"), markdown(run, text), StandardCharsets.UTF_8);
            Files.writeString(dir.resolve("report.html"), CampaignHtml.render(run, files, text), StandardCharsets.UTF_8);
            Files.writeString(dir.resolve("findings.json"), CampaignJson.render(run, files), StandardCharsets.UTF_8);
            Review.write(dir.resolve("review"), run.catalog(), run.known());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the campaign report under " + dir.toAbsolutePath(), e);
        }
        out.println("report: " + dir.resolve("report.html") + " (and report.md); machine-readable: " + dir.resolve("findings.json")
                + "; review replies: " + dir.resolve("review") + "; every divergence as a trace or image: " + dir.resolve("traces")
                + "; new keys: " + dir.resolve("new-findings") + "; regression files: " + dir.resolve("counterexamples"));
    }

    private static Map<FoundFailure, Path> exports(Campaign.Run run, Path dir) {
        Map<FoundFailure, Path> files = new IdentityHashMap<>();
        for (Campaign.Row row : run.rows()) {
            String name = row.entry().property().name();
            for (FoundFailure f : row.result().failures()) {
                RegressionStore.write(dir.resolve("counterexamples"), name, f.key(), f.origin(), f.rendering(), f.choiceSequence(), run.seed());
                files.put(f, FindingExport.write(dir.resolve("traces").resolve(name), row.entry(), f, run.seed(),
                        row.result().tries(), row.defectOf(f)));
                if (row.defectOf(f).isEmpty()) {
                    FindingExport.write(dir.resolve("new-findings").resolve(name), row.entry(), f, run.seed(), row.result().tries(),
                            row.defectOf(f));
                }
            }
        }
        return files;
    }

    private static void clear(Path dir) throws IOException {
        for (String sub : RUN_DIRS) {
            Path root = dir.resolve(sub);
            if (Files.isDirectory(root)) {
                try (Stream<Path> walk = Files.walk(root)) {
                    for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
                        Files.delete(p);
                    }
                }
            }
        }
    }

    /** report.md: the text output, then per entry found in this run its explanation and minimal trace. */
    static String markdown(Campaign.Run run, String text) {
        StringBuilder sb = new StringBuilder("# kverify campaign report\n\n" + CampaignHtml.summary(run) + "\n\n```\n" + text + "```\n");
        for (CampaignFindings.Entry e : run.findings().entries()) {
            e.shortest().ifPresent(h -> {
                Defect d = e.defect();
                sb.append("\n## ").append(d.id()).append(": ").append(d.title()).append("\n\n").append(d.consequence())
                        .append("\n\nMinimal trace (").append(h.property()).append("):\n\n```\n");
                h.failure().rendering().forEach(l -> sb.append(l).append('\n'));
                sb.append("```\n");
            });
        }
        return sb.toString();
    }
}
