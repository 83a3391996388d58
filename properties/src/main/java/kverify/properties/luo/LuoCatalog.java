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
 * real one), and the fault space (allocation failures, reboots that return) for each variant at
 * the same small geometries.
 */
public final class LuoCatalog {
    static final List<LuoGeometry> INTERFACE_GEOMETRIES = List.of(LuoGeometry.SMALL, LuoGeometry.UNIT);
    static final List<LuoGeometry> V7_INTERFACE_GEOMETRIES = List.of(kverify.model.luo.LuoV7Geometry.SMALL,
            kverify.model.luo.LuoV7Geometry.UNIT);

    /** The small geometries of the variant's version. */
    static List<LuoGeometry> interfaceGeometries(LuoVariant v) {
        return v.version() == kverify.impl.luo.LuoVersion.V7 ? V7_INTERFACE_GEOMETRIES : INTERFACE_GEOMETRIES;
    }

    private LuoCatalog() {
    }

    public static List<Property> properties() {
        List<Property> out = new ArrayList<>();
        for (LuoVariant v : LuoVariant.values()) {
            for (LuoGeometry g : v.version().geometries()) {
                out.add(LuoEquivalence.property(v, g));
            }
        }
        for (LuoVariant v : LuoVariant.values()) {
            for (LuoGeometry g : interfaceGeometries(v)) {
                out.add(LuoInterface.property(v, g));
            }
        }
        for (LuoVariant v : LuoVariant.values()) {
            for (LuoGeometry g : interfaceGeometries(v)) {
                out.add(LuoFaultSpace.property(v, g));
            }
        }
        // Concurrent calls (issues 15 and 16, decision 39): v1's and v7's lock points as docs/luo.md tables them.
        for (LuoVariant v : LuoVariant.values()) {
            for (LuoGeometry g : interfaceGeometries(v)) {
                out.add(LuoConcurrency.property(v, g));
            }
        }
        return out;
    }
}
