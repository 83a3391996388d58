package kverify.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A property that must fail, kept to show (and pin) what a kernel developer reads on failure. */
class FailureReportTest {

    private static final Property NO_LARGE_SUM = Property.named("engine.report-demo")
            .body(s -> {
                List<Integer> xs = s.draw("xs", Gen.lists(Gen.ints(0, 100), 0, 10));
                s.note("sum = " + xs.stream().mapToInt(Integer::intValue).sum());
                if (xs.stream().mapToInt(Integer::intValue).sum() > 100) {
                    throw new Divergence("sum over 100", "sum of " + xs + " is over 100");
                }
            })
            .build();

    @Test
    void failingPropertyReportsSeedCasesChoicesAndReplayCommand() throws Exception {
        AssertionError error = catchThrowableOfType(AssertionError.class, NO_LARGE_SUM::check);
        String report = error.getMessage();
        assertThat(report).contains("Property engine.report-demo failed").containsPattern("seed -?\\d+")
                .contains("Original case (").contains("Shrunk case (").contains("Shrunk choices: ")
                .contains("-Dkverify.replay=\"").contains("mvn -q test -pl engine -am ").contains("-Dtest='FailureReportTest#failingPropertyReportsSeedCasesChoicesAndReplayCommand'")
                .contains("Replay the whole run:").contains("-Dkverify.seed=");
        // The minimal list with a sum over 100 is two elements, [1, 100] in shortlex order of choices.
        assertThat(report).contains("xs: [1, 100]");
        String file = report.lines().filter(l -> l.startsWith("Ready-to-commit regression file: ")).findFirst()
                .orElseThrow().substring("Ready-to-commit regression file: ".length());
        assertThat(Files.readString(Path.of(file))).contains("choices: ").contains("#   xs: [1, 100]");
        String choices = report.lines().filter(l -> l.startsWith("Shrunk choices: ")).findFirst().orElseThrow()
                .substring("Shrunk choices: ".length());
        TestCase replayed = NO_LARGE_SUM.runCase(ChoiceSequence.parse(choices));
        assertThat(replayed.failed()).isTrue();
        assertThat(replayed.rendering()).contains("xs: [1, 100]");
    }
}
