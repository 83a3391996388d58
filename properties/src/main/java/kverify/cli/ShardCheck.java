package kverify.cli;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The merge's checks that shard directories make up one campaign: every slice 1..N exactly
 * once, each holding exactly the properties and power runs of its slice of the plan, each
 * divergence with a usable case. A failed check is one {@link UsageError} naming the directory.
 */
final class ShardCheck {
    private ShardCheck() {
    }

    /** The shards by slice number; a slice twice, or one missing, is an error. */
    static Map<Path, ShardFile> slices(Map<Path, ShardFile> shards) {
        TreeMap<Integer, Path> byIndex = new TreeMap<>();
        int count = shards.values().iterator().next().shards();
        shards.forEach((dir, s) -> {
            Path other = byIndex.putIfAbsent(s.shard(), dir);
            if (other != null) {
                throw new UsageError("merge: shard " + s.slice().label() + " appears twice: " + other + " and " + dir);
            }
        });
        for (int k = 1; k <= count; k++) {
            if (!byIndex.containsKey(k)) {
                throw new UsageError("merge: shard " + k + "/" + count + " is missing (given: " + String.join(", ", byIndex.entrySet()
                        .stream().map(e -> e.getKey() + "/" + count + " in " + e.getValue()).toList()) + ")");
            }
        }
        Map<Path, ShardFile> out = new java.util.LinkedHashMap<>();
        byIndex.values().forEach(dir -> out.put(dir, shards.get(dir)));
        return out;
    }

    /** The shard holds exactly its slice of the plan, in order, and every divergence in it has a readable case. */
    static void sliceMatches(Path dir, ShardFile s, CampaignPlan plan) {
        List<String> expected = s.slice().slice(plan.entries()).stream().map(e -> e.property().name()).toList();
        List<String> held = s.properties().stream().map(PropertyOutcome::property).toList();
        if (!held.equals(expected)) {
            throw new UsageError("merge: " + dir + " holds the properties " + held + ", but shard " + s.slice().label()
                    + " of this campaign is " + expected);
        }
        List<String> expectedPower = s.slice().slice(plan.powerTasks()).stream().map(Power.Task::label).toList();
        List<String> heldPower = s.power().stream().map(p -> "seed " + p.seed() + " " + p.property()).toList();
        if (!heldPower.equals(expectedPower)) {
            throw new UsageError("merge: " + dir + " holds " + heldPower.size() + " power runs that are not the " + expectedPower.size()
                    + " of shard " + s.slice().label() + " of this campaign");
        }
        for (PropertyOutcome p : s.properties()) {
            for (FoundFailure f : p.failures()) {
                try {
                    f.choiceSequence();
                } catch (IllegalArgumentException e) {
                    throw new UsageError("merge: " + dir.resolve(ShardFile.NAME) + ": property " + p.property() + ", divergence '" + f.key()
                            + "': choices: " + e.getMessage());
                }
            }
        }
    }
}
