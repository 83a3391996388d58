package kverify.model;

import java.util.Objects;

/**
 * The result of one operation, compared with {@code equals} between the model and an
 * implementation: a value, a Linux error, or a call that would block for ever ({@link Hung}).
 * Errors are values, never exceptions, so a divergence on an error code is as visible as a
 * divergence on data; a hang is a value too, so the implementation reports it instead of blocking.
 */
public sealed interface Outcome<T> permits Outcome.Ok, Outcome.Err, Outcome.Hung {

    static <T> Outcome<T> ok(T value) {
        return new Ok<>(value);
    }

    /** Success of an operation that returns nothing (the kernel's {@code return 0}). */
    static Outcome<Unit> ok() {
        return Ok.UNIT; // one shared value: records compare by equals, and checks on every session return it
    }

    static <T> Outcome<T> err(Errno errno) {
        return new Err<>(errno);
    }

    /**
     * The call would block for ever (it waits on a lock nothing will release). The model never
     * hangs; an implementation returns this where its kernel code would block, and changes nothing.
     */
    static <T> Outcome<T> hung() {
        return new Hung<>();
    }

    /** The same failure (an error or a hang) as an outcome of another value type, as C passes an int err on. */
    static <T> Outcome<T> failure(Outcome<?> failed) {
        if (failed instanceof Err<?> e) {
            return new Err<>(e.errno());
        }
        if (failed instanceof Hung<?>) {
            return new Hung<>();
        }
        throw new IllegalArgumentException("not a failure: " + failed);
    }

    boolean isOk();

    /** The value on success; throws {@link IllegalStateException} naming the error otherwise. */
    T value();

    record Ok<T>(T value) implements Outcome<T> {
        private static final Ok<Unit> UNIT = new Ok<>(Unit.UNIT);

        public Ok {
            Objects.requireNonNull(value, "value");
        }

        @Override
        public boolean isOk() {
            return true;
        }

        @Override
        public String toString() {
            return value == Unit.UNIT ? "Ok" : "Ok(" + value + ")";
        }
    }

    record Err<T>(Errno errno) implements Outcome<T> {
        public Err {
            Objects.requireNonNull(errno, "errno");
        }

        @Override
        public boolean isOk() {
            return false;
        }

        @Override
        public T value() {
            throw new IllegalStateException("no value: operation failed with " + errno);
        }

        @Override
        public String toString() {
            return "Err(" + errno.name() + ")";
        }
    }

    record Hung<T>() implements Outcome<T> {
        @Override
        public boolean isOk() {
            return false;
        }

        @Override
        public T value() {
            throw new IllegalStateException("no value: the call blocks for ever");
        }

        @Override
        public String toString() {
            return "Hung";
        }
    }

    /** The single value of operations that succeed without a result. */
    enum Unit {
        UNIT
    }
}
