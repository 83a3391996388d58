package kverify.cli;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The campaign's text output, defect first: the defect table (each catalog entry, found in this
 * run or not, on which variants, the first try, the shortest shrunk length, and the keys that
 * showed it), the keys no entry has ({@code [NEW]}), then one line per property.
 */
final class CampaignText {
    private static final String ROW = "%-11s %-7s %-30s %9s %6s  %s%n";

    private CampaignText() {
    }

    static String render(Campaign.Run run) {
        return defectTable(run.findings(), run.catalog()) + VersionTable.campaign(run.findings(), run.catalog())
                + newKeys(run.findings()) + properties(run.rows());
    }

    static String defectTable(CampaignFindings findings, DefectCatalog catalog) {
        StringBuilder sb = new StringBuilder("\nDefects (" + DefectsCommand.summary(catalog) + ")\n");
        sb.append(String.format(ROW, "id", "found", "variants", "first try", "length", "class, severity: title"));
        for (CampaignFindings.Entry e : findings.entries()) {
            Defect d = e.defect();
            String found = e.found() ? "yes" : e.ran() ? "no" : "not run";
            sb.append(String.format(ROW, d.id(), found, e.found() ? String.join(" ", e.variants()) : "-",
                    e.firstTry().map(String::valueOf).orElse("-"), e.shortest().map(h -> String.valueOf(h.length())).orElse("-"),
                    d.classLabel() + ", " + d.severity().label() + ": " + d.title()));
            keyLines(e).forEach(l -> sb.append("    - ").append(l).append('\n'));
        }
        sb.append(summary(findings)).append('\n');
        return sb.toString();
    }

    static String summary(CampaignFindings findings) {
        long defects = findings.entries().stream().filter(e -> e.defect().kind().isDefect()).count();
        return String.format("found in this run: %d of %d entries (%d of %d defects of posted code or suggestions), on %s; %d new keys",
                findings.found(), findings.entries().size(), findings.foundDefects(), defects,
                findings.variantsFound().isEmpty() ? "no variant" : String.join(", ", findings.variantsFound()), findings.newKeys().size());
    }

    /** Per distinct key of the entry found in this run: how many properties found it, the first try, the shortest length. */
    static List<String> keyLines(CampaignFindings.Entry e) {
        Map<String, List<CampaignFindings.Hit>> byKey = new LinkedHashMap<>();
        e.hits().forEach(h -> byKey.computeIfAbsent(h.scope() + " " + h.failure().key(), k -> new ArrayList<>()).add(h));
        List<String> out = new ArrayList<>();
        byKey.forEach((key, hits) -> {
            int shortest = hits.stream().mapToInt(CampaignFindings.Hit::length).min().orElseThrow();
            out.add(String.format("%s: %d propert%s, first at try %d, shortest %s", key, hits.size(), hits.size() == 1 ? "y" : "ies",
                    hits.stream().mapToInt(h -> h.failure().foundAtTry()).min().orElseThrow(), CampaignHtmlSection.steps(shortest)));
        });
        return out;
    }

    static String newKeys(CampaignFindings findings) {
        StringBuilder sb = new StringBuilder("\nNew keys (no catalog entry has them; each is written under " + Campaign.OUT.resolve("new-findings")
                + "/PROPERTY/, see README 'Promote a new finding')\n");
        if (findings.newKeys().isEmpty()) {
            sb.append("  (none)\n");
        }
        for (CampaignFindings.Hit h : findings.newKeys()) {
            sb.append(String.format("  [NEW] %s %s%n        %s, first at try %d, shrunk to %d steps (%d choices), seen %d times%n",
                    h.scope(), h.failure().key(), h.property(), h.failure().foundAtTry(), h.length(),
                    h.failure().choiceSequence().length(), h.failure().occurrences()));
        }
        return sb.toString();
    }

    static String properties(List<Campaign.Row> rows) {
        StringBuilder sb = new StringBuilder(String.format("%nProperties%n%-48s %-18s %6s  %s%n", "property", "variant", "cases", "result"));
        for (Campaign.Row row : rows) {
            sb.append(String.format("%-48s %-18s %6d  %s%n", row.entry().property().name(), row.entry().variant(),
                    row.result().validCases(), Campaign.verdict(row) + entries(row)));
        }
        return sb.toString();
    }

    /** " (MK-7, MK-10, [NEW] 1)": which entries the property's divergences belong to. */
    private static String entries(Campaign.Row row) {
        List<String> ids = row.result().failures().stream().map(f -> row.defectOf(f).map(Defect::id).orElse("[NEW]"))
                .distinct().toList();
        return ids.isEmpty() ? "" : " (" + String.join(", ", ids) + ")";
    }
}
