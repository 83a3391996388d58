package kverify.engine.challenge.published;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The published Hypothesis runs of the shrinking problems, read from the copies in the test
 * resources (see their README): the ECOOP 2020 artifact's raw results (Hypothesis 5.12.0, 1000 runs per problem) and
 * the shrinking-challenge repository's reports (Hypothesis 5.23.11, 100 runs). Each run: the
 * first failing case Hypothesis found, what it shrank it to, and its evaluations (the failing
 * run counts as one, then every call of the test while shrinking).
 */
public final class Published {
    /** The folder of the copies in the test resources (engine/src/test/resources/shrinking-challenge, README there). */
    static final String RESOURCE = "/shrinking-challenge/README.md";
    /** The team's shared data folder the copies were taken from, looked for above the working directory. */
    static final String SHARED = "shared/data/shrinking-challenge";

    /** One published run. */
    public record Run(String original, String shrunk, int evaluations) {
    }

    /** A set of runs: which library and version, from which file. */
    public record Dataset(String problem, String library, String source, List<Run> runs) {
    }

    private Published() {
    }

    /** The data folder: -Dchallenge.data, else the copies in the test resources. */
    public static Path dataDir() {
        String given = System.getProperty("challenge.data");
        if (given != null && !given.isBlank()) {
            return Path.of(given);
        }
        java.net.URL readme = Published.class.getResource(RESOURCE);
        if (readme == null || !"file".equals(readme.getProtocol())) {
            throw new IllegalStateException("no " + RESOURCE + " on the test class path; give -Dchallenge.data=DIR");
        }
        try {
            return Path.of(readme.toURI()).getParent();
        } catch (java.net.URISyntaxException e) {
            throw new IllegalStateException("bad resource location " + readme, e);
        }
    }

    /** The shared folder the copies come from, if it is above the working directory. */
    public static java.util.Optional<Path> sharedDir() {
        for (Path p = Path.of("").toAbsolutePath(); p != null; p = p.getParent()) {
            if (Files.isDirectory(p.resolve(SHARED))) {
                return java.util.Optional.of(p.resolve(SHARED));
            }
        }
        return java.util.Optional.empty();
    }

    /** ecoop-2020/NAME_Hypothesis.json: original and contents are strings. */
    public static Dataset ecoop(String problem) {
        String file = "ecoop-2020/" + problem + "_Hypothesis.json";
        List<Run> runs = new ArrayList<>();
        for (Object o : read(file)) {
            Map<?, ?> m = (Map<?, ?>) o;
            runs.add(new Run((String) m.get("original"), (String) m.get("contents"), Integer.parseInt((String) m.get("evaluations"))));
        }
        return new Dataset(problem, "Hypothesis 5.12.0", file, runs);
    }

    /** jlink-reports/NAME.json: original and shrunk are objects of one argument each. */
    public static Dataset jlink(String problem) {
        String file = "jlink-reports/" + problem + ".json";
        List<Run> runs = new ArrayList<>();
        for (Object o : read(file)) {
            Map<?, ?> m = (Map<?, ?>) o;
            runs.add(new Run(onlyValue(m.get("original")), onlyValue(m.get("shrunk")), Integer.parseInt((String) m.get("evaluations"))));
        }
        return new Dataset(problem, "Hypothesis 5.23.11", file, runs);
    }

    private static String onlyValue(Object argumentMap) {
        Map<?, ?> m = (Map<?, ?>) argumentMap;
        if (m.size() != 1) {
            throw new IllegalArgumentException("expected one argument, got " + m.keySet());
        }
        return (String) m.values().iterator().next();
    }

    private static List<?> read(String file) {
        try {
            return (List<?>) Json.parse(Files.readString(dataDir().resolve(file), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
    }
}
