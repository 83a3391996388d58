package kverify.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The outputs of one seed do not depend on where the work ran: on one worker thread or three, or
 * as two shards merged, the printed text and every file under target/kverify-campaign/ are byte
 * for byte the same. A small campaign (one corruption family, one LUO equivalence property, two
 * power seeds) keeps it quick; it has image and trace findings, passing and diverging properties.
 */
class CampaignShardTest {
    private static final String[] CAMPAIGN = {"--only", "luo-image.name.as-posted", "--only", "luo-image.name.corrected", "--only", "luo-image.name.review-suggestion", "--only", "luo.equivalence.review-suggestion.unit",
        "--tries", "5", "--seed", "7", "--power-seeds", "2"};

    @TempDir
    static Path tmp;
    private static String unshardedText;
    private static Map<String, byte[]> unshardedFiles;

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    @BeforeAll
    static void runUnshardedOnOneWorkerAndBothShards() throws IOException {
        CampaignShardTest t = new CampaignShardTest();
        assertThat(t.run(with(CAMPAIGN, "--jobs", "1"))).isZero();
        unshardedText = t.out.toString(StandardCharsets.UTF_8);
        unshardedFiles = tree(Campaign.OUT);
        assertThat(unshardedFiles.keySet()).contains("report.html", "report.md", "findings.json")
                .anyMatch(f -> f.startsWith("traces/luo-image.name.as-posted/") && f.endsWith(".image"))
                .anyMatch(f -> f.startsWith("traces/luo.equivalence.review-suggestion.unit/") && f.endsWith(".trace"))
                .anyMatch(f -> f.startsWith("counterexamples/")).anyMatch(f -> f.startsWith("review/"));
        assertThat(unshardedText).contains("Power per catalog entry: 2 blind seeds");
        for (int k = 1; k <= 2; k++) {
            assertThat(new CampaignShardTest().run(with(CAMPAIGN, "--shard", k + "/2", "--shard-out", shard(k).toString(), "--jobs", "2")))
                    .isZero();
        }
    }

    @Test
    void threeWorkersGiveTheTextAndFilesOfOne() throws IOException {
        assertThat(run(with(CAMPAIGN, "--jobs", "3"))).isZero();
        assertThat(out.toString(StandardCharsets.UTF_8)).isEqualTo(unshardedText);
        assertSameFiles(tree(Campaign.OUT));
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("on 3 worker threads").contains("(4 of 4 done)").contains("(6 of 6 done)")
                .containsPattern("\\[\\d+/\\d+\\] power seed 1000002 luo-image.name.as-posted: \\d+ keys \\(\\d+ of \\d+ done\\)");
    }

    @Test
    void twoShardsMergedGiveTheTextAndFilesOfTheUnshardedRun() throws IOException {
        String shardText = Files.readString(shard(1).resolve(ShardFile.NAME));
        assertThat(shardText).contains("\"schema\" : \"kverify-shard v1\"").contains("\"shard\" : 1").contains("\"shards\" : 2");
        assertThat(run("merge", shard(2).toString(), shard(1).toString())).isZero();
        assertThat(out.toString(StandardCharsets.UTF_8)).isEqualTo(unshardedText);
        assertSameFiles(tree(Campaign.OUT));
    }

    @Test
    void shardsOfDifferentCampaignsAreRefusedWithOneMessage() throws IOException {
        refused(edited(2, s -> s.put("seed", 8)), "is not a shard of the same campaign as", "seed 8 vs 7");
        refused(edited(2, s -> s.put("baseTries", 6)), "baseTries 6 vs 5");
        refused(edited(2, s -> s.put("build", "0000000")), "build 0000000 vs ");
        refused(edited(2, s -> s.put("shards", 3)), "shards 3 vs 2");
    }

    @Test
    void missingOverlappingOrWrongSlicesAreRefusedWithOneMessage() throws IOException {
        refused(List.of(shard(1)), "shard 2/2 is missing (given: 1/2 in ");
        Path again = copy(1, "again");
        refused(List.of(shard(1), again, shard(2)), "shard 1/2 appears twice: ");
        Path relabelled = copy(1, "relabelled");
        rewrite(relabelled, s -> s.put("shard", 2));
        refused(List.of(shard(1), relabelled), relabelled + " holds the properties [luo.equivalence.review-suggestion.unit, "
                + "luo-image.name.corrected], but shard 2/2 of this campaign is [luo-image.name.as-posted, luo-image.name.review-suggestion]");
        Path noPower = copy(2, "no-power");
        rewrite(noPower, s -> s.putArray("power"));
        refused(List.of(shard(1), noPower), "holds 0 power runs that are not the 3 of shard 2/2 of this campaign");
    }

