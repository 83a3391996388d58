package kverify.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The JUnit integration, run as Surefire or an IDE runs it: each example class below goes through
 * the JUnit Platform launcher and its outcomes are checked. (Nested classes: Surefire's default
 * excludes keep them out of the normal run, so the failing examples fail only here.)
 */
class PropertyTestExtensionTest {

    static final Gen<List<Integer>> SMALL_LISTS = Gen.lists(Gen.ints(0, 100), 0, 10);

    /** Properties that hold. */
    static class Holding {
        static final List<Integer> SEEN = new ArrayList<>();

        static Gen<Integer> digits() {
            return Gen.ints(0, 9);
        }

        // 200 tries: at 50 a random seed missed 0 or 9 in about 1% of runs (2 x 0.9^50).
        @PropertyTest(tries = 200)
        void everyCaseDrawsFromItsGenerators(@From("digits") int d, @From("kverify.engine.PropertyTestExtensionTest#SMALL_LISTS") List<Integer> xs) {
            SEEN.add(d);
            assertThat(d).isBetween(0, 9);
            assertThat(xs).hasSizeLessThanOrEqualTo(10).allMatch(x -> x >= 0 && x <= 100);
        }

        @PropertyTest(tries = 20)
        @CoverageAtLeast(label = "any", fraction = 0.9)
        void aSourceParameterDrawsAndClassifies(Source s) {
            s.draw("n", Gen.ints(0, 3));
            s.classify("any");
        }
    }

    @Test
    void holdingPropertiesPassAndRunTheirTries() {
        Holding.SEEN.clear();
        List<TestLaunch.Outcome> outcomes = TestLaunch.run(Holding.class);
        assertThat(outcomes).hasSize(2).noneMatch(TestLaunch.Outcome::failed);
        assertThat(Holding.SEEN).hasSize(200).contains(0, 9);
    }

    /** A property that fails: the sum of a list stays at most 100 (false). */
    static class Failing {
        @PropertyTest(seed = "7", tries = 200)
        void sumsStaySmall(@From("kverify.engine.PropertyTestExtensionTest#SMALL_LISTS") List<Integer> xs) {
            if (xs.stream().mapToInt(Integer::intValue).sum() > 100) {
                throw new Divergence("sum over 100", "sum of " + xs + " is over 100");
            }
        }
    }

    @Test
    void aFailingPropertyReportsTheShrunkCaseSeedChoicesAndReplayLine() throws Exception {
        TestLaunch.Outcome o = TestLaunch.of(TestLaunch.run(Failing.class), "sumsStaySmall");
        assertThat(o.failed()).isTrue();
        String report = o.message();
        assertThat(report).contains("Property PropertyTestExtensionTest.Failing.sumsStaySmall failed")
                .contains("seed 7,").contains("Original case (").contains("Shrunk case (")
                .contains("xs: [1, 100]").contains("Shrunk choices: 1 1 1 100 0")
                .contains("mvn -q test -pl engine -am -Dsurefire.failIfNoSpecifiedTests=false"
                        + " -Dtest='PropertyTestExtensionTest$Failing#sumsStaySmall' -Dkverify.replay=\"1 1 1 100 0\"")
                .contains("-Dkverify.seed=7 -Dkverify.tries=200");
        String file = report.lines().filter(l -> l.startsWith("Ready-to-commit regression file: ")).findFirst()
                .orElseThrow().substring("Ready-to-commit regression file: ".length());
        assertThat(Files.readString(Path.of(file))).contains("choices: 1 1 1 100 0");
    }

    /** Regressions stored for the property replay before any case is generated. */
    static class WithRegression {
        static final List<List<Integer>> RUNS = new ArrayList<>();

        @PropertyTest(tries = 1, seed = "1", regressions = "src/test/resources/extension-regressions")
        void firstCaseIsTheStoredOne(@From("kverify.engine.PropertyTestExtensionTest#SMALL_LISTS") List<Integer> xs) {
            RUNS.add(xs);
        }
    }

    @Test
    void storedRegressionsReplayFirst() {
        WithRegression.RUNS.clear();
        assertThat(TestLaunch.run(WithRegression.class)).noneMatch(TestLaunch.Outcome::failed);
        // The stored file holds the list [3, 4]; then the one generated try.
        assertThat(WithRegression.RUNS).hasSize(2);
        assertThat(WithRegression.RUNS.get(0)).containsExactly(3, 4);
    }

    /** Misused generators: a name that does not exist, and a generator of the wrong type. */
    static class Misused {
        static final Gen<String> WORDS = Gen.elements("a", "b");

        @PropertyTest
        void unknownGenerator(@From("nothing") int x) {
        }

        @PropertyTest
        void wrongType(@From("WORDS") int x) {
        }
    }

    @Test
    void misusedGeneratorsFailBeforeAnyCaseWithTheParameterNamed() {
        List<TestLaunch.Outcome> outcomes = TestLaunch.run(Misused.class);
        assertThat(TestLaunch.of(outcomes, "unknownGenerator").error()).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("no field or method 'nothing'");
        assertThat(TestLaunch.of(outcomes, "wrongType").error()).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'WORDS' generates java.lang.String, the parameter is a int");
    }
}
