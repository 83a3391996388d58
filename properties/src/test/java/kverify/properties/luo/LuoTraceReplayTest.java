package kverify.properties.luo;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LuoTraceReplayTest {
    @TempDir
    Path tmp;

    private String replay(Path file, int expectedStatus) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        int status = LuoTraceReplay.run(file, new PrintStream(bytes, true, StandardCharsets.UTF_8));
        assertThat(status).as("exit status").isEqualTo(expectedStatus);
        return bytes.toString(StandardCharsets.UTF_8);
    }

    /** A hand-written trace (not a finding): the whole live update agrees everywhere. */
    @Test
    void aHealthyTracePrintsEveryStepForTheModelAndEveryVariant() throws Exception {
        Path f = tmp.resolve("ok.trace");
        Files.writeString(f, "kverify-trace luo v1\nvariant: CORRECTED\ngeometry: small\n# hand-written\n"
                + "create-session a\npreserve-file a token=0x7 kind=a data=0x2a\nreboot\nsetup\nopen-device\n"
                + "retrieve-session a\nretrieve-file a token=0x7\nfinish a\n");
        String out = replay(f, 0);
        assertThat(out).contains("model").contains("AS_POSTED").contains("CORRECTED").contains("REVIEW_SUGGESTION");
        assertThat(out).containsPattern("11  retrieve-file a token=0x7\\s+Ok\\(file\\(token=0x7, kind=a, data=0x2a\\)\\)");
        assertThat(out).contains("AS_POSTED: agrees with the model at every step")
                .contains("REVIEW_SUGGESTION: agrees with the model at every step");
    }

    @Test
    void everyFindingReplaysAndShowsWhereItsVariantDiverges() {
        for (Path f : LuoFindings.files()) {
            LuoTrace t = LuoFindings.parse(f);
            String out = replay(f, 0);
            assertThat(out).contains(t.variant().name() + ": first diverges at step " + t.steps().size())
                    .contains("CORRECTED: agrees with the model at every step");
        }
    }

    /**
     * In this LUO-14 finding the posted variants' closing reboot fails where CORRECTED's succeeds,
     * so the model takes another serial order beside each: the model column is the one beside the
     * variant under study, marked '~', and each order's outcome is listed under the table.
     */
    @Test
    void whereTheModelsOutcomeDependsOnTheOrderTheColumnFollowsTheVariantUnderStudy() {
        Path f = LuoFindings.files(LuoFindings.CONCURRENT_DIR).stream()
                .filter(p -> p.getFileName().toString().equals("concurrent-close-reboot-outcome-ok-vs-model-ok.trace"))
                .findFirst().orElseThrow();
        String out = replay(f, 0);
        assertThat(out).containsPattern("13  concurrent \\[reboot freeze-fails [^\\n]*schedule=2,2 Ok\\(\\[Err\\(EIO\\), Ok\\]\\) ~ ")
                .contains("~ line 13: the model's outcome depends on the serial orders;")
                .contains("in AS_POSTED's orders Ok([Err(EIO), Ok]); in CORRECTED's orders Ok([Ok, Ok])");
        assertThat(out.lines().filter(l -> l.startsWith("~ line ")).count()).isEqualTo(1);
    }

    @Test
    void malformedTracesPrintFileAndLineAndReturnTwo() throws Exception {
        Path f = tmp.resolve("bad.trace");
        Files.writeString(f, "kverify-trace luo v1\nvariant: AS_POSTED\ngeometry: small\ncreate-session a\nfly away\n");
        assertThat(replay(f, 2)).isEqualTo(f + ":5: unknown operation 'fly'; expected create-session, create-sessions, "
                + "close-session, close-sessions, preserve-file, preserve-files, reboot, setup, open-device, retrieve-session, retrieve-file or finish\n");
        Files.writeString(f, "kverify-trace luo v1\nvariant: AS_POSTED\ngeometry: small\nsetup\n");
        assertThat(replay(f, 2)).startsWith(f + ":4: 'setup' is not valid in phase OUTGOING");
        assertThat(replay(tmp.resolve("missing.trace"), 2)).startsWith(tmp.resolve("missing.trace") + ":1: cannot read the trace");
    }
}
