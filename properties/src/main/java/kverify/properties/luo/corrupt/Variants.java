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

    /** The variants the image properties run on: v1's; v7 images (a luo_ser root) are not built yet. */
    public static List<LuoVariant> all() {
        return LuoVariant.of(kverify.impl.luo.LuoVersion.V1);
    }
}
