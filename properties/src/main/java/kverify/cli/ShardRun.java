package kverify.cli;

import java.io.PrintStream;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import kverify.engine.RunSettings;

/**
 * {@code kverify campaign --shard K/N [--shard-out DIR]}: runs the K-th of N slices of the
 * campaign (its properties and its power runs, {@link Shard#slice}) and writes their raw results
 * to DIR/shard.json (default target/kverify-shard-K-of-N) for {@code kverify merge}. It prints
 * its slice's property lines, not the defect table (that needs every shard). Exit code 1 when a
 * must-pass property of its slice failed, else 0.
 */
final class ShardRun {
    private ShardRun() {
    }

    static Path defaultDir(Shard s) {
        return Paths.get("target", "kverify-shard-" + s.index() + "-of-" + s.count());
    }

    static int main(CampaignPlan plan, CampaignOptions options, PrintStream out, PrintStream err) {
        Shard slice = options.shard().orElseThrow();
        Path dir = options.shardOut().orElse(defaultDir(slice));
        List<CampaignEntry> entries = slice.slice(plan.entries());
        List<Power.Task> power = slice.slice(plan.powerTasks());
        out.printf("kverify campaign shard %s: %d of %d properties, %d of %d power runs, base tries %d, seed %d%n", slice.label(),
                entries.size(), plan.entries().size(), power.size(), plan.powerTasks().size(), plan.base().tries(), plan.base().seed());
        err.printf("campaign shard %s on %d worker threads%n", slice.label(), options.jobs());
        List<PropertyOutcome> outcomes = Campaign.runProperties(plan, entries, options.jobs(), err);
        List<PowerOutcome> powerOutcomes = Campaign.runPower(plan, power, options.jobs(), err);
        List<Campaign.Row> rows = new ArrayList<>();
        for (int i = 0; i < entries.size(); i++) {
            rows.add(new Campaign.Row(entries.get(i), outcomes.get(i), plan.catalog()));
        }
        out.print(CampaignText.properties(rows));
        Path file = ShardFile.of(plan, slice, BuildIdentity.of(RunSettings.moduleDir()), outcomes, powerOutcomes).write(dir);
        out.println("shard " + slice.label() + ": raw results in " + file + "; once every shard has run, ./kverify merge DIR1 ... DIR"
                + slice.count() + " writes the campaign's outputs");
        long bad = rows.stream().filter(Campaign.Row::unexpectedFailure).count();
        return bad == 0 ? 0 : 1;
    }
}
