package kverify.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Checks that every hunk the catalog says it quotes from a seed is really there: a hunk source
 * {@code seed NAME lines A-B} means the hunk's lines, with a {@code ...} line between omitted
 * stretches, are lines A to B of the seed in order, once the mail's quote markers ({@code > },
 * {@code >>> }) are stripped, the first at A and the last at B. The seeds are not in the
 * repository, so this runs on demand ({@code kverify defects --check-hunks SEEDS-DIR}).
 */
final class DefectHunks {
    static final Pattern SEED_SOURCE = Pattern.compile("seed (\\S+) lines (\\d+)-(\\d+)\\b.*");
    static final String ELISION = "...";

    private DefectHunks() {
    }

    /** The seed file and line range a hunk is quoted from, if it is quoted from a seed. */
    static Optional<Matcher> seedSource(Defect d) {
        Matcher m = SEED_SOURCE.matcher(d.where().hunkSource());
        return m.matches() ? Optional.of(m) : Optional.empty();
    }

    /** One "FILE:LINE: message" per hunk that does not match its seed; empty when all do. */
    static List<String> check(DefectCatalog catalog, Path seeds) {
        List<String> problems = new ArrayList<>();
        for (Defect d : catalog.all()) {
            seedSource(d).ifPresent(m -> check(d, seeds.resolve(m.group(1)), Integer.parseInt(m.group(2)),
                    Integer.parseInt(m.group(3))).ifPresent(problems::add));
        }
        return problems;
    }

    private static Optional<String> check(Defect d, Path seed, int first, int last) {
        String where = d.path() + ":" + DefectReader.lineOf(d.path(), "hunk-source:") + ": ";
        List<String> lines;
        try {
            lines = Files.readAllLines(seed, StandardCharsets.UTF_8).stream().map(l -> l.replaceFirst("^(?:> ?)+", "")).toList();
        } catch (IOException | java.io.UncheckedIOException e) {
            return Optional.of(where + "cannot read seed " + seed + ": " + e.getMessage());
        }
        if (first < 1 || last > lines.size() || first > last) {
            return Optional.of(where + "lines " + first + "-" + last + " are not inside " + seed + " (" + lines.size() + " lines)");
        }
        int at = first - 1;
        List<String> hunk = d.where().hunk();
        for (int i = 0; i < hunk.size(); i++) {
            String h = hunk.get(i);
            if (h.equals(ELISION)) {
                at = next(lines, hunk.get(i + 1), at, last);
                if (at < 0) {
                    return Optional.of(where + "after '...', hunk line '" + hunk.get(i + 1) + "' is not in " + seed + " up to line " + last);
                }
            } else if (!lines.get(at).equals(h)) {
                return Optional.of(where + "hunk line '" + h + "' is not line " + (at + 1) + " of " + seed + " ('" + lines.get(at) + "')");
            } else {
                at++;
            }
        }
        return at == last ? Optional.empty() : Optional.of(where + "the hunk ends at line " + at + " of the seed, not at " + last);
    }

    /** The index of the first line at or after {@code from} (and before {@code last}) equal to {@code text}, or -1. */
    private static int next(List<String> lines, String text, int from, int last) {
        for (int i = from; i < last; i++) {
            if (lines.get(i).equals(text)) {
                return i;
            }
        }
        return -1;
    }
}
