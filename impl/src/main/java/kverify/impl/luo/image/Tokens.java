package kverify.impl.luo.image;

import java.io.ByteArrayOutputStream;
import kverify.model.luo.image.ImageFdt;

/**
 * The words of one image-file line: keywords, numbers (decimal or 0x hex, unsigned 64-bit),
 * quoted strings with C escapes, and hex bytes. Every error names the line.
 */
final class Tokens {
    private final String text;
    private final int line;
    private int pos;
    private int lastStart;

    Tokens(String text, int line) {
        this.text = text;
        this.line = line;
    }

    /** The line without a '#' comment; a '#' inside a quoted string is kept. */
    static String stripComment(String line) {
        boolean quoted = false;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (quoted && c == '\\') {
                i++;
            } else if (c == '"') {
                quoted = !quoted;
            } else if (c == '#' && !quoted) {
                return line.substring(0, i);
            }
        }
        return line;
    }

    static boolean isHexData(String word) {
        return word.matches("([0-9a-fA-F]{2})+");
    }

    String peek() {
        int save = pos;
        String w = word("a value");
        pos = save;
        return w;
    }

    void rewind() {
        pos = lastStart;
    }

    String word(String what) {
        if (!more()) {
            throw error("expected " + what + " at the end of the line");
        }
        lastStart = pos;
        int start = pos;
        while (pos < text.length() && !Character.isWhitespace(text.charAt(pos))) {
            pos++;
        }
        return text.substring(start, pos);
    }

    void keyword(String expected) {
        String w = word("'" + expected + "'");
        if (!w.equals(expected)) {
            throw error("expected '" + expected + "', got '" + w + "'");
        }
    }

    long number(String what) {
        String w = word(what);
        try {
            return w.startsWith("0x") || w.startsWith("0X") ? Long.parseUnsignedLong(w.substring(2), 16) : Long.parseUnsignedLong(w);
        } catch (NumberFormatException e) {
            throw error("expected " + what + " as a decimal or 0x-hex unsigned 64-bit number, got '" + w + "'");
        }
    }

    /** "str \"text\"" (NUL appended), "u64 N" (8 bytes little-endian) or "hex hh hh ..." (raw, may be empty). */
    byte[] value() {
        String kind = word("a value kind (str, u64 or hex)");
        switch (kind) {
            case "str" -> {
                byte[] b = quoted();
                end();
                return b;
            }
            case "u64" -> {
                long v = number("a u64 value");
                end();
                return ImageFdt.u64(v);
            }
            case "hex" -> {
                return hexBytes();
            }
            default -> throw error("expected str, u64 or hex, got '" + kind + "'");
        }
    }

    /** The rest of the line as hex bytes: pairs, optionally run together ("00ff" or "00 ff"). */
    byte[] hexBytes() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        while (more()) {
            String w = word("hex bytes");
            if (!isHexData(w)) {
                throw error("expected hex bytes (an even number of hex digits), got '" + w + "'");
            }
            for (int i = 0; i < w.length(); i += 2) {
                out.write(Integer.parseInt(w.substring(i, i + 2), 16));
            }
        }
        return out.toByteArray();
    }

    void end() {
        if (more()) {
            throw error("unexpected '" + text.substring(pos) + "' at the end of the line");
        }
    }

    private byte[] quoted() {
        if (!more() || text.charAt(pos) != '"') {
            throw error("expected a string in double quotes");
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (pos++; pos < text.length(); pos++) {
            char c = text.charAt(pos);
            if (c == '"') {
                pos++;
                out.write(0);
                return out.toByteArray();
            }
            if (c == '\\') {
                out.write(escape());
            } else if (c > 0xFF) {
                throw error("character '" + c + "' is not a single byte; write it as \\xHH");
            } else {
                out.write(c);
            }
        }
        throw error("string not closed with '\"'");
    }

    private int escape() {
        if (++pos >= text.length()) {
            throw error("backslash at the end of the line");
        }
        char c = text.charAt(pos);
        switch (c) {
            case '\\', '"' -> {
                return c;
            }
            case '0' -> {
                return 0;
            }
            case 'n' -> {
                return '\n';
            }
            case 't' -> {
                return '\t';
            }
            case 'x' -> {
                if (pos + 2 >= text.length() || !isHexData(text.substring(pos + 1, pos + 3))) {
                    throw error("\\x needs two hex digits");
                }
                pos += 2;
                return Integer.parseInt(text.substring(pos - 1, pos + 1), 16);
            }
            default -> throw error("unknown escape '\\" + c + "' (use \\\\ \\\" \\0 \\n \\t \\xHH)");
        }
    }

    /** Skips blanks; true if something other than blanks is left on the line. */
    private boolean more() {
        while (pos < text.length() && Character.isWhitespace(text.charAt(pos))) {
            pos++;
        }
        return pos < text.length();
    }

    private ImageFormatException error(String message) {
        return new ImageFormatException(line, message);
    }
}
