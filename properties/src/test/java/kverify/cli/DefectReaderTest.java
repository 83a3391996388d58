package kverify.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The .defect format: a complete entry reads back field by field; every malformed one is FILE:LINE: message. */
class DefectReaderTest {
    @TempDir
    Path dir;

    static final String VALID = String.join("\n",
            "# a comment",
            "id: MK-99",
            "title: Something is wrong",
            "subsystem: mk",
            "class: posted-defect",
            "severity: hang",
            "severity-reason: the next caller blocks",
            "patch: [RFC Patch 1/7] x",
            "file: kernel/reboot.c",
            "function: f",
            "hunk-source: seed s.txt lines 2-4 (test)",
            "hunk:",
            "| +\tline two",
            "| ...",
            "| line four",
            "consequence:",
            "| first line",
            "| continues.",
            "|",
            "| Second paragraph.",
            "fix: CORRECTED does it right.",
            "version: rfc-v1 present",
            "version: rfc-v2 fixed-by [RFC Patch v2 3/9] y",
            "key: mk as-posted invariant no-hang",
            "key: mk image-tracking invariant no-hang",
            "");

    private Path write(String name, String text) throws IOException {
        Path f = dir.resolve(name);
        Files.writeString(f, text);
        return f;
    }

    @Test
    void aCompleteEntryReadsBack() throws IOException {
        Defect d = DefectReader.read(write("MK-99.defect", VALID));
        assertThat(d.id()).isEqualTo("MK-99");
        assertThat(d.kind()).isEqualTo(Defect.Kind.POSTED_DEFECT);
        assertThat(d.severity()).isEqualTo(Defect.Severity.HANG);
        assertThat(d.where().hunk()).containsExactly("+\tline two", "...", "line four");
        assertThat(d.consequence()).isEqualTo("first line continues.\n\nSecond paragraph.");
        assertThat(d.versions()).extracting(Defect.VersionStatus::render)
                .containsExactly("rfc-v1 present", "rfc-v2 fixed-by [RFC Patch v2 3/9] y");
        assertThat(d.keys()).containsExactly(new Defect.Key("mk", "as-posted", "invariant no-hang"),
                new Defect.Key("mk", "image-tracking", "invariant no-hang"));
        assertThat(d.scopes()).containsExactly("mk as-posted", "mk image-tracking");
    }

    private void rejects(String text, String message) throws IOException {
        Path f = write("MK-99.defect", text);
        assertThatThrownBy(() -> DefectReader.read(f)).isInstanceOf(UsageError.class).hasMessage(f + ":" + message);
    }

    @Test
    void malformedEntriesAreLocated() throws IOException {
        rejects(VALID.replace("severity: hang", "sevrity: hang"), "6: unknown field 'sevrity' (known: id, title, subsystem, "
                + "class, severity, severity-reason, patch, file, function, hunk-source, hunk, consequence, fix, decision, note, version, key)");
        rejects(VALID.replace("title: Something is wrong\n", ""), "24: missing required field 'title'");
        rejects(VALID.replace("fix: CORRECTED does it right.", "fix: a\nfix: b"), "22: field 'fix' is given twice (first on line 21)");
        rejects(VALID.replace("# a comment", "| stray"), "1: a '|' line belongs to a block field ('name:' alone on the line before it)");
        rejects(VALID.replace("| first line", "|first line"), "17: a block line is '|' alone or '| ' followed by the text");
        rejects(VALID.replace("class: posted-defect", "class: bug"), "5: class 'bug' is not posted-defect, suggestion-defect, "
                + "contract-decision, reconstructed-code or symptom-of ID");
        rejects(VALID.replace("class: posted-defect", "class: contract-decision"),
                "5: a contract-decision names the decision it follows ('decision:', e.g. docs/luo.md decision 14)");
        rejects(VALID.replace("severity: hang", "severity: bad"), "6: severity 'bad' is none of [kernel-memory-corruption, oops, "
                + "hang, lost-data, leak, wrong-result, wrong-errno]");
        rejects(VALID.replace("version: rfc-v1 present", "version: rfc-v1 gone"), "22: version is 'VERSION STATUS' (v1, v7, rfc-v1, "
                + "rfc-v2; present, fixed-by PATCH, not-applicable, not-checked), got 'rfc-v1 gone'");
        rejects(VALID.replace("key: mk as-posted", "key: mk corrected"), "24: key is 'SUBSYSTEM VARIANT DIVERGENCE-KEY' with a "
                + "subsystem of [luo, luo-image, mk] and a posted variant of [as-posted, image-tracking, review-suggestion, v2-as-posted, v7-as-applied], got "
                + "'mk corrected invariant no-hang'");
        rejects(VALID.replace("| ...\n| line four", "| line four\n| ..."), "12: a hunk starts and ends with quoted lines; '...' stands only between them");
        rejects(VALID.replace("fix: CORRECTED does it right.", "fix:"), "21: block field 'fix' is empty");
        rejects(VALID.replace("id: MK-99", "id: MK-98"), "2: the file of defect MK-98 must be named MK-98.defect");
    }

    @Test
    void theCatalogChecksAcrossFiles() throws IOException {
        write("MK-99.defect", VALID.replace("class: posted-defect", "class: symptom-of MK-5"));
        assertThatThrownBy(() -> DefectCatalog.load(dir)).hasMessage(dir.resolve("MK-99.defect") + ":5: symptom-of MK-5: no such defect in the catalog");
        write("MK-99.defect", VALID);
        write("MK-98.defect", VALID.replace("MK-99", "MK-98").replace("key: mk image-tracking invariant no-hang\n", ""));
        assertThatThrownBy(() -> DefectCatalog.load(dir)).hasMessage(dir.resolve("MK-99.defect")
                + ":24: key 'invariant no-hang' on mk as-posted already belongs to MK-98 (MK-98.defect)");
    }

    @Test
    void hunksQuotedFromASeedAreCheckedAgainstIt() throws IOException {
        Path seeds = Files.createDirectories(dir.resolve("seeds"));
        Files.writeString(seeds.resolve("s.txt"), "one\n>>> +\tline two\n> three\nline four\nfive\n");
        Path defects = Files.createDirectories(dir.resolve("defects"));
        Files.writeString(defects.resolve("MK-99.defect"), VALID);
        assertThat(DefectHunks.check(DefectCatalog.load(defects), seeds)).isEmpty();
        Files.writeString(defects.resolve("MK-99.defect"), VALID.replace("| line four", "| line 4"));
        assertThat(DefectHunks.check(DefectCatalog.load(defects), seeds)).containsExactly(defects.resolve("MK-99.defect")
                + ":11: the hunk is not lines 2-4 of " + seeds.resolve("s.txt")
                + " in order (quoted stretches separated by '...', the last ending at line 4)");
        Files.writeString(defects.resolve("MK-99.defect"), VALID.replace("lines 2-4", "lines 2-5"));
        assertThat(DefectHunks.check(DefectCatalog.load(defects), seeds)).containsExactly(defects.resolve("MK-99.defect")
                + ":11: the hunk is not lines 2-5 of " + seeds.resolve("s.txt")
                + " in order (quoted stretches separated by '...', the last ending at line 5)");
        Files.writeString(defects.resolve("MK-99.defect"), VALID.replace("lines 2-4", "lines 1-4"));
        assertThat(DefectHunks.check(DefectCatalog.load(defects), seeds)).containsExactly(defects.resolve("MK-99.defect")
                + ":11: hunk line '+\tline two' is not line 1 of " + seeds.resolve("s.txt") + " ('one')");
    }
}
