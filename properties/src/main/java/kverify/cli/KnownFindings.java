package kverify.cli;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * The findings checked in under {@code properties/src/test/resources/findings/}: each trace or
 * image file names, in its comments, the divergence key ({@code # key: ...}) and the property
 * that found it ({@code # found by: property NAME, ...}). The campaign marks a divergence it
 * finds as known when its key is here, and measures detection power for each of these.
 */
record KnownFindings(List<Known> all) {

    /** One finding file: the property that found it, its key, the variants it must diverge on, its length. */
    record Known(Path file, String property, String key, List<String> variants, int steps) {
        String subsystem() {
            return KnownFindings.subsystem(property);
        }
    }

    static KnownFindings load(Path root) {
        List<Known> out = new ArrayList<>();
        if (!Files.isDirectory(root)) {
            return new KnownFindings(out);
        }
        try (Stream<Path> files = Files.walk(root)) {
            for (Path f : files.filter(Files::isRegularFile).sorted().toList()) {
                read(f).ifPresent(out::add);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list findings under " + root, e);
        }
        return new KnownFindings(out);
    }

    static String subsystem(String property) {
        int dot = property.indexOf('.');
        return dot < 0 ? property : property.substring(0, dot);
    }

    /**
     * An image's corruptions are listed in its comments (its body is the damaged memory, which
     * has no steps); a trace's steps are its body.
     */
    private static List<String> imageCommentsOrBody(List<String> lines) {
        return lines.isEmpty() || !lines.get(0).startsWith("kverify-image") ? lines
                : lines.stream().filter(l -> l.startsWith("#")).toList();
    }

    private static java.util.Optional<Known> read(Path f) {
        List<String> lines;
        try {
            lines = Files.readAllLines(f, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read finding " + f, e);
        }
        String key = null;
        String property = null;
        for (int i = 1; i < lines.size(); i++) {
            String l = lines.get(i).trim();
            if (l.startsWith("# key: ")) {
                key = l.substring("# key: ".length());
            } else if (l.startsWith("# found by: property ")) {
                property = l.substring("# found by: property ".length()).split("[ ,]")[0];
            } else if (l.startsWith("# property: ") && property == null) {
                property = l.substring("# property: ".length()).split("[ ,]")[0];
            }
        }
        return key == null || property == null ? java.util.Optional.empty()
                : java.util.Optional.of(new Known(f, property, key, Expectation.of(lines).diverging(),
                        Traces.length(imageCommentsOrBody(lines))));
    }
}
