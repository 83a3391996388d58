package kverify.model.luo;

/**
 * The session names this suite expresses: 1 to 63 bytes of [A-Za-z0-9._-]. The kernel's buffer is
 * 64 bytes including the NUL; the posted code has no length check (spec 3.2, U), so names the
 * kernel would truncate or that are empty are kept out of the operation language rather than
 * given invented semantics.
 */
public final class SessionNames {
    /** LIVEUPDATE_SESSION_NAME_LENGTH: the name buffer, NUL included. */
    public static final int NAME_LENGTH = 64;

    private SessionNames() {
    }

    /** Whether the name is 1..63 characters of [A-Za-z0-9._-] (a loop: every created session is checked, twice). */
    public static boolean isValid(String name) {
        if (name == null || name.isEmpty() || name.length() >= NAME_LENGTH) {
            return false;
        }
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            boolean ok = c >= 'A' && c <= 'Z' || c >= 'a' && c <= 'z' || c >= '0' && c <= '9' || c == '.' || c == '_' || c == '-';
            if (!ok) {
                return false;
            }
        }
        return true;
    }

    /**
     * A name as a trace or a message shows it: printable ASCII as is except quote and backslash,
     * everything else as \\xHH (names are bytes; this suite keeps them as ISO-8859-1 strings).
     */
    public static String escape(String name) {
        StringBuilder sb = new StringBuilder();
        for (char c : name.toCharArray()) {
            if (c >= 0x20 && c < 0x7F && c != '"' && c != '\\' && c != '\'') {
                sb.append(c);
            } else {
                sb.append(String.format("\\x%02x", (int) c & 0xFF));
            }
        }
        return sb.toString();
    }

    /** The C string a 64-byte name field holds, or empty if the field has no NUL. */
    public static java.util.Optional<String> cString(byte[] field) {
        int n = cStringLength(field);
        return n < 0 ? java.util.Optional.empty() : java.util.Optional.of(new String(field, 0, n, java.nio.charset.StandardCharsets.ISO_8859_1));
    }

    /** The length of {@link #cString}'s string (the index of the first NUL), or -1 if the field has none. */
    public static int cStringLength(byte[] field) {
        for (int i = 0; i < field.length; i++) {
            if (field[i] == 0) {
                return i;
            }
        }
        return -1;
    }

    public static String check(String name) {
        if (!isValid(name)) {
            throw new IllegalArgumentException("session name must be 1.." + (NAME_LENGTH - 1)
                    + " characters of [A-Za-z0-9._-], got '" + name + "'");
        }
        return name;
    }
}
