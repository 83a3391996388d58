package kverify.properties.luo;

import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.OptionalLong;
import java.util.Set;
import kverify.model.Errno;
import kverify.model.luo.ArgShape;
import kverify.model.luo.FileSpec;
import kverify.model.luo.HandlerKind;
import kverify.model.luo.LuoCall;
import kverify.model.luo.LuoOp;

/**
 * Parses one operation line of trace format v2; every error names the line. Words are split at
 * blanks outside double quotes; {@code key=value} words are arguments, {@code -> HANDLE} at the
 * end names what the call binds, and {@code ro} marks a read-only argument.
 */
final class LuoCallParser {
    static final String HANDLE = "[A-Za-z][A-Za-z0-9_.-]{0,31}";
    private static final Set<String> SHAPE = Set.of("size", "extra", "mapped");

    private final String source;
    private final int no;
    private final List<String> words;
    private final Map<String, String> keys = new LinkedHashMap<>();
    private final List<String> positional = new ArrayList<>();
    private String bind;
    private boolean readOnly;

    private LuoCallParser(String source, int no, String line) {
        this.source = source;
        this.no = no;
        this.words = split(line);
        for (int i = 1; i < words.size(); i++) {
            String w = words.get(i);
            if (w.equals("->")) {
                if (i != words.size() - 2) {
                    throw fail("'->' must be followed by exactly one handle at the end of the line");
                }
                bind = handle(words.get(i + 1));
                break;
            }
            int eq = w.indexOf('=');
            if (w.equals("ro")) {
                readOnly = true;
            } else if (eq > 0 && !w.startsWith("\"")) {
                if (keys.put(w.substring(0, eq), w.substring(eq + 1)) != null) {
                    throw fail("duplicate argument '" + w.substring(0, eq) + "'");
                }
            } else {
                positional.add(w);
            }
        }
    }

    static LuoOp parse(String source, int no, String line) {
        String first = line.split("\\s+", 2)[0];
        if (LuoConcurrentFormat.handles(line)) {
            return LuoConcurrentFormat.parse(source, no, line);
        }
        if (LuoFaultFormat.handles(line)) {
            return LuoFaultFormat.parse(source, no, line);
        }
        if (first.equals("reboot") || first.equals("setup")) {
            return LuoOpParser.parse(source, no, line);
        }
        if (first.equals("repeat")) {
            return repeat(source, no, line);
        }
        return new LuoCallParser(source, no, line).op();
    }

    private LuoOp op() {
        switch (words.get(0)) {
            case "open-device":
                shape(0, true);
                return new LuoCall.Open(bind);
            case "close":
                shape(1, false);
                return new LuoCall.Close(handle(positional.get(0)));
            case "new-file":
                return newFile();
            case "create-session":
            case "retrieve-session":
                return sessionCall();
            case "preserve-fd":
                return preserve();
            case "retrieve-fd":
                allowed(1, "token");
                return new LuoCall.RetrieveFd(handle(positional.get(0)), number("token", true), argShape(), bind);
            case "finish":
                allowed(1, "reserved");
                return new LuoCall.Finish(handle(positional.get(0)), keys.containsKey("reserved") ? number("reserved", true) : 0, argShape());
            default:
                return other();
        }
    }

    private LuoOp other() {
        switch (words.get(0)) {
            case "ioctl":
                return raw();
            case "load-module":
                shape(1, false);
                return new LuoCall.LoadModule(kind(positional.get(0)).orElseThrow(() -> fail("load-module takes a or b")));
            case "unload-module":
                shape(1, false);
                return new LuoCall.UnloadModule(kind(positional.get(0)).orElseThrow(() -> fail("unload-module takes a or b")));
            default:
                throw fail("unknown operation '" + words.get(0) + "'; expected open-device, close, new-file, create-session, "
                        + "retrieve-session, preserve-fd, retrieve-fd, finish, ioctl, load-module, unload-module, repeat, fail-alloc, reboot or setup");
        }
    }

    private LuoOp newFile() {
        requireBind(true);
        if (positional.size() != 0 || !Set.of("kind", "data", "preserve-fails").containsAll(keys.keySet())
                || !keys.containsKey("kind") || !keys.containsKey("data") || readOnly) {
            throw fail("expected 'new-file kind=a|b|none data=N [preserve-fails=ERRNO] -> HANDLE'");
        }
        Optional<HandlerKind> kind = keys.get("kind").equals("none") ? Optional.empty()
                : Optional.of(kind(keys.get("kind")).orElseThrow(() -> fail("kind must be a, b or none, got '" + keys.get("kind") + "'")));
        Optional<Errno> fails = keys.containsKey("preserve-fails") ? Optional.of(errno(keys.get("preserve-fails"))) : Optional.empty();
        return new LuoCall.NewFile(bind, new FileSpec(kind, number("data", true), fails));
    }

