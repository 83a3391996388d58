package kverify.properties.luo;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.List;
import kverify.impl.luo.LuoVariant;
import kverify.model.Outcome;
import kverify.model.luo.Handover;
import kverify.model.luo.LuoOp;
import kverify.model.luo.LuoState;
import kverify.model.luo.LuoV7Geometry;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Several live updates in one trace (docs/luo.md decision 37): the example trace replays with
 * exit 0, each reboot hands over exactly the sessions the kernel running then had created (on the
 * model and, decoded from simulated memory, on every variant), and out-of-phase uses are
 * FILE:LINE with exit 2 in both formats.
 */
class LuoGenerationsTraceTest {
    static final Path EXAMPLE = Paths.get("src/test/resources/examples/luo/three-live-updates.trace");

    @TempDir
    Path tmp;

    private static String replay(Path file, int expectedStatus) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        assertThat(LuoTraceReplay.run(file, new PrintStream(bytes, true, StandardCharsets.UTF_8))).as("exit status").isEqualTo(expectedStatus);
        return bytes.toString(StandardCharsets.UTF_8);
    }

    @Test
    void theExampleReplaysAndAgreesEverywhere() {
        assertThat(replay(EXAMPLE, 0)).contains("AS_POSTED: agrees with the model at every step")
                .contains("CORRECTED: agrees with the model at every step").contains("REVIEW_SUGGESTION: agrees with the model at every step");
    }

    /** What each kernel hands on is what it held: its outgoing sessions just before the reboot, nothing it received. */
    @Test
    void eachRebootHandsOverWhatThatKernelCreated() throws Exception {
        LuoTrace t = LuoTraceFormat.parse(EXAMPLE.toString(), Files.readString(EXAMPLE));
        for (LuoVariant v : LuoVariant.values()) {
            // v7's variants at v7's small geometry (the same calls; v7 writes a luo_ser root of its own per kernel).
            LuoDuel duel = new LuoDuel(v, v.version().geometries().contains(t.geometry()) ? t.geometry() : LuoV7Geometry.SMALL);
            int reboots = 0;
            for (LuoTrace.Step step : t.steps()) {
                LuoState before = duel.modelState();
                LuoDuel.StepResult r = duel.step(step.op());
                assertThat(r.agrees()).as(v + " line " + step.line()).isTrue();
                if (step.op() instanceof LuoOp.Reboot && r.model().equals(Outcome.ok())) {
                    reboots++;
                    assertThat(duel.impl().handover()).as(v + " line " + step.line()).isEqualTo(new Handover.Present(before.outgoing()));
                }
            }
            assertThat(reboots).isEqualTo(3);
        }
    }

    @Test
    void aRebootBeforeTheNextKernelsSetupIsFileLineAndTwoInEitherFormat() throws Exception {
        Path f = tmp.resolve("t.trace");
        Files.writeString(f, "kverify-trace luo v1\nvariant: CORRECTED\ngeometry: small\ncreate-session a\nreboot\nsetup\nreboot\nreboot\n");
        assertThat(replay(f, 2)).startsWith(f + ":8: 'reboot' is not valid in phase BOOTING");
        Files.writeString(f, "kverify-trace luo v2\nvariant: CORRECTED\ngeometry: small\nreboot\nsetup\nreboot returns=ok\nreboot\nsetup\n"
                + "reboot returns=EBUSY\nreboot\nreboot returns=ok\n");
        assertThat(replay(f, 2)).startsWith(f + ":11: 'reboot returns=ok' is not valid in phase BOOTING");
    }
}
