package kverify.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EngineTest {

    @TempDir
    Path tmp;

    private RunSettings settings(long seed, int tries) {
        return new RunSettings(tries, seed, Optional.empty(), 20_000, tmp.resolve("regressions"), tmp.resolve("failures"), true);
    }

    /** A stateful body: each step's generator depends on the state built so far. */
    private static final Consumer<Source> STATEFUL = s -> {
        List<Integer> stack = new ArrayList<>();
        int steps = (int) s.choice(20);
        for (int i = 0; i < steps; i++) {
            Gen<Integer> next = stack.isEmpty() ? Gen.ints(0, 9) : Gen.ints(0, stack.get(stack.size() - 1) + 3);
            stack.add(s.draw("push " + i, next));
        }
        if (stack.stream().anyMatch(x -> x >= 10)) {
            throw new Divergence("element too large", "stack " + stack + " holds a value >= 10");
        }
    };

    @Test
    void replayingRecordedChoicesReproducesTheCaseExactly() {
        TestCase original = Execution.run(STATEFUL, Source.random(42));
        TestCase replayed = Execution.run(STATEFUL, Source.replay(original.choices()));
        assertThat(replayed.choices()).isEqualTo(original.choices());
        assertThat(replayed.rendering()).isEqualTo(original.rendering());
        assertThat(replayed.status()).isEqualTo(original.status());
    }

    @Test
    void sameSeedSameResultAndShrinkingIsDeterministic() {
        Property p = Property.named("engine.stateful").body(STATEFUL).build();
        PropertyResult a = p.run(settings(7, 200));
        PropertyResult b = p.run(settings(7, 200));
        assertThat(a.failures()).hasSize(1);
        assertThat(a.failures().get(0).shrunkChoices()).isEqualTo(b.failures().get(0).shrunkChoices());
        assertThat(a.failures().get(0).shrunkRendering()).isEqualTo(b.failures().get(0).shrunkRendering());
        assertThat(a.failures().get(0).shrinkEvaluations()).isEqualTo(b.failures().get(0).shrinkEvaluations());
    }

    @Test
    void shrinkingFindsTheSmallestStatefulCounterexample() {
        Property p = Property.named("engine.stateful").body(STATEFUL).build();
        Failure f = p.run(settings(11, 300)).failures().get(0);
        // A value >= 10 needs two pushes (the first is at most 9, each next at most the previous + 3);
        // the shortlex-least such case is 7 then 10.
        assertThat(f.shrunkRendering()).containsExactly("push 0: 7", "push 1: 10");
        assertThat(f.shrunkChoices()).isEqualTo(ChoiceSequence.of(2, 7, 10));
    }

    @Test
    void filterExhaustionIsAClearError() {
        Property p = Property.named("engine.impossible-filter")
                .body(s -> s.draw(Gen.ints(0, 1000).filter("more than 2000", x -> x > 2000)))
                .build();
        PropertyResult r = p.run(settings(1, 5));
        assertThat(r.passed()).isFalse();
        assertThat(r.tooManyDiscards()).contains("too many discarded cases").contains("filter rejects almost everything");
    }

    @Test
    void coverageRequirementFailsWithAStatisticalStatement() {
        Property p = Property.named("engine.coverage")
                .body(s -> {
                    if (s.draw(Gen.ints(0, 99)) == 0) {
                        s.classify("zero");
                    }
                    s.classify("any");
                })
                .requireCoverage("zero", 0.5)
                .requireCoverage("any", 0.9)
                .build();
        PropertyResult r = p.run(settings(3, 200));
        assertThat(r.coverageFailures()).extracting(Coverage.Verdict::label).containsExactly("zero");
        assertThat(r.coverageFailures().get(0).toString()).contains("95% Wilson interval").contains("required >= 50.0%");
    }

    @Test
    void failureProbabilityOfARequirementAgreesWithSimulatedRuns() {
        // The case that failed a random-seed run: required 20%, true rate 22%, 100 cases.
        double p = Coverage.failureProbability(0.2, 0.22, 100);
        java.util.SplittableRandom rnd = new java.util.SplittableRandom(1);
        int runs = 20_000;
        int failedRuns = 0;
        for (int run = 0; run < runs; run++) {
            int hits = 0;
            for (int c = 0; c < 100; c++) {
                hits += rnd.nextDouble() < 0.22 ? 1 : 0;
            }
            failedRuns += Coverage.decide(List.of(new Coverage.Requirement("l", 0.2)), java.util.Map.of("l", hits), 100)
                    .get(0).failed() ? 1 : 0;
        }
        assertThat(p).isBetween(0.005, 0.05).isCloseTo((double) failedRuns / runs, org.assertj.core.data.Offset.offset(0.004));
        assertThat(Coverage.failureProbability(0.1, 0.22, 100)).isLessThan(1e-4);
        assertThat(Coverage.failureProbability(0.2, 0.0, 100)).isEqualTo(1.0);
        assertThat(Coverage.failureProbability(0.02, 0.5, 10)).isZero();
    }

    @Test
    void sampleSeesTheCasesARunOfTheSameSeedSees() {
        Property p = Property.named("engine.stateful").body(STATEFUL).build();
        Failure f = p.run(settings(11, 300)).failures().get(0);
        List<TestCase> seen = new ArrayList<>();
        assertThat(p.sample(11, f.foundAtTry(), seen::add)).isZero();
        assertThat(seen).hasSize(f.foundAtTry());
        assertThat(seen.subList(0, seen.size() - 1)).noneMatch(TestCase::failed);
        assertThat(seen.get(seen.size() - 1).choices()).isEqualTo(f.original().choices());
        assertThat(p.triesAt(300)).isEqualTo(300);
        assertThat(Property.named("engine.scaled").body(STATEFUL).triesScale(0.1).build().triesAt(100)).isEqualTo(10);
    }

    @Test
    void storedRegressionsReplayFirstAndNewFailuresAreWrittenReadyToCommit() throws Exception {
        Property p = Property.named("engine.stateful").body(STATEFUL).build();
        Failure f = p.run(settings(5, 300)).failures().get(0);
        Path written = RegressionStore.write(tmp.resolve("regressions"), p.name(), f, 5);
        assertThat(Files.readString(written)).contains("# failure: element too large").contains("choices: ");
        // With zero fresh tries requested, the stored case alone must still fail the run.
        PropertyResult again = p.run(settings(99, 1).withTries(1));
        assertThat(again.failures()).isNotEmpty();
        assertThat(again.failures().get(0).origin()).startsWith("regression ");
    }

    @Test
    void malformedRegressionFileNamesFileAndLine() throws Exception {
        Path bad = tmp.resolve("bad.txt");
        Files.writeString(bad, "# comment\nchoices: 1 2 x\n");
        assertThatThrownBy(() -> RegressionStore.read(bad)).isInstanceOf(RegressionStore.MalformedInput.class)
                .hasMessageContaining("bad.txt:2:").hasMessageContaining("'x'");
    }
}
