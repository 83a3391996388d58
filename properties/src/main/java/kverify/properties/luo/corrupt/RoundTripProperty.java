package kverify.properties.luo.corrupt;

import java.util.List;
import kverify.engine.Divergence;
import kverify.engine.Gen;
import kverify.engine.Property;
import kverify.engine.Source;
import kverify.impl.luo.LuoImpl;
import kverify.impl.luo.LuoVariant;
import kverify.impl.luo.image.ImageBridge;
import kverify.impl.luo.image.ImageText;
import kverify.model.luo.LuoGeometry;
import kverify.model.luo.image.HandoverImage;
import kverify.model.luo.image.ImageVerdict;
import kverify.model.luo.reference.HandoverReference;

/**
 * An image written from a valid state always round-trips: its text parses back to the same
 * image; loaded into fresh memory it reads exactly like the live memory; the loaded next kernel
 * does what the live one does (setup, open, sessions, what stays unrestored); and the model's
 * decoder reads back exactly the sessions the reference model handed over.
 */
public final class RoundTripProperty {
    private RoundTripProperty() {
    }

    public static Property of(LuoVariant v) {
        return Property.named(CorruptionProperties.name("roundtrip", v)).body(s -> body(s, v))
                .requireCoverage("sessions in two blocks", 0.05).requireCoverage("files", 0.05).build();
    }

    private static void body(Source s, LuoVariant v) {
        LuoGeometry g = s.draw("geometry", CorruptionProperties.geometries(v));
        Needs needs = s.draw("needs", Gen.elements(Needs.NONE, new Needs(2, 1, 0, 0), new Needs(1, 1, 2, 1)));
        BaseImages.Base base = s.draw(BaseImages.gen(g, needs, v));
        s.note("state from: " + base.recipeText());
        HandoverImage img = base.image();
        classify(s, base.map());
        String text = ImageText.format(img, List.of("round trip"));
        HandoverImage back = ImageText.parse(text.lines().toList());
        require(back.equals(img), "text does not parse back to the same image", text);
        LuoImpl loaded = ImageBridge.boot(back, v);
        LuoImpl live = base.replayWriter();
        require(loaded.memory().contentEquals(live.memory()), "loaded memory differs from the live memory",
                "first difference at page 0x" + Long.toHexString(loaded.memory().firstDifference(live.memory())));
        require(loaded.setup().equals(live.setup()), "setup differs between the live and the loaded kernel", "");
        require(loaded.phase() == live.phase() && (loaded.phase() != kverify.model.luo.Phase.INCOMING
                || loaded.openDevice().equals(live.openDevice())), "open differs between the live and the loaded kernel", "");
        require(loaded.state().incoming().equals(live.state().incoming()), "sessions differ between the live and the loaded kernel",
                "loaded " + loaded.state().incoming() + ", live " + live.state().incoming());
        require(loaded.kho().incoming().equals(live.kho().incoming()), "unrestored folios differ", "");
        if (v.kind() == kverify.impl.luo.VariantKind.CORRECTED) {
            ImageVerdict verdict = HandoverReference.decide(img);
            require(verdict.isAccepted() && verdict.sessions().equals(base.handover()),
                    "the contract decoder does not read back what the model handed over",
                    verdict.label() + " " + verdict.sessions() + ", the model handed over " + base.handover());
        }
    }

    private static void classify(Source s, ImageMap m) {
        if (m.entries.stream().anyMatch(e -> e.block() > 0)) {
            s.classify("sessions in two blocks");
        }
        if (!m.entriesWithFiles().isEmpty()) {
            s.classify("files");
        }
    }

    /** {@code what} is the stable key; {@code detail} the case-specific part of the message. */
    private static void require(boolean ok, String what, String detail) {
        if (!ok) {
            throw new Divergence("round trip: " + what, what + "\n" + detail);
        }
    }
}
