package kverify.engine;

import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.launcher.Launcher;
import org.junit.platform.launcher.LauncherDiscoveryRequest;
import org.junit.platform.launcher.TestExecutionListener;
import org.junit.platform.launcher.TestIdentifier;
import org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder;
import org.junit.platform.launcher.core.LauncherFactory;

/**
 * Runs a test class through the JUnit Platform launcher, as Surefire or an IDE would, and keeps
 * each test's outcome: for a test that expects a property to fail and checks its report. Needs
 * junit-platform-launcher on the class path (an optional dependency of the engine).
 */
public final class TestLaunch {
    /** One finished test: its display name and how it ended. */
    public record Outcome(String test, TestExecutionResult result) {
        public boolean failed() {
            return result.getStatus() == TestExecutionResult.Status.FAILED;
        }

        public String message() {
            return result.getThrowable().map(Throwable::getMessage).orElse("");
        }

        public Throwable error() {
            return result.getThrowable().orElse(null);
        }
    }

    private TestLaunch() {
    }

    /** Runs every test of the class; returns the outcomes of the test methods, in the order they finished. */
    public static List<Outcome> run(Class<?> testClass) {
        return run(testClass, Map.of());
    }

    public static List<Outcome> run(Class<?> testClass, Map<String, String> configuration) {
        LauncherDiscoveryRequest request = LauncherDiscoveryRequestBuilder.request().selectors(selectClass(testClass))
                .configurationParameters(configuration).build();
        List<Outcome> out = new ArrayList<>();
        Launcher launcher = LauncherFactory.create();
        launcher.execute(request, new TestExecutionListener() {
            @Override
            public void executionFinished(TestIdentifier id, TestExecutionResult result) {
                if (id.isTest()) {
                    out.add(new Outcome(id.getDisplayName(), result));
                }
            }
        });
        return out;
    }

    /** The one outcome whose display name starts with {@code method}. */
    public static Outcome of(List<Outcome> outcomes, String method) {
        return outcomes.stream().filter(o -> o.test().startsWith(method + "(")).findFirst()
                .orElseThrow(() -> new AssertionError("no test " + method + " among " + outcomes));
    }
}
