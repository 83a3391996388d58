package kverify.properties.luo.corrupt;

import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import kverify.engine.ChoiceSequence;
import kverify.engine.Failure;
import kverify.engine.Property;
import kverify.engine.PropertyResult;
import kverify.engine.RunSettings;
import kverify.impl.luo.LuoVariant;
import kverify.impl.luo.image.ImageText;
import kverify.model.luo.image.ImageVerdict;
import kverify.model.luo.reference.HandoverReference;

/**
 * The tool that turns generated, shrunk counterexamples into finding files (not a test):
 * runs the family properties on the given variants and seeds, keeps the smallest shrunk case of
 * every distinct divergence key, replays it to capture the corrupted image, checks that
 * CORRECTED agrees with the contract on it, and writes the image with its provenance.
 * <pre>
 * java -cp ... kverify.properties.luo.corrupt.HarvestFindings OUTDIR TRIES SHRINK SEEDS FAMILIES VARIANTS
 * </pre>
 */
public final class HarvestFindings {
    record Found(String key, Family family, LuoVariant variant, long seed, int tries, String origin, int evaluations,
            ChoiceSequence choices) {
    }

    public static void main(String[] args) {
        if (args[0].equals("--explain")) {
            explain(Paths.get(args[1]));
            return;
        }
        Path out = Paths.get(args[0]);
        int tries = Integer.parseInt(args[1]);
        int shrink = Integer.parseInt(args[2]);
        Map<String, Found> best = new TreeMap<>();
        for (String variantName : args[5].split(",")) {
            LuoVariant v = Variants.parse(variantName).orElseThrow();
            for (String fam : args[4].split(",")) {
                Family f = Family.valueOf(fam.toUpperCase(java.util.Locale.ROOT));
                for (String seedText : args[3].split(",")) {
                    long seed = Long.parseLong(seedText);
                    RunSettings rs = RunSettings.fromSystemProperties().collectingAllFailures().withTries(tries).withSeed(seed)
                            .withShrinkEvaluations(shrink);
                    PropertyResult r = CorruptionProperties.family(f, v).run(rs);
                    System.out.printf("%s seed %d: %d distinct%n", r.property(), seed, r.failures().size());
                    for (Failure fl : r.failures()) {
                        Found cand = new Found(fl.key(), f, v, seed, tries, fl.origin(), fl.shrinkEvaluations(), fl.shrunkChoices());
                        Found known = best.get(fl.key());
                        if (known == null || cand.choices().compareTo(known.choices()) < 0) {
                            best.put(fl.key(), cand);
                        }
                    }
                }
            }
        }
        for (Found f : best.values()) {
            write(out, f);
        }
    }

    private static void write(Path out, Found f) {
        List<CorruptedCase> seen = new ArrayList<>();
        Property p = CorruptionProperties.family(f.family(), f.variant(), seen::add);
        var tc = p.runCase(f.choices());
        CorruptedCase c = seen.get(seen.size() - 1);
        var img = c.corrupted().image();
        ImageVerdict v = HandoverReference.decide(img);
        TreeSet<String> diverging = new TreeSet<>();
        for (LuoVariant variant : Variants.of(img.version())) {
            var ps = ContractCheck.problems(img, v, ImageRun.run(img, variant));
            if (variant.kind() == kverify.impl.luo.VariantKind.CORRECTED && !ps.isEmpty()) {
                System.out.println("NOT WRITTEN (corrected diverges too): " + f.key() + ": " + ps);
                return;
            }
            if (!ps.isEmpty() && ContractCheck.key(v, ps.get(0)).equals(f.key())) {
                diverging.add(Variants.name(variant));
            }
        }
        List<String> comments = comments(f, diverging, tc.rendering(), img);
        // v7 findings are named apart: a v7 key may repeat a v1 key, and each version has its own image.
        String prefix = img.version() == kverify.model.luo.image.ImageVersion.V7 ? "v7-" : "";
        Path file = out.resolve(prefix + slug(f.key()) + ".image");
        ImageText.write(file, img, comments);
        System.out.println("wrote " + file + "  [" + String.join(" ", diverging) + "] " + f.key());
    }

    /** Rewrites the "# finding:" line of every finding file from its "# key:" line; nothing else changes. */
    private static void explain(Path dir) {
        try (var files = java.nio.file.Files.list(dir)) {
            for (Path f : files.filter(p -> p.toString().endsWith(".image")).sorted().toList()) {
                List<String> lines = java.nio.file.Files.readAllLines(f);
                String key = lines.stream().filter(l -> l.startsWith("# key: ")).findFirst().orElseThrow().substring(7);
                var version = lines.contains("version v7") ? kverify.model.luo.image.ImageVersion.V7 : kverify.model.luo.image.ImageVersion.V1;
                List<String> out = lines.stream().map(l -> l.startsWith("# finding: ") ? "# finding: " + FindingExplanations.line(key, version) : l)
                        .toList();
                java.nio.file.Files.write(f, out);
            }
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** The provenance comments: explanation, key, variants, property, seed, tries, choices, the case and the replay table. */
    private static List<String> comments(Found f, TreeSet<String> diverging, List<String> rendering,
            kverify.model.luo.image.HandoverImage img) {
        List<String> comments = new ArrayList<>();
        comments.add("finding: " + FindingExplanations.line(f.key(), img.version()));
        comments.add("key: " + f.key());
        comments.add("diverges on: " + String.join(" ", diverging));
        comments.add("found by: property " + CorruptionProperties.name(f.family().label(), f.variant()) + ", seed " + f.seed()
                + ", " + f.tries() + " tries, " + f.origin() + "; shrunk in " + f.evaluations() + " evaluations");
        comments.add("choices: " + f.choices().format());
        comments.add("reproduce the generation: ./kverify property " + CorruptionProperties.name(f.family().label(), f.variant())
                + " --replay \"" + f.choices().format() + "\"");
        rendering.forEach(l -> comments.add("  " + l));
        comments.add("what the model and each variant do (./kverify replay FILE prints this):");
        ImageReplay.describe("this image", img).lines().skip(1).forEach(l -> comments.add("  " + l));
        return comments;
    }

    static String slug(String key) {
        return kverify.engine.RegressionStore.words(key, 90);
    }
}
