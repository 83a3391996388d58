package kverify.properties.luo;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import kverify.model.Errno;
import kverify.model.luo.HandlerKind;
import kverify.model.luo.LuoOp;
import kverify.model.luo.RebootFault;
import kverify.model.luo.SessionNames;

/** Parses one operation line; every error names the line. */
final class LuoOpParser {
    private final String source;
    private final int no;
    private final String[] words;
    private final Map<String, String> keys = new LinkedHashMap<>();
    private final List<String> positional = new ArrayList<>();

    private LuoOpParser(String source, int no, String line) {
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
        return new LuoOpParser(source, no, line).op();
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
            case "preserve-files":
                shape(2, "token", "kind", "data");
                return new LuoOp.PreserveFiles(name(0), fileCount(1), number("token"), kind(), number("data"));
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
                        + "close-session, close-sessions, preserve-file, preserve-files, reboot, setup, open-device, "
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
        return keys.keySet().equals(Set.of(keyNames));
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

    /** The N of preserve-files: 1 .. 2^31-1 files. */
    private int fileCount(int i) {
        long c = parseNumber(positional.get(i), "count");
        if (c < 1 || c > Integer.MAX_VALUE) {
            throw fail("count must be in [1, " + Integer.MAX_VALUE + "], got " + positional.get(i));
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
