package kverify.cli;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The defect-by-version table (issue 16): per catalog entry and version of its series (LUO v1, v7;
 * multikernel RFC v1, RFC v2) the status its {@code version:} lines give (present, fixed by which
 * patch, not applicable, not checked), and in a campaign also which of that version's variants
 * showed it in this run. One table for both series, written into the README (via
 * {@code defects --update-docs}), the campaign report and the review replies. It states plainly
 * which defects the latest version of each series still has, and which are new in it.
 */
final class VersionTable {
    private static final Pattern SUBJECT = Pattern.compile("\\[[^\\]]*\\]");

    private VersionTable() {
    }

    /** The series an entry belongs to: the LUO patches (luo, luo-image) or the multikernel RFC (mk). */
    static String series(Defect d) {
        return d.subsystem().equals("mk") ? "multikernel" : "LUO";
    }

    /** The version a variant runs: a "v7-" variant is LUO v7, a "v2-" one multikernel RFC v2, the others v1 / RFC v1. */
    static String versionOf(String subsystem, String variant) {
        if (subsystem.equals("mk")) {
            return variant.startsWith("v2-") ? "rfc-v2" : "rfc-v1";
        }
        return variant.startsWith("v7-") ? "v7" : "v1";
    }

    /** The series in catalog order, each with its entries and its versions in the order the entries name them. */
    static Map<String, List<Defect>> bySeries(DefectCatalog catalog) {
        Map<String, List<Defect>> out = new LinkedHashMap<>();
        catalog.all().forEach(d -> out.computeIfAbsent(series(d), s -> new ArrayList<>()).add(d));
        return out;
    }

    static List<String> versions(List<Defect> entries) {
        return entries.stream().flatMap(d -> d.versions().stream()).map(Defect.VersionStatus::version).distinct()
                .sorted(java.util.Comparator.comparing((String v) -> v.replaceAll("[0-9]+$", ""))
                        .thenComparingInt(v -> Integer.parseInt(v.replaceAll("^[^0-9]*", ""))))
                .toList();
    }

    static Optional<Defect.VersionStatus> status(Defect d, String version) {
        return d.versions().stream().filter(v -> v.version().equals(version)).findFirst();
    }

    /** "present", "fixed by [PATCH v7 10/13]", "not applicable", "not checked" (the bracketed subject, or the text before its parenthesis). */
    static String cell(Optional<Defect.VersionStatus> s) {
        if (s.isEmpty()) {
            return "-";
        }
        if (s.get().fixedBy().isEmpty()) {
            return s.get().status().replace('-', ' ');
        }
        String by = s.get().fixedBy().get();
        Matcher m = SUBJECT.matcher(by);
        return "fixed by " + (m.find() ? m.group() : by.replaceAll(" \\(.*", ""));
    }

    /**
     * The plain statement per series: the defects of posted code the latest version still has,
     * and those that are new in it (no earlier version has them). For v7 that is the applied code.
     */
    static List<String> statements(DefectCatalog catalog) {
        List<String> out = new ArrayList<>();
        bySeries(catalog).forEach((series, entries) -> {
            List<String> vs = versions(entries);
            if (vs.size() < 2) {
                return;
            }
            String latest = vs.get(vs.size() - 1);
            List<Defect> present = entries.stream().filter(d -> d.kind().isDefect())
                    .filter(d -> status(d, latest).map(s -> s.status().equals("present")).orElse(false)).toList();
            List<String> fresh = present.stream().filter(d -> vs.subList(0, vs.size() - 1).stream()
                    .noneMatch(v -> status(d, v).map(s -> s.status().equals("present")).orElse(false)))
                    .map(d -> d.id() + " (" + d.title() + ")").toList();
            long unchecked = entries.stream().filter(d -> status(d, latest).map(s -> s.status().equals("not-checked")).orElse(true)).count();
            String name = series + " " + latest + (latest.equals("v7") ? " (the code applied to the liveupdate tree's next branch)" : "");
            out.add(present.isEmpty() ? name + ": no catalogued defect of posted code is present." : name + " has "
                    + present.size() + (present.size() == 1 ? " defect" : " defects") + " of posted code: "
                    + String.join(", ", present.stream().map(Defect::id).toList())
                    + (fresh.isEmpty() ? "" : "; not in any earlier version, so a defect of the new code: " + String.join(", ", fresh)) + "."
                    + (unchecked == 0 ? "" : " Not checked on " + latest + ": " + unchecked + " of " + entries.size() + " entries."));
        });
        return out;
    }

    /** The Markdown table for the README: one table per series, then the statements. */
    static String markdown(DefectCatalog catalog, String up) {
        StringBuilder sb = new StringBuilder();
        bySeries(catalog).forEach((series, entries) -> {
            List<String> vs = versions(entries);
            sb.append("\n**").append(series).append(", by version**\n\n| entry | class |");
            vs.forEach(v -> sb.append(' ').append(v).append(" |"));
            sb.append("\n|---|---|").append("---|".repeat(vs.size())).append('\n');
            for (Defect d : entries) {
                sb.append("| [").append(d.id()).append("](").append(up).append("properties/src/test/resources/defects/").append(d.id())
                        .append(".defect) | ").append(d.classLabel()).append(" |");
                vs.forEach(v -> sb.append(' ').append(cell(status(d, v))).append(" |"));
                sb.append('\n');
            }
        });
        sb.append('\n');
        statements(catalog).forEach(s -> sb.append("- ").append(s).append('\n'));
        return sb.toString();
    }

    /** For the campaign's text and report: per entry and version, the catalog's status and the variants of that version that showed it in this run. */
    static String campaign(CampaignFindings findings, DefectCatalog catalog) {
        StringBuilder sb = new StringBuilder("\nDefects by version (catalog status; found in this run: on which variants of that version)\n");
        Map<String, CampaignFindings.Entry> byId = new LinkedHashMap<>();
        findings.entries().forEach(e -> byId.put(e.defect().id(), e));
        bySeries(catalog).forEach((series, entries) -> {
            List<String> vs = versions(entries);
            sb.append(String.format("%-11s", series.equals("LUO") ? "LUO" : "mk"));
            vs.forEach(v -> sb.append(String.format(" %-46s", v)));
            sb.append('\n');
            for (Defect d : entries) {
                CampaignFindings.Entry e = byId.get(d.id());
                sb.append(String.format("%-11s", d.id()));
                for (String v : vs) {
                    List<String> on = e == null ? List.of() : e.variants().stream().filter(x -> versionOf(d.subsystem(), x).equals(v)).toList();
                    sb.append(String.format(" %-46s", cell(status(d, v)) + (on.isEmpty() ? "" : ", found: " + String.join(" ", on))));
                }
                sb.append('\n');
            }
        });
        statements(catalog).forEach(s -> sb.append(s).append('\n'));
        return sb.toString();
    }

    /** For a review reply: the entry's status in every version of its series, in one sentence. */
    static String sentence(Defect d, DefectCatalog catalog) {
        List<String> vs = versions(bySeries(catalog).get(series(d)));
        List<String> parts = vs.stream().filter(v -> status(d, v).isPresent()).map(v -> v + ": " + cell(status(d, v))).toList();
        return "By version: " + String.join("; ", parts) + ".";
    }
}
