package kverify.cli;

import java.util.List;
import kverify.engine.RunSettings;

/**
 * What a campaign runs, fixed before anything runs: the settings (seed, base tries), the
 * selected properties in catalog order, and, for {@code --power-seeds K}, the (seed, property)
 * runs of the power table. A shard runs a {@link Shard#slice} of both lists; the merge rebuilds
 * the plan from the settings the shards recorded and checks that their slices make it up.
 */
record CampaignPlan(RunSettings base, List<String> only, List<CampaignEntry> entries, DefectCatalog catalog, int powerSeeds,
        List<Power.Task> powerTasks) {

    static CampaignPlan of(RunSettings base, List<String> only, int powerSeeds) {
        List<CampaignEntry> entries = Catalog.all().stream()
                .filter(e -> only.isEmpty() || only.stream().anyMatch(o -> e.property().name().contains(o))).toList();
        if (entries.isEmpty()) {
            throw new UsageError("campaign: no property matches --only " + String.join(" --only ", only));
        }
        DefectCatalog catalog = DefectCatalog.load();
        List<Power.Task> power = powerSeeds == 0 ? List.of() : Power.tasks(catalog, entries, powerSeeds);
        return new CampaignPlan(base, List.copyOf(only), entries, catalog, powerSeeds, power);
    }

    String header() {
        return String.format("kverify campaign: %d properties, base tries %d (x%s), seed %d, %d catalog entries%n",
                entries.size(), base.tries(), Campaign.weights(entries), base.seed(), catalog.all().size());
    }

    /** One property's run on the campaign's budget. */
    PropertyOutcome run(CampaignEntry e) {
        return PropertyOutcome.of(e.property().run(Campaign.weighted(base, e)));
    }

    /** The power table's text from the outcomes of {@link #powerTasks} (empty without --power-seeds). */
    String powerTable(List<PowerOutcome> outcomes, KnownFindings known) {
        return powerSeeds == 0 ? "" : Power.table(catalog, known, entries, powerSeeds, base.tries(), outcomes);
    }
}