    private LuoOp sessionCall() {
        if (positional.size() != 2 || !SHAPE.containsAll(keys.keySet())) {
            throw fail("expected '" + words.get(0) + " DEVICE \"NAME\" [size=N] [extra=HEX] [mapped=N] [ro] -> HANDLE'");
        }
        requireBind(true);
        byte[] name = string(positional.get(1));
        String dev = handle(positional.get(0));
        return new LuoCall.SessionCall(words.get(0).equals("create-session"), dev, name, argShape(), bind);
    }

    private LuoOp preserve() {
        requireBind(false);
        boolean raw = keys.containsKey("fd");
        if (positional.size() != (raw ? 1 : 2) || !keys.containsKey("token")) {
            throw fail("expected 'preserve-fd SESSION FILE token=T [size=N] [extra=HEX] [mapped=N] [ro]' (or fd=N instead of FILE)");
        }
        allowedKeys("token", "fd");
        LuoCall.FdRef file = raw ? LuoCall.FdRef.number(fdNumber()) : LuoCall.FdRef.of(handle(positional.get(1)));
        return new LuoCall.PreserveFd(handle(positional.get(0)), file, number("token", true), argShape());
    }

    private LuoOp raw() {
        requireBind(false);
        if (positional.size() != 1 || !keys.keySet().equals(Set.of("cmd", "bytes"))) {
            throw fail("expected 'ioctl HANDLE cmd=N bytes=HEX [ro]'");
        }
        long cmd = number("cmd", true);
        if (Long.compareUnsigned(cmd, 0xFFFF_FFFFL) > 0) {
            throw fail("cmd must be a 32-bit number, got " + keys.get("cmd"));
        }
        return new LuoCall.RawIoctl(handle(positional.get(0)), cmd, hex(keys.get("bytes"), "bytes"), readOnly);
    }

