package kverify.properties.luo;

/** A trace file that does not parse; the message is {@code FILE:LINE: what is wrong}. */
public final class MalformedTrace extends RuntimeException {
    public MalformedTrace(String source, int line, String message) {
        super(source + ":" + line + ": " + message);
    }
}
