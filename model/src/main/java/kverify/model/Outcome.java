package kverify.model;

import java.util.Objects;

/**
 * The result of one operation, compared with {@code equals} between the model and an
 * implementation: either a value or a Linux error. Errors are values, never exceptions, so a
 * divergence on an error code is as visible as a divergence on data.
 */
public sealed interface Outcome<T> permits Outcome.Ok, Outcome.Err {

    static <T> Outcome<T> ok(T value) {
        return new Ok<>(value);
    }

    /** Success of an operation that returns nothing (the kernel's {@code return 0}). */
    static Outcome<Unit> ok() {
        return new Ok<>(Unit.UNIT);
    }

    static <T> Outcome<T> err(Errno errno) {
        return new Err<>(errno);
    }

    boolean isOk();

    /** The value on success; throws {@link IllegalStateException} naming the error otherwise. */
    T value();

    record Ok<T>(T value) implements Outcome<T> {
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

    /** The single value of operations that succeed without a result. */
    enum Unit {
        UNIT
    }
}
