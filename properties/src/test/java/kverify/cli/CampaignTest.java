package kverify.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import kverify.engine.RunSettings;
import org.junit.jupiter.api.Test;

/** The campaign end to end on one small corruption family, its exported findings, and power. */
class CampaignTest {
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    private int campaign(String... args) {
        String[] all = Stream.concat(Stream.of("campaign"), Stream.of(args)).toArray(String[]::new);
        return Main.run(all, new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    @Test
    void postedVariantDivergencesAreReportedWithReplayableImagesAndExitZero() throws Exception {
        assertThat(campaign("--only", "luo-image.name.", "--tries", "40", "--seed", "3")).isZero();
        String table = out.toString(StandardCharsets.UTF_8);
        assertThat(table).contains("luo-image.name.as-posted").contains("[known] name empty: open Ok, model Err(EIO)")
                .contains("luo-image.name.corrected").contains("every must-pass property passed");
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("[1/3] luo-image.name.as-posted ...");

        Path exported = Campaign.OUT.resolve("traces/luo-image.name.as-posted/name-empty-open-ok-model-err-eio.image");
        assertThat(exported).exists();
        assertThat(Files.readString(exported)).startsWith("kverify-image luo v2\n").contains("# key: name empty: open Ok, model Err(EIO)")
                .contains("# diverges on: as-posted\n").contains("# found by: property luo-image.name.as-posted, seed 3, 200 tries, try ")
                .contains("# finding: (write the one-line explanation before committing)");
        ByteArrayOutputStream replayed = new ByteArrayOutputStream();
        assertThat(Replay.run(List.of(exported.toString()), new PrintStream(replayed, true, StandardCharsets.UTF_8))).isZero();
        assertThat(replayed.toString(StandardCharsets.UTF_8)).contains("as-posted: name empty: open Ok, model Err(EIO)");

        String html = Files.readString(Campaign.OUT.resolve("report.html"));
        assertThat(html).contains("Side by side").contains("model (contract)").contains("  0000: ");
    }

    @Test
    void multikernelDivergencesAreExportedUnderTheNamesAndCommentsItsFindingsTestsRead() throws Exception {
        assertThat(campaign("--only", "mk.flags.as-posted", "--tries", "5", "--seed", "4")).isZero();
        Path dir = Campaign.OUT.resolve("traces/mk.flags.as-posted");
        List<Path> files;
        try (Stream<Path> s = Files.list(dir)) {
            files = s.sorted().toList();
        }
        assertThat(files).isNotEmpty();
        for (Path f : files) {
            String text = Files.readString(f);
            String key = text.lines().filter(l -> l.startsWith("# key: ")).findFirst().orElseThrow().substring(7);
            assertThat(f.getFileName().toString()).isEqualTo(
                    kverify.properties.mk.MkFindings.fileName(kverify.impl.mk.MkVariant.AS_POSTED, key));
            assertThat(text).startsWith("kverify-trace multikernel v1\n").contains("# property: mk.flags.as-posted\n")
                    .containsPattern("# found: seed 4, -Dkverify.tries=\\d+, try \\d+");
            assertThat(Replay.run(List.of(f.toString()), new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8)))
                    .as(f.toString()).isZero();
        }
    }

    @Test
    void lengthsOfFindingFilesAndRenderingsAreCountedAlike() {
        KnownFindings known = KnownFindings.load(Campaign.FINDINGS);
        assertThat(steps(known, "luo/stale-block-count-survives-failed-reboot.trace")).isEqualTo(5);
        assertThat(steps(known, "luo-images/name-empty-open-ok-model-err-eio.image")).isEqualTo(1);
        assertThat(steps(known, "mk/as-posted-invariant-no-hang.trace")).isEqualTo(1);
        assertThat(Traces.length(List.of("variant: AS_POSTED", "cpu: 0 apic=0x0", "concurrent [reboot] [suspend]"))).isEqualTo(1);
        assertThat(Traces.length(List.of("kinds: [A, B]", "corruption 1: x", "corruption 2: y", "changed: x"))).isEqualTo(2);
    }

    @Test
    void powerCountsSeedsThatDetectEachFindingInItsScope() {
        List<CampaignEntry> entries = Catalog.all().stream()
                .filter(e -> e.property().name().startsWith("luo-image.name.")).toList();
        List<Power.Finding> findings = Power.findings(KnownFindings.load(Campaign.FINDINGS), entries);
        assertThat(findings).extracting(Power.Finding::key).contains("name empty: open Ok, model Err(EIO)");
        assertThat(findings).allMatch(f -> f.scope().equals("luo-image as-posted"));

        List<Power.Row> rows = Power.measure(findings, entries, 3, RunSettings.fromSystemProperties().withTries(40),
                new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8));
        Power.Row nameEmpty = rows.stream().filter(r -> r.finding().key().startsWith("name empty")).findFirst().orElseThrow();
        assertThat(nameEmpty.detected()).isEqualTo(3);
        assertThat(nameEmpty.lower()).isGreaterThan(0.4).isLessThan(1.0);
        assertThat(nameEmpty.medianShrunkLength()).isEqualTo(1.0);
        assertThat(nameEmpty.render()).contains("3/3").doesNotContain("<95%");
    }

    private static int steps(KnownFindings known, String relative) {
        return known.all().stream().filter(k -> k.file().endsWith(relative)).findFirst().orElseThrow().steps();
    }
}
