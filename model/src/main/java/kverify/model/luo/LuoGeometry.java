package kverify.model.luo;

import java.util.List;
import java.util.Optional;

/**
 * Where the LUO blocks fill up and where the limits are: the byte size of one session block and
 * of one file block, and the block limit {@code LUO_MAX_BLOCKS}. Entries per block are derived
 * from the byte sizes and the packed struct sizes, exactly as the kernel's
 * {@code LUO_SESSION_BLOCK_MAX} is, so a small geometry is the same arithmetic on a smaller block,
 * never a free-standing "entries" knob.
 *
 * <p>The real geometry is patch 1/5's: 16-page session blocks (819 entries), 2-page file blocks
 * (127 entries, the 2/5 layout derived in the spec), 10000 blocks. Small geometries let a short
 * random sequence cross block boundaries and reach the limits with the same code.
 */
public record LuoGeometry(int sessionBlockBytes, int fileBlockBytes, int maxBlocks) {
    /** sizeof(struct luo_session_header_ser), v3 ABI: next, count. */
    public static final int SESSION_HEADER_BYTES = 16;
    /** sizeof(struct luo_session_ser): name[64], file_set_ser. */
    public static final int SESSION_ENTRY_BYTES = 80;
    /** sizeof(struct luo_file_header_ser) of patch 2/5: next, count. */
    public static final int FILE_HEADER_BYTES = 16;
    /** sizeof(struct luo_file_ser): compatible[48], data, token. */
    public static final int FILE_ENTRY_BYTES = 64;
    /** Largest block kho_alloc_preserve accepts: order MAX_PAGE_ORDER (10) on x86_64. */
    public static final int MAX_BLOCK_BYTES = 4096 << 10;

    /** Patch 1/5 (and 2/5 for files): 65536-byte and 8192-byte blocks, LUO_MAX_BLOCKS 10000. */
    public static final LuoGeometry REAL = new LuoGeometry(16 * 4096, 2 * 4096, 10000);
    /** Three entries per block, four blocks: boundaries at 3, 6, 9 and the limit at 12. */
    public static final LuoGeometry SMALL = new LuoGeometry(16 + 3 * 80, 16 + 3 * 64, 4);
    /** One entry per block, four blocks: every session is its own block. */
    public static final LuoGeometry UNIT = new LuoGeometry(16 + 80, 16 + 64, 4);

    public LuoGeometry {
        check(sessionBlockBytes >= SESSION_HEADER_BYTES + SESSION_ENTRY_BYTES && sessionBlockBytes <= MAX_BLOCK_BYTES,
                "sessionBlockBytes", sessionBlockBytes);
        check(fileBlockBytes >= FILE_HEADER_BYTES + FILE_ENTRY_BYTES && fileBlockBytes <= MAX_BLOCK_BYTES,
                "fileBlockBytes", fileBlockBytes);
        check(maxBlocks >= 1, "maxBlocks", maxBlocks);
    }

    private static void check(boolean ok, String field, int value) {
        if (!ok) {
            throw new IllegalArgumentException("bad geometry: " + field + "=" + value);
        }
    }

    /** LUO_SESSION_BLOCK_MAX: (block bytes - header) / entry, rounded down. */
    public int sessionsPerBlock() {
        return (sessionBlockBytes - SESSION_HEADER_BYTES) / SESSION_ENTRY_BYTES;
    }

    public int filesPerBlock() {
        return (fileBlockBytes - FILE_HEADER_BYTES) / FILE_ENTRY_BYTES;
    }

    /** The promised session limit: every block full. */
    public long maxSessions() {
        return (long) maxBlocks * sessionsPerBlock();
    }

    public long maxFilesPerSession() {
        return (long) maxBlocks * filesPerBlock();
    }

    public static List<LuoGeometry> named() {
        return List.of(REAL, SMALL, UNIT);
    }

    /** "real", "small", "unit", v7's "v7-real", "v7-small", "v7-unit", or the explicit form that {@link #parse} reads back. */
    public String label() {
        if (LuoV7Geometry.named().contains(this)) {
            return LuoV7Geometry.label(this);
        }
        if (equals(REAL)) {
            return "real";
        }
        if (equals(SMALL)) {
            return "small";
        }
        if (equals(UNIT)) {
            return "unit";
        }
        return "session-block=" + sessionBlockBytes + " file-block=" + fileBlockBytes + " max-blocks=" + maxBlocks;
    }

    /** Reads {@link #label()} back; empty if the text is neither a name nor the explicit form. */
    public static Optional<LuoGeometry> parse(String text) {
        String t = text.trim();
        Optional<LuoGeometry> v7 = LuoV7Geometry.parse(t);
        if (v7.isPresent()) {
            return v7;
        }
        for (LuoGeometry g : named()) {
            if (g.label().equals(t)) {
                return Optional.of(g);
            }
        }
        java.util.regex.Matcher m = java.util.regex.Pattern
                .compile("session-block=(\\d{1,8}) file-block=(\\d{1,8}) max-blocks=(\\d{1,8})").matcher(t);
        if (!m.matches()) {
            return Optional.empty();
        }
        try {
            return Optional.of(new LuoGeometry(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)),
                    Integer.parseInt(m.group(3))));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    @Override
    public String toString() {
        return label() + " (" + sessionsPerBlock() + " sessions/block, " + filesPerBlock() + " files/block, "
                + maxBlocks + " blocks)";
    }
}
