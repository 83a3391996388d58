package kverify.cli;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import kverify.properties.luo.corrupt.ImageExport;

/**
 * Writes a divergence as a ready-to-commit finding file with the provenance comments the
 * findings tests and the campaign read back ({@code # key:}, {@code # found by: property ...}):
 * for the operation properties a trace (the subsystem's header and the engine's shrunk
 * rendering, which is the trace body), for the corruption properties the corrupted handover
 * image itself, rebuilt from the shrunk choices.
 */
final class FindingExport {
    private FindingExport() {
    }

    /**
     * Writes {@code DIR/<key slug>.trace} (or {@code .image}) and returns its path. The
     * explanation line names the catalog entry the key belongs to; for a new key it asks for the
     * explanation to be written before the file is committed.
     */
    static Path write(Path dir, CampaignEntry entry, FoundFailure f, long seed, int tries, Optional<Defect> defect) {
        String name = entry.property().name();
        String explain = defect.map(d -> d.id() + ": " + d.title()).orElse(EXPLAIN);
        Optional<String> image = ImageExport.text(name, f.choiceSequence(), withCase(imageProvenance(entry, f, seed, tries, explain), f));
        String text = image.orElseGet(() -> trace(entry, f, traceProvenance(entry, f, seed, tries, explain)));
        String prefix = entry.subsystem().equals("mk") ? entry.variant() + "-" : "";
        Path file = dir.resolve(prefix + RegressionSlug.of(f.key()) + (image.isPresent() ? ".image" : ".trace"));
        try {
            Files.createDirectories(file.getParent());
            Files.writeString(file, text, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file, e);
        }
        return file;
    }

    static final String EXPLAIN = "(write the one-line explanation before committing)";

    /** The comments the findings tests of each subsystem read back (see their *FindingsTest). */
    private static List<String> traceProvenance(CampaignEntry entry, FoundFailure f, long seed, int tries, String explain) {
        String name = entry.property().name();
        if (entry.subsystem().equals("mk")) {
            return List.of("explanation: " + explain, "key: " + f.key(), "property: " + name,
                    "found: seed " + seed + ", -Dkverify.tries=" + tries + ", " + f.origin() + "; shrunk to "
                            + f.choiceSequence().length() + " choices in " + f.shrinkEvaluations() + " evaluations",
                    "choices: " + f.choices());
        }
        return List.of("defect: " + explain, "key: " + f.key(),
                "found by: property " + name + ", " + f.origin() + ", seed " + seed + ", tries " + tries,
                "shrunk in " + f.shrinkEvaluations() + " evaluations; " + f.occurrences() + " generated cases hit this key",
                "choices: " + f.choices());
    }

    private static List<String> imageProvenance(CampaignEntry entry, FoundFailure f, long seed, int tries, String explain) {
        return List.of("finding: " + explain, "key: " + f.key(), "diverges on: " + entry.variant(),
                "found by: property " + entry.property().name() + ", seed " + seed + ", " + tries + " tries, " + f.origin()
                        + "; shrunk in " + f.shrinkEvaluations() + " evaluations",
                "choices: " + f.choices(),
                "reproduce the generation: ./kverify property " + entry.property().name() + " --replay \""
                        + f.choices() + "\"");
    }

    /** An image's comments also carry the generated case (the image body is only memory). */
    private static List<String> withCase(List<String> provenance, FoundFailure f) {
        List<String> out = new ArrayList<>(provenance);
        f.rendering().forEach(l -> out.add("  " + l));
        return out;
    }

    private static String trace(CampaignEntry entry, FoundFailure f, List<String> provenance) {
        List<String> body = f.rendering();
        String[] parts = entry.property().name().split("\\.");
        List<String> lines = new ArrayList<>();
        lines.add(header(entry));
        // The variant is the entry's (a kind of two parts, luo.interface.faults.VARIANT.GEOMETRY,
        // puts it one part later); the geometry is the part after it.
        int at = java.util.Arrays.asList(parts).indexOf(entry.variant());
        if (at >= 2 && body.stream().noneMatch(l -> l.startsWith("variant: "))) {
            lines.add("variant: " + entry.variant().toUpperCase(Locale.ROOT).replace('-', '_'));
        }
        if (at >= 2 && at + 1 < parts.length && body.stream().noneMatch(l -> l.startsWith("geometry: "))) {
            lines.add("geometry: " + parts[at + 1]);
        }
        provenance.forEach(p -> lines.add("# " + p));
        lines.addAll(body);
        return String.join("\n", lines) + "\n";
    }

    static String header(CampaignEntry entry) {
        return switch (entry.subsystem()) {
            case "mk" -> "kverify-trace multikernel v1";
            case "luo" -> kverify.properties.luo.LuoInterface.traceMagic(entry.property().name());
            default -> "kverify-trace " + entry.subsystem() + " v1";
        };
    }

    /** Lower-case words joined by '-', at most 80 characters (the findings tests name files so). */
    static final class RegressionSlug {
        private RegressionSlug() {
        }

        static String of(String key) {
            return kverify.engine.RegressionStore.words(key, 80);
        }
    }
}
