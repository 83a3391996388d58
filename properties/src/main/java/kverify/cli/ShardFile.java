package kverify.cli;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import kverify.engine.RunSettings;

/**
 * {@code shard.json}, what {@code campaign --shard K/N} writes into its shard directory: the
 * settings every shard of one campaign must share (schema, build, seed, budget, weights, the
 * --only filter, power seeds, the number of shards), which slice this is, and its raw results,
 * per property the {@link PropertyOutcome} (with every divergence's shrunk choices, rendering
 * and message) and per power run the {@link PowerOutcome}. Written and read with Jackson from
 * these records; the format is documented in docs/campaign.md.
 */
record ShardFile(String schema, String build, long seed, int baseTries, int shrinkEvaluations, Map<String, Integer> weights,
        List<String> only, int powerSeeds, int shard, int shards, List<PropertyOutcome> properties, List<PowerOutcome> power) {

    static final String SCHEMA = "kverify-shard v1";
    static final String NAME = "shard.json";

    static ShardFile of(CampaignPlan plan, Shard slice, String build, List<PropertyOutcome> properties, List<PowerOutcome> power) {
        return new ShardFile(SCHEMA, build, plan.base().seed(), plan.base().tries(), plan.base().shrinkEvaluations(), weights(plan),
                plan.only(), plan.powerSeeds(), slice.index(), slice.count(), properties, power);
    }

    /** Subsystem to campaign weight, for the subsystems of the plan's properties. */
    static Map<String, Integer> weights(CampaignPlan plan) {
        Map<String, Integer> out = new LinkedHashMap<>();
        plan.entries().stream().map(CampaignEntry::subsystem).distinct().forEach(s -> out.put(s, RunSettings.campaignWeight(s)));
        return out;
    }

    Shard slice() {
        return new Shard(shard, shards);
    }

    Path write(Path dir) {
        Path file = dir.resolve(NAME);
        try {
            Files.createDirectories(dir);
            Files.writeString(file, new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValueAsString(this) + "\n",
                    StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file, e);
        }
        return file;
    }

    /** Reads DIR/shard.json; anything but a complete file of this schema is a located {@link UsageError}. */
    static ShardFile read(Path dir) {
        if (!Files.isDirectory(dir)) {
            throw new UsageError("merge: " + dir + ": no such directory");
        }
        Path file = dir.resolve(NAME);
        if (!Files.isRegularFile(file)) {
            throw new UsageError("merge: " + dir + ": no " + NAME + " (not a directory written by 'campaign --shard K/N')");
        }
        ShardFile s;
        try {
            s = new ObjectMapper().enable(DeserializationFeature.FAIL_ON_MISSING_CREATOR_PROPERTIES)
                    .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
                    .enable(DeserializationFeature.FAIL_ON_NULL_CREATOR_PROPERTIES).readValue(file.toFile(), ShardFile.class);
        } catch (JsonProcessingException e) {
            JsonLocation at = e.getLocation();
            throw new UsageError("merge: " + file + (at == null ? "" : ":" + at.getLineNr() + ":" + at.getColumnNr()) + ": "
                    + e.getOriginalMessage().lines().findFirst().orElse(""));
        } catch (IOException e) {
            throw new UsageError("merge: cannot read " + file + ": " + e.getMessage());
        }
        if (!SCHEMA.equals(s.schema())) {
            throw new UsageError("merge: " + file + ": schema '" + s.schema() + "', expected '" + SCHEMA + "'");
        }
        if (s.shards() < 1 || s.shard() < 1 || s.shard() > s.shards()) {
            throw new UsageError("merge: " + file + ": shard " + s.shard() + " of " + s.shards() + " is not a slice (1 <= K <= N)");
        }
        return s;
    }

    /** The settings that must be equal in every shard of one campaign, by name, for comparing and for messages. */
    Map<String, Object> settings() {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("build", build);
        out.put("seed", seed);
        out.put("baseTries", baseTries);
        out.put("shrinkEvaluations", shrinkEvaluations);
        out.put("weights", weights);
        out.put("only", only);
        out.put("powerSeeds", powerSeeds);
        out.put("shards", shards);
        return out;
    }
}
