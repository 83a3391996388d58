package kverify.cli;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * What one campaign found, by catalog entry: for each defect the divergences whose key
 * (subsystem, variant, key) the catalog gives to it, and whether any property of its scope ran;
 * then the divergences whose key no entry has (new keys). Entries come defects first (of posted
 * code and suggestions), then contract decisions, reconstructed code and symptoms, each group
 * in catalog order.
 */
record CampaignFindings(List<Entry> entries, List<Hit> newKeys) {

    /** One distinct divergence of one property. */
    record Hit(Campaign.Row row, FoundFailure failure) {
        String scope() {
            return row.entry().subsystem() + " " + row.entry().variant();
        }

        int length() {
            return Traces.length(failure);
        }

        String property() {
            return row.entry().property().name();
        }
    }

    record Entry(Defect defect, boolean ran, List<Hit> hits) {
        boolean found() {
            return !hits.isEmpty();
        }

        List<String> variants() {
            return hits.stream().map(h -> h.row().entry().variant()).distinct().sorted().toList();
        }

        Optional<Integer> firstTry() {
            return hits.stream().map(h -> h.failure().foundAtTry()).min(Integer::compare);
        }

        /** The shortest shrunk divergence of this defect, the earliest found among equals. */
        Optional<Hit> shortest() {
            return hits.stream().min(Comparator.comparingInt(Hit::length).thenComparingInt(h -> h.failure().foundAtTry()));
        }
    }

    static final Comparator<Defect> GROUPS = Comparator.comparingInt(CampaignFindings::group);

    static int group(Defect d) {
        return switch (d.kind()) {
            case POSTED_DEFECT, SUGGESTION_DEFECT -> 0;
            case CONTRACT_DECISION -> 1;
            case RECONSTRUCTED_CODE -> 2;
            case SYMPTOM_OF -> 3;
        };
    }

    static CampaignFindings of(List<Campaign.Row> rows, DefectCatalog catalog) {
        List<String> scopesRun = rows.stream().map(r -> r.entry().subsystem() + " " + r.entry().variant()).distinct().toList();
        List<Hit> all = new ArrayList<>();
        rows.forEach(r -> r.result().failures().forEach(f -> all.add(new Hit(r, f))));
        List<Entry> entries = new ArrayList<>();
        for (Defect d : catalog.all().stream().sorted(GROUPS.thenComparing(DefectCatalog.ORDER)).toList()) {
            List<Hit> hits = all.stream().filter(h -> h.row().defectOf(h.failure()).filter(d::equals).isPresent()).toList();
            entries.add(new Entry(d, d.scopes().stream().anyMatch(scopesRun::contains), hits));
        }
        List<Hit> fresh = all.stream().filter(h -> h.row().defectOf(h.failure()).isEmpty() && !h.row().entry().mustPass()).toList();
        return new CampaignFindings(entries, fresh);
    }

    long found() {
        return entries.stream().filter(Entry::found).count();
    }

    long foundDefects() {
        return entries.stream().filter(e -> e.found() && e.defect().kind().isDefect()).count();
    }

    List<String> variantsFound() {
        return entries.stream().flatMap(e -> e.variants().stream()).distinct().sorted().toList();
    }
}
