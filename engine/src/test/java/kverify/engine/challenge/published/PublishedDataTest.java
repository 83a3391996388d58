package kverify.engine.challenge.published;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The copies of the published results in the test resources are the published files, unedited:
 * each has the SHA-256 its README lists (and no file is there that the README does not list),
 * and, where the team's shared data folder is present, each is byte for byte its file there.
 */
class PublishedDataTest {
    private static final Pattern SUM = Pattern.compile("^([0-9a-f]{64})  (\\S+)$", Pattern.MULTILINE);

    @Test
    void copiesAreThePublishedFiles() throws IOException {
        Path dir = Published.dataDir();
        Map<String, String> listed = new TreeMap<>();
        Matcher m = SUM.matcher(Files.readString(dir.resolve("README.md")));
        while (m.find()) {
            listed.put(m.group(2), m.group(1));
        }
        Map<String, String> present = new TreeMap<>();
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path f : files.filter(Files::isRegularFile).filter(f -> !f.getFileName().toString().equals("README.md")).toList()) {
                present.put(dir.relativize(f).toString().replace('\\', '/'), sha256(Files.readAllBytes(f)));
            }
        }
        assertThat(present).as("SHA-256 of the copies in %s", dir).isEqualTo(listed).hasSizeGreaterThan(10);
        Path shared = Published.sharedDir().orElse(null);
        if (shared != null) {
            for (String file : listed.keySet()) {
                assertThat(sha256(Files.readAllBytes(shared.resolve(file)))).as("%s against %s", file, shared).isEqualTo(listed.get(file));
            }
        }
    }

    private static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
