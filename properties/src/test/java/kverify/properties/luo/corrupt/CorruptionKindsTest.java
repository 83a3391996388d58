package kverify.properties.luo.corrupt;

import java.util.Set;
import kverify.engine.Gen;
import kverify.engine.Property;
import kverify.model.luo.LuoGeometry;
import kverify.model.luo.image.HandoverImage;
import kverify.impl.luo.image.ImageBridge;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Every corruption kind is a pure function that records what it changed: applied twice to the
 * same valid image it gives the same result, the valid image is untouched, every change names the
 * kind, and a u64 write reads back as its recorded new value over its recorded old value.
 */
class CorruptionKindsTest {
    /** Kinds that may leave the image as it was: a chain already at the limit, a tail already zero. */
    private static final Set<CorruptionKind> MAY_BE_NO_OP = Set.of(CorruptionKind.CHAIN_AT_LIMIT, CorruptionKind.TRUNCATE,
            CorruptionKind.SESSIONS_PA_ZERO, CorruptionKind.LIVEUPDATE_NUM);

    @ParameterizedTest
    @EnumSource(CorruptionKind.class)
    void isPureAndRecordsWhatItChanged(CorruptionKind k) {
        Property.named("luo-image-test.kind-is-pure." + k.label()).triesScale(0.2).body(s -> {
            // A kind of both versions is drawn on both; each version's images are written by its corrected variant.
            kverify.impl.luo.LuoVariant writer = k.appliesTo(kverify.model.luo.image.ImageVersion.V1)
                    && (!k.appliesTo(kverify.model.luo.image.ImageVersion.V7) || s.draw("version", Gen.booleans()))
                    ? kverify.impl.luo.LuoVariant.CORRECTED : kverify.impl.luo.LuoVariant.V7_CORRECTED;
            LuoGeometry g = k.family() == Family.LIMIT ? CorruptionProperties.smallGeometry(writer)
                    : s.draw("geometry", CorruptionProperties.geometries(writer));
            Target t = k.isChainKind() ? s.draw("target", Gen.elements(Target.SESSIONS, Target.FILES)) : Target.SESSIONS;
            BaseImages.Base base = s.draw(BaseImages.gen(g, k.needs(t, CorruptionProperties.version(writer)), writer));
            HandoverImage valid = base.image();
            Corruption c = s.draw("corruption", k.generator(new ImageMap(valid), t));
            Corrupted once = c.apply(Corrupted.of(valid));
            Corrupted twice = c.apply(Corrupted.of(valid));
            require(once.image().equals(twice.image()), "same input, same output");
            require(valid.equals(ImageBridge.capture(base.replayWriter())), "the valid image is untouched");
            require(!once.changes().isEmpty() && once.changes().stream().allMatch(ch -> ch.kind() == k), "changes name the kind");
            require(MAY_BE_NO_OP.contains(k) || !once.image().equals(valid), "the image changed");
            if (c instanceof Corruption.WriteU64 w) {
                require(once.image().u64(w.address()) == w.value(), "the new value reads back");
                require(once.changes().get(0).oldValue().equals(Corruption.hex(valid.u64(w.address()))), "the old value is recorded");
            }
        }).build().check();
    }

    private static void require(boolean ok, String what) {
        if (!ok) {
            throw new AssertionError(what);
        }
    }
}
