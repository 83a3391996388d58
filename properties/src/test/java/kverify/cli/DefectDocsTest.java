package kverify.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * No drift: the defect lists of README.md and docs/*.md are what the catalog and the findings
 * give (regenerate with './kverify defects --update-docs'), and docs/review/ holds what
 * './kverify review' writes.
 */
class DefectDocsTest {
    @Test
    void everyGeneratedDefectListMatchesTheCatalog() {
        DefectCatalog catalog = DefectCatalog.load();
        KnownFindings known = KnownFindings.load(Campaign.FINDINGS);
        Map<Path, Map<String, Optional<String>>> replays = DefectDocs.replays(known);
        for (DefectDocs.Block b : DefectDocs.BLOCKS) {
            assertThat(DefectDocs.current(b)).as(b.file() + " has the markers of block '" + b.name() + "'").isPresent();
            assertThat(DefectDocs.current(b).get()).as(b.file() + ", block '" + b.name() + "': run ./kverify defects --update-docs")
                    .isEqualTo(DefectDocs.generate(b, catalog, known, replays));
        }
    }

    @Test
    void docsReviewHoldsWhatTheReviewCommandWrites(@org.junit.jupiter.api.io.TempDir Path tmp) throws Exception {
        List<Path> written = Review.write(tmp, DefectCatalog.load(), KnownFindings.load(Campaign.FINDINGS));
        Path docs = DefectDocs.root().resolve("docs/review");
        try (Stream<Path> s = Files.list(docs)) {
            assertThat(s.map(p -> p.getFileName().toString()).sorted().toList())
                    .isEqualTo(written.stream().map(p -> p.getFileName().toString()).sorted().toList());
        }
        for (Path p : written) {
            assertThat(Files.readString(docs.resolve(p.getFileName()))).as("docs/review/" + p.getFileName()
                    + ": copy it from target/kverify-campaign/review/ after a campaign, or run ./kverify review --out docs/review")
                    .isEqualTo(Files.readString(p));
        }
    }
}
