package kverify.engine;

import java.util.function.Supplier;

/**
 * A property failure with a classification: the key says what differs (for example
 * "deserialize: outcome Err(EINVAL) vs Ok"), so repeats of one defect count once, and the
 * shrinker keeps looking for smaller cases of the same defect rather than drifting to another.
 *
 * <p>The message may be given as a supplier of immutable values: the engine reads only the key
 * of every failing evaluation (shrinking, counting) and the message of the one failure it
 * reports, so a costly report (tables, hex dumps) is written once, when first asked for.
 *
 * <p>A divergence carries no stack trace: it is an expected outcome of a property body, located by
 * its key, its message and the case's trace, and nothing reads where in the harness it was thrown
 * (a failing property reports through {@link Report}, in an error of its own). Filling in the
 * trace walked the stack of every failing case, and most cases of a posted variant fail.
 */
public class Divergence extends AssertionError {
    private final String key;
    private Supplier<String> pending;
    private String message;

    public Divergence(String key, String message) {
        super(message);
        this.key = key;
        this.message = message;
    }

    /** A divergence whose message is written on the first {@link #getMessage()}; same text as the eager form. */
    public Divergence(String key, Supplier<String> message) {
        super((String) null);
        this.key = key;
        this.pending = message;
    }

    /** No stack trace (see the class comment): the same as constructing with writableStackTrace false. */
    @Override
    public synchronized Throwable fillInStackTrace() {
        return this;
    }

    public String key() {
        return key;
    }

    @Override
    public String getMessage() {
        if (pending != null) {
            message = pending.get();
            pending = null;
        }
        return message;
    }
}
