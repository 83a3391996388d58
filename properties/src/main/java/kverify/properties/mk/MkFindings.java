package kverify.properties.mk;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import kverify.engine.Failure;
import kverify.impl.mk.MkVariant;

/**
 * Checked-in findings: one trace per distinct divergence of a posted variant, written from the
 * engine's shrunk counterexample (never by hand). Comment lines carry the explanation, the
 * divergence key, the property, the seed and the budget.
 */
public final class MkFindings {
    /** Where findings live, relative to the properties module. */
    public static final String DIR = "src/test/resources/findings/mk";

    private MkFindings() {
    }

    public record Finding(Path file, MkTrace trace) {
        public String key() {
            return trace.comment("key");
        }
    }

    public static List<Finding> load(Path dir) {
        List<Finding> out = new ArrayList<>();
        try (Stream<Path> files = Files.list(dir)) {
            for (Path f : files.filter(p -> p.toString().endsWith(".trace")).sorted().toList()) {
                try {
                    out.add(new Finding(f, MkTraceParser.parse(Files.readAllLines(f, StandardCharsets.UTF_8))));
                } catch (MalformedTrace e) {
                    throw new IllegalStateException(e.located(f.toString()), e);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list findings in " + dir, e);
        }
        return out;
    }

    /**
     * The key a trace records on a variant: its first divergence, or, when after that first one
     * (followed on the implementation alone) an invariant breaks at the trace's last step, that
     * consequence. Empty if the variant agrees with the model on its version's interface.
     */
    public static java.util.Optional<String> recordedKey(MkTrace t, MkVariant v) {
        MkDuel duel = MkSubjects.duel(v, t.machine());
        java.util.Optional<String> key = java.util.Optional.empty();
        for (int i = 0; i < t.ops().size(); i++) {
            java.util.Optional<kverify.engine.Divergence> d = duel.step(t.ops().get(i));
            if (d.isPresent() && key.isEmpty()) {
                key = java.util.Optional.of(d.get().key());
                duel.followConsequences();
            } else if (d.isPresent() && i == t.ops().size() - 1) {
                key = java.util.Optional.of(d.get().key());
            }
        }
        return key;
    }

    /** The divergence keys of a variant's findings. */
    public static Set<String> knownKeys(Path dir, MkVariant v) {
        Set<String> keys = new TreeSet<>();
        for (Finding f : load(dir)) {
            if (f.trace().variant() == v) {
                keys.add(f.key());
            }
        }
        return keys;
    }

    /**
     * A trace file's lines for an engine failure: the shrunk case's rendering is the trace body.
     * {@code explanation} says in words what goes wrong (null: the divergence line is used).
     */
    public static List<String> traceOf(Failure f, String property, long seed, int tries, String explanation) {
        List<String> out = new ArrayList<>();
        out.add(MkTracePrinter.HEADER);
        out.add("# explanation: " + (explanation == null ? divergence(f) : explanation));
        out.add("# divergence: " + divergence(f));
        out.add("# key: " + f.key());
        out.add("# property: " + property);
        out.add(String.format("# found: seed %d, -Dkverify.tries=%d, %s; shrunk to %d choices in %d evaluations",
                seed, tries, f.origin(), f.shrunkChoices().length(), f.shrinkEvaluations()));
        out.addAll(f.shrunkRendering());
        return out;
    }

    /** The "why" line of the shrunk divergence's report. */
    static String divergence(Failure f) {
        String message = f.shrunkError() == null ? "" : String.valueOf(f.shrunkError().getMessage());
        List<String> lines = message.lines().toList();
        return lines.size() > 1 ? lines.get(1).trim() : f.key();
    }

    /** {@code <variant>-<symptom>.trace}, the symptom from the key. */
    public static String fileName(MkVariant v, String key) {
        return MkCatalog.slug(v) + "-" + kverify.engine.RegressionStore.words(key, 80) + ".trace";
    }
}
