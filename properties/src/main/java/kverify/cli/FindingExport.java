package kverify.cli;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import kverify.engine.Failure;

/**
 * Writes a new divergence as a ready-to-commit trace: the subsystem's trace header, the
 * provenance comments the findings tests and the campaign read back ({@code # key:},
 * {@code # found by: property ...}), and the engine's shrunk rendering, which for the
 * equivalence properties is the trace body itself.
 */
final class FindingExport {
    private FindingExport() {
    }

    static Path write(Path dir, CampaignEntry entry, Failure f, long seed, int tries) {
        String name = entry.property().name();
        String[] parts = name.split("\\.");
        List<String> lines = new ArrayList<>();
        lines.add(header(entry.subsystem()));
        if (parts.length >= 3) {
            lines.add("variant: " + parts[2].toUpperCase(Locale.ROOT).replace('-', '_'));
        }
        if (parts.length >= 4) {
            lines.add("geometry: " + parts[3]);
        }
        lines.add("# defect: (write the one-line explanation before committing)");
        lines.add("# key: " + f.key());
        lines.add("# found by: property " + name + ", " + f.origin() + ", seed " + seed + ", tries " + tries);
        lines.add("# shrunk in " + f.shrinkEvaluations() + " evaluations; " + f.occurrences() + " generated cases hit this key");
        lines.addAll(f.shrunk().rendering());
        Path file = dir.resolve(entry.subsystem()).resolve(RegressionSlug.of(f.key()) + ".trace");
        try {
            Files.createDirectories(file.getParent());
            Files.write(file, lines, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file, e);
        }
        return file;
    }

    static String header(String subsystem) {
        return switch (subsystem) {
            case "mk" -> "kverify-trace multikernel v1";
            default -> "kverify-trace " + subsystem + " v1";
        };
    }

    /** Lower-case words joined by '-', at most 70 characters. */
    static final class RegressionSlug {
        private RegressionSlug() {
        }

        static String of(String key) {
            String s = key.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("(^-+|-+$)", "");
            return s.length() > 70 ? s.substring(0, 70).replaceAll("-+$", "") : s;
        }
    }
}
