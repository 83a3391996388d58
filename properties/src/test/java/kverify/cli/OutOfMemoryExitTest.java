package kverify.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The launcher with a tiny heap replaying a trace too large for it: one line on stderr, exit code
 * 3, no stack trace. A forked JVM with -Xmx24m makes running out cheap.
 */
class OutOfMemoryExitTest {
    @TempDir
    Path tmp;

    @Test
    void runningOutOfHeapIsOneMessageAndExitCode3() throws Exception {
        Path trace = tmp.resolve("big.trace");
        Files.writeString(trace, "kverify-trace luo v1\nvariant: CORRECTED\ngeometry: real\ncreate-sessions s 8190001\n");
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process p = new ProcessBuilder(List.of(java, "-Xmx24m", "-cp", System.getProperty("java.class.path"), "kverify.cli.Main",
                "replay", trace.toString())).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        String err = new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(300, TimeUnit.SECONDS)).isTrue();
        assertThat(p.exitValue()).isEqualTo(Main.OUT_OF_MEMORY);
        assertThat(err).startsWith("kverify: out of memory (max heap ").doesNotContain("\tat ").doesNotContain("Exception");
        assertThat(err.lines().count()).isEqualTo(1);
    }
}
