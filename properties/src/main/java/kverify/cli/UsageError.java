package kverify.cli;

/** Bad command-line input or a malformed input file: printed as one located message, exit code 2. */
public final class UsageError extends RuntimeException {
    public UsageError(String message) {
        super(message);
    }
}
