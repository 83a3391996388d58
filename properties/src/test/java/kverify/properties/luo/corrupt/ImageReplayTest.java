package kverify.properties.luo.corrupt;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code kverify replay IMAGE}: the side-by-side report, and exit code 2 with FILE:LINE for malformed files. */
class ImageReplayTest {

    private static String run(Path file, int expectedExit) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        int exit = ImageReplay.run(file, new PrintStream(bytes, true, StandardCharsets.UTF_8));
        String out = bytes.toString(StandardCharsets.UTF_8);
        assertThat(exit).as(out).isEqualTo(expectedExit);
        return out;
    }

    @Test
    void aValidHandWrittenImageIsRestoredTheSameByEveryone() {
        String out = run(FindingFiles.examples().resolve("hand-written-two-sessions.image"), 0);
        assertThat(out).contains("model: accepted (2 sessions)").contains("model (contract)").contains("as-posted")
                .contains("corrected").contains("review-suggestion").doesNotContain("DIVERGES");
        assertThat(out.lines().filter(l -> l.startsWith("verdict")).findFirst().orElseThrow()).contains("agrees");
        assertThat(out.lines().filter(l -> l.startsWith("sessions restored")).findFirst().orElseThrow())
                .matches("sessions restored\\s+2\\s+2\\s+2\\s+2\\s*");
    }

    @Test
    void aCycleShowsTheCostOfRejectionSideBySide() {
        String out = run(FindingFiles.examples().resolve("hand-written-self-cycle.image"), 0);
        assertThat(out).contains("model: chain cycle");
        assertThat(out.lines().filter(l -> l.startsWith("setup")).findFirst().orElseThrow())
                .matches("setup\\s+Err\\(EINVAL\\)\\s+Err\\(ENOSPC\\)\\s+Err\\(EINVAL\\)\\s+Err\\(ENOSPC\\)\\s*");
        assertThat(out.lines().filter(l -> l.startsWith("blocks visited")).findFirst().orElseThrow())
                .matches("blocks visited \\(setup\\+open\\)\\s+<= 2 per step\\s+4\\+0\\s+1\\+0\\s+4\\+0\\s*");
        assertThat(out).contains("as-posted: setup visits more blocks than the image holds through session blocks");
    }

    @Test
    void everyFindingReplays() {
        for (Path f : FindingFiles.all()) {
            assertThat(run(f, 0)).as(f.toString()).contains("DIVERGES");
        }
    }

    @Test
    void malformedFilesExitWithTwoAndALocatedMessage(@TempDir Path dir) throws IOException {
        Path bad = dir.resolve("bad.image");
        Files.writeString(bad, "kverify-image luo v1\ngeometry small\nfdt none\npreserve 0x100001 order 0\n");
        assertThat(run(bad, 2).trim()).isEqualTo(bad + ":4: folio 0x100001 is not aligned to its size 0x1000");
        Files.writeString(bad, "not an image\n");
        assertThat(run(bad, 2)).startsWith(bad + ":1: expected the header line");
        assertThat(run(dir.resolve("missing.image"), 2)).startsWith(dir.resolve("missing.image") + ":1: cannot read");
    }
}
