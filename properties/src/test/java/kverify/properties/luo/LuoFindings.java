package kverify.properties.luo;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.List;
import java.util.Optional;
import java.util.TreeSet;
import java.util.stream.Stream;
import kverify.impl.luo.LuoVariant;

/** The checked-in LUO findings: generated, shrunk counterexamples stored as traces. */
final class LuoFindings {
    static final Path DIR = Paths.get("src/test/resources/findings/luo");
    /** Races of concurrent calls (decision 39), kept apart from the serial findings. */
    static final Path CONCURRENT_DIR = Paths.get("src/test/resources/findings/luo-concurrent");

    private LuoFindings() {
    }

    static List<Path> files() {
        return files(DIR);
    }

    static List<Path> files(Path dir) {
        try (Stream<Path> s = Files.list(dir)) {
            return s.filter(p -> p.toString().endsWith(".trace")).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static LuoTrace parse(Path file) {
        try {
            return LuoTraceFormat.parse(file.toString(), Files.readString(file, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Runs the trace against the model and one variant; the first divergent step, if any. */
    static Optional<LuoDuel.StepResult> firstDivergence(LuoTrace t, LuoVariant v) {
        LuoDuel duel = new LuoDuel(v, t.geometry());
        for (LuoTrace.Step s : t.steps()) {
            LuoDuel.StepResult r = duel.step(s.op());
            if (!r.agrees()) {
                return Optional.of(r);
            }
        }
        return Optional.empty();
    }

    /** The divergence keys the findings reproduce on this variant: the defects already known. */
    static TreeSet<String> knownKeys(LuoVariant v) {
        return knownKeys(v, DIR);
    }

    static TreeSet<String> knownKeys(LuoVariant v, Path dir) {
        TreeSet<String> keys = new TreeSet<>();
        for (Path f : files(dir)) {
            firstDivergence(parse(f), v).ifPresent(r -> keys.add(r.key()));
        }
        return keys;
    }

    /** The value of a "# name: value" comment line. */
    static Optional<String> comment(LuoTrace t, String name) {
        return t.comments().stream().filter(c -> c.startsWith(name + ":")).map(c -> c.substring(name.length() + 1).strip())
                .findFirst();
    }
}
