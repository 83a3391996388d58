package kverify.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code kverify review [--out DIR]}: per posted patch the catalog has entries for, one
 * plain-text reply in the style of a kernel review mail: each defect (and each contract
 * decision, asked as a question) under the hunk it concerns, quoted with {@code > }, with the
 * checked-in reproducer, what a replay shows, what happens, and the suggested fix; symptoms are
 * named under the defect they show. Entries in reconstructed code get no review: the suite
 * reports no defect in code it has not read. The text depends only on the catalog and the
 * checked-in findings, so every campaign writes the same files.
 */
final class Review {
    static final Path DEFAULT_OUT = Paths.get("target", "kverify-review");
    private static final Pattern SUBJECT = Pattern.compile("\\[(?:RFC )?(?:PATCH|Patch)[^\\]]*\\][^(]*");
    static final int WIDTH = 72;

    private Review() {
    }

    static int run(List<String> args, PrintStream out) {
        Path dir = DEFAULT_OUT;
        if (args.size() == 2 && args.get(0).equals("--out")) {
            dir = Paths.get(args.get(1));
        } else if (!args.isEmpty()) {
            throw new UsageError("review takes no option, or --out DIR");
        }
        write(dir, DefectCatalog.load(), KnownFindings.load(Campaign.FINDINGS)).forEach(p -> out.println("review: " + p));
        return 0;
    }

    /** Writes one file per patch into DIR (replacing the previous files) and returns their paths. */
    static List<Path> write(Path dir, DefectCatalog catalog, KnownFindings findings) {
        List<Path> written = new ArrayList<>();
        try {
            Files.createDirectories(dir);
            try (var old = Files.list(dir)) {
                for (Path p : old.filter(p -> p.toString().endsWith(".txt")).toList()) {
                    Files.delete(p);
                }
            }
            for (Map.Entry<String, List<Defect>> e : byPatch(catalog).entrySet()) {
                Path file = dir.resolve(kverify.engine.RegressionStore.words(e.getKey(), 80) + ".txt");
                Files.writeString(file, mail(e.getKey(), e.getValue(), catalog, findings), StandardCharsets.UTF_8);
                written.add(file);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the review under " + dir, e);
        }
        return written;
    }

    /** The reviewed entries (defects and contract decisions) by patch subject, in catalog order. */
    static Map<String, List<Defect>> byPatch(DefectCatalog catalog) {
        Map<String, List<Defect>> out = new LinkedHashMap<>();
        for (Defect d : catalog.all()) {
            if (d.kind().isDefect() || d.kind() == Defect.Kind.CONTRACT_DECISION) {
                out.computeIfAbsent(subject(d), k -> new ArrayList<>()).add(d);
            }
        }
        return out;
    }

    /** "[PATCH 1/5] liveupdate: ...": the patch subject inside the entry's patch field. */
    static String subject(Defect d) {
        Matcher m = SUBJECT.matcher(d.where().patch());
        return m.find() ? m.group().strip() : d.where().patch();
    }

    static String mail(String subject, List<Defect> entries, DefectCatalog catalog, KnownFindings findings) {
        StringBuilder sb = new StringBuilder("Subject: Re: " + subject + "\n\n");
        wrap(sb, "kverify checked this patch against an executable contract (a plain reference model) and found what"
                + " follows. Every reproducer is a file checked into the kverify repository; './kverify replay FILE' runs it"
                + " on the model and on every variant side by side (as-posted is the patch as posted, corrected what the"
                + " contract promises). Severity is ours; each item says why.", "");
        List<Defect> sorted = entries.stream().sorted(Comparator.comparing((Defect d) -> d.kind() == Defect.Kind.CONTRACT_DECISION)
                .thenComparingInt(Review::position)).toList();
        for (Defect d : sorted) {
            ReviewItem.append(sb, d, catalog, findings);
        }
        return sb.toString();
    }

    /** Where the hunk starts in its seed (entries not quoted from a seed come last). */
    private static int position(Defect d) {
        return DefectHunks.seedSource(d).map(m -> Integer.parseInt(m.group(2))).orElse(Integer.MAX_VALUE);
    }

    /** Appends the text wrapped at {@link #WIDTH} columns, each line after the given prefix, then a blank line. */
    static void wrap(StringBuilder sb, String text, String prefix) {
        for (String paragraph : text.split("\n\n")) {
            StringBuilder line = new StringBuilder(prefix);
            for (String word : paragraph.split("\\s+")) {
                if (line.length() > prefix.length() && line.length() + 1 + word.length() > WIDTH) {
                    sb.append(line.toString().stripTrailing()).append('\n');
                    line = new StringBuilder(prefix);
                }
                line.append(line.length() > prefix.length() ? " " : "").append(word);
            }
            sb.append(line).append("\n\n");
        }
    }
}
