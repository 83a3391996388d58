package kverify.cli;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * report.html, defect first: one summary line, an index of the catalog entries (found ones
 * marked), then one section per entry with its explanation, the quoted hunk, the fix, the
 * minimal trace (this run's shortest, else the checked-in reproducer), the side-by-side replay,
 * the shrunk failure with its hex dumps, and the keys and properties collapsed beneath; then the
 * new keys and the per-property table. Nothing is left for the reader to fill in.
 */
final class CampaignHtml {
    private static final String STYLE = "body{font:15px/1.45 system-ui,sans-serif;margin:0 auto;max-width:1100px;padding:0 16px;color:#222}"
            + "h1{font-size:22px;margin:14px 0 4px}h2{font-size:18px;margin:0 0 4px}h3{font-size:14px;margin:12px 0 4px}"
            + ".summary{background:#eef3f8;border-radius:6px;padding:8px 12px;margin:6px 0}"
            + ".index a{display:inline-block;margin:2px;padding:1px 7px;border-radius:10px;font-size:13px;text-decoration:none;border:1px solid #bbb;color:#555}"
            + ".index a.found{background:#fde2e1;border-color:#d88;color:#900}"
            + "section{border:1px solid #ddd;border-radius:6px;padding:10px 14px;margin:12px 0}"
            + ".meta{color:#555;font-size:13px;margin:0 0 6px}.badge{font-weight:600}.found .badge{color:#a00}.notfound .badge{color:#666}"
            + "pre{background:#f6f6f6;padding:6px 8px;overflow-x:auto;font-size:12px;line-height:1.3;margin:4px 0}"
            + "summary{cursor:pointer;color:#1a4f8a;font-size:13px;margin:4px 0}table{border-collapse:collapse;font-size:13px}"
            + "td,th{padding:2px 8px;text-align:left;border-bottom:1px solid #eee}.fail{color:#a00}";

    private CampaignHtml() {
    }

    static String render(Campaign.Run run, Map<FoundFailure, Path> files, String text) {
        CampaignFindings fs = run.findings();
        StringBuilder sb = new StringBuilder("<!doctype html><html lang=\"en\"><head><meta charset=\"utf-8\">"
                + "<meta name=\"viewport\" content=\"width=device-width\"><title>kverify campaign: " + fs.found() + " of "
                + fs.entries().size() + " catalogued entries found</title><style>" + STYLE + "</style></head><body>");
        sb.append("<h1>kverify campaign</h1><p class=\"summary\"><b>").append(esc(CampaignText.summary(fs))).append(".</b> ")
                .append(esc(run.mustPassFailures() == 0 ? "Every must-pass property passed." : run.mustPassFailures()
                        + " must-pass properties FAILED (a defect of the suite or of CORRECTED)."))
                .append("<br><span class=\"meta\">").append(esc(details(run))).append("</span></p><p class=\"index\">Entries (red: found in this run): ");
        for (CampaignFindings.Entry e : fs.entries()) {
            sb.append("<a href=\"#").append(e.defect().id()).append("\"").append(e.found() ? " class=\"found\"" : "").append(" title=\"")
                    .append(esc(e.defect().title())).append("\">").append(e.defect().id()).append("</a>");
        }
        sb.append("</p><section id=\"versions\"><h2>Defects by version</h2><ul>");
        VersionTable.statements(run.catalog()).forEach(st -> sb.append("<li><b>").append(esc(st)).append("</b></li>"));
        sb.append("</ul><pre>").append(esc(VersionTable.campaign(fs, run.catalog()))).append("</pre></section>");
        fs.entries().forEach(e -> CampaignHtmlSection.append(sb, e, run, files));
        newKeys(sb, fs, files);
        sb.append("<details><summary>Every property: cases and verdict</summary><pre>").append(esc(CampaignText.properties(run.rows())))
                .append("</pre></details><details><summary>The campaign's text output</summary><pre>").append(esc(text))
                .append("</pre></details>");
        return sb.append("</body></html>\n").toString();
    }

    /** The one-line summary of a run: what was found, and whether every must-pass property passed. */
    static String summary(Campaign.Run run) {
        long bad = run.mustPassFailures();
        return CampaignText.summary(run.findings()) + "; " + (bad == 0 ? "every must-pass property passed" : bad
                + " must-pass properties FAILED") + ". " + details(run);
    }

    private static String details(Campaign.Run run) {
        return "Catalog: " + run.findings().entries().size() + " entries (" + DefectsCommand.summary(run.catalog()) + "). Seed "
                + run.seed() + ", base tries " + run.base().tries() + " (x" + Campaign.weights(run.rows().stream()
                .map(Campaign.Row::entry).toList()) + "), " + run.rows().size() + " properties.";
    }

    private static void newKeys(StringBuilder sb, CampaignFindings fs, Map<FoundFailure, Path> files) {
        sb.append("<section id=\"new-keys\"><h2>New keys: ").append(fs.newKeys().size()).append("</h2><p>")
                .append(fs.newKeys().isEmpty() ? "Every divergence of this run belongs to a catalogued entry."
                        : "No catalog entry has these keys yet: check each with <code>kverify replay</code>, explain it and"
                        + " add it to a .defect file (docs/defects.md).").append("</p>");
        for (CampaignFindings.Hit h : fs.newKeys()) {
            sb.append("<h3>[NEW] ").append(esc(h.scope() + " " + h.failure().key())).append("</h3><p class=\"meta\">")
                    .append(esc(h.property() + ", first at try " + h.failure().foundAtTry() + ", shrunk to " + CampaignHtmlSection.steps(h.length())))
                    .append("</p>");
            Optional.ofNullable(files.get(h.failure())).ifPresent(f -> sb.append("<pre>").append(esc(withoutPlaceholder(f)))
                    .append("</pre><details><summary>Side by side: kverify replay</summary><pre>")
                    .append(esc(CampaignHtmlSection.replay(f))).append("</pre></details>"));
        }
        sb.append("</section>");
    }

    /** A new finding file without its to-do explanation line (the report says it is new instead). */
    static String withoutPlaceholder(Path file) {
        List<String> lines = Reproducers.read(file);
        return String.join("\n", lines.stream().filter(l -> !l.contains(FindingExport.EXPLAIN)).toList());
    }

    static String esc(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