    /** repeat N TEMPLATE: the template parsed once per i in 0 .. N-1 with {i} replaced. */
    private static LuoOp repeat(String source, int no, String line) {
        String[] parts = line.split("\\s+", 3);
        if (parts.length < 3 || !parts[1].matches("\\d{1,7}") || Integer.parseInt(parts[1]) < 1) {
            throw new MalformedTrace(source, no, "expected 'repeat N OPERATION [; OPERATION ...]' with N from 1 to 9999999");
        }
        if (!parts[2].contains("{i}")) {
            throw new MalformedTrace(source, no, "the repeated operation must use {i}");
        }
        int n = Integer.parseInt(parts[1]);
        List<LuoOp> ops = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            for (String one : parts[2].split(" ; ")) {
                LuoOp op = parse(source, no, one.strip().replace("{i}", Integer.toString(i)));
                if (op instanceof LuoCall.Repeat || !(op instanceof LuoCall)) {
                    throw new MalformedTrace(source, no, "repeat takes system calls (not reboot, setup or another repeat)");
                }
                ops.add(op);
            }
        }
        return new LuoCall.Repeat(n, parts[2], ops);
    }

    private ArgShape argShape() {
        OptionalLong size = keys.containsKey("size") ? OptionalLong.of(number("size", false)) : OptionalLong.empty();
        if (size.isPresent() && size.getAsLong() > 0xFFFF_FFFFL) {
            throw fail("size must be a u32, got " + keys.get("size"));
        }
        OptionalInt mapped = OptionalInt.empty();
        if (keys.containsKey("mapped")) {
            long m = number("mapped", false);
            if (m > ArgShape.MAX_MAPPED) {
                throw fail("mapped must be at most " + ArgShape.MAX_MAPPED + ", got " + keys.get("mapped"));
            }
            mapped = OptionalInt.of((int) m);
        }
        byte[] extra = keys.containsKey("extra") ? hex(keys.get("extra"), "extra") : null;
        if (extra != null && extra.length > ArgShape.MAX_MAPPED) {
            throw fail("extra is at most " + ArgShape.MAX_MAPPED + " bytes");
        }
        return new ArgShape(size, extra, mapped, readOnly);
    }

    /** Exactly n positional words, only the shape keys, and a bind or none as required. */
    private void shape(int n, boolean needsBind) {
        requireBind(needsBind);
        if (positional.size() != n || !keys.isEmpty() || readOnly) {
            throw fail(words.get(0) + " takes " + n + " handle(s)" + (needsBind ? " and '-> HANDLE'" : "") + "; got '"
                    + String.join(" ", words) + "'");
        }
    }

    private void allowed(int n, String... extraKeys) {
        if (positional.size() != n) {
            throw fail(words.get(0) + " takes " + n + " handle(s) before its arguments");
        }
        allowedKeys(extraKeys);
    }

    private void allowedKeys(String... extraKeys) {
        for (String k : keys.keySet()) {
            if (!SHAPE.contains(k) && !List.of(extraKeys).contains(k)) {
                throw fail("unknown argument '" + k + "' for " + words.get(0));
            }
        }
        for (String k : extraKeys) {
            if (k.equals("token") && !keys.containsKey(k)) {
                throw fail(words.get(0) + " needs token=T");
            }
        }
    }

    private void requireBind(boolean needed) {
        if (needed && bind == null) {
            throw fail(words.get(0) + " needs '-> HANDLE' at the end");
        }
        if (!needed && bind != null && !words.get(0).equals("retrieve-fd")) {
            throw fail(words.get(0) + " binds nothing: remove '-> " + bind + "'");
        }
    }

    private String handle(String w) {
        if (!w.matches(HANDLE)) {
            throw fail("bad handle '" + w + "': a letter, then up to 31 of [A-Za-z0-9_.-]");
        }
        return w;
    }

    private static Optional<HandlerKind> kind(String w) {
        return HandlerKind.ofTraceName(w);
    }

    private long number(String key, boolean unsigned64) {
        String text = keys.get(key);
        try {
            long v = text.startsWith("0x") || text.startsWith("0X") ? Long.parseUnsignedLong(text.substring(2), 16)
                    : Long.parseUnsignedLong(text);
            if (!unsigned64 && (v < 0 || v > 0xFFFF_FFFFL)) {
                throw fail(key + " must be within [0, 2^32), got " + text);
            }
            return v;
        } catch (NumberFormatException e) {
            throw fail("bad number for " + key + ": '" + text + "' (decimal or 0x-hex)");
        }
    }

    /** The struct's fd field is an s32: any int, negative ones too. */
    private int fdNumber() {
        try {
            return Integer.parseInt(keys.get("fd"));
        } catch (NumberFormatException e) {
            throw fail("bad fd: '" + keys.get("fd") + "' (a decimal int)");
        }
    }

    private byte[] hex(String text, String what) {
        try {
            return HexFormat.of().parseHex(text);
        } catch (IllegalArgumentException e) {
            throw fail("bad hex for " + what + ": '" + text + "' (pairs of hex digits, no blanks)");
        }
    }

    private Errno errno(String name) {
        try {
            return Errno.valueOf(name);
        } catch (IllegalArgumentException e) {
            throw fail("unknown errno '" + name + "', expected a Linux name such as EIO or ENOMEM");
        }
    }

    /** A double-quoted name with \" \\ \0 \n \t \xHH escapes, as bytes. */
    private byte[] string(String w) {
        if (w.length() < 2 || !w.startsWith("\"") || !w.endsWith("\"")) {
            throw fail("expected a name in double quotes, got " + w);
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (int i = 1; i < w.length() - 1; i++) {
            char c = w.charAt(i);
            if (c > 0xFF) {
                throw fail("name characters must be bytes; write \\xHH");
            }
            if (c != '\\') {
                out.write(c);
                continue;
            }
            char e = i + 1 < w.length() - 1 ? w.charAt(++i) : ' ';
            switch (e) {
                case '\\', '"' -> out.write(e);
                case '0' -> out.write(0);
                case 'n' -> out.write('\n');
                case 't' -> out.write('\t');
                case 'x' -> {
                    if (i + 2 > w.length() - 2 || !w.substring(i + 1, i + 3).matches("[0-9a-fA-F]{2}")) {
                        throw fail("bad escape in " + w + ": \\x needs two hex digits");
                    }
                    out.write(Integer.parseInt(w.substring(i + 1, i + 3), 16));
                    i += 2;
                }
                default -> throw fail("bad escape '\\" + e + "' in " + w + " (\\\\ \\\" \\0 \\n \\t \\xHH)");
            }
        }
        return out.toByteArray();
    }

    /** Blank-separated words; a double-quoted word may hold blanks and \" escapes. */
    private List<String> split(String line) {
        List<String> out = new ArrayList<>();
        StringBuilder w = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (quoted && c == '\\' && i + 1 < line.length()) {
                w.append(c).append(line.charAt(++i));
            } else if (c == '"') {
                quoted = !quoted;
                w.append(c);
            } else if (!quoted && Character.isWhitespace(c)) {
                if (w.length() > 0) {
                    out.add(w.toString());
                    w.setLength(0);
                }
            } else {
                w.append(c);
            }
        }
        if (quoted) {
            throw fail("a double quote is not closed");
        }
        if (w.length() > 0) {
            out.add(w.toString());
        }
        return out;
    }

    private MalformedTrace fail(String message) {
        return new MalformedTrace(source, no, message);
    }
}
