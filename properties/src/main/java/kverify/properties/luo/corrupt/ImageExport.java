package kverify.properties.luo.corrupt;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import kverify.engine.ChoiceSequence;
import kverify.engine.Property;
import kverify.impl.luo.LuoVariant;
import kverify.impl.luo.image.ImageText;

/**
 * Turns a shrunk counterexample of a corruption property back into a handover image file: the
 * property is rebuilt with a sink, the shrunk choices are replayed, and the image the last case
 * booted is printed in the {@code kverify-image luo v3} format (its version line says v1 or v7), ready for {@code kverify replay}.
 */
public final class ImageExport {
    private ImageExport() {
    }

    /** The image file text, or empty if the property is not a family or mixed corruption property. */
    public static Optional<String> text(String property, ChoiceSequence choices, List<String> comments) {
        String[] parts = property.split("\\.");
        if (parts.length != 3 || !parts[0].equals("luo-image")) {
            return Optional.empty();
        }
        Optional<LuoVariant> variant = Variants.parse(parts[2]);
        if (variant.isEmpty()) {
            return Optional.empty();
        }
        List<CorruptedCase> seen = new ArrayList<>();
        Optional<Property> p = rebuild(parts[1], variant.get(), seen);
        if (p.isEmpty()) {
            return Optional.empty();
        }
        p.get().runCase(choices);
        if (seen.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(ImageText.format(seen.get(seen.size() - 1).corrupted().image(), comments));
    }

    private static Optional<Property> rebuild(String family, LuoVariant v, List<CorruptedCase> sink) {
        if (family.equals(CorruptionProperties.MIXED)) {
            return Optional.of(CorruptionProperties.mixed(v, sink::add));
        }
        for (Family f : Family.values()) {
            if (f.label().equals(family)) {
                return Optional.of(CorruptionProperties.family(f, v, sink::add));
            }
        }
        return Optional.empty();
    }
}
