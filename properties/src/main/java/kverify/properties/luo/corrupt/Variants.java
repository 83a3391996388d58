package kverify.properties.luo.corrupt;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import kverify.impl.luo.LuoVariant;

/** The variants' names in property names and files: as-posted, corrected, review-suggestion. */
public final class Variants {
    private Variants() {
    }

    public static String name(LuoVariant v) {
        return v.name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    public static Optional<LuoVariant> parse(String name) {
        for (LuoVariant v : LuoVariant.values()) {
            if (name(v).equals(name.trim())) {
                return Optional.of(v);
            }
        }
        return Optional.empty();
    }

    /** The variants the image properties run on: every variant of both versions (each on its own version's images). */
    public static List<LuoVariant> all() {
        return List.of(LuoVariant.values());
    }

    /** The variants that boot an image of this version: its version's (the cross-version properties boot the others). */
    public static List<LuoVariant> of(kverify.model.luo.image.ImageVersion v) {
        return LuoVariant.of(kverify.impl.luo.LuoVersion.of(v));
    }

    /** The corrected variant of an image's version: the one that must keep the contract on it. */
    public static LuoVariant corrected(kverify.model.luo.image.ImageVersion v) {
        return LuoVariant.of(kverify.impl.luo.LuoVersion.of(v), kverify.impl.luo.VariantKind.CORRECTED).orElseThrow();
    }
}
