package kverify.cli;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import kverify.engine.Failure;
import kverify.engine.PropertyResult;

/** The campaign's findings table (text and Markdown) and its HTML page. */
final class CampaignReport {
    private CampaignReport() {
    }

    static String table(List<Campaign.Row> rows) {
        StringBuilder sb = new StringBuilder();
        sb.append(String.format("%-48s %-18s %6s  %-24s%n", "property", "variant", "tries", "result"));
        for (Campaign.Row row : rows) {
            PropertyResult r = row.result();
            sb.append(String.format("%-48s %-18s %6d  %-24s%n", row.entry().property().name(), row.entry().variant(),
                    r.validCases(), Campaign.verdict(row)));
            for (Failure f : r.failures()) {
                sb.append(String.format("    - %s %s%n      shrunk to %d steps (%d choices), first at %s, seen %d times%n",
                        row.isKnown(f) ? "[known]" : "[NEW]", f.key(), Traces.length(f), f.shrunk().choices().length(),
                        f.origin(), f.occurrences()));
            }
        }
        return sb.toString();
    }

    static String markdown(List<Campaign.Row> rows, long seed, String table) {
        StringBuilder sb = new StringBuilder("# kverify campaign report\n\nSeed " + seed + ".\n\n```\n" + table + "```\n");
        for (Campaign.Row row : rows) {
            for (Failure f : row.result().failures()) {
                sb.append("\n## ").append(row.entry().property().name()).append(": ").append(f.key()).append("\n\n```\n");
                f.shrunk().rendering().forEach(l -> sb.append(l).append('\n'));
                sb.append("```\n\nShrunk failure:\n\n```\n").append(message(f)).append("\n```\n");
            }
        }
        return sb.toString();
    }

    /**
     * The HTML page: the findings table, then per distinct divergence its finding file (for an
     * image this holds the damaged pages as hex), the replay of that file on the model and every
     * variant side by side, and the shrunk failure's message (for traces it carries hex dumps of
     * the blocks or pages involved).
     */
    static String html(List<Campaign.Row> rows, long seed, String table, Map<Failure, Path> files) {
        StringBuilder sb = new StringBuilder("<!doctype html><html><head><meta charset=\"utf-8\"><title>kverify campaign</title>"
                + "<style>body{font-family:sans-serif}pre{background:#f4f4f4;padding:6px;overflow-x:auto}"
                + "td,th{padding:2px 8px;text-align:left}.fail{color:#a00}.ok{color:#070}</style></head><body>"
                + "<h1>kverify campaign</h1><p>Seed " + seed + "</p>");
        sb.append("<table><tr><th>property</th><th>variant</th><th>tries</th><th>result</th></tr>");
        for (Campaign.Row row : rows) {
            String cls = row.unexpectedFailure() ? "fail" : "ok";
            sb.append("<tr><td>").append(esc(row.entry().property().name())).append("</td><td>").append(esc(row.entry().variant()))
                    .append("</td><td>").append(row.result().validCases()).append("</td><td class=\"").append(cls).append("\">")
                    .append(esc(Campaign.verdict(row))).append("</td></tr>");
        }
        sb.append("</table><h2>Findings table</h2><pre>").append(esc(table)).append("</pre>");
        for (Campaign.Row row : rows) {
            for (Failure f : row.result().failures()) {
                Path file = files.get(f);
                sb.append("<h2>").append(esc(row.entry().property().name() + ": " + f.key())).append(row.isKnown(f) ? " [known]" : " [NEW]")
                        .append("</h2>");
                if (file != null) {
                    sb.append("<h3>Finding file <code>").append(esc(file.toString())).append("</code></h3><pre>")
                            .append(esc(read(file))).append("</pre><h3>Side by side: <code>kverify replay</code> on the model and every variant</h3><pre>")
                            .append(esc(replay(file))).append("</pre>");
                }
                sb.append("<h3>Shrunk failure</h3><pre>").append(esc(message(f))).append("</pre>");
            }
        }
        return sb.append("</body></html>\n").toString();
    }

    private static String read(Path file) {
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            return "(cannot read " + file + ": " + e.getMessage() + ")";
        }
    }

    /** What {@code kverify replay FILE} prints, or why the file has no replayer. */
    private static String replay(Path file) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (PrintStream ps = new PrintStream(bytes, true, StandardCharsets.UTF_8)) {
            Replay.run(List.of(file.toString()), ps);
        } catch (UsageError e) {
            return "(no replay: " + e.getMessage() + ")";
        }
        return bytes.toString(StandardCharsets.UTF_8);
    }

    static String message(Failure f) {
        Throwable t = f.shrunk().failure();
        return t == null ? "" : (t.getMessage() == null ? t.toString() : t.getMessage());
    }

    private static String esc(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }
}
