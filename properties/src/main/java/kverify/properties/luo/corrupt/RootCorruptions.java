package kverify.properties.luo.corrupt;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import kverify.engine.Gen;
import kverify.model.luo.image.ImageSubtree;

/**
 * Corruptions of v7's root (docs/corruption.md, kinds by version): the "LUO" subtree missing or
 * too short, the luo_ser's compatible of another ABI, its sessions_pa cleared or dangling, and its
 * liveupdate_num, which no kernel checks. The luo_ser layout: compatible[8] @0, liveupdate_num @8,
 * sessions_pa @16, flbs_pa @24 ({@code include/linux/kho/abi/luo.h} after "[PATCH v7 10/13]").
 */
final class RootCorruptions {
    static final String LUO_SER = "luo_ser";
    private static final long LIVEUPDATE_NUM = 8;
    private static final long SESSIONS_PA = 16;

    private RootCorruptions() {
    }

    private static ImageSubtree subtree(ImageMap m) {
        return m.img.subtree().orElseThrow(() -> new IllegalStateException("harness: the valid v7 image has no LUO subtree"));
    }

    static Gen<Corruption> subtreeMissing(CorruptionKind k, ImageMap m, Target t) {
        return Gen.constant(new Corruption.SetSubtree(k, "subtree", Optional.empty()));
    }

    /** Lengths below sizeof(struct luo_ser): luo_early_startup refuses them before reading the blob. */
    static Gen<Corruption> subtreeShort(CorruptionKind k, ImageMap m, Target t) {
        ImageSubtree s = subtree(m);
        return Gen.elements(24L, 0L, 8L, 31L).map(n -> new Corruption.SetSubtree(k, "subtree length",
                Optional.of(new ImageSubtree(s.name(), s.pa(), n))));
    }

    /** The ABI strings v7's own patches replaced ("luo-v3" in 04/13, "luo-v4" in 09/13): a kernel of the series finding an earlier one's handover. */
    static Gen<Corruption> compatibleOlder(CorruptionKind k, ImageMap m, Target t) {
        return Gen.elements(List.of("luo-v4", "luo-v3", "luo-v1")).map(c -> compatible(k, m, field(c)));
    }

    /** A later ABI's string, and all 8 bytes without a NUL ("luo-v5" followed by garbage). */
    static Gen<Corruption> compatibleNewer(CorruptionKind k, ImageMap m, Target t) {
        return Gen.elements(List.of(field("luo-v6"), "luo-v5xy".getBytes(StandardCharsets.ISO_8859_1))).map(c -> compatible(k, m, c));
    }

    private static Corruption compatible(CorruptionKind k, ImageMap m, byte[] value) {
        return new Corruption.WriteBytes(k, subtree(m).pa(), LUO_SER + ".compatible", value);
    }

    private static byte[] field(String s) {
        return Arrays.copyOf(s.getBytes(StandardCharsets.ISO_8859_1), 8);
    }

    /** sessions_pa cleared: the next kernel sees no sessions (undetectable, C4/C5: the blocks stay reserved). */
    static Gen<Corruption> sessionsPaZero(CorruptionKind k, ImageMap m, Target t) {
        return Gen.constant(new Corruption.WriteU64(k, subtree(m).pa() + SESSIONS_PA, LUO_SER + ".sessions_pa", 0));
    }

    /** sessions_pa unpreserved, beyond RAM, unaligned, or into a block. */
    static Gen<Corruption> sessionsPaDangling(CorruptionKind k, ImageMap m, Target t) {
        return m.danglingPointers().map(v -> new Corruption.WriteU64(k, subtree(m).pa() + SESSIONS_PA, LUO_SER + ".sessions_pa", v));
    }

    /** Any liveupdate_num: the next kernel only prints it, so the handover must be taken as it is. */
    static Gen<Corruption> liveupdateNum(CorruptionKind k, ImageMap m, Target t) {
        return Gen.elements(0L, 2L, -1L, 1L << 63).map(v -> new Corruption.WriteU64(k, subtree(m).pa() + LIVEUPDATE_NUM,
                LUO_SER + ".liveupdate_num", v));
    }
}
