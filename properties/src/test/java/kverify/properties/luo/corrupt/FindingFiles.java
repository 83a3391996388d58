package kverify.properties.luo.corrupt;

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

/** The checked-in corrupted-image findings and the comment lines they carry. */
final class FindingFiles {
    private FindingFiles() {
    }

    /** The findings directory, whether the tests run from the repository root or the module. */
    static Path dir() {
        Path module = Files.isDirectory(Paths.get("properties/src")) ? Paths.get("properties") : Paths.get(".");
        return module.resolve("src/test/resources/findings/luo-images");
    }

    static Path examples() {
        return dir().getParent().getParent().resolve("images");
    }

    static List<Path> all() {
        try (Stream<Path> s = Files.list(dir())) {
            return s.filter(p -> p.toString().endsWith(".image")).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static Optional<String> comment(Path file, String name) {
        try {
            return Files.readAllLines(file, StandardCharsets.UTF_8).stream().filter(l -> l.startsWith("# " + name + ": "))
                    .map(l -> l.substring(name.length() + 4).trim()).findFirst();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static TreeSet<String> knownKeys() {
        TreeSet<String> keys = new TreeSet<>();
        all().forEach(f -> comment(f, "key").ifPresent(keys::add));
        return keys;
    }
}
