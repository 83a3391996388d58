package kverify.impl.luo;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The implementation must not lean on the reference model: no source file under impl/ names a
 * reference package, and no compiled impl class refers to one in its constant pool (which also
 * catches fully qualified uses and reflection by literal class name).
 */
class LuoImplIndependenceTest {
    private static final String SOURCE_FORM = "kverify.model.luo.reference";
    private static final String BINARY_FORM = "kverify/model/luo/reference";

    @Test
    void noImplSourceNamesTheReferenceModel() throws IOException {
        List<Path> sources = files(Paths.get("src/main/java"), ".java");
        assertThat(sources).as("impl sources found").isNotEmpty();
        for (Path p : sources) {
            assertThat(Files.readString(p, StandardCharsets.UTF_8)).as(p.toString()).doesNotContain(SOURCE_FORM);
        }
    }

    @Test
    void noImplClassRefersToTheReferenceModel() throws IOException {
        List<Path> classes = files(Paths.get("target/classes"), ".class");
        assertThat(classes).as("compiled impl classes found").anyMatch(p -> p.endsWith("LuoImpl.class"));
        for (Path p : classes) {
            String pool = new String(Files.readAllBytes(p), StandardCharsets.ISO_8859_1);
            assertThat(pool).as(p.toString()).doesNotContain(BINARY_FORM).doesNotContain(SOURCE_FORM);
        }
    }

    private static List<Path> files(Path root, String suffix) throws IOException {
        try (Stream<Path> s = Files.walk(root)) {
            return s.filter(p -> p.toString().endsWith(suffix)).sorted().toList();
        }
    }
}
