package kverify.properties.luo;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import kverify.impl.luo.LuoVariant;
import kverify.model.luo.LuoCall;
import kverify.model.luo.LuoGeometry;
import kverify.model.luo.LuoOp;
import kverify.model.luo.RebootFault;

/**
 * The text form of a LUO trace, one operation per line (documented in docs/luo.md):
 * <pre>
 * kverify-trace luo v1
 * variant: AS_POSTED
 * geometry: small
 * # comment
 * create-session a
 * preserve-file a token=0x1 kind=a data=0x10
 * reboot freeze-fails session=0 file=0 errno=EIO
 * </pre>
 * Numbers are decimal or 0x-hex (tokens and data are unsigned 64-bit and print as hex).
 */
public final class LuoTraceFormat {
    public static final String MAGIC = "kverify-trace luo v1";
    /** Format v2: the system calls with handles (docs/luo.md, "Trace format v2"); v1 files still parse as before. */
    public static final String MAGIC_V2 = "kverify-trace luo v2";
    static final String EXPECT = " => ";

    private LuoTraceFormat() {
    }

    public static String print(LuoTrace t) {
        StringBuilder sb = new StringBuilder(t.version() == 2 ? MAGIC_V2 : MAGIC).append('\n');
        sb.append("variant: ").append(t.variant().name()).append('\n');
        sb.append("geometry: ").append(t.geometry().label()).append('\n');
        for (String c : t.comments()) {
            sb.append(c.isEmpty() ? "#" : "# " + c).append('\n');
        }
        for (LuoTrace.Step step : t.steps()) {
            sb.append(line(step.op())).append(step.expect().map(e -> EXPECT + e).orElse("")).append('\n');
        }
        return sb.toString();
    }

    /** One operation as its trace line. */
    public static String line(LuoOp op) {
        if (op instanceof LuoCall c) {
            return LuoCallFormat.line(c);
        }
        if (op instanceof kverify.model.luo.LuoFault f) {
            return LuoFaultFormat.line(f);
        }
        if (op instanceof kverify.model.luo.LuoConcurrent c) {
            return LuoConcurrentFormat.line(c);
        }
        if (op instanceof LuoOp.CreateSession o) {
            return "create-session " + o.name();
        } else if (op instanceof LuoOp.CreateSessions o) {
            return "create-sessions " + o.prefix() + " " + o.count();
        } else if (op instanceof LuoOp.CloseSession o) {
            return "close-session " + o.name();
        } else if (op instanceof LuoOp.CloseSessions o) {
            return "close-sessions " + o.prefix() + " " + o.count();
        } else if (op instanceof LuoOp.PreserveFile o) {
            return "preserve-file " + o.session() + " token=" + hex(o.token()) + " kind=" + o.kind().traceName()
                    + " data=" + hex(o.data());
        } else if (op instanceof LuoOp.PreserveFiles o) {
            return "preserve-files " + o.session() + " " + o.count() + " token=" + hex(o.token()) + " kind=" + o.kind().traceName()
                    + " data=" + hex(o.data());
        } else if (op instanceof LuoOp.Reboot o) {
            return o.fault() instanceof RebootFault.FreezeFails f
                    ? "reboot freeze-fails session=" + f.session() + " file=" + f.file() + " errno=" + f.errno().name()
                    : "reboot";
        } else if (op instanceof LuoOp.Setup) {
            return "setup";
        } else if (op instanceof LuoOp.OpenDevice) {
            return "open-device";
        } else if (op instanceof LuoOp.RetrieveSession o) {
            return "retrieve-session " + o.name();
        } else if (op instanceof LuoOp.RetrieveFile o) {
            return "retrieve-file " + o.session() + " token=" + hex(o.token());
        } else if (op instanceof LuoOp.Finish o) {
            return "finish " + o.session();
        }
        throw new IllegalArgumentException("no trace form for " + op);
    }

    static String hex(long v) {
        return "0x" + Long.toHexString(v);
    }

