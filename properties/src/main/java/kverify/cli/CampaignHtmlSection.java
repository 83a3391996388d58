package kverify.cli;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** One catalog entry's section of report.html. */
final class CampaignHtmlSection {
    private CampaignHtmlSection() {
    }

    static void append(StringBuilder sb, CampaignFindings.Entry e, Campaign.Run run, Map<FoundFailure, Path> files) {
        Defect d = e.defect();
        sb.append("<section id=\"").append(d.id()).append("\" class=\"").append(e.found() ? "found" : "notfound").append("\"><h2>")
                .append(d.id()).append(": ").append(CampaignHtml.esc(d.title())).append("</h2><p class=\"meta\"><span class=\"badge\">")
                .append(e.found() ? "found in this run" : e.ran() ? "not found in this run" : "not run (no property of its scope ran)")
                .append("</span>").append(CampaignHtml.esc(foundDetail(e))).append(" &middot; ").append(classLink(d)).append(" &middot; ")
                .append(d.severity().label()).append("</p>");
        para(sb, d.consequence());
        sb.append("<p><b>Why it matters:</b> ").append(CampaignHtml.esc(d.severityReason())).append(".</p>");
        d.decision().ifPresent(x -> sb.append("<p><b>Contract decision:</b> ").append(CampaignHtml.esc(x)).append("</p>"));
        sb.append("<p><b>Fix (what CORRECTED does):</b> ").append(CampaignHtml.esc(d.fix())).append("</p>");
        d.note().ifPresent(x -> sb.append("<p><b>Note:</b> ").append(CampaignHtml.esc(x)).append("</p>"));
        hunk(sb, d);
        trace(sb, e, run, files);
        keys(sb, e);
        sb.append("</section>");
    }

    private static String foundDetail(CampaignFindings.Entry e) {
        return e.found() ? " on " + String.join(", ", e.variants()) + ", first at try " + e.firstTry().orElseThrow()
                + ", shortest " + steps(e.shortest().orElseThrow().length()) : "";
    }

    static String steps(int n) {
        return n + (n == 1 ? " step" : " steps");
    }

    private static String classLink(Defect d) {
        return d.parent().map(p -> "symptom of <a href=\"#" + p + "\">" + p + "</a>").orElse(d.kind().label());
    }

    private static void para(StringBuilder sb, String text) {
        for (String p : text.split("\n\n")) {
            sb.append("<p>").append(CampaignHtml.esc(p)).append("</p>");
        }
    }

    private static void hunk(StringBuilder sb, Defect d) {
        Defect.Location w = d.where();
        sb.append("<h3>Where: ").append(CampaignHtml.esc(w.patch())).append(", <code>").append(CampaignHtml.esc(w.file()))
                .append("</code>, <code>").append(CampaignHtml.esc(w.function())).append("</code></h3><pre>")
                .append(CampaignHtml.esc(String.join("\n", w.hunk()))).append("</pre><p class=\"meta\">")
                .append(CampaignHtml.esc(w.hunkSource())).append("</p>");
    }

    /** This run's shortest trace of the entry if it was found, else the checked-in reproducer; its replay; its failure. */
    private static void trace(StringBuilder sb, CampaignFindings.Entry e, Campaign.Run run, Map<FoundFailure, Path> files) {
        Optional<CampaignFindings.Hit> hit = e.shortest();
        Optional<Path> file = hit.map(h -> files.get(h.failure()));
        String label;
        if (file.isPresent()) {
            label = "Minimal trace of this run (" + hit.get().property() + ", " + steps(hit.get().length()) + "): " + file.get();
        } else {
            file = Reproducers.of(e.defect(), run.catalog(), run.known()).map(KnownFindings.Known::file);
            label = "Checked-in reproducer: " + file.map(DefectCatalog::display).orElse("(none)");
        }
        sb.append("<h3>").append(CampaignHtml.esc(label)).append("</h3>");
        file.ifPresent(f -> sb.append("<pre>").append(CampaignHtml.esc(String.join("\n", Reproducers.body(f))))
                .append("</pre><details><summary>Side by side: <code>kverify replay</code> on the model and every variant</summary><pre>")
                .append(CampaignHtml.esc(replay(f))).append("</pre></details><details><summary>The whole file")
                .append(f.toString().endsWith(".image") ? " (the damaged pages as hex)" : "").append("</summary><pre>")
                .append(CampaignHtml.esc(String.join("\n", Reproducers.read(f)))).append("</pre></details>"));
        hit.ifPresent(h -> sb.append("<details><summary>Shrunk failure as the property reported it (with hex dumps of the memory"
                + " involved)</summary><pre>").append(CampaignHtml.esc(h.failure().message())).append("</pre></details>"));
    }

    private static void keys(StringBuilder sb, CampaignFindings.Entry e) {
        sb.append("<details><summary>Keys (").append(e.defect().keys().size()).append(") and the properties that found them</summary><table>"
                + "<tr><th>scope</th><th>divergence key</th><th>this run</th></tr>");
        for (Defect.Key k : e.defect().keys()) {
            List<String> by = e.hits().stream().filter(h -> h.scope().equals(k.scope()) && h.failure().key().equals(k.key()))
                    .map(h -> h.property() + " (try " + h.failure().foundAtTry() + ", " + steps(h.length()) + ")").toList();
            sb.append("<tr><td>").append(CampaignHtml.esc(k.scope())).append("</td><td>").append(CampaignHtml.esc(k.key())).append("</td><td>")
                    .append(CampaignHtml.esc(by.isEmpty() ? "-" : String.join("; ", by))).append("</td></tr>");
        }
        sb.append("</table></details>");
    }

    /** What {@code kverify replay FILE} prints, or why the file has no replayer. */
    static String replay(Path file) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (PrintStream ps = new PrintStream(bytes, true, StandardCharsets.UTF_8)) {
            Replay.run(List.of(file.toString()), ps);
        } catch (UsageError e) {
            return "(no replay: " + e.getMessage() + ")";
        }
        return bytes.toString(StandardCharsets.UTF_8);
    }
}
