package kverify.properties.luo;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import kverify.impl.luo.LuoVariant;
import kverify.model.Errno;
import kverify.model.luo.HandlerKind;
import kverify.model.luo.LuoGeometry;
import kverify.model.luo.LuoOp;
import kverify.model.luo.RebootFault;
import kverify.model.luo.SessionNames;

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

    private LuoTraceFormat() {
    }

    public static String print(LuoTrace t) {
        StringBuilder sb = new StringBuilder(MAGIC).append('\n');
        sb.append("variant: ").append(t.variant().name()).append('\n');
        sb.append("geometry: ").append(t.geometry().label()).append('\n');
        for (String c : t.comments()) {
            sb.append(c.isEmpty() ? "#" : "# " + c).append('\n');
        }
        for (LuoOp op : t.ops()) {
            sb.append(line(op)).append('\n');
        }
        return sb.toString();
    }

    /** One operation as its trace line. */
    public static String line(LuoOp op) {
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
        List<String> comments = new ArrayList<>();
        List<LuoTrace.Step> steps = new ArrayList<>();
        Map<String, String> header = new LinkedHashMap<>();
        boolean magic = false;
        for (int i = 0; i < lines.size(); i++) {
            int no = i + 1;
            String l = lines.get(i).strip();
            if (l.isEmpty()) {
                continue;
            }
            if (l.startsWith("#")) {
                comments.add(l.substring(1).strip());
            } else if (!magic) {
                if (!l.equals(MAGIC)) {
                    throw new MalformedTrace(source, no, "expected the header line '" + MAGIC + "', got '" + l + "'");
                }
                magic = true;
            } else if (steps.isEmpty() && (l.startsWith("variant:") || l.startsWith("geometry:"))) {
                String key = l.substring(0, l.indexOf(':'));
                if (header.put(key, l.substring(key.length() + 1).strip()) != null) {
                    throw new MalformedTrace(source, no, "duplicate '" + key + ":' header line");
                }
                checkHeader(source, no, key, header.get(key));
            } else {
                requireHeader(source, no, magic, header);
                steps.add(new LuoTrace.Step(no, OpParser.parse(source, no, l)));
            }
        }
        requireHeader(source, lines.size() + 1, magic, header);
        return new LuoTrace(LuoVariant.valueOf(header.get("variant")), LuoGeometry.parse(header.get("geometry")).orElseThrow(),
                comments, steps);
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

    private static void requireHeader(String source, int no, boolean magic, Map<String, String> header) {
        if (!magic) {
            throw new MalformedTrace(source, no, "missing the header line '" + MAGIC + "'");
        }
        for (String key : List.of("variant", "geometry")) {
            if (!header.containsKey(key)) {
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

    /** Parses one operation line; every error names the line. */
    private static final class OpParser {
        private final String source;
        private final int no;
        private final String[] words;
        private final Map<String, String> keys = new LinkedHashMap<>();
        private final List<String> positional = new ArrayList<>();

        private OpParser(String source, int no, String line) {
            this.source = source;
            this.no = no;
            this.words = line.split("\\s+");
            for (int i = 1; i < words.length; i++) {
                int eq = words[i].indexOf('=');
                if (eq > 0) {
                    if (keys.put(words[i].substring(0, eq), words[i].substring(eq + 1)) != null) {
                        throw fail("duplicate argument '" + words[i].substring(0, eq) + "'");
                    }
                } else {
                    positional.add(words[i]);
                }
            }
        }

        static LuoOp parse(String source, int no, String line) {
            return new OpParser(source, no, line).op();
        }

        private LuoOp op() {
            switch (words[0]) {
                case "create-session":
                    shape(1);
                    return new LuoOp.CreateSession(name(0));
                case "create-sessions":
                    shape(2);
                    return new LuoOp.CreateSessions(name(0), count(1));
                case "close-session":
                    shape(1);
                    return new LuoOp.CloseSession(name(0));
                case "close-sessions":
                    shape(2);
                    return new LuoOp.CloseSessions(name(0), count(1));
                case "preserve-file":
                    shape(1, "token", "kind", "data");
                    return new LuoOp.PreserveFile(name(0), number("token"), kind(), number("data"));
                case "reboot":
                    return reboot();
                default:
                    return incomingOp();
            }
        }

        private LuoOp incomingOp() {
            switch (words[0]) {
                case "setup":
                    shape(0);
                    return new LuoOp.Setup();
                case "open-device":
                    shape(0);
                    return new LuoOp.OpenDevice();
                case "retrieve-session":
                    shape(1);
                    return new LuoOp.RetrieveSession(name(0));
                case "retrieve-file":
                    shape(1, "token");
                    return new LuoOp.RetrieveFile(name(0), number("token"));
                case "finish":
                    shape(1);
                    return new LuoOp.Finish(name(0));
                default:
                    throw fail("unknown operation '" + words[0] + "'; expected create-session, create-sessions, "
                            + "close-session, close-sessions, preserve-file, reboot, setup, open-device, "
                            + "retrieve-session, retrieve-file or finish");
            }
        }

        private LuoOp reboot() {
            if (positional.isEmpty() && keys.isEmpty()) {
                return new LuoOp.Reboot(RebootFault.NONE);
            }
            if (!positional.equals(List.of("freeze-fails")) || !shapeKeys("session", "file", "errno")) {
                throw fail("expected 'reboot' or 'reboot freeze-fails session=N file=N errno=NAME'");
            }
            long session = number("session");
            long file = number("file");
            if (session > Integer.MAX_VALUE || file > Integer.MAX_VALUE || session < 0 || file < 0) {
                throw fail("fault indices must be in [0, " + Integer.MAX_VALUE + "]");
            }
            return new LuoOp.Reboot(new RebootFault.FreezeFails((int) session, (int) file, errno(keys.get("errno"))));
        }

        /** Checks the number of positional arguments and the exact set of key=value arguments. */
        private void shape(int nPositional, String... keyNames) {
            if (positional.size() != nPositional || !shapeKeys(keyNames)) {
                throw fail(words[0] + " takes " + nPositional + " positional argument(s)"
                        + (keyNames.length == 0 ? " and no key=value" : " and " + String.join("=, ", keyNames) + "=")
                        + "; got '" + String.join(" ", words) + "'");
            }
        }

        private boolean shapeKeys(String... keyNames) {
            return keys.keySet().equals(java.util.Set.of(keyNames));
        }

        private String name(int i) {
            String n = positional.get(i);
            if (!SessionNames.isValid(n)) {
                throw fail("bad session name '" + n + "': 1 to 63 characters of [A-Za-z0-9._-]");
            }
            return n;
        }

        private int count(int i) {
            long c = parseNumber(positional.get(i), "count");
            if (c < 1 || c > Integer.MAX_VALUE) {
                throw fail("count must be in [1, " + Integer.MAX_VALUE + "], got " + positional.get(i));
            }
            String prefix = positional.get(0);
            if (!SessionNames.isValid(prefix + (c - 1))) {
                throw fail("'" + prefix + (c - 1) + "' would not be a valid session name");
            }
            return (int) c;
        }

        private long number(String key) {
            return parseNumber(keys.get(key), key);
        }

        private long parseNumber(String text, String what) {
            try {
                if (text.startsWith("0x") || text.startsWith("0X")) {
                    return Long.parseUnsignedLong(text.substring(2), 16);
                }
                return Long.parseUnsignedLong(text);
            } catch (NumberFormatException e) {
                throw fail("bad number for " + what + ": '" + text + "' (decimal or 0x-hex, unsigned 64-bit)");
            }
        }

        private HandlerKind kind() {
            return HandlerKind.ofTraceName(keys.get("kind").toLowerCase(Locale.ROOT))
                    .orElseThrow(() -> fail("unknown handler kind '" + keys.get("kind") + "', expected a or b"));
        }

        private Errno errno(String name) {
            try {
                return Errno.valueOf(name);
            } catch (IllegalArgumentException e) {
                throw fail("unknown errno '" + name + "', expected a Linux name such as EIO or ENOMEM");
            }
        }

        private MalformedTrace fail(String message) {
            return new MalformedTrace(source, no, message);
        }
    }
}