    /** Parses a whole trace; {@code source} names it in error messages (usually the file path). */
    public static LuoTrace parse(String source, String text) {
        List<String> lines = text.lines().toList();
        HeaderState h = new HeaderState();
        List<String> comments = new ArrayList<>();
        List<LuoTrace.Step> steps = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            String l = lines.get(i).strip();
            if (l.startsWith("#")) {
                comments.add(l.substring(1).strip());
            } else if (!l.isEmpty() && !h.consume(source, i + 1, l, steps.isEmpty())) {
                requireHeader(source, i + 1, h);
                steps.add(step(source, i + 1, l, h.version));
            }
        }
        requireHeader(source, lines.size() + 1, h);
        return new LuoTrace(h.version, LuoVariant.valueOf(h.fields.get("variant")),
                LuoGeometry.parse(h.fields.get("geometry")).orElseThrow(), comments, steps);
    }

    /** One operation line, with an optional expectation after " => ". */
    private static LuoTrace.Step step(String source, int no, String l, int version) {
        int at = l.lastIndexOf(EXPECT);
        String opText = at < 0 ? l : l.substring(0, at).strip();
        Optional<Expect> expect = at < 0 ? Optional.empty() : Optional.of(expect(source, no, l.substring(at + EXPECT.length()).strip()));
        LuoOp op = version == 2 ? LuoCallParser.parse(source, no, opText) : LuoOpParser.parse(source, no, opText);
        return new LuoTrace.Step(no, op, expect);
    }

    /** "ok", "ok data=N" or an errno name. */
    static Expect expect(String source, int no, String text) {
        if (text.equals("ok")) {
            return Expect.OK;
        }
        if (text.startsWith("ok data=")) {
            try {
                String v = text.substring("ok data=".length());
                long d = v.startsWith("0x") ? Long.parseUnsignedLong(v.substring(2), 16) : Long.parseUnsignedLong(v);
                return new Expect(Optional.empty(), java.util.OptionalLong.of(d));
            } catch (NumberFormatException e) {
                throw new MalformedTrace(source, no, "bad data in expectation '" + text + "'");
            }
        }
        try {
            return new Expect(Optional.of(kverify.model.Errno.valueOf(text)), java.util.OptionalLong.empty());
        } catch (IllegalArgumentException e) {
            throw new MalformedTrace(source, no, "expected '=> ok', '=> ok data=N' or '=> ERRNO', got '=> " + text + "'");
        }
    }

    /** The magic line, then "variant:" and "geometry:" before the first operation. */
    private static final class HeaderState {
        boolean magic;
        int version = 1;
        final Map<String, String> fields = new LinkedHashMap<>();

        /** True if the line was a header line (and is valid); false if it is an operation. */
        boolean consume(String source, int no, String l, boolean beforeOps) {
            if (!magic) {
                if (!l.equals(MAGIC) && !l.equals(MAGIC_V2)) {
                    throw new MalformedTrace(source, no, "expected the header line '" + MAGIC + "' or '" + MAGIC_V2 + "', got '" + l + "'");
                }
                magic = true;
                version = l.equals(MAGIC_V2) ? 2 : 1;
                return true;
            }
            if (!beforeOps || !(l.startsWith("variant:") || l.startsWith("geometry:"))) {
                return false;
            }
            String key = l.substring(0, l.indexOf(':'));
            if (fields.put(key, l.substring(key.length() + 1).strip()) != null) {
                throw new MalformedTrace(source, no, "duplicate '" + key + ":' header line");
            }
            checkHeader(source, no, key, fields.get(key));
            return true;
        }
    }

    private static void checkHeader(String source, int no, String key, String value) {
        if (key.equals("variant") && variant(value).isEmpty()) {
            throw new MalformedTrace(source, no, "unknown variant '" + value + "', expected one of "
                    + java.util.Arrays.toString(LuoVariant.values()));
        }
        if (key.equals("geometry") && LuoGeometry.parse(value).isEmpty()) {
            throw new MalformedTrace(source, no, "bad geometry '" + value + "', expected real, small, unit or "
                    + "'session-block=B file-block=B max-blocks=N'");
        }
    }

    private static void requireHeader(String source, int no, HeaderState h) {
        if (!h.magic) {
            throw new MalformedTrace(source, no, "missing the header line '" + MAGIC + "'");
        }
        for (String key : List.of("variant", "geometry")) {
            if (!h.fields.containsKey(key)) {
                throw new MalformedTrace(source, no, "missing the '" + key + ":' header line before the first operation");
            }
        }
    }

    private static Optional<LuoVariant> variant(String v) {
        for (LuoVariant x : LuoVariant.values()) {
            if (x.name().equals(v)) {
                return Optional.of(x);
            }
        }
        return Optional.empty();
    }
}
