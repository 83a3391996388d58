package kverify.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MainTest {
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    private int run(String... args) {
        return Main.run(args, new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    private String err() {
        return err.toString(StandardCharsets.UTF_8);
    }

    @Test
    void badCommandLinesExitWithTwoAndOneMessage() {
        assertThat(run()).isEqualTo(2);
        assertThat(run("frobnicate")).isEqualTo(2);
        assertThat(err()).contains("unknown command 'frobnicate'").doesNotContain("Exception");
        assertThat(run("campaign", "--tries", "-3")).isEqualTo(2);
        assertThat(err()).contains("--tries takes a positive whole number, got '-3'");
        assertThat(run("property", "no.such.property")).isEqualTo(2);
    }

    @Test
    void badJobsAndShardOptionsExitWithTwoAndOneMessage() {
        assertThat(run("campaign", "--jobs", "0")).isEqualTo(2);
        assertThat(err()).contains("--jobs takes a positive whole number, got '0'");
        assertThat(run("campaign", "--shard", "3/2")).isEqualTo(2);
        assertThat(err()).contains("--shard takes K/N with 1 <= K <= N (e.g. 2/4), got '3/2'");
        assertThat(run("campaign", "--shard", "1of2")).isEqualTo(2);
        assertThat(run("campaign", "--shard-out", "x")).isEqualTo(2);
        assertThat(err()).contains("--shard-out needs --shard K/N").doesNotContain("Exception");
        assertThat(run("merge", "--seed", "1")).isEqualTo(2);
        assertThat(err()).contains("merge takes the shard directories");
    }

    @Test
    void replayOfMissingOrUnknownFilesIsLocated(@TempDir Path tmp) throws Exception {
        assertThat(run("replay", tmp.resolve("absent.trace").toString())).isEqualTo(2);
        assertThat(err()).contains("absent.trace: no such file");
        Path odd = tmp.resolve("odd.trace");
        Files.writeString(odd, "\nnot a trace\n");
        assertThat(run("replay", odd.toString())).isEqualTo(2);
        assertThat(err()).contains("odd.trace:2: unknown file type");
    }

    @Test
    void replayExitsZeroWhenTheFileBehavesAsItSaysAndOneWhenNot(@TempDir Path tmp) throws Exception {
        Path finding = Campaign.FINDINGS.resolve("mk/as-posted-invariant-locks-released.trace");
        assertThat(run("replay", finding.toString())).isZero();
        assertThat(out.toString(StandardCharsets.UTF_8)).contains("expected: ok: as-posted diverges with 'invariant locks-released'")
                .contains("expected: ok: corrected agrees with the model at every step").contains("(exit 0)");
        Path wrongKey = tmp.resolve("wrong-key.trace");
        Files.writeString(wrongKey, Files.readString(finding).replace("# key: invariant locks-released", "# key: invariant no-hang"));
        assertThat(run("replay", wrongKey.toString())).isEqualTo(1);
        assertThat(out.toString(StandardCharsets.UTF_8))
                .contains("NOT AS EXPECTED: as-posted diverges with 'invariant no-hang', but diverges with 'invariant locks-released'")
                .contains("replay: NOT as the file expects (exit 1)");
        Path onCorrected = tmp.resolve("corrected.trace");
        Files.writeString(onCorrected, Files.readString(finding).replace("variant: AS_POSTED", "variant: CORRECTED"));
        assertThat(run("replay", onCorrected.toString())).isZero();
        Path broken = tmp.resolve("broken.trace");
        Files.writeString(broken, Files.readString(finding).replace("reboot cmd=MULTIKERNEL", "reboot cmd=NOPE"));
        assertThat(run("replay", broken.toString())).isEqualTo(2);
    }

    @Test
    void propertyCommandReplaysAGivenCase() {
        assertThat(run("property", "engine.replay-is-exact", "--replay", "1 1 0 0")).isZero();
        assertThat(out.toString(StandardCharsets.UTF_8)).contains("engine.replay-is-exact: pass (1 cases");
        assertThat(run("property", "engine.replay-is-exact", "--replay", "1 x")).isEqualTo(2);
        assertThat(err()).contains("--replay: choice 2 is not a number: 'x'");
    }
}
