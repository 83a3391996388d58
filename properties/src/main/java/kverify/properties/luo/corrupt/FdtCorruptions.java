package kverify.properties.luo.corrupt;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import kverify.engine.Gen;
import kverify.model.luo.image.ImageFdt;

/** Corruptions of the session FDT node: missing, another ABI version, head property missing or resized. */
final class FdtCorruptions {
    private FdtCorruptions() {
    }

    private static ImageFdt node(ImageMap m) {
        return m.img.fdt().orElseGet(() -> ImageFdt.standard(m.head));
    }

    static Gen<Corruption> nodeMissing(CorruptionKind k, ImageMap m, Target t) {
        return Gen.constant(new Corruption.SetFdt(k, "node", Optional.empty()));
    }

    /** 1/5's compatible or the base ABI's: a kernel with 2/5 finding a handover from a kernel without it. */
    static Gen<Corruption> compatibleOlder(CorruptionKind k, ImageMap m, Target t) {
        return Gen.elements(List.of(ImageFdt.COMPATIBLE_1_5, "luo-session-v2")).map(c -> compatible(k, m, c));
    }

    /** A later ABI's compatible: an older kernel finding a handover from a newer one. */
    static Gen<Corruption> compatibleNewer(CorruptionKind k, ImageMap m, Target t) {
        return Gen.constant(compatible(k, m, "luo-session-v5"));
    }

    private static Corruption compatible(CorruptionKind k, ImageMap m, String value) {
        return new Corruption.SetFdt(k, "compatible", Optional.of(node(m).with(ImageFdt.COMPATIBLE_PROPERTY, ImageFdt.cString(value))));
    }

    static Gen<Corruption> headMissing(CorruptionKind k, ImageMap m, Target t) {
        return Gen.constant(new Corruption.SetFdt(k, ImageFdt.HEAD_PROPERTY, Optional.of(node(m).with(ImageFdt.HEAD_PROPERTY, null))));
    }

    /** The head address truncated or padded: 0, 4, 7, 9 or 16 bytes instead of 8. */
    static Gen<Corruption> headWrongSize(CorruptionKind k, ImageMap m, Target t) {
        return Gen.elements(4, 0, 7, 9, 16).map(n -> new Corruption.SetFdt(k, ImageFdt.HEAD_PROPERTY + " (" + n + " bytes)",
                Optional.of(node(m).with(ImageFdt.HEAD_PROPERTY, Arrays.copyOf(ImageFdt.u64(m.head), n)))));
    }
}
