package kverify.properties.mk;

import java.util.Set;
import java.util.function.Consumer;
import kverify.engine.Source;
import kverify.impl.mk.MkVariant;

/**
 * The multikernel equivalence body for the throughput benchmark, which times single cases
 * (bench module, same package name: package-private access on the class path). Same body as
 * {@link MkCatalog#equivalence} with no accepted divergences.
 */
public final class MkProbe {
    private MkProbe() {
    }

    public static Consumer<Source> equivalence(MkVariant v) {
        return MkBodies.equivalence(v, Set.of());
    }

    private static final Set<String> HEADER_KEYS = Set.of("variant", "machine", "config", "caller", "cpu", "ram",
            "mk-reserved", "kernel-used", "crashkernel");

    /** True for the trace header lines a case notes before its operations (variant and machine). */
    public static boolean isHeader(String line) {
        int colon = line.indexOf(": ");
        return colon > 0 && HEADER_KEYS.contains(line.substring(0, colon));
    }
}
