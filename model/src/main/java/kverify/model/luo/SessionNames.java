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

    public static boolean isValid(String name) {
        return name != null && !name.isEmpty() && name.length() < NAME_LENGTH && name.matches("[A-Za-z0-9._-]+");
    }

    public static String check(String name) {
        if (!isValid(name)) {
            throw new IllegalArgumentException("session name must be 1.." + (NAME_LENGTH - 1)
                    + " characters of [A-Za-z0-9._-], got '" + name + "'");
        }
        return name;
    }
}
