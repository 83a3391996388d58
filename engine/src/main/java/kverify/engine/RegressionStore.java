package kverify.engine;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * Regression files: one counterexample per text file, {@code regressions/<property>/<symptom>.txt}.
 * Comment lines ({@code #}) carry the seed and the readable rendering; the one line
 * {@code choices: ...} is the case. Every run replays a property's stored cases first.
 */
public final class RegressionStore {
    private RegressionStore() {
    }

    public record Stored(Path file, ChoiceSequence choices) {
    }

    /** Stored cases of one property, in file-name order; none if the directory does not exist. */
    public static List<Stored> load(Path regressionsDir, String propertyName) {
        Path dir = regressionsDir.resolve(propertyName);
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        List<Stored> out = new ArrayList<>();
        try (Stream<Path> files = Files.list(dir)) {
            for (Path f : files.filter(p -> p.toString().endsWith(".txt")).sorted().toList()) {
                out.add(read(f));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list regressions in " + dir, e);
        }
        return out;
    }

    /** Reads one file; a malformed file is an error naming the file and line. */
    public static Stored read(Path file) {
        List<String> lines;
        try {
            lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read regression file " + file, e);
        }
        ChoiceSequence found = null;
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i).trim();
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            if (!line.startsWith("choices:") || found != null) {
                throw new MalformedInput(file + ":" + (i + 1) + ": expected one 'choices: N N ...' line, got '" + line + "'");
            }
            try {
                found = ChoiceSequence.parse(line.substring("choices:".length()));
            } catch (IllegalArgumentException e) {
                throw new MalformedInput(file + ":" + (i + 1) + ": " + e.getMessage());
            }
        }
        if (found == null) {
            throw new MalformedInput(file + ":" + (lines.size() + 1) + ": no 'choices:' line");
        }
        return new Stored(file, found);
    }

    /** Writes a ready-to-commit regression file for a failure; returns its path. */
    public static Path write(Path dir, String propertyName, Failure failure, long seed) {
        return write(dir, propertyName, failure.key(), failure.origin(), failure.shrunk().rendering(), failure.shrunk().choices(), seed);
    }

    /**
     * The same from the failure's parts, for a runner that keeps failures as plain values (the
     * suite's campaign writes them after merging the results of several processes).
     */
    public static Path write(Path dir, String propertyName, String key, String origin, List<String> rendering,
            ChoiceSequence choices, long seed) {
        Path file = dir.resolve(propertyName).resolve(slug(key) + ".txt");
        List<String> lines = new ArrayList<>();
        lines.add("# kverify regression for property " + propertyName);
        lines.add("# failure: " + key);
        lines.add("# found by: " + origin + " (run seed " + seed + ")");
        lines.add("# shrunk case:");
        for (String l : rendering) {
            lines.add("#   " + l);
        }
        lines.add("choices: " + choices.format());
        try {
            Files.createDirectories(file.getParent());
            Files.write(file, lines, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write regression file " + file, e);
        }
        return file;
    }

    /** A file-name form of a failure key: lower case words joined by '-', at most 60 characters, and its hash. */
    static String slug(String key) {
        String s = words(key, 60);
        return (s.isEmpty() ? "failure" : s) + "-" + String.format("%08x", key.hashCode());
    }

    /** The key's letters and digits in lower case, runs of anything else as one '-', cut at a '-' boundary to at most {@code max}. */
    public static String words(String key, int max) {
        String s = key.toLowerCase(java.util.Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("(^-+|-+$)", "");
        return s.length() > max ? s.substring(0, max).replaceAll("-+$", "") : s;
    }

    /** A malformed regression or replay file; the message names file and line. */
    public static final class MalformedInput extends RuntimeException {
        public MalformedInput(String message) {
            super(message);
        }
    }
}
