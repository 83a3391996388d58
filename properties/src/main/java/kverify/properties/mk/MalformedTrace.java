package kverify.properties.mk;

/** A trace file that cannot be read; {@link #line} is 1-based, the message says what is wrong there. */
public final class MalformedTrace extends RuntimeException {
    private final int line;

    public MalformedTrace(int line, String message) {
        super(message);
        this.line = line;
    }

    public int line() {
        return line;
    }

    /** The compiler-style form {@code FILE:LINE: message}. */
    public String located(String file) {
        return file + ":" + line + ": " + getMessage();
    }
}
