package kverify.properties.luo.corrupt;

import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import kverify.impl.luo.LuoVariant;
import kverify.impl.luo.image.ImageFormatException;
import kverify.impl.luo.image.ImageText;
import kverify.model.luo.image.HandoverImage;
import kverify.model.luo.image.ImageVerdict;
import kverify.model.luo.reference.HandoverReference;

/**
 * {@code kverify replay IMAGE}: boots a handover image on the model's decoder and on every
 * variant's next kernel and prints side by side what each does: setup, deserialize and open
 * outcomes, sessions restored, blocks visited, bytes read, unpreserved pages read, blocks still
 * tracked, pages leaked, and whether it agrees with the contract. Exit 0; exit 2 with
 * {@code FILE:LINE: message} for a malformed file.
 */
public final class ImageReplay {
    private ImageReplay() {
    }

    public static int run(Path image, PrintStream out) {
        HandoverImage img;
        try {
            List<String> lines = Files.readAllLines(image, StandardCharsets.UTF_8);
            try {
                img = ImageText.parse(lines);
            } catch (ImageFormatException e) {
                out.println(e.located(image.toString()));
                return 2;
            } catch (IllegalArgumentException e) {
                out.println(image + ":" + lines.size() + ": " + e.getMessage());
                return 2;
            }
        } catch (IOException | UncheckedIOException e) {
            out.println(image + ":1: cannot read: " + e.getMessage());
            return 2;
        }
        out.print(describe(image.toString(), img));
        return 0;
    }

    /**
     * The first divergence key of every variant on this image, by variant name (empty when the
     * variant keeps the contract): what {@code kverify replay} judges its exit code by.
     */
    public static Map<String, java.util.Optional<String>> firstKeys(HandoverImage img) {
        ImageVerdict v = HandoverReference.decide(img);
        Map<String, java.util.Optional<String>> out = new LinkedHashMap<>();
        for (LuoVariant variant : Variants.of(img.version())) {
            List<ContractCheck.Problem> ps = ContractCheck.problems(img, v, ImageRun.run(img, variant));
            out.put(Variants.name(variant), ps.stream().findFirst().map(p -> ContractCheck.key(v, p)));
        }
        return out;
    }

    /** The full side-by-side report for one image. */
    static String describe(String name, HandoverImage img) {
        ImageVerdict v = HandoverReference.decide(img);
        Map<String, Observation> runs = new LinkedHashMap<>();
        for (LuoVariant variant : Variants.of(img.version())) {
            runs.put(Variants.name(variant), ImageRun.run(img, variant));
        }
        StringBuilder sb = new StringBuilder();
        sb.append("image ").append(name).append(": ").append(img).append('\n');
        sb.append(String.format("size: F = %d preserved folios, P = %d preserved bytes; work bound per step: F+1 = %d block headers,"
                + " 2P = %d bytes%n", img.preserved().size(), img.preservedBytes(), img.preserved().size() + 1, 2 * img.preservedBytes()));
        sb.append("model: ").append(v.label()).append(v.rejection().map(r -> " (" + r.description() + ", rejected at "
                + r.when().name().toLowerCase(java.util.Locale.ROOT) + ")").orElse(" (" + v.sessions().size() + " sessions)")).append('\n');
        sb.append(Reports.table(img, v, runs));
        runs.forEach((variant, o) -> {
            List<ContractCheck.Problem> ps = ContractCheck.problems(img, v, o);
            ps.forEach(p -> sb.append(variant).append(": ").append(ContractCheck.key(v, p))
                    .append(p.detail().isEmpty() ? "" : " (" + p.detail().lines().findFirst().orElse("") + ")").append('\n'));
        });
        return sb.toString();
    }
}
