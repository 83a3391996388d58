package kverify.properties.mk;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import kverify.engine.Divergence;
import kverify.engine.Failure;
import kverify.engine.Property;
import kverify.engine.PropertyResult;
import kverify.engine.RunSettings;
import kverify.impl.mk.MkVariant;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * The campaign that produces the checked-in findings: runs every multikernel property of the
 * posted variants with several seeds, keeps every distinct divergence (the shortest trace per
 * key) from the engine's shrunk counterexamples, and writes them as trace files to
 * {@code target/mk-findings} (or -Dkverify.mk.export.dir) for review and check-in:
 * <pre>mvn test -Pslow -pl model,impl,properties -Dtest=MkFindingsExportTest -Dkverify.tries=3000 -Dkverify.mk.export.seeds=1,2,3,4</pre>
 * ({@code -Dkverify.mk.export.variants=V2_AS_POSTED} and {@code -Dkverify.mk.export.properties=equivalence,capacity}
 * narrow it to some variants and property kinds; {@code -Dkverify.mk.export.newOnly=true} accepts the
 * checked-in keys, so only new divergences, and consequences followed past known ones, are shrunk).
 */
@Tag("slow")
class MkFindingsExportTest {

    @Test
    void exportEveryDistinctDivergenceOfThePostedVariants() throws IOException {
        RunSettings base = RunSettings.fromSystemProperties().collectingAllFailures();
        Path out = Paths.get(System.getProperty("kverify.mk.export.dir", "target/mk-findings"));
        Map<String, List<String>> traces = new TreeMap<>();
        List<String> crashes = new ArrayList<>();
        List<String> only = List.of(System.getProperty("kverify.mk.export.properties", "").split(","));
        for (String variant : System.getProperty("kverify.mk.export.variants", "AS_POSTED,IMAGE_TRACKING,V2_AS_POSTED").split(",")) {
            MkVariant v = MkVariant.valueOf(variant.trim());
            // newOnly: the checked-in keys are accepted, so only divergences without a finding are shrunk.
            java.util.Set<String> known = Boolean.getBoolean("kverify.mk.export.newOnly")
                    ? MkFindings.knownKeys(MkTestPaths.findings(), v) : java.util.Set.of();
            for (Property p : MkCatalog.of(v, known)) {
                if (!only.get(0).isEmpty() && only.stream().noneMatch(o -> p.name().startsWith("mk." + o.trim() + "."))) {
                    continue;
                }
                for (String seed : System.getProperty("kverify.mk.export.seeds", "1,2").split(",")) {
                    PropertyResult r = p.run(base.withSeed(Long.parseLong(seed.trim())));
                    System.out.printf("%s seed %s: %d cases, %d distinct divergences%n", p.name(), seed, r.validCases(), r.failures().size());
                    for (Failure f : r.failures()) {
                        if (!(f.shrunkError() instanceof Divergence)) {
                            crashes.add(p.name() + " seed " + seed + ": " + f.key());
                            continue;
                        }
                        String why = MkFindingExplanations.TEXT.getOrDefault(v + "|" + f.key(), MkFindingExplanations.TEXT.get(f.key()));
                        List<String> lines = MkFindings.traceOf(f, p.name(), r.seed(), base.tries(), why);
                        traces.merge(MkFindings.fileName(v, f.key()), lines, (a, b) -> simpler(b, a) ? b : a);
                    }
                }
            }
        }
        Files.createDirectories(out);
        for (Map.Entry<String, List<String>> e : traces.entrySet()) {
            Files.write(out.resolve(e.getKey()), e.getValue(), StandardCharsets.UTF_8);
            System.out.println("wrote " + out.resolve(e.getKey()));
        }
        assertThat(crashes).as("failures that are not divergences (simulator errors)").isEmpty();
    }

    /** Of two traces of one divergence keep the one without concurrent calls, then the shorter. */
    private static boolean simpler(List<String> a, List<String> b) {
        boolean ca = a.stream().anyMatch(l -> l.startsWith("concurrent"));
        boolean cb = b.stream().anyMatch(l -> l.startsWith("concurrent"));
        return ca != cb ? !ca : a.size() < b.size();
    }
}
