package kverify.properties.mk;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Set;
import kverify.engine.TestLaunch;
import kverify.impl.mk.MkVariant;
import org.junit.jupiter.api.Test;

/** The annotated kernel property {@link MkUnloadDemo} fails with the documented report. */
class MkUnloadDemoTest {

    @Test
    void theAnnotatedPropertyFailsWithTheReportOfAKnownFinding() {
        TestLaunch.Outcome o = TestLaunch.of(TestLaunch.run(MkUnloadDemo.class), "asPostedUnloadAgreesWithTheModel");
        assertThat(o.failed()).isTrue();
        String report = o.message();
        assertThat(report).startsWith("Property mk.demo.unload.as-posted failed").containsPattern("seed -?\\d+, \\d+ of 300 tries run")
                .contains("Original case (").contains("Shrunk case (").contains("machine: Machine[").contains("flags: ")
                .containsPattern("Shrunk choices: [0-9 ]+\n")
                .contains("mvn -q test -pl properties -am -Dsurefire.failIfNoSpecifiedTests=false"
                        + " -Dtest='MkUnloadDemo#asPostedUnloadAgreesWithTheModel' -Dkverify.replay=\"")
                .contains("Ready-to-commit regression file: ").contains("-Dkverify.seed=");
        String key = report.lines().filter(l -> l.startsWith("Failure 1: ")).findFirst().orElseThrow().substring("Failure 1: ".length());
        Set<String> known = MkFindings.knownKeys(MkTestPaths.findings(), MkVariant.AS_POSTED);
        assertThat(known).as("the divergence is a checked-in finding").contains(key);
    }
}
