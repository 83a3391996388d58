package kverify.properties.luo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.OptionalLong;
import kverify.engine.Divergence;
import kverify.engine.Property;
import kverify.impl.luo.LuoVariant;
import kverify.model.Errno;
import kverify.model.luo.ArgShape;
import kverify.model.luo.FileSpec;
import kverify.model.luo.HandlerKind;
import kverify.model.luo.LuoCall;
import kverify.model.luo.LuoGeometry;
import kverify.model.luo.LuoOp;
import kverify.model.luo.RebootFault;
import kverify.model.luo.reference.LuoReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Trace format v2: every operation prints and parses back, generated traces round-trip, malformed lines name the line. */
class LuoTraceFormatV2Test {
    private static final String HEADER = "kverify-trace luo v2\nvariant: AS_POSTED\ngeometry: small\n";

    @Test
    void everyOperationPrintsAndParsesBack() {
        ArgShape odd = new ArgShape(OptionalLong.of(80), new byte[] {0, 1}, OptionalInt.of(9), true);
        List<LuoOp> ops = List.of(new LuoCall.Open("d"), new LuoCall.NewFile("f", new FileSpec(Optional.empty(), 7, Optional.of(Errno.EIO))),
                new LuoCall.NewFile("g", FileSpec.of(HandlerKind.TEST_B, -1)),
                LuoCall.SessionCall.create("d", "a \"q\\\0\u00ff".getBytes(StandardCharsets.ISO_8859_1), odd, "s"),
                new LuoCall.PreserveFd("s", LuoCall.FdRef.of("f"), -2, ArgShape.PLAIN),
                new LuoCall.PreserveFd("s", LuoCall.FdRef.number(17), 3, odd), new LuoCall.Finish("s", 5, ArgShape.PLAIN),
                new LuoCall.RawIoctl("s", 0xba43, new byte[] {1, 2}, true), new LuoCall.RawIoctl("never", 0xffffffffL, new byte[0], false),
                new LuoCall.UnloadModule(HandlerKind.TEST_A), new LuoCall.LoadModule(HandlerKind.TEST_B), new LuoCall.Close("d"),
                new LuoOp.Reboot(new RebootFault.FreezeFails(1, 0, Errno.EBUSY)), new LuoOp.Setup(),
                LuoCall.SessionCall.retrieve("d", new byte[64], ArgShape.PLAIN, "r"), new LuoCall.RetrieveFd("r", 9, ArgShape.PLAIN, "h"),
                new LuoCall.RetrieveFd("r", 9, ArgShape.PLAIN, null));
        LuoTrace t = LuoTrace.of(LuoVariant.CORRECTED, LuoGeometry.UNIT, List.of("c"), ops);
        String text = LuoTraceFormat.print(t);
        assertThat(text).startsWith("kverify-trace luo v2\nvariant: CORRECTED\ngeometry: unit\n# c\n")
                .contains("create-session d \"a \\\"q\\\\\\x00\\xff\" size=80 extra=0001 mapped=9 ro -> s\n")
                .contains("new-file kind=none data=0x7 preserve-fails=EIO -> f\n").contains("preserve-fd s fd=17 token=0x3");
        LuoTrace back = LuoTraceFormat.parse("t", text);
        assertThat(back.version()).isEqualTo(2);
        assertThat(back.ops()).isEqualTo(ops);
        assertThat(LuoTraceFormat.print(back)).isEqualTo(text);
    }

    @Test
    void repeatsAndExpectationsParse() {
        LuoTrace t = LuoTraceFormat.parse("t", HEADER + "open-device -> d => ok\nrepeat 3 create-session d \"n{i}\" -> s{i} ; close s{i} => ok\n"
                + "retrieve-fd s0 token=1 -> g => ok data=0x10\nclose d => EBADF\n");
        LuoCall.Repeat r = (LuoCall.Repeat) t.steps().get(1).op();
        assertThat(r.ops()).hasSize(6);
        assertThat(r.ops().get(4)).isEqualTo(LuoCall.SessionCall.create("d", "n2".getBytes(), ArgShape.PLAIN, "s2"));
        assertThat(t.steps().get(2).expect()).contains(new Expect(Optional.empty(), OptionalLong.of(16)));
        assertThat(t.steps().get(3).expect().orElseThrow().errno()).contains(Errno.EBADF);
        assertThat(LuoTraceFormat.print(t)).contains("repeat 3 create-session d \"n{i}\" -> s{i} ; close s{i} => ok\n");
    }

    /** Traces from the whole-interface generator round-trip exactly. */
    @Test
    void generatedTracesRoundTrip() {
        Property.named("luo.trace-v2.round-trip").body(src -> {
            LuoReference model = new LuoReference(LuoGeometry.SMALL);
            CallContext c = new CallContext(model.process());
            LuoCallGen gen = new LuoCallGen(LuoGeometry.SMALL);
            List<LuoOp> ops = new ArrayList<>();
            for (int i = 0; i < 60; i++) {
                Optional<LuoOp> op = src.draw(gen.step(model.state(), c, 30));
                if (op.isEmpty()) {
                    break;
                }
                c.after(op.get(), op.get().applyTo(model));
                ops.add(op.get());
            }
            LuoTrace t = new LuoTrace(2, LuoVariant.AS_POSTED, LuoGeometry.SMALL, List.of(), ops.stream().map(o -> new LuoTrace.Step(0, o)).toList());
            LuoTrace back = LuoTraceFormat.parse("generated", LuoTraceFormat.print(t));
            if (!back.ops().equals(ops)) {
                throw new Divergence("round trip", "printed:\n" + LuoTraceFormat.print(t) + "parsed: " + back.ops());
            }
        }).build().check();
    }

