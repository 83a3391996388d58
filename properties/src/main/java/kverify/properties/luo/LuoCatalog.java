package kverify.properties.luo;

import java.util.ArrayList;
import java.util.List;
import kverify.engine.Property;
import kverify.impl.luo.LuoVariant;
import kverify.model.luo.LuoGeometry;

/**
 * Every LUO property of the campaign: equivalence (trace format v1's operations) for each variant
 * at each named geometry, and the whole interface (v2's system calls) for each variant at the
 * small geometries, where block boundaries are a few calls away (the conformance traces run the
 * real one).
 */
public final class LuoCatalog {
    static final List<LuoGeometry> INTERFACE_GEOMETRIES = List.of(LuoGeometry.SMALL, LuoGeometry.UNIT);

    private LuoCatalog() {
    }

    public static List<Property> properties() {
        List<Property> out = new ArrayList<>();
        for (LuoVariant v : LuoVariant.values()) {
            for (LuoGeometry g : LuoGeometry.named()) {
                out.add(LuoEquivalence.property(v, g));
            }
        }
        for (LuoVariant v : LuoVariant.values()) {
            for (LuoGeometry g : INTERFACE_GEOMETRIES) {
                out.add(LuoInterface.property(v, g));
            }
        }
        for (LuoVariant v : LuoVariant.values()) {
            for (LuoGeometry g : INTERFACE_GEOMETRIES) {
                out.add(LuoFaultSpace.property(v, g));
            }
        }
        return out;
    }
}
