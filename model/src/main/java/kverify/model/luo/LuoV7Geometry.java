package kverify.model.luo;

import java.util.List;
import java.util.Optional;

/**
 * The geometries of LUO v7 as applied (liveupdate tree {@code next}, 2026-06-03), as data of the
 * existing {@link LuoGeometry}: v7 keeps the 16-byte block header and the 80- and 64-byte
 * entries, so the same derivation gives its entries per block. What differs is that every block
 * set uses one size, {@code KHO_BLOCK_SIZE} = {@code PAGE_SIZE} ({@code include/linux/kho/abi/block.h}
 * at torvalds/linux 637315cb), and the limit is {@code KHO_MAX_BLOCKS} 10000 per block set
 * ({@code kernel/liveupdate/kho_block.c} at the same commit). docs/versions-luo.md section 2.3.
 */
public final class LuoV7Geometry {
    /** KHO_BLOCK_SIZE on x86_64: one page for session and file blocks alike. */
    public static final int KHO_BLOCK_BYTES = 4096;
    /** KHO_MAX_BLOCKS: kho_block_add refuses the block after this many with ENOSPC. */
    public static final int KHO_MAX_BLOCKS = 10000;

    /** 51 sessions and 63 files per block, 10000 blocks: 510,000 sessions, 630,000 files per session. */
    public static final LuoGeometry REAL = of(KHO_BLOCK_BYTES, KHO_MAX_BLOCKS);
    /** 256-byte blocks: 3 sessions and 3 files per block, four blocks. */
    public static final LuoGeometry SMALL = of(256, 4);
    /** 96-byte blocks: 1 session and 1 file per block, four blocks. */
    public static final LuoGeometry UNIT = of(96, 4);

    private LuoV7Geometry() {
    }

    /** A v7 geometry: the same block bytes for sessions and files. */
    public static LuoGeometry of(int blockBytes, int maxBlocks) {
        return new LuoGeometry(blockBytes, blockBytes, maxBlocks);
    }

    /** True if g can describe v7: one block size shared by every block set. */
    public static boolean fits(LuoGeometry g) {
        return g.sessionBlockBytes() == g.fileBlockBytes();
    }

    public static List<LuoGeometry> named() {
        return List.of(REAL, SMALL, UNIT);
    }

    /** "v7-real", "v7-small", "v7-unit", or "v7 block=B max-blocks=N"; {@link #parse} reads it back. */
    public static String label(LuoGeometry g) {
        if (!fits(g)) {
            throw new IllegalArgumentException("not a v7 geometry (two block sizes): " + g);
        }
        if (g.equals(REAL)) {
            return "v7-real";
        }
        if (g.equals(SMALL)) {
            return "v7-small";
        }
        if (g.equals(UNIT)) {
            return "v7-unit";
        }
        return "v7 block=" + g.sessionBlockBytes() + " max-blocks=" + g.maxBlocks();
    }

    public static Optional<LuoGeometry> parse(String text) {
        String t = text.trim();
        for (LuoGeometry g : named()) {
            if (label(g).equals(t)) {
                return Optional.of(g);
            }
        }
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("v7 block=(\\d{1,8}) max-blocks=(\\d{1,8})").matcher(t);
        if (!m.matches()) {
            return Optional.empty();
        }
        try {
            return Optional.of(of(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2))));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}
