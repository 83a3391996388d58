package kverify.engine;

import java.nio.file.Path;
import java.util.List;

/** Renders a failed property run as the text a kernel developer reads first. */
final class Report {
    private Report() {
    }

    static String render(PropertyResult r, ReplayCommand replay, List<Path> written) {
        StringBuilder sb = new StringBuilder();
        sb.append("Property ").append(r.property()).append(" failed\n");
        sb.append(String.format("  seed %d, %d of %d tries run, %d discarded%n", r.seed(), r.validCases(), r.tries(), r.discarded()));
        if (r.tooManyDiscards() != null) {
            sb.append("  ").append(r.tooManyDiscards()).append('\n');
        }
        for (Coverage.Verdict v : r.coverageFailures()) {
            sb.append("  coverage: ").append(v).append('\n');
        }
        for (int i = 0; i < r.failures().size(); i++) {
            Failure f = r.failures().get(i);
            sb.append('\n').append("Failure ").append(i + 1).append(": ").append(f.key()).append('\n');
            sb.append("  found by ").append(f.origin()).append('\n');
            sb.append("Original case (").append(f.original().choices().length()).append(" choices):\n");
            appendIndented(sb, f.original().rendering());
            sb.append("Shrunk case (").append(f.shrunk().choices().length()).append(" choices, ")
                    .append(f.shrinkEvaluations()).append(" shrink evaluations):\n");
            appendIndented(sb, f.shrunk().rendering());
            sb.append("Shrunk failure:\n");
            appendIndented(sb, messageLines(f.shrunk().failure()));
            sb.append("Shrunk choices: ").append(f.shrunk().choices().format()).append('\n');
            sb.append("Replay exactly this case:\n  ").append(replay.forChoices(f.shrunk().choices())).append('\n');
            if (i < written.size()) {
                sb.append("Ready-to-commit regression file: ").append(written.get(i)).append('\n');
            }
        }
        sb.append("\nReplay the whole run:\n  ").append(replay.forSeed(r.seed(), r.tries())).append('\n');
        return sb.toString();
    }

    static List<String> messageLines(Throwable t) {
        if (t == null) {
            return List.of("(no error)");
        }
        String msg = t.getMessage();
        String head = t instanceof Divergence || t instanceof AssertionError ? "" : t.getClass().getName() + ": ";
        return (head + (msg == null ? "" : msg)).lines().toList();
    }

    private static void appendIndented(StringBuilder sb, List<String> lines) {
        if (lines.isEmpty()) {
            sb.append("  (nothing drawn)\n");
        }
        for (String line : lines) {
            sb.append("  ").append(line).append('\n');
        }
    }
}
