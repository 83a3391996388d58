package kverify.cli;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import kverify.engine.RunSettings;

/**
 * The checked-in defect catalog: every {@code <ID>.defect} file under
 * {@code properties/src/test/resources/defects/}, checked one by one ({@link DefectReader}) and
 * together: ids unique, a symptom names an entry that is not itself a symptom, and each
 * divergence key (subsystem, variant, key) belongs to one entry only, so a key the campaign
 * finds maps to at most one defect.
 */
record DefectCatalog(List<Defect> all, Map<Defect.Key, Defect> byKey) {
    static final Path DIR = RunSettings.propertiesModuleDir().resolve("src/test/resources/defects");

    /** Catalog order: by id prefix (LUO, LUO-IMG, MK), then by number. */
    static final Comparator<Defect> ORDER = Comparator.comparing((Defect d) -> d.id().substring(0, d.id().lastIndexOf('-')))
            .thenComparingInt(d -> Integer.parseInt(d.id().substring(d.id().lastIndexOf('-') + 1)));

    static DefectCatalog load() {
        return load(DIR);
    }

    static DefectCatalog load(Path dir) {
        if (!Files.isDirectory(dir)) {
            throw new UsageError(dir + ": no defect catalog here (the .defect files of docs/defects.md)");
        }
        List<Defect> defects = new ArrayList<>();
        try (Stream<Path> files = Files.list(dir)) {
            for (Path f : files.filter(p -> p.toString().endsWith(".defect")).sorted().toList()) {
                defects.add(DefectReader.read(f));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + dir, e);
        }
        defects.sort(ORDER);
        return new DefectCatalog(List.copyOf(defects), keys(defects));
    }

    private static Map<Defect.Key, Defect> keys(List<Defect> defects) {
        Map<String, Defect> ids = new LinkedHashMap<>();
        Map<Defect.Key, Defect> byKey = new LinkedHashMap<>();
        for (Defect d : defects) {
            ids.put(d.id(), d);
            for (Defect.Key k : d.keys()) {
                Defect other = byKey.putIfAbsent(k, d);
                if (other != null) {
                    throw located(d, "key: " + k.subsystem() + " " + k.variant() + " " + k.key(), "key '" + k.key() + "' on "
                            + k.scope() + " already belongs to " + other.id() + " (" + other.path().getFileName() + ")");
                }
            }
        }
        for (Defect d : defects) {
            d.parent().ifPresent(p -> {
                Defect parent = ids.get(p);
                if (parent == null || parent.parent().isPresent()) {
                    throw located(d, "class:", "symptom-of " + p + ": " + (parent == null ? "no such defect in the catalog"
                            : p + " is itself a symptom; name the defect it shows"));
                }
            });
        }
        return byKey;
    }

    private static UsageError located(Defect d, String linePrefix, String message) {
        return new UsageError(d.path() + ":" + DefectReader.lineOf(d.path(), linePrefix) + ": " + message);
    }

    /** A path inside the repository as the repository names it (relative to its root), else as it is. */
    static String display(Path p) {
        Path root = RunSettings.propertiesModuleDir().toAbsolutePath().getParent();
        Path abs = p.toAbsolutePath().normalize();
        return root != null && abs.startsWith(root) ? root.relativize(abs).toString() : p.toString();
    }

    /** The entry a divergence found on this subsystem and variant belongs to, if any. */
    Optional<Defect> lookup(String subsystem, String variant, String key) {
        return Optional.ofNullable(byKey.get(new Defect.Key(subsystem, variant, key)));
    }

    Optional<Defect> byId(String id) {
        return all.stream().filter(d -> d.id().equals(id)).findFirst();
    }

    /** The symptoms that name this entry as theirs. */
    List<Defect> symptomsOf(Defect d) {
        return all.stream().filter(s -> s.parent().filter(d.id()::equals).isPresent()).toList();
    }
}
