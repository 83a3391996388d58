package kverify.cli;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code findings.json}: the campaign's result for CI and scripts, written with Jackson from the
 * records below (their components are the schema, documented in docs/campaign.md; the
 * {@code schema} field names its version). Optional numbers are {@code null}, never omitted.
 */
final class CampaignJson {
    static final String SCHEMA = "kverify-findings v1";

    private CampaignJson() {
    }

    record Findings(String schema, long seed, int baseTries, Map<String, Integer> weights, int exitCode, Summary summary,
            List<DefectResult> defects, List<Divergence> newKeys, List<PropertyRun> properties) {
    }

    record Summary(int entries, int defects, int found, int foundDefects, List<String> variants, int newKeys, int properties,
            int mustPassFailed) {
    }

    record DefectResult(String id, String title, @JsonProperty("class") String kind, String symptomOf, String severity,
            String subsystem, String catalogFile, boolean ran, boolean found, List<String> variants, Integer firstTry,
            Integer shrunkLength, List<KeyResult> keys) {
    }

    record KeyResult(String subsystem, String variant, String key, boolean found) {
    }

    record Divergence(String property, String subsystem, String variant, String key, String defect, int firstTry,
            int shrunkLength, int occurrences, String choices, String trace) {
    }

    record PropertyRun(String name, String subsystem, String variant, boolean mustPass, int cases, String verdict, boolean passed,
            List<Divergence> divergences) {
    }

    static String render(Campaign.Run run, Map<FoundFailure, Path> files) {
        CampaignFindings fs = run.findings();
        Map<String, Integer> weights = new LinkedHashMap<>();
        run.rows().stream().map(r -> r.entry().subsystem()).distinct()
                .forEach(s -> weights.put(s, kverify.engine.RunSettings.campaignWeight(s)));
        int defects = (int) fs.entries().stream().filter(e -> e.defect().kind().isDefect()).count();
        Summary summary = new Summary(fs.entries().size(), defects, (int) fs.found(), (int) fs.foundDefects(), fs.variantsFound(),
                fs.newKeys().size(), run.rows().size(), (int) run.mustPassFailures());
        Findings out = new Findings(SCHEMA, run.seed(), run.base().tries(), weights, run.mustPassFailures() == 0 ? 0 : 1, summary,
                fs.entries().stream().map(CampaignJson::defect).toList(),
                fs.newKeys().stream().map(h -> divergence(h.row(), h.failure(), files)).toList(),
                run.rows().stream().map(r -> property(r, files)).toList());
        try {
            return new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValueAsString(out) + "\n";
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write findings.json: " + e.getMessage(), e);
        }
    }

    private static DefectResult defect(CampaignFindings.Entry e) {
        Defect d = e.defect();
        List<KeyResult> keys = d.keys().stream().map(k -> new KeyResult(k.subsystem(), k.variant(), k.key(),
                e.hits().stream().anyMatch(h -> h.scope().equals(k.scope()) && h.failure().key().equals(k.key())))).toList();
        return new DefectResult(d.id(), d.title(), d.kind().label(), d.parent().orElse(null), d.severity().label(), d.subsystem(),
                DefectCatalog.display(d.path()), e.ran(), e.found(), e.variants(),
                e.firstTry().orElse(null), e.shortest().map(CampaignFindings.Hit::length).orElse(null), keys);
    }

    private static Divergence divergence(Campaign.Row row, FoundFailure f, Map<FoundFailure, Path> files) {
        return new Divergence(row.entry().property().name(), row.entry().subsystem(), row.entry().variant(), f.key(),
                row.defectOf(f).map(Defect::id).orElse(null), f.foundAtTry(), Traces.length(f), f.occurrences(),
                f.choices(), files.containsKey(f) ? files.get(f).toString() : null);
    }

    private static PropertyRun property(Campaign.Row r, Map<FoundFailure, Path> files) {
        return new PropertyRun(r.entry().property().name(), r.entry().subsystem(), r.entry().variant(), r.entry().mustPass(),
                r.result().validCases(), Campaign.verdict(r), r.result().passed(),
                r.result().failures().stream().map(f -> divergence(r, f, files)).toList());
    }
}
