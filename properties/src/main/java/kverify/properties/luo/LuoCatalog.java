package kverify.properties.luo;

import java.util.ArrayList;
import java.util.List;
import kverify.engine.Property;
import kverify.impl.luo.LuoVariant;
import kverify.model.luo.LuoGeometry;

/** Every LUO property of the campaign: equivalence for each variant at each named geometry. */
public final class LuoCatalog {
    private LuoCatalog() {
    }

    public static List<Property> properties() {
        List<Property> out = new ArrayList<>();
        for (LuoVariant v : LuoVariant.values()) {
            for (LuoGeometry g : LuoGeometry.named()) {
                out.add(LuoEquivalence.property(v, g));
            }
        }
        return out;
    }
}
