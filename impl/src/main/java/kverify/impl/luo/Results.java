package kverify.impl.luo;

import kverify.model.Errno;
import kverify.model.Outcome;

/** Passing an error outcome on under another value type, as C code returns an int err. */
final class Results {
    private Results() {
    }

    static Errno errno(Outcome<?> failed) {
        if (!(failed instanceof Outcome.Err<?> e)) {
            throw new IllegalArgumentException("not an error: " + failed);
        }
        return e.errno();
    }

    /** An error, or a hang, passed on unchanged. */
    static <T> Outcome<T> propagate(Outcome<?> failed) {
        return Outcome.failure(failed);
    }
}
