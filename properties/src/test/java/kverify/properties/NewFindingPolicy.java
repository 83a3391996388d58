package kverify.properties;

import java.nio.file.Path;
import java.util.List;
import kverify.engine.Failure;
import kverify.engine.RegressionStore;
import kverify.engine.RunSettings;

/**
 * What the tests do with a divergence of a posted variant that no checked-in finding reproduces.
 * It is a finding about the posted code, not a defect of the suite, so by default it is written
 * ready to commit under {@code properties/target/kverify-new-findings/} and reported loudly
 * without failing the build (as the campaign exits 0 when only posted variants diverge).
 * {@code -Dkverify.newFindings=fail} makes it fail, for hunting sessions.
 */
public final class NewFindingPolicy {
    public static final String SWITCH = "kverify.newFindings";

    private NewFindingPolicy() {
    }

    /** Reports the new divergences; throws an AssertionError listing them only when the switch says fail. */
    public static void handle(String property, long seed, List<Failure> unknown, String howToPromote) {
        if (unknown.isEmpty()) {
            return;
        }
        Path dir = RunSettings.propertiesModuleDir().resolve("target/kverify-new-findings");
        StringBuilder sb = new StringBuilder("NEW FINDING(S) in " + property + " (seed " + seed + "): "
                + unknown.size() + " divergence(s) no checked-in finding reproduces\n");
        for (Failure f : unknown) {
            Path file = RegressionStore.write(dir, property, f, seed);
            sb.append("  key: ").append(f.key()).append(" (").append(f.origin()).append(")\n");
            f.shrunkRendering().forEach(l -> sb.append("      ").append(l).append('\n'));
            sb.append("    replay: ./kverify property ").append(property).append(" --replay \"")
                    .append(f.shrunkChoices().format()).append("\"\n    written: ").append(file).append('\n');
        }
        sb.append(howToPromote).append('\n');
        if ("fail".equals(System.getProperty(SWITCH))) {
            throw new AssertionError(sb.toString());
        }
        System.err.println("WARNING: " + sb);
    }
}
