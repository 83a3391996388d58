package kverify.cli;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * The checked-in reproducer of a catalog entry (the shortest finding file whose key belongs to
 * it, as posted first) and the part of it a reader needs: for a trace its machine or geometry
 * lines and operations, for an image the generated case its comments record (valid image,
 * corruptions, bytes changed).
 */
final class Reproducers {
    private static final String IMAGE_CASE_END = "# what the model and each variant do";

    private Reproducers() {
    }

    static Optional<KnownFindings.Known> of(Defect d, DefectCatalog catalog, KnownFindings findings) {
        return findings.all().stream()
                .filter(k -> k.variants().stream().anyMatch(v -> catalog.lookup(k.subsystem(), v, k.key()).filter(d::equals).isPresent()))
                .min(Comparator.comparing((KnownFindings.Known k) -> !k.variants().contains("as-posted"))
                        .thenComparingInt(KnownFindings.Known::steps).thenComparing(k -> k.file().getFileName().toString()));
    }

    /** The lines of the reproducer a reader pastes: no comments, no magic line; for an image its recorded case. */
    static List<String> body(Path file) {
        List<String> lines = read(file);
        List<String> out = new ArrayList<>();
        if (!lines.isEmpty() && lines.get(0).startsWith("kverify-image")) {
            for (String l : lines) {
                if (l.startsWith(IMAGE_CASE_END)) {
                    break;
                }
                if (l.startsWith("#   ")) {
                    out.add(l.substring(4));
                }
            }
            return out;
        }
        return lines.stream().filter(l -> !l.isBlank() && !l.startsWith("#") && !l.startsWith("kverify-")).toList();
    }

    /** "as-posted: KEY; corrected: agrees with the model": what a replay of the file shows, variant by variant. */
    static String verdicts(Path file) {
        List<String> parts = new ArrayList<>();
        ReplayVerdicts.of(file).forEach((v, k) -> parts.add(v + ": " + k.map(key -> "diverges, " + key).orElse("agrees with the model")));
        return String.join("; ", parts);
    }

    static List<String> read(Path file) {
        try {
            return Files.readAllLines(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
    }
}
