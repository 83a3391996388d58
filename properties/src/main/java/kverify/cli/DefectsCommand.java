package kverify.cli;

import java.io.PrintStream;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.List;

/**
 * {@code kverify defects [--check-hunks SEEDS-DIR | --update-docs]}: the catalog as a table, one
 * line per entry; with {@code --check-hunks}, checks every hunk quoted from a seed against the
 * seed files (exit 1 if one differs); with {@code --update-docs}, rewrites the generated defect
 * lists of the README and docs/*.md ({@link DefectDocs}).
 */
final class DefectsCommand {
    private DefectsCommand() {
    }

    static int run(List<String> args, PrintStream out) {
        DefectCatalog catalog = DefectCatalog.load();
        if (args.isEmpty()) {
            out.print(table(catalog));
            return 0;
        }
        if (args.size() == 2 && args.get(0).equals("--check-hunks")) {
            return checkHunks(catalog, Paths.get(args.get(1)), out);
        }
        if (args.size() == 1 && args.get(0).equals("--update-docs")) {
            List<String> changed = DefectDocs.update(catalog, KnownFindings.load(Campaign.FINDINGS));
            out.println(changed.isEmpty() ? "defects: every generated list is up to date" : "defects: rewrote the lists in " + changed);
            return 0;
        }
        throw new UsageError("defects takes no option, --check-hunks SEEDS-DIR or --update-docs");
    }

    static String table(DefectCatalog catalog) {
        StringBuilder sb = new StringBuilder(String.format("%-11s %-22s %-25s %s%n", "id", "class", "severity", "title"));
        for (Defect d : catalog.all()) {
            sb.append(String.format("%-11s %-22s %-25s %s%n", d.id(), d.classLabel(), d.severity().label(), d.title()));
        }
        sb.append(catalog.all().size()).append(" entries: ").append(summary(catalog)).append('\n');
        return sb.toString();
    }

    /** "16 defects of posted code or suggestions, 3 contract decisions, ...". */
    static String summary(DefectCatalog catalog) {
        long defects = catalog.all().stream().filter(d -> d.kind().isDefect()).count();
        return String.format("%d defects of posted code or suggestions, %d contract decisions, %d in reconstructed code, %d symptoms",
                defects, count(catalog, Defect.Kind.CONTRACT_DECISION), count(catalog, Defect.Kind.RECONSTRUCTED_CODE),
                count(catalog, Defect.Kind.SYMPTOM_OF));
    }

    private static long count(DefectCatalog catalog, Defect.Kind kind) {
        return catalog.all().stream().filter(d -> d.kind() == kind).count();
    }

    private static int checkHunks(DefectCatalog catalog, Path seeds, PrintStream out) {
        List<String> problems = DefectHunks.check(catalog, seeds);
        problems.forEach(out::println);
        long quoted = catalog.all().stream().filter(d -> DefectHunks.seedSource(d).isPresent()).count();
        out.println(problems.isEmpty() ? "defects: all " + quoted + " hunks quoted from seeds match " + seeds
                : "defects: " + problems.size() + " of " + quoted + " quoted hunks do not match " + seeds);
        return problems.isEmpty() ? 0 : 1;
    }
}