    @Test
    void malformedUsesOfEveryOperationNameTheLine() {
        malformed("open-device d\n", "t:4: open-device needs '-> HANDLE' at the end");
        malformed("open-device -> 9d\n", "t:4: bad handle '9d'");
        malformed("close\n", "t:4: close takes 1 handle(s)");
        malformed("close a b\n", "t:4: close takes 1 handle(s)");
        malformed("new-file kind=c data=0 -> f\n", "t:4: kind must be a, b or none");
        malformed("new-file kind=a -> f\n", "t:4: expected 'new-file kind=a|b|none data=N");
        malformed("new-file kind=a data=0 preserve-fails=EWHAT -> f\n", "t:4: unknown errno 'EWHAT'");
        malformed("create-session d a -> s\n", "t:4: expected a name in double quotes");
        malformed("create-session d \"a\"\n", "t:4: create-session needs '-> HANDLE'");
        malformed("create-session d \"a\\q\" -> s\n", "t:4: bad escape '\\q'");
        malformed("create-session d \"a\\x4\" -> s\n", "t:4: bad escape in");
        malformed("create-session d \"a -> s\n", "t:4: a double quote is not closed");
        malformed("create-session d \"a\" size=0x100000000 -> s\n", "t:4: size must be within [0, 2^32)");
        malformed("create-session d \"a\" mapped=999999 -> s\n", "t:4: mapped must be at most 4168");
        malformed("create-session d \"a\" extra=zz -> s\n", "t:4: bad hex for extra");
        malformed("retrieve-session d \"a\" color=red -> r\n", "t:4: expected 'retrieve-session DEVICE \"NAME\"");
        malformed("preserve-fd s token=1\n", "t:4: expected 'preserve-fd SESSION FILE token=T");
        malformed("preserve-fd s f token=1 -> g\n", "t:4: preserve-fd binds nothing");
        malformed("preserve-fd s f token=1 speed=2\n", "t:4: unknown argument 'speed'");
        malformed("retrieve-fd r -> g\n", "t:4: retrieve-fd needs token=T");
        malformed("finish r reserved=x\n", "t:4: bad number for reserved");
        malformed("ioctl s cmd=0xba43\n", "t:4: expected 'ioctl HANDLE cmd=N bytes=HEX [ro]'");
        malformed("ioctl s cmd=0x1ffffffff bytes=\n", "t:4: cmd must be a 32-bit number");
        malformed("load-module c\n", "t:4: load-module takes a or b");
        malformed("unload-module\n", "t:4: unload-module takes 1 handle(s)");
        malformed("repeat 0 close s{i}\n", "t:4: expected 'repeat N OPERATION");
        malformed("repeat 2 close s\n", "t:4: the repeated operation must use {i}");
        malformed("repeat 2 reboot {i}\n", "t:4: ");
        malformed("open-device -> d => maybe\n", "t:4: expected '=> ok', '=> ok data=N' or '=> ERRNO'");
        malformed("create-sessions x 3\n", "t:4: unknown operation 'create-sessions'");
        malformed("setup now\n", "t:4: setup takes 0 positional argument(s)");
    }

    @Test
    void replayReportsMalformedV2TracesAndOutOfPhaseCallsWithFileLineAndTwo(@TempDir Path dir) throws Exception {
        for (String[] c : new String[][] {{"open-device => ok\n", ":4: open-device needs '-> HANDLE'"},
                // A next kernel may reboot (a second live update, decision 37), but never before its setup, nor set up twice.
                {"reboot\nsetup\nreboot\nreboot\n", ":7: 'reboot' is not valid in phase BOOTING"},
                {"reboot\nsetup\nreboot\nsetup\nsetup\n", ":8: 'setup' is not valid in phase INCOMING"},
                {"reboot\nsetup\nreboot\nopen-device -> d\n", ":7: 'open-device -> d' is not valid in phase BOOTING"},
                {"reboot\nopen-device -> d\n", ":5: 'open-device -> d' is not valid in phase BOOTING"}}) {
            Path f = dir.resolve("t.trace");
            Files.writeString(f, HEADER + c[0]);
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            assertThat(LuoTraceReplay.run(f, new PrintStream(out, true, StandardCharsets.UTF_8))).isEqualTo(2);
            assertThat(out.toString(StandardCharsets.UTF_8)).startsWith(f + c[1]);
        }
    }

    private static void malformed(String body, String message) {
        assertThatThrownBy(() -> LuoTraceFormat.parse("t", HEADER + body)).isInstanceOf(MalformedTrace.class).hasMessageStartingWith(message);
    }
}
