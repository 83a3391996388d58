package kverify.properties.luo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import kverify.impl.luo.LuoVariant;
import kverify.model.Errno;
import kverify.model.luo.AllocKind;
import kverify.model.luo.LuoFault;
import kverify.model.luo.LuoGeometry;
import kverify.model.luo.LuoOp;
import kverify.model.luo.RebootFault;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The fault-space lines of trace format v2: they print and parse back, malformed ones name the line, the docs' examples replay. */
class LuoFaultFormatTest {
    private static final String HEADER = "kverify-trace luo v2\nvariant: AS_POSTED\ngeometry: small\n";

    @Test
    void faultLinesPrintAndParseBack() {
        List<LuoOp> ops = List.of(new LuoFault.FailAlloc(AllocKind.KZALLOC, 1), new LuoFault.FailAlloc(AllocKind.KHO, 3),
                new LuoFault.ReturningReboot(RebootFault.NONE, Optional.empty()),
                new LuoFault.ReturningReboot(new RebootFault.FreezeFails(0, 1, Errno.EIO), Optional.of(Errno.EBUSY)));
        String text = LuoTraceFormat.print(LuoTrace.of(LuoVariant.AS_POSTED, LuoGeometry.SMALL, List.of(), ops));
        assertThat(text).isEqualTo(HEADER + "fail-alloc kind=kzalloc nth=1\nfail-alloc kind=kho nth=3\nreboot returns=ok\n"
                + "reboot freeze-fails session=0 file=1 errno=EIO returns=EBUSY\n");
        assertThat(LuoTraceFormat.parse("t", text).ops()).isEqualTo(ops);
    }

    @Test
    void malformedFaultLinesNameTheLine() {
        malformed("fail-alloc kind=slab nth=1\n", "t:4: unknown allocation kind 'slab'");
        malformed("fail-alloc kind=kho nth=0\n", "t:4: bad nth '0'");
        malformed("fail-alloc kind=kho\n", "t:4: expected 'fail-alloc kind=kho|kzalloc nth=N'");
        malformed("fail-alloc nth=1 kind=kho\n", "t:4: expected 'fail-alloc kind=kho|kzalloc nth=N'");
        malformed("reboot returns=maybe\n", "t:4: returns must be ok or a Linux errno name");
        malformed("reboot returns=ok returns=EBUSY\n", "t:4: duplicate argument 'returns'");
        malformed("reboot later returns=ok\n", "t:4: expected 'reboot' or 'reboot freeze-fails");
    }

    @Test
    void replayReportsAFaultOutOfPhaseWithFileLineAndTwo(@TempDir Path dir) throws Exception {
        Path f = dir.resolve("t.trace");
        Files.writeString(f, HEADER + "reboot\nfail-alloc kind=kho nth=1\n");
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        assertThat(LuoTraceReplay.run(f, new PrintStream(out, true, StandardCharsets.UTF_8))).isEqualTo(2);
        assertThat(out.toString(StandardCharsets.UTF_8)).startsWith(f + ":5: 'fail-alloc kind=kho nth=1' is not valid in phase BOOTING");
    }

    /** The example of docs/luo.md, "The fault space": a preserve whose luo_file allocation (the second kzalloc: the first is the new block's tracking struct) fails keeps the new block as posted. */
    @Test
    void theDocsAllocationExampleReplays(@TempDir Path dir) throws Exception {
        Path f = dir.resolve("alloc.trace");
        Files.writeString(f, HEADER + "open-device -> d0\ncreate-session d0 \"a\" -> s1\nnew-file kind=a data=0x1 -> f2\n"
                + "fail-alloc kind=kzalloc nth=2\npreserve-fd s1 f2 token=0x1 => ENOMEM\n");
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        assertThat(LuoTraceReplay.run(f, new PrintStream(out, true, StandardCharsets.UTF_8))).isEqualTo(0);
        assertThat(out.toString(StandardCharsets.UTF_8))
                .contains("AS_POSTED: first diverges at step 5 (preserve-fd s1 f2 token=0x1): preserve-fd: invariant violated: session '..': "
                        + "file blocks=N == ceil(files/N)=N")
                .contains("CORRECTED: agrees with the model at every step").doesNotContain("missed by");
    }

    /**
     * Found by LuoHunt (faults, CORRECTED small, seed 2, try 976) before CORRECTED gave back the
     * file blocks past a tracking allocation that failed: the rejected handover must leave nothing.
     */
    @Test
    void correctedGivesBackAFileChainCutShortByAFailedTrackingAllocation() {
        LuoTrace t = LuoTraceFormat.parse("t", HEADER.replace("AS_POSTED", "CORRECTED") + "open-device -> d0\ncreate-session d0 \"a\" -> s6\n"
                + "new-file kind=a data=0x0 -> f12\npreserve-fd s6 f12 token=0x0\nreboot\nsetup\nfail-alloc kind=kzalloc nth=2\n"
                + "open-device -> d31 => EIO\n");
        LuoDuel duel = new LuoDuel(LuoVariant.CORRECTED, LuoGeometry.SMALL);
        for (LuoTrace.Step step : t.steps()) {
            LuoDuel.StepResult r = duel.step(step.op());
            assertThat(r.agrees()).as(duel.report(r)).isTrue();
        }
        assertThat(duel.allocationFailures()).isEqualTo(1);
        assertThat(duel.impl().kho().incoming()).isEmpty();
    }

    private static void malformed(String body, String message) {
        assertThatThrownBy(() -> LuoTraceFormat.parse("t", HEADER + body)).isInstanceOf(MalformedTrace.class).hasMessageStartingWith(message);
    }
}
