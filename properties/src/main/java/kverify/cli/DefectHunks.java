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
        List<String> hunk = d.where().hunk();
        if (!hunk.get(0).equals(lines.get(first - 1))) {
            return Optional.of(where + "hunk line '" + hunk.get(0) + "' is not line " + first + " of " + seed + " ('" + lines.get(first - 1) + "')");
        }
        return matches(hunk, 0, lines, first - 1, last) ? Optional.empty()
                : Optional.of(where + "the hunk is not lines " + first + "-" + last + " of " + seed
                        + " in order (quoted stretches separated by '...', the last ending at line " + last + ")");
    }

    /**
     * Whether hunk lines from {@code h} on are seed lines from {@code at} on, a '...' skipping any
     * number of seed lines, ending exactly at line {@code last}. Tries every place a stretch after
     * '...' could start, so a line that occurs twice does not mislead it.
     */
    private static boolean matches(List<String> hunk, int h, List<String> lines, int at, int last) {
        if (h == hunk.size()) {
            return at == last;
        }
        if (hunk.get(h).equals(ELISION)) {
            for (int i = at; i < last; i++) {
                if (matches(hunk, h + 1, lines, i, last)) {
                    return true;
                }
            }
            return false;
        }
        return at < last && lines.get(at).equals(hunk.get(h)) && matches(hunk, h + 1, lines, at + 1, last);
    }
}
