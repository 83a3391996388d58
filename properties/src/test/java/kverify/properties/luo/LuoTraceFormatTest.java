package kverify.properties.luo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import kverify.engine.Divergence;
import kverify.engine.Property;
import kverify.impl.luo.LuoVariant;
import kverify.model.Errno;
import kverify.model.luo.HandlerKind;
import kverify.model.luo.LuoGeometry;
import kverify.model.luo.LuoOp;
import kverify.model.luo.RebootFault;
import kverify.model.luo.reference.LuoReference;
import org.junit.jupiter.api.Test;

class LuoTraceFormatTest {
    private static final String HEADER = "kverify-trace luo v1\nvariant: AS_POSTED\ngeometry: small\n";

    @Test
    void everyOperationPrintsAndParsesBack() {
        List<LuoOp> ops = List.of(new LuoOp.CreateSession("a"), new LuoOp.CreateSessions("x", 819),
                new LuoOp.PreserveFile("a", -1L, HandlerKind.TEST_B, Long.MIN_VALUE), new LuoOp.CloseSessions("x", 3),
                new LuoOp.PreserveFiles("a", 127, 0x100, HandlerKind.TEST_A, 7),
                new LuoOp.Reboot(new RebootFault.FreezeFails(818, 2, Errno.ENOMEM)), new LuoOp.CloseSession("x4"),
                new LuoOp.Reboot(RebootFault.NONE), new LuoOp.Setup(), new LuoOp.OpenDevice(), new LuoOp.RetrieveSession("a"),
                new LuoOp.RetrieveFile("a", 0xffffffffffffffffL), new LuoOp.Finish("a"));
        LuoTrace t = LuoTrace.of(LuoVariant.REVIEW_SUGGESTION, new LuoGeometry(336, 208, 9), List.of("a comment", ""), ops);
        String text = LuoTraceFormat.print(t);
        assertThat(text).startsWith("kverify-trace luo v1\nvariant: REVIEW_SUGGESTION\n"
                + "geometry: session-block=336 file-block=208 max-blocks=9\n# a comment\n#\n");
        assertThat(text).contains("preserve-file a token=0xffffffffffffffff kind=b data=0x8000000000000000\n");
        assertThat(text).contains("preserve-files a 127 token=0x100 kind=a data=0x7\n");
        LuoTrace back = LuoTraceFormat.parse("t", text);
        assertThat(back.ops()).isEqualTo(ops);
        assertThat(back.variant()).isEqualTo(t.variant());
        assertThat(back.geometry()).isEqualTo(t.geometry());
        assertThat(back.comments()).isEqualTo(t.comments());
        assertThat(back.steps().get(0).line()).isEqualTo(6);
        assertThat(LuoTraceFormat.print(back)).isEqualTo(text);
    }

    /** Generated traces (from the same generator as the equivalence property) round-trip exactly. */
    @Test
    void generatedTracesRoundTrip() {
        Property.named("luo.trace.round-trip").body(src -> {
            LuoGeometry g = src.draw(kverify.engine.Gen.elements(LuoGeometry.named()));
            LuoReference model = new LuoReference(g);
            LuoOpGen gen = new LuoOpGen(g);
            List<LuoOp> ops = new ArrayList<>();
            for (int i = 0; i < 60; i++) {
                Optional<LuoOp> op = src.draw(gen.step(model.state(), 30, src.draw(kverify.engine.Gen.elements(LuoOpGen.Stage.values()))));
                if (op.isEmpty()) {
                    break;
                }
                op.get().applyTo(model);
                ops.add(op.get());
            }
            LuoTrace t = LuoTrace.of(LuoVariant.AS_POSTED, g, List.of(), ops);
            LuoTrace back = LuoTraceFormat.parse("generated", LuoTraceFormat.print(t));
            if (!back.ops().equals(ops) || !back.geometry().equals(g)) {
                throw new Divergence("round trip", "printed:\n" + LuoTraceFormat.print(t) + "parsed: " + back.ops());
            }
        }).build().check();
    }

    @Test
    void malformedTracesNameTheLine() {
        assertMalformed("create-session a\n", "t:1: expected the header line 'kverify-trace luo v1'");
        assertMalformed("kverify-trace luo v1\nvariant: AS_POSTED\ncreate-session a\n", "t:3: missing the 'geometry:' header line");
        assertMalformed("kverify-trace luo v1\nvariant: AS_BROKEN\n", "t:2: unknown variant 'AS_BROKEN'");
        assertMalformed("kverify-trace luo v1\nvariant: AS_POSTED\ngeometry: huge\n", "t:3: bad geometry 'huge'");
        assertMalformed(HEADER + "# fine\n\ncreate-sesion a\n", "t:6: unknown operation 'create-sesion'");
        assertMalformed(HEADER + "create-session bad/name\n", "t:4: bad session name 'bad/name'");
        assertMalformed(HEADER + "create-session a b\n", "t:4: create-session takes 1 positional argument(s)");
        assertMalformed(HEADER + "preserve-file a token=1 kind=a\n", "t:4: preserve-file takes 1 positional argument(s) and token=, kind=, data=");
        assertMalformed(HEADER + "preserve-file a token=zz kind=a data=0\n", "t:4: bad number for token: 'zz'");
        assertMalformed(HEADER + "preserve-file a token=1 kind=c data=0\n", "t:4: unknown handler kind 'c'");
        assertMalformed(HEADER + "preserve-file a token=1 token=2 kind=a data=0\n", "t:4: duplicate argument 'token'");
        assertMalformed(HEADER + "reboot freeze-fails session=1 file=0 errno=EWHAT\n", "t:4: unknown errno 'EWHAT'");
        assertMalformed(HEADER + "reboot now\n", "t:4: expected 'reboot' or 'reboot freeze-fails");
        assertMalformed(HEADER + "create-sessions x 0\n", "t:4: count must be in [1, ");
        assertMalformed(HEADER + "preserve-files a token=1 kind=a data=0\n", "t:4: preserve-files takes 2 positional argument(s) and token=, kind=, data=");
        assertMalformed(HEADER + "preserve-files a 0 token=1 kind=a data=0\n", "t:4: count must be in [1, ");
        assertMalformed(HEADER + "preserve-files a many token=1 kind=a data=0\n", "t:4: bad number for count: 'many'");
        assertMalformed(HEADER + "preserve-files a 3 token=1 kind=z data=0\n", "t:4: unknown handler kind 'z'");
        assertMalformed(HEADER + "preserve-files a 3 token=1 kind=a\n", "t:4: preserve-files takes 2 positional argument(s)");
        assertMalformed("kverify-trace luo v1\nvariant: AS_POSTED\nvariant: CORRECTED\n", "t:3: duplicate 'variant:' header line");
        assertMalformed("", "t:1: missing the header line");
    }

    private static void assertMalformed(String text, String message) {
        assertThatThrownBy(() -> LuoTraceFormat.parse("t", text)).isInstanceOf(MalformedTrace.class).hasMessageStartingWith(message);
    }
}
