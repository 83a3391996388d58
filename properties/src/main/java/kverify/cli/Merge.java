package kverify.cli;

import java.io.PrintStream;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import kverify.engine.RunSettings;

/**
 * {@code kverify merge DIR...}: combines the shard directories of one campaign into the outputs
 * an unsharded run of it writes (the same text on stdout, the same files under
 * target/kverify-campaign/), and exits as that run would (0, or 1 when a must-pass property
 * failed). The shards must be the N slices of one campaign, each exactly once, run by this
 * build on the same settings; anything else is one message and exit code 2.
 */
final class Merge {
    private Merge() {
    }

    static int run(List<String> args, PrintStream out) {
        if (args.isEmpty() || args.stream().anyMatch(a -> a.startsWith("-"))) {
            throw new UsageError("merge takes the shard directories: merge DIR1 DIR2 ... (written by 'campaign --shard K/N')");
        }
        Map<Path, ShardFile> shards = new LinkedHashMap<>();
        args.forEach(a -> shards.put(Paths.get(a), ShardFile.read(Paths.get(a))));
        ShardFile first = sameCampaign(shards);
        CampaignPlan plan = CampaignPlan.of(RunSettings.fromSystemProperties().collectingAllFailures().withTries(first.baseTries())
                .withSeed(first.seed()), first.only(), first.powerSeeds());
        sameBuild(first, plan, shards.keySet().iterator().next());
        Map<String, PropertyOutcome> properties = new LinkedHashMap<>();
        Map<String, PowerOutcome> power = new LinkedHashMap<>();
        for (Map.Entry<Path, ShardFile> e : ShardCheck.slices(shards).entrySet()) {
            ShardCheck.sliceMatches(e.getKey(), e.getValue(), plan);
            e.getValue().properties().forEach(p -> properties.put(p.property(), p));
            e.getValue().power().forEach(p -> power.put(p.seed() + " " + p.property(), p));
        }
        out.print(plan.header());
        KnownFindings known = KnownFindings.load(Campaign.FINDINGS);
        Campaign.Run run = Campaign.Run.of(plan, plan.entries().stream().map(en -> properties.get(en.property().name())).toList(), known);
        String text = CampaignText.render(run);
        out.print(text);
        String table = plan.powerTable(plan.powerTasks().stream().map(t -> power.get(t.seed() + " " + t.entry().property().name()))
                .toList(), known);
        out.print(table);
        return Campaign.finish(run, text + table, out);
    }

    /** The first shard, once every other is known to share its settings. */
    private static ShardFile sameCampaign(Map<Path, ShardFile> shards) {
        Path firstDir = shards.keySet().iterator().next();
        ShardFile first = shards.get(firstDir);
        for (Map.Entry<Path, ShardFile> e : shards.entrySet()) {
            List<String> differ = new ArrayList<>();
            first.settings().forEach((name, value) -> {
                Object other = e.getValue().settings().get(name);
                if (!Objects.equals(value, other)) {
                    differ.add(name + " " + other + " vs " + value);
                }
            });
            if (!differ.isEmpty()) {
                throw new UsageError("merge: " + e.getKey() + " is not a shard of the same campaign as " + firstDir + ": "
                        + String.join("; ", differ));
            }
        }
        return first;
    }

    /** The shards must have run this build with its budget file: the merge renders with its own code and catalog. */
    private static void sameBuild(ShardFile first, CampaignPlan plan, Path dir) {
        String here = BuildIdentity.of(RunSettings.moduleDir());
        if (!first.build().equals(here)) {
            throw new UsageError("merge: the shards (" + dir + ", ...) ran build " + first.build() + ", this checkout is " + here
                    + "; merge with the checkout the shards ran");
        }
        if (first.shrinkEvaluations() != plan.base().shrinkEvaluations() || !first.weights().equals(ShardFile.weights(plan))) {
            throw new UsageError("merge: the shards (" + dir + ", ...) ran with shrink evaluations " + first.shrinkEvaluations()
                    + " and weights " + first.weights() + ", this build's budget file says " + plan.base().shrinkEvaluations() + " and "
                    + ShardFile.weights(plan));
        }
    }
}
