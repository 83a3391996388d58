package kverify.cli;

import java.util.List;
import java.util.Optional;

/** One item of a review reply: the quoted hunk, then the defect (or the question), reproducer, replay and fix. */
final class ReviewItem {
    private ReviewItem() {
    }

    static void append(StringBuilder sb, Defect d, DefectCatalog catalog, KnownFindings findings) {
        quote(sb, d);
        boolean question = d.kind() == Defect.Kind.CONTRACT_DECISION;
        Review.wrap(sb, (question ? "Question, " : "") + d.id() + " (" + d.severity().label() + "): " + d.title() + ".", "");
        Review.wrap(sb, "What happens: " + d.consequence(), "");
        if (question) {
            Review.wrap(sb, "The code follows its own rule here, so this is a question rather than a bug report; kverify's"
                    + " contract decides otherwise, in " + d.decision().orElse("") + ".", "");
        }
        Review.wrap(sb, "Why it matters: " + d.severityReason() + ".", "");
        Review.wrap(sb, VersionTable.sentence(d, catalog), "");
        Optional<KnownFindings.Known> repro = Reproducers.of(d, catalog, findings);
        repro.ifPresent(k -> reproducer(sb, k));
        Review.wrap(sb, (question ? "What kverify's contract does instead: " : "Suggested fix: ") + d.fix(), "");
        List<Defect> symptoms = catalog.symptomsOf(d);
        for (Defect s : symptoms) {
            Review.wrap(sb, "The same defect also shows as " + s.id() + ": " + s.title() + ". " + s.consequence(), "");
        }
    }

    private static void quote(StringBuilder sb, Defect d) {
        Defect.Location w = d.where();
        if (DefectHunks.seedSource(d).isEmpty()) {
            Review.wrap(sb, "[" + w.file() + ", " + w.function() + "; " + w.hunkSource() + ". In short: "
                    + String.join(" ", w.hunk()) + "]", "");
            return;
        }
        sb.append("[").append(w.file()).append(", ").append(w.function()).append("]\n");
        for (String l : w.hunk()) {
            sb.append(l.equals(DefectHunks.ELISION) ? "[...]" : ("> " + l).stripTrailing()).append('\n');
        }
        sb.append('\n');
    }

    private static void reproducer(StringBuilder sb, KnownFindings.Known k) {
        Review.wrap(sb, "Reproducer, " + DefectCatalog.display(k.file()) + " (found by property " + k.property()
                + ", shrunk to " + k.steps() + (k.steps() == 1 ? " step" : " steps") + "):", "");
        Reproducers.body(k.file()).forEach(l -> sb.append("    ").append(l).append('\n'));
        sb.append('\n');
        Review.wrap(sb, "Replayed: " + Reproducers.verdicts(k.file()) + ".", "");
    }
}
