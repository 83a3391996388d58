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
    void postedVariantDivergencesAreReportedDefectFirstWithReplayableImagesAndExitZero() throws Exception {
        assertThat(campaign("--only", "luo-image.name.as-posted", "--only", "luo-image.name.corrected", "--only", "luo-image.name.review-suggestion", "--tries", "40", "--seed", "3")).isZero();
        String text = out.toString(StandardCharsets.UTF_8);
        assertThat(text).containsPattern("LUO-IMG-5 +yes +as-posted review-suggestion")
                .contains("    - luo-image as-posted name empty: open Ok, model Err(EIO): ")
                .containsPattern("MK-7 +not run").contains("New keys (no catalog entry has them").contains("  (none)")
                .contains("luo-image.name.corrected").contains("every must-pass property passed");
        assertThat(text.indexOf("Defects (")).isLessThan(text.indexOf("\nProperties\n"));
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("[1/3] luo-image.name.as-posted ...");

        Path exported = Campaign.OUT.resolve("traces/luo-image.name.as-posted/name-empty-open-ok-model-err-eio.image");
        assertThat(exported).exists();
        assertThat(Files.readString(exported)).startsWith("kverify-image luo v3\n").contains("# key: name empty: open Ok, model Err(EIO)")
                .contains("# diverges on: as-posted\n").contains("# found by: property luo-image.name.as-posted, seed 3, 200 tries, try ")
                .contains("# finding: LUO-IMG-5: Session names from the handover are taken as they are");
        ByteArrayOutputStream replayed = new ByteArrayOutputStream();
        assertThat(Replay.run(List.of(exported.toString()), new PrintStream(replayed, true, StandardCharsets.UTF_8))).isZero();
        assertThat(replayed.toString(StandardCharsets.UTF_8)).contains("as-posted: name empty: open Ok, model Err(EIO)")
                .contains("expected: ok: as-posted diverges with 'name empty: open Ok, model Err(EIO)'");

        String html = Files.readString(Campaign.OUT.resolve("report.html"));
        assertThat(html).contains("<section id=\"LUO-IMG-5\" class=\"found\">").contains("Side by side").contains("model (contract)")
                .contains("  0000: ").contains("Why it matters:").doesNotContain("write the one-line explanation");
        assertThat(html.indexOf("class=\"summary\"")).isLessThan(html.indexOf("<section id="));
        findingsJsonSaysTheNamesEntryWasFound();
        assertThat(Campaign.OUT.resolve("review")).isDirectoryContaining(p -> p.getFileName().toString().startsWith("patch-1-5-"));
    }

    private static void findingsJsonSaysTheNamesEntryWasFound() throws java.io.IOException {
        var json = new com.fasterxml.jackson.databind.ObjectMapper().readTree(Campaign.OUT.resolve("findings.json").toFile());
        assertThat(json.get("schema").asText()).isEqualTo(CampaignJson.SCHEMA);
        assertThat(json.get("seed").asLong()).isEqualTo(3);
        var names = java.util.stream.StreamSupport.stream(json.get("defects").spliterator(), false)
                .filter(d -> d.get("id").asText().equals("LUO-IMG-5")).findFirst().orElseThrow();
        assertThat(names.get("found").asBoolean()).isTrue();
        assertThat(names.get("class").asText()).isEqualTo("contract-decision");
        assertThat(json.get("newKeys").size()).isZero();
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
    void everyPropertyOfAPostedVariantIsExpectedToDivergeWhateverItsKindIsCalled() {
        // A kind of two parts (luo.interface.faults.VARIANT.GEOMETRY) once made the campaign read
        // "faults" as the variant and fail the run on as-posted divergences.
        for (CampaignEntry e : Catalog.all()) {
            String name = e.property().name();
            boolean posted = java.util.Arrays.stream(name.split("\\.")).anyMatch(CampaignEntry.POSTED_VARIANTS::contains);
            assertThat(e.mustPass()).as(name).isEqualTo(!posted);
            assertThat(CampaignEntry.POSTED_VARIANTS.contains(e.variant()) || e.variant().endsWith("corrected")
                    || e.variant().equals("model") || e.variant().equals("-")).as(name + ": variant " + e.variant()).isTrue();
        }
        assertThat(Catalog.all()).anyMatch(e -> e.property().name().equals("luo.interface.faults.as-posted.small") && !e.mustPass()
                && e.variant().equals("as-posted"));
    }

    @Test
    void powerCountsBlindSeedsThatDetectEachDefectThroughAnyOfItsKeys() {
        List<CampaignEntry> entries = Catalog.all().stream()
                .filter(e -> e.property().name().startsWith("luo-image.name.") && !e.variant().startsWith("v7")).toList();
        DefectCatalog catalog = DefectCatalog.load();
        RunSettings base = RunSettings.fromSystemProperties().withTries(40);
        List<PowerOutcome> runs = Power.tasks(catalog, entries, 3).stream().map(t -> t.run(base)).toList();
        List<Power.Row> rows = Power.measure(catalog, KnownFindings.load(Campaign.FINDINGS), entries, 3, runs);
        assertThat(rows).extracting(r -> r.defect().id()).contains("LUO-IMG-5").doesNotContain("MK-7", "LUO-1");
        Power.Row names = rows.stream().filter(r -> r.defect().id().equals("LUO-IMG-5")).findFirst().orElseThrow();
        assertThat(names.detected()).isEqualTo(3);
        assertThat(names.lower()).isGreaterThan(0.4).isLessThan(1.0);
        assertThat(names.medianLength()).isEqualTo(1.0);
        assertThat(names.checkedInLength()).isEqualTo(1);
        assertThat(names.render()).startsWith("LUO-IMG-5").contains("3/3").doesNotContain("<95%");
    }

    @Test
    void keysNoCatalogEntryHasAreNewInTheTextAndTheReportWithoutPlaceholderText(@org.junit.jupiter.api.io.TempDir Path tmp)
            throws Exception {
        Files.writeString(tmp.resolve("MK-99.defect"), DefectReaderTest.VALID);
        DefectCatalog onlyMk99 = DefectCatalog.load(tmp);
        CampaignEntry entry = Catalog.all().stream().filter(e -> e.property().name().equals("luo-image.name.as-posted")).findFirst()
                .orElseThrow();
        RunSettings settings = RunSettings.fromSystemProperties().collectingAllFailures().withTries(40).withSeed(3);
        Campaign.Row row = new Campaign.Row(entry, PropertyOutcome.of(entry.property().run(settings)), onlyMk99);
        Campaign.Run run = new Campaign.Run(3, settings, List.of(row), onlyMk99, KnownFindings.load(Campaign.FINDINGS),
                CampaignFindings.of(List.of(row), onlyMk99));
        assertThat(run.findings().newKeys()).isNotEmpty();
        assertThat(CampaignText.newKeys(run.findings())).contains("  [NEW] luo-image as-posted name empty: open Ok, model Err(EIO)");
        java.util.Map<FoundFailure, Path> files = new java.util.IdentityHashMap<>();
        for (FoundFailure f : row.result().failures()) {
            files.put(f, FindingExport.write(tmp.resolve("new"), entry, f, 3, 40, java.util.Optional.empty()));
        }
        assertThat(Files.readString(files.values().iterator().next())).contains(FindingExport.EXPLAIN);
        String html = CampaignHtml.render(run, files, "");
        assertThat(html).contains("<h3>[NEW] luo-image as-posted name empty: open Ok, model Err(EIO)</h3>")
                .contains("No catalog entry has these keys yet").doesNotContain(FindingExport.EXPLAIN);
    }

    @Test
    void anInterfaceFindingIsWrittenAsAV2TraceThatReplaysWithItsKey(@org.junit.jupiter.api.io.TempDir Path tmp) {
        CampaignEntry entry = Catalog.all().stream().filter(e -> e.property().name().equals("luo.interface.as-posted.unit"))
                .findFirst().orElseThrow();
        RunSettings settings = RunSettings.fromSystemProperties().collectingAllFailures().withTries(60).withSeed(3);
        List<kverify.engine.Failure> failures = entry.property().run(settings).failures();
        assertThat(failures).isNotEmpty();
        for (kverify.engine.Failure f : failures) {
            Path file = FindingExport.write(tmp, entry, FoundFailure.of(f), 3, 60, java.util.Optional.empty());
            assertThat(file.toString()).endsWith(".trace");
            assertThat(ReplayVerdicts.of(file).get("as-posted")).as(file.toString()).contains(f.key());
        }
    }

    private static int steps(KnownFindings known, String relative) {
        return known.all().stream().filter(k -> k.file().endsWith(relative)).findFirst().orElseThrow().steps();
    }
}
