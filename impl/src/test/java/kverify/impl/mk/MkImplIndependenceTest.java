package kverify.impl.mk;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The implementation must reach its answers on its own: no impl source file or compiled class
 * may mention the reference model (an impl that called the model would pass every property).
 */
class MkImplIndependenceTest {
    private static final String SOURCE_NAME = "kverify.model.mk.reference";
    private static final String CLASS_NAME = "kverify/model/mk/reference";

    private static Path moduleDir() {
        Path here = Paths.get(System.getProperty("user.dir")).toAbsolutePath();
        return Files.isDirectory(here.resolve("impl/src")) ? here.resolve("impl") : here;
    }

    private static List<Path> offenders(Path root, String suffix, String needle) throws IOException {
        List<Path> out = new ArrayList<>();
        try (Stream<Path> files = Files.walk(root)) {
            for (Path f : files.filter(p -> p.toString().endsWith(suffix)).sorted().toList()) {
                String text = new String(Files.readAllBytes(f), StandardCharsets.ISO_8859_1);
                if (text.contains(needle)) {
                    out.add(root.relativize(f));
                }
            }
        }
        return out;
    }

    @Test
    void noImplSourceMentionsTheReferenceModel() throws IOException {
        Path src = moduleDir().resolve("src/main/java");
        assertThat(Files.isDirectory(src.resolve("kverify/impl/mk"))).as("impl sources found at " + src).isTrue();
        assertThat(offenders(src, ".java", SOURCE_NAME)).as("impl sources naming " + SOURCE_NAME).isEmpty();
    }

    @Test
    void noImplClassReferencesTheReferenceModel() throws IOException {
        Path classes = moduleDir().resolve("target/classes");
        assertThat(Files.isRegularFile(classes.resolve("kverify/impl/mk/MkImplKernel.class"))).as("compiled impl at " + classes).isTrue();
        assertThat(offenders(classes, ".class", CLASS_NAME)).as("impl classes referring to " + CLASS_NAME).isEmpty();
    }

    @Test
    void theScanWouldSeeAReference() throws IOException {
        Path tmp = Files.createTempDirectory("mk-indep");
        Files.writeString(tmp.resolve("Bad.java"), "import " + SOURCE_NAME + ".ReferenceMk;\n");
        assertThat(offenders(tmp, ".java", SOURCE_NAME)).containsExactly(Paths.get("Bad.java"));
    }
}
