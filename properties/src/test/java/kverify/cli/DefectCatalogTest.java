package kverify.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * The catalog and the checked-in findings agree: every finding's key, on every variant it must
 * diverge on, belongs to a catalogued defect; and every key the catalog lists is reproduced by a
 * checked-in finding of its subsystem (replayed on that variant, its first divergence has that
 * key), so every defect has a finding that shows it.
 */
class DefectCatalogTest {
    private static final DefectCatalog CATALOG = DefectCatalog.load();
    private static final KnownFindings FINDINGS = KnownFindings.load(Campaign.FINDINGS);

    @Test
    void everyCheckedInFindingBelongsToADefectOnEveryVariantItNames() {
        assertThat(FINDINGS.all()).hasSizeGreaterThan(80);
        List<String> orphans = new ArrayList<>();
        for (KnownFindings.Known k : FINDINGS.all()) {
            assertThat(k.variants()).as(k.file() + " names the variants it diverges on").isNotEmpty();
            for (String v : k.variants()) {
                if (CATALOG.lookup(k.subsystem(), v, k.key()).isEmpty()) {
                    orphans.add(k.file() + ": key '" + k.key() + "' on " + k.subsystem() + " " + v);
                }
            }
        }
        assertThat(orphans).as("findings whose key no defect in " + DefectCatalog.DIR + " lists").isEmpty();
    }

    @Test
    void everyCatalogKeyIsReproducedByACheckedInFinding() {
        Map<Path, Map<String, Optional<String>>> replays = new LinkedHashMap<>();
        FINDINGS.all().forEach(k -> replays.put(k.file(), ReplayVerdicts.of(k.file())));
        List<String> unreproduced = new ArrayList<>();
        for (Defect d : CATALOG.all()) {
            for (Defect.Key key : d.keys()) {
                boolean shown = FINDINGS.all().stream().filter(k -> k.subsystem().equals(key.subsystem()))
                        .anyMatch(k -> replays.get(k.file()).getOrDefault(key.variant(), Optional.empty()).filter(key.key()::equals).isPresent());
                if (!shown) {
                    unreproduced.add(d.id() + ": " + key.scope() + " '" + key.key() + "'");
                }
            }
        }
        assertThat(unreproduced).as("catalog keys no checked-in finding reproduces").isEmpty();
    }

    @Test
    void theCatalogCoversTheSubsystemsAndClassesItShould() {
        assertThat(CATALOG.all()).extracting(Defect::subsystem).contains("luo", "luo-image", "mk");
        assertThat(CATALOG.all()).extracting(Defect::kind).contains(Defect.Kind.POSTED_DEFECT, Defect.Kind.SYMPTOM_OF,
                Defect.Kind.CONTRACT_DECISION);
        for (Defect d : CATALOG.all()) {
            assertThat(d.where().hunkSource().startsWith("seed ") || d.where().hunkSource().startsWith("not in the seeds: "))
                    .as(d.id() + ": a hunk is quoted from a seed, or says where the code is and that it is not quoted").isTrue();
        }
    }
}
