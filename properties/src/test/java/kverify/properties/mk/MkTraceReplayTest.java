package kverify.properties.mk;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import kverify.model.mk.ExampleMachines;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MkTraceReplayTest {
    @TempDir
    Path tmp;

    private static String replay(Path file, int expectedStatus) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        int status = MkTraceReplay.run(file, new PrintStream(bytes, true, StandardCharsets.UTF_8));
        String out = bytes.toString(StandardCharsets.UTF_8);
        assertThat(status).as(out).isEqualTo(expectedStatus);
        return out;
    }

    private Path write(String... ops) throws IOException {
        List<String> lines = new ArrayList<>(List.of(MkTracePrinter.HEADER, "# hand-written unit-test trace", "variant: AS_POSTED"));
        lines.addAll(MkTracePrinter.machineLines(ExampleMachines.fourCpus()));
        lines.addAll(List.of(ops));
        Path f = tmp.resolve("t.trace");
        Files.write(f, lines, StandardCharsets.UTF_8);
        return f;
    }

    @Test
    void printsEveryStepForTheModelAndEveryVariantSideBySide() throws IOException {
        String out = replay(write("kexec_load entry=0x40000 flags=MULTIKERNEL seg(mem=0x40000,memsz=0x1000,bufsz=0x1000,pat=1)",
                "reboot cmd=MULTIKERNEL cpu=2 arg=fault"), 0);
        assertThat(out).contains("#1 kexec_load entry=0x40000").contains("#2 reboot cmd=MULTIKERNEL cpu=2 arg=fault")
                .contains("model: Err(EFAULT) | AS_POSTED: Err(EFAULT) <- diverges: invariant locks-released")
                .contains("IMAGE_TRACKING: Err(EFAULT) <- diverges: invariant locks-released | CORRECTED: Err(EFAULT)")
                .contains("AS_POSTED: step 2: invariant locks-released")
                .contains("CORRECTED: agrees with the model at every step");
    }

    @Test
    void aMalformedTraceIsReportedAsFileLineMessageWithStatus2() throws IOException {
        Path f = write("suspend", "cpu_online two");
        String out = replay(f, 2);
        assertThat(out.trim()).isEqualTo(f + ":" + (MkTracePrinter.machineLines(ExampleMachines.fourCpus()).size() + 5)
                + ": not a number: 'two'");
        assertThat(replay(tmp.resolve("missing.trace"), 2)).startsWith(tmp.resolve("missing.trace") + ":1: cannot read");
    }

    @Test
    void everyCheckedInFindingReplays() {
        for (MkFindings.Finding f : MkFindings.load(MkTestPaths.findings())) {
            String at = "step " + f.trace().ops().size() + ": " + f.key();
            // A consequence is printed after the first divergence it follows: "step K: first; then step N: consequence".
            assertThat(replay(f.file(), 0)).contains(f.key().startsWith("consequence: ") ? "; then " + at : f.trace().variant() + ": " + at);
        }
    }
}
