package kverify.engine;

/**
 * A property failure with a classification: the key says what differs (for example
 * "deserialize: outcome Err(EINVAL) vs Ok"), so repeats of one defect count once, and the
 * shrinker keeps looking for smaller cases of the same defect rather than drifting to another.
 */
public class Divergence extends AssertionError {
    private final String key;

    public Divergence(String key, String message) {
        super(message);
        this.key = key;
    }

    public String key() {
        return key;
    }
}
