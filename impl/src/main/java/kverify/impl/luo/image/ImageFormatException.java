package kverify.impl.luo.image;

/** A malformed image file: the 1-based line and what is wrong there. */
public final class ImageFormatException extends RuntimeException {
    private final int line;
    private final String detail;

    public ImageFormatException(int line, String detail) {
        super(line + ": " + detail);
        this.line = line;
        this.detail = detail;
    }

    public int line() {
        return line;
    }

    public String detail() {
        return detail;
    }

    /** "FILE:LINE: message", the form every tool prints before exiting with code 2. */
    public String located(String file) {
        return file + ":" + line + ": " + detail;
    }
}
