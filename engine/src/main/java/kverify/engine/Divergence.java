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