    @Test
    void malformedShardDirectoriesAreRefusedWithALocatedMessage() throws IOException {
        refused(List.of(tmp.resolve("absent"), shard(2)), "absent: no such directory");
        Path empty = Files.createDirectories(tmp.resolve("empty"));
        refused(List.of(empty, shard(2)), "empty: no shard.json (not a directory written by 'campaign --shard K/N')");
        Path cut = copy(1, "cut");
        String text = Files.readString(cut.resolve(ShardFile.NAME));
        Files.writeString(cut.resolve(ShardFile.NAME), text.substring(0, text.length() / 2));
        refused(List.of(cut, shard(2)), "cut/shard.json:");
        Path nulled = copy(1, "nulled");
        rewrite(nulled, s -> s.putNull("properties"));
        refused(List.of(nulled, shard(2)), "nulled/shard.json:", "properties");
        Path schema = copy(1, "schema");
        rewrite(schema, s -> s.put("schema", "kverify-shard v0"));
        refused(List.of(schema, shard(2)), "schema 'kverify-shard v0', expected 'kverify-shard v1'");
        Path choices = copy(1, "choices");
        rewrite(choices, s -> ((ObjectNode) s.get("properties").get(0).get("failures").get(0)).put("choices", "1 x"));
        refused(List.of(choices, shard(2)), "choices: choice 2 is not a number: 'x'");
        refused(List.of(), "merge takes the shard directories");
    }

    private void refused(List<Path> dirs, String... messages) {
        out.reset();
        err.reset();
        assertThat(run(Stream.concat(Stream.of("merge"), dirs.stream().map(Path::toString)).toArray(String[]::new))).isEqualTo(2);
        String e = err.toString(StandardCharsets.UTF_8);
        assertThat(e).startsWith("kverify: merge").contains(messages).doesNotContain("Exception").doesNotContain("\tat ");
        assertThat(e.lines().count()).isEqualTo(1);
        assertThat(out.toString(StandardCharsets.UTF_8)).isEmpty();
    }

    /** Shard 1 and a copy of shard {@code k} edited, in that order (for k = 2, the pair differs only by the edit). */
    private static List<Path> edited(int k, Consumer<ObjectNode> edit) throws IOException {
        Path dir = copy(k, "edited-" + System.identityHashCode(edit));
        rewrite(dir, edit);
        return List.of(shard(1), dir);
    }

    private static Path copy(int k, String name) throws IOException {
        Path dir = Files.createDirectories(tmp.resolve(name));
        Files.copy(shard(k).resolve(ShardFile.NAME), dir.resolve(ShardFile.NAME));
        return dir;
    }

    private static void rewrite(Path dir, Consumer<ObjectNode> edit) throws IOException {
        ObjectMapper json = new ObjectMapper();
        ObjectNode node = (ObjectNode) json.readTree(dir.resolve(ShardFile.NAME).toFile());
        edit.accept(node);
        json.writeValue(dir.resolve(ShardFile.NAME).toFile(), node);
    }

    private static Path shard(int k) {
        return tmp.resolve("shard-" + k);
    }

    private void assertSameFiles(Map<String, byte[]> files) {
        assertThat(files.keySet()).containsExactlyElementsOf(unshardedFiles.keySet());
        files.forEach((name, bytes) -> assertThat(new String(bytes, StandardCharsets.UTF_8)).as(name)
                .isEqualTo(new String(unshardedFiles.get(name), StandardCharsets.UTF_8)));
    }

    /** Every file under the directory by its relative path, with its bytes. */
    private static Map<String, byte[]> tree(Path root) throws IOException {
        Map<String, byte[]> out = new TreeMap<>();
        List<Path> files = new ArrayList<>();
        try (Stream<Path> walk = Files.walk(root)) {
            walk.filter(Files::isRegularFile).forEach(files::add);
        }
        for (Path f : files) {
            out.put(root.relativize(f).toString().replace('\\', '/'), Files.readAllBytes(f));
        }
        return out;
    }

    private static String[] with(String[] base, String... more) {
        return Stream.concat(Stream.of(base), Stream.of(more)).toArray(String[]::new);
    }

    private int run(String... args) {
        String[] all = args.length > 0 && args[0].equals("merge") ? args : with(new String[] {"campaign"}, args);
        return Main.run(all, new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
    }
}
