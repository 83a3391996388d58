package kverify.impl.luo.image;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import kverify.model.luo.image.HandoverImage;

/**
 * The text form of a handover image, written to be read and written by hand:
 * <pre>
 * kverify-image luo v3                       first line (v2 and v1 are still read, see HEADER_V2)
 * # comment                                  anywhere; '#' also ends any line
 * version v7                                 which LUO version wrote the handover: v1 or v7 (required in v3)
 * kho compatible "kho-v4"                    optional: the KHO root compatible written; default the version's
 * geometry v7-small                          real | small | unit | v7-real | v7-small | v7-unit | explicit forms
 * subtree LUO 0x100000 length 32             v7's root (or "subtree none"): the luo_ser's PA and length
 * ram 0x1000000000                           optional, default 2^36; RAM is [0, ram)
 * fdt node luo-session                       v1's root, or "fdt none": the next kernel finds no session node
 * fdt prop compatible str "luo-session-v4"   the NUL is appended
 * fdt prop luo-session-header u64 0x100000   8 bytes little-endian
 * fdt prop NAME hex 00 10 00 00              raw bytes, any length (also: wrong-size heads)
 * preserve 0x100000 order 0                  one KHO-preserved folio: head address and order
 * page 0x100000                              a 4 KiB page; the data lines after it fill it:
 *   0000: 00 00 00 00 00 00 00 00 03 00 ...  optional hex offset and ':', then hex bytes
 * at 0x100010 u64 3                          sparse: also "at PA hex ..." and "at PA str ..."
 * </pre>
 * Memory not written reads as zero. The writer prints 16 bytes per line, skips all-zero lines
 * and marks pages outside every preserved folio.
 */
public final class ImageText {
    public static final String HEADER = "kverify-image luo v3";
    /**
     * The second format: v1 handovers only, no version line. Format v3 adds the {@code version}
     * line (a v7 handover's root is the {@code subtree} line) and {@code kho compatible}; a v2 or
     * v1 file reads as a v1 handover with v1's KHO compatible, as it always did.
     */
    public static final String HEADER_V2 = "kverify-image luo v2";
    /**
     * The first format. It is the same grammar; only the name of the session ABI differs: before
     * patch 2/5 was transcribed the suite called the ABI with 2/5's file blocks
     * "luo-session-v3" (1/5's constant), which 2/5 itself names "luo-session-v4". So in a v1
     * file a compatible property of exactly "luo-session-v3" and its NUL is read as
     * "luo-session-v4"; every other value is read as written. Files in v1 replay as they did.
     */
    public static final String HEADER_V1 = "kverify-image luo v1";
    public static final long DEFAULT_RAM_BYTES = 1L << 36;
    private static final int PER_LINE = 16;

    private ImageText() {
    }

    public static HandoverImage parse(List<String> lines) {
        return new ImageParser(lines).parse();
    }

    /** Reads and parses a file; a malformed file throws {@link ImageFormatException} (line-located). */
    public static HandoverImage read(Path file) {
        try {
            return parse(Files.readAllLines(file, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read image " + file, e);
        }
    }

    /** The image as text, with the given comment lines (without '#') after the header. */
    public static String format(HandoverImage img, List<String> comments) {
        StringBuilder sb = new StringBuilder(HEADER).append('\n');
        comments.forEach(c -> sb.append("# ").append(c).append('\n'));
        sb.append("version ").append(img.version().label()).append('\n');
        if (!img.khoCompatible().equals(img.version().khoCompatible())) {
            sb.append("kho compatible ").append(value(kverify.model.luo.image.ImageFdt.cString(img.khoCompatible()))).append('\n');
        }
        sb.append("geometry ").append(img.geometry().label()).append('\n');
        sb.append(String.format("ram 0x%x\n", img.ramBytes()));
        if (img.version() == kverify.model.luo.image.ImageVersion.V7) {
            sb.append(img.subtree().map(t -> String.format("subtree %s 0x%x length %d", t.name(), t.pa(), t.length())).orElse("subtree none"))
                    .append('\n');
        } else if (img.fdt().isEmpty()) {
            sb.append("fdt none\n");
        } else {
            sb.append("fdt node ").append(img.fdt().get().name()).append('\n');
            img.fdt().get().properties().forEach((k, v) -> sb.append("fdt prop ").append(k).append(' ').append(value(v)).append('\n'));
        }
        img.preserved().forEach((pa, order) -> sb.append(String.format("preserve 0x%x order %d\n", pa, order)));
        for (Map.Entry<Long, byte[]> p : img.pages().entrySet()) {
            sb.append(String.format("page 0x%x%s\n", p.getKey(), img.isPreservedPage(p.getKey()) ? "" : "   # not preserved"));
            page(sb, p.getValue());
        }
        return sb.toString();
    }

    public static void write(Path file, HandoverImage img, List<String> comments) {
        try {
            Files.createDirectories(file.toAbsolutePath().getParent());
            Files.writeString(file, format(img, comments), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write image " + file, e);
        }
    }

    // The page dump writes every byte of every page: digits from a table, not a Formatter per byte (the same text).
    private static final String HEX = "0123456789abcdef";

    private static void page(StringBuilder sb, byte[] page) {
        for (int off = 0; off < page.length; off += PER_LINE) {
            StringBuilder hex = new StringBuilder();
            StringBuilder text = new StringBuilder();
            boolean zero = true;
            int printable = 0;
            for (int i = off; i < off + PER_LINE; i++) {
                int b = page[i] & 0xFF;
                zero &= b == 0;
                hex.append(' ').append(HEX.charAt(b >>> 4)).append(HEX.charAt(b & 0xF));
                boolean p = b >= 0x20 && b < 0x7F;
                printable += p ? 1 : 0;
                text.append(p ? (char) b : '.');
            }
            if (!zero) {
                sb.append("  ").append(HEX.charAt((off >>> 12) & 0xF)).append(HEX.charAt((off >>> 8) & 0xF))
                        .append(HEX.charAt((off >>> 4) & 0xF)).append(HEX.charAt(off & 0xF)).append(':').append(hex);
                sb.append(printable >= 3 ? "  # " + text : "").append('\n');
            }
        }
    }

    /** str for a clean C string, u64 for 8 bytes, hex otherwise. */
    private static String value(byte[] v) {
        if (v.length >= 1 && v[v.length - 1] == 0) {
            boolean clean = true;
            for (int i = 0; i < v.length - 1; i++) {
                clean &= v[i] >= 0x20 && v[i] < 0x7F && v[i] != '"' && v[i] != '\\' && v[i] != '#';
            }
            if (clean) {
                return "str \"" + new String(v, 0, v.length - 1, StandardCharsets.ISO_8859_1) + "\"";
            }
        }
        if (v.length == 8) {
            return String.format("u64 0x%x", java.nio.ByteBuffer.wrap(v).order(java.nio.ByteOrder.LITTLE_ENDIAN).getLong());
        }
        StringBuilder sb = new StringBuilder("hex");
        for (byte b : v) {
            sb.append(String.format(" %02x", b & 0xFF));
        }
        return sb.toString();
    }
}
