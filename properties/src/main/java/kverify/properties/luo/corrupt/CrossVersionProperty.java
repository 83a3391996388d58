package kverify.properties.luo.corrupt;

import java.util.ArrayList;
import java.util.List;
import kverify.engine.Divergence;
import kverify.engine.Gen;
import kverify.engine.Property;
import kverify.engine.Source;
import kverify.impl.luo.LuoImpl;
import kverify.impl.luo.LuoVariant;
import kverify.impl.luo.LuoVersion;
import kverify.impl.luo.image.ImageBridge;
import kverify.impl.memory.PhysicalMemory;
import kverify.model.Errno;
import kverify.model.Outcome;
import kverify.model.Outcome.Unit;
import kverify.model.luo.LuoGeometry;
import kverify.model.luo.Phase;
import kverify.model.luo.image.HandoverImage;

/**
 * Cross-version handover (docs/versions-luo.md section 7.5): a valid handover written by one
 * version (its corrected variant, from random user actions) is booted by every variant of the
 * other version, built with its own geometry of the same size. Half the cases as kexec does it,
 * where the next kernel's KHO takes the handover only if its root compatible is its own
 * ("kho-v4" for v7, not for v1: {@link kverify.model.luo.image.ImageVersion}); half "if KHO
 * matched", with the image's KHO compatible set to the next kernel's, so LUO meets the other
 * version's root. The promise either way: the next kernel either boots with no incoming session
 * (setup Ok, the first open Ok and nothing to retrieve) or refuses at setup with EINVAL (a panic),
 * and it never reads a byte of any folio the previous kernel preserved, so no LUO block of the
 * other version is ever read.
 */
public final class CrossVersionProperty {
    static final String REFUSED = "kho refused";
    static final String MATCHED = "kho matched";

    private CrossVersionProperty() {
    }

    public static List<Property> all() {
        return List.of(of(LuoVersion.V1, LuoVersion.V7), of(LuoVersion.V7, LuoVersion.V1));
    }

    public static String name(LuoVersion from, LuoVersion to) {
        // Two parts: no variant part, so the campaign takes it for a must-pass property (CampaignEntry).
        return "luo-image.cross-version-" + from.image().label() + "-to-" + to.image().label();
    }

    public static Property of(LuoVersion from, LuoVersion to) {
        LuoVariant writer = LuoVariant.of(from, kverify.impl.luo.VariantKind.CORRECTED).orElseThrow();
        Property.Builder b = Property.named(name(from, to)).body(s -> body(s, writer, to));
        return b.requireCoverage(REFUSED, 0.2).requireCoverage(MATCHED, 0.2).requireCoverage("sessions handed over", 0.2).build();
    }

    private static void body(Source s, LuoVariant writer, LuoVersion to) {
        boolean small = s.draw("small geometry", Gen.frequency(Gen.weighted(3, Gen.constant(true)), Gen.weighted(1, Gen.constant(false))));
        LuoGeometry from = small ? CorruptionProperties.smallGeometry(writer) : real(writer.version());
        Needs needs = s.draw("needs", Gen.elements(Needs.NONE, new Needs(2, 1, 0, 0), new Needs(1, 1, 2, 1)));
        BaseImages.Base base = s.draw(BaseImages.gen(from, needs, writer));
        s.note("handover written by " + Variants.name(writer) + " from: " + base.recipeText());
        boolean matched = s.draw("kho", Gen.booleans());
        s.classify(matched ? MATCHED : REFUSED);
        if (!base.handover().isEmpty()) {
            s.classify("sessions handed over");
        }
        HandoverImage img = matched ? base.image().withKhoCompatible(to.image().khoCompatible()) : base.image();
        LuoGeometry g = small ? (to == LuoVersion.V7 ? kverify.model.luo.LuoV7Geometry.SMALL : LuoGeometry.SMALL) : real(to);
        for (LuoVariant next : LuoVariant.of(to)) {
            s.classify(check(img, next, g, matched));
        }
    }

    private static LuoGeometry real(LuoVersion v) {
        return v == LuoVersion.V7 ? kverify.model.luo.LuoV7Geometry.REAL : LuoGeometry.REAL;
    }

    /** Boots one next kernel; returns what it did ("NAME (kho ...): setup EINVAL" or "...: no incoming session") for the table. */
    private static String check(HandoverImage img, LuoVariant next, LuoGeometry g, boolean matched) {
        String who = Variants.name(next) + " (" + (matched ? MATCHED : REFUSED) + ")";
        LuoImpl k = ImageBridge.bootChecked(img, next, g);
        PhysicalMemory m = k.memory();
        m.startTrackingReads();
        Outcome<Unit> setup = k.setup();
        List<Long> read = new ArrayList<>(m.pagesRead());
        Outcome<Unit> open = Outcome.ok();
        if (k.phase() == Phase.INCOMING) {
            m.startTrackingReads();
            open = k.openDevice();
            read.addAll(m.pagesRead());
        }
        m.stopTrackingReads();
        List<Long> handedOver = read.stream().filter(img::isPreservedPage).toList();
        if (!handedOver.isEmpty() || !k.walkVisits().isEmpty()) {
            fail(who + " reads the other version's handover", k.walkVisits().size() + " block headers read; preserved pages read "
                    + ContractCheck.hex(handedOver));
        }
        boolean refusedAtSetup = setup.equals(Outcome.err(Errno.EINVAL)) && k.phase() == Phase.PANICKED;
        boolean nothingIncoming = setup.isOk() && open.isOk() && k.state().incoming().isEmpty();
        if (!refusedAtSetup && !nothingIncoming) {
            fail(who + " neither refuses at setup nor boots with no incoming session", "setup " + setup + ", open " + open
                    + ", incoming " + k.state().incoming());
        }
        return who + ": " + (refusedAtSetup ? "setup EINVAL (panic)" : "no incoming session");
    }

    private static void fail(String key, String detail) {
        throw new Divergence("cross-version: " + key, key + "\n" + detail);
    }
}
