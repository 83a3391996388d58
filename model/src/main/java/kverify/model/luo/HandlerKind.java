package kverify.model.luo;

import java.util.Optional;

/**
 * The file handler that preserves a file, identified in preserved memory by its compatible
 * string (luo_file_ser.compatible, at most 47 bytes plus NUL). These are the suite's own test
 * handlers: they store the op's data word as luo_file_ser.data and hand it back on retrieve.
 * Their freeze fails only when a reboot's fault says so; can_finish is always true.
 */
public enum HandlerKind {
    TEST_A("kverify-test-a-v1"),
    TEST_B("kverify-test-b-v1");

    private final String compatible;

    HandlerKind(String compatible) {
        this.compatible = compatible;
    }

    public String compatible() {
        return compatible;
    }

    /** The short name used in traces: "a" or "b". */
    public String traceName() {
        return name().substring(name().length() - 1).toLowerCase(java.util.Locale.ROOT);
    }

    public static Optional<HandlerKind> ofCompatible(String compatible) {
        for (HandlerKind k : values()) {
            if (k.compatible.equals(compatible)) {
                return Optional.of(k);
            }
        }
        return Optional.empty();
    }

    public static Optional<HandlerKind> ofTraceName(String name) {
        for (HandlerKind k : values()) {
            if (k.traceName().equals(name)) {
                return Optional.of(k);
            }
        }
        return Optional.empty();
    }
}
