package kverify.properties.luo;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;
import kverify.impl.luo.LuoVariant;
import kverify.model.Outcome;
import kverify.model.luo.reference.LuoReference;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The kernel's own selftests (tools/testing/selftests/liveupdate, in the series' version and in
 * the applied v7 one) as traces whose expected outcomes are the tests' assertions. The model and
 * CORRECTED must meet every assertion and agree at every step; as posted and the review
 * suggestion may diverge only with a key a checked-in finding reproduces (a new one is a defect
 * to harvest, as in the equivalence properties). docs/luo.md lists every case and its status.
 */
class LuoConformanceTest {
    static final Path DIR = Paths.get("src/test/resources/conformance");

    static Stream<Path> traces() throws IOException {
        try (Stream<Path> s = Files.list(DIR)) {
            return s.filter(p -> p.toString().endsWith(".trace")).sorted().toList().stream();
        }
    }

    static LuoTrace parse(Path f) {
        try {
            return LuoTraceFormat.parse(f.toString(), Files.readString(f, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("traces")
    void theModelMeetsEveryAssertion(Path f) {
        LuoTrace t = parse(f);
        assertThat(t.comments()).as(f + " names its selftest and version")
                .anyMatch(c -> c.startsWith("selftest: ")).anyMatch(c -> c.startsWith("version: "));
        assertThat(t.steps()).as(f + ": every step states the test's expectation").allMatch(s -> s.expect().isPresent());
        LuoReference model = new LuoReference(t.geometry());
        for (LuoTrace.Step s : t.steps()) {
            Outcome<?> o = s.op().applyTo(model);
            assertThat(s.expect().get().matches(o)).as(f + ":" + s.line() + " expects " + s.expect().get() + ", the model gives " + o)
                    .isTrue();
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("traces")
    void correctedAgreesAtEveryStepAndThePostedVariantsOnlyWithKnownDefects(Path f) {
        LuoTrace t = parse(f);
        for (LuoVariant v : LuoVariant.values()) {
            LuoDuel duel = new LuoDuel(v, t.geometry());
            Optional<LuoDuel.StepResult> first = Optional.empty();
            for (LuoTrace.Step s : t.steps()) {
                LuoDuel.StepResult r = duel.step(s.op());
                if (v == LuoVariant.CORRECTED) {
                    assertThat(r.agrees()).as(f + ":" + s.line() + " on CORRECTED: " + duel.report(r)).isTrue();
                    assertThat(s.expect().get().matches(r.impl())).as(f + ":" + s.line() + " on CORRECTED").isTrue();
                }
                if (!r.agrees()) {
                    first = Optional.of(r);
                    break;
                }
            }
            Set<String> known = LuoFindings.knownKeys(v);
            first.ifPresent(r -> assertThat(known).as(f + " on " + v + " diverges with " + r.key() + ": not a checked-in finding")
                    .contains(r.key()));
        }
    }

    /** docs/luo.md lists every trace here. */
    @ParameterizedTest(name = "{0}")
    @MethodSource("traces")
    void theDocsListEveryCase(Path f) throws IOException {
        String doc = Files.readString(Paths.get("../docs/luo.md"), StandardCharsets.UTF_8);
        assertThat(doc).as("docs/luo.md lists " + f.getFileName()).contains(f.getFileName().toString());
        assertThat(List.of(LuoVariant.values())).isNotEmpty();
    }
}
