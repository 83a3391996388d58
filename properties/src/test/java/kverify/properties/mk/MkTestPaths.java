package kverify.properties.mk;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;

/** Paths of the properties module, whether Maven runs from the repository root or the module. */
final class MkTestPaths {
    private MkTestPaths() {
    }

    static Path module() {
        Path here = Paths.get(System.getProperty("user.dir")).toAbsolutePath();
        return Files.isDirectory(here.resolve("properties/src")) ? here.resolve("properties") : here;
    }

    static Path findings() {
        return module().resolve(MkFindings.DIR);
    }
}
