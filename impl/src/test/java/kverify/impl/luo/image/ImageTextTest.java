package kverify.impl.luo.image;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import kverify.model.luo.LuoGeometry;
import kverify.model.luo.image.HandoverImage;
import kverify.model.luo.image.ImageFdt;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The image text format: a hand-written image, the printer's output, and located errors. */
class ImageTextTest {
    /** Hand-written: one small session block holding session "s0", written two ways. */
    static final String HAND_WRITTEN = """
            kverify-image luo v1
            # one session, "s0", no files
            geometry small
            fdt node luo-session
            fdt prop compatible str "luo-session-v3"
            fdt prop luo-session-header u64 0x100000   # head of the session chain
            preserve 0x100000 order 0
            at 0x100008 u64 1
            at 0x100010 str "s0"
            """;

    @Test
    void aHandWrittenImageParses() {
        HandoverImage img = parse(HAND_WRITTEN);
        assertThat(img.geometry()).isEqualTo(LuoGeometry.SMALL);
        assertThat(img.ramBytes()).isEqualTo(ImageText.DEFAULT_RAM_BYTES);
        assertThat(img.fdt()).contains(ImageFdt.standard(0x100000));
        assertThat(img.preserved()).containsEntry(0x100000L, 0);
        assertThat(img.u64(0x100008)).isEqualTo(1);
        assertThat(img.bytes(0x100010, 3)).containsExactly('s', '0', 0);
    }

    /** Format v2 names the 2/5 ABI as 2/5 does; a v1 file's "luo-session-v3" is that same ABI (ImageText.HEADER_V1). */
    @Test
    void formatV2WritesLuoSessionV4AndV1FilesAreReadAsTheSameAbi() {
        String v2 = HAND_WRITTEN.replace("kverify-image luo v1", "kverify-image luo v2").replace("luo-session-v3", "luo-session-v4");
        assertThat(parse(v2)).isEqualTo(parse(HAND_WRITTEN));
        assertThat(ImageText.format(parse(v2), List.of())).startsWith("kverify-image luo v3\nversion v1\n")
                .contains("fdt prop compatible str \"luo-session-v4\"");
        String v2WithV3 = HAND_WRITTEN.replace("kverify-image luo v1", "kverify-image luo v2");
        assertThat(parse(v2WithV3).fdt().orElseThrow().matchesSessionNode()).as("in v2, v3 is 1/5's ABI").isFalse();
        String v1WithV2 = HAND_WRITTEN.replace("luo-session-v3", "luo-session-v2");
        assertThat(parse(v1WithV2).fdt().orElseThrow().property("compatible")).contains("luo-session-v2\0".getBytes());
    }

    @Test
    void theSameImageWrittenAsPageLinesIsEqual() {
        String pages = """
                kverify-image luo v1
                geometry small
                ram 0x1000000000
                fdt node luo-session
                fdt prop compatible hex 6c 75 6f 2d 73 65 73 73 69 6f 6e 2d 76 33 00
                fdt prop luo-session-header hex 0000100000000000
                preserve 0x100000 order 0
                page 0x100000
                  0000: 00 00 00 00 00 00 00 00 01 00 00 00 00 00 00 00
                  73 30
                """;
        assertThat(parse(pages)).isEqualTo(parse(HAND_WRITTEN));
    }

    @Test
    void thePrinterWritesWhatTheParserReads() {
        HandoverImage img = parse(HAND_WRITTEN).withFdt(java.util.Optional.empty()).withU64(0x7000, 0xabcdef);
        String text = ImageText.format(img, List.of("provenance line"));
        assertThat(text).startsWith("kverify-image luo v3\n# provenance line\nversion v1\n").contains("fdt none")
                .contains("page 0x7000   # not preserved").contains("  0010: 73 30 00");
        assertThat(parse(text)).isEqualTo(img);
        HandoverImage odd = parse(HAND_WRITTEN).withFdt(java.util.Optional.of(new ImageFdt("luo-session",
                java.util.Map.of("compatible", new byte[] {'#', '"', 0}, "x", new byte[0], "luo-session-header", new byte[4]))));
        assertThat(parse(ImageText.format(odd, List.of()))).isEqualTo(odd);
    }

    @Test
    void thePrinterShowsPrintableBytesOnlyWhenALineHasThreeOrMore() {
        byte[] page = new byte[HandoverImage.PAGE_SIZE];
        byte[] first = {0x20, 0x7e, 0x41, 0x1f, 0x7f, (byte) 0x80, (byte) 0xff};
        System.arraycopy(first, 0, page, 0, first.length);
        page[0x10] = 'A';
        page[0x11] = 'B';
        page[0xff0] = 1;
        HandoverImage img = new HandoverImage(LuoGeometry.SMALL, 0x10000, Optional.empty(), Map.of(0x1000L, 0), Map.of(0x1000L, page));
        assertThat(ImageText.format(img, List.of()).lines().toList()).containsExactly(
                "kverify-image luo v3",
                "version v1",
                "geometry small",
                "ram 0x10000",
                "fdt none",
                "preserve 0x1000 order 0",
                "page 0x1000",
                "  0000: 20 7e 41 1f 7f 80 ff 00 00 00 00 00 00 00 00 00  #  ~A.............",
                "  0010: 41 42 00 00 00 00 00 00 00 00 00 00 00 00 00 00",
                "  0ff0: 01 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00");
    }

    @Test
    void fdtValuesPrintAsStrOnlyForCleanCStringsAndAsU64ForEightBytes() {
        Map<String, byte[]> props = new LinkedHashMap<>();
        props.put("a", new byte[] {0});
        props.put("b", new byte[] {' ', '~', 0});
        props.put("c", new byte[] {0x1f, 0});
        props.put("d", new byte[] {0x7f, 0});
        props.put("e", new byte[] {'"', 0});
        props.put("f", new byte[] {'\\', 0});
        props.put("g", new byte[] {'#', 0});
        props.put("h", new byte[] {'a', 'b', 'c', 'd', 'e', 'f', 'g', 0});
        props.put("i", new byte[] {1, 0, 0, 0, 0, 0, 0, (byte) 0x80});
        props.put("j", new byte[] {'a', 'b'});
        props.put("k", new byte[0]);
        HandoverImage img = parse(HAND_WRITTEN).withFdt(Optional.of(new ImageFdt("n", props)));
        String text = ImageText.format(img, List.of());
        assertThat(text.lines().filter(l -> l.startsWith("fdt")).toList()).containsExactly(
                "fdt node n",
                "fdt prop a str \"\"",
                "fdt prop b str \" ~\"",
                "fdt prop c hex 1f 00",
                "fdt prop d hex 7f 00",
                "fdt prop e hex 22 00",
                "fdt prop f hex 5c 00",
                "fdt prop g hex 23 00",
                "fdt prop h str \"abcdefg\"",
                "fdt prop i u64 0x8000000000000001",
                "fdt prop j hex 61 62",
                "fdt prop k hex");
        assertThat(parse(text)).isEqualTo(img);
    }

    @Test
    void aWrittenFileReadsBack(@TempDir Path dir) {
        HandoverImage img = parse(HAND_WRITTEN);
        Path file = dir.resolve("sub/one.image");
        ImageText.write(file, img, List.of("written by a test"));
        assertThat(ImageText.read(file)).isEqualTo(img);
    }

    @Test
    void malformedFilesNameTheLine() {
        error("", 1, "expected the header line");
        error("kverify-image luo v4\n", 1, "expected the header line");
        error("kverify-image luo v1\nfdt none\n", 2, "no 'geometry' line");
        error("kverify-image luo v1\ngeometry tiny\n", 2, "unknown geometry 'tiny'");
        error("kverify-image luo v1\ngeometry small\nfdt none\nfrobnicate 3\n", 4, "unknown keyword 'frobnicate'");
        error("kverify-image luo v1\ngeometry small\nfdt none\npreserve 0x100800 order 0\n", 4, "not aligned");
        error("kverify-image luo v1\ngeometry small\nfdt none\npreserve 0x100000 order 11\n", 4, "within [0, 10]");
        error("kverify-image luo v1\ngeometry small\nfdt none\npreserve 0x100000 order 1\npreserve 0x101000 order 0\n", 5, "overlaps");
        error("kverify-image luo v1\ngeometry small\nfdt none\npreserve 0x2000000000 order 0\n", 4, "outside RAM");
        error("kverify-image luo v1\ngeometry small\nfdt none\n00 11\n", 4, "hex data outside a page");
        error("kverify-image luo v1\ngeometry small\nfdt none\npage 0x1000\n  0ff8: 00 11 22 33 44 55 66 77 88\n", 5, "past the end");
        error("kverify-image luo v1\ngeometry small\nfdt none\npage 0x1000\n  0: 0g\n", 5, "expected hex bytes");
        error("kverify-image luo v1\ngeometry small\nfdt none\nat 0x1000 u64 zz\n", 4, "unsigned 64-bit number");
        error("kverify-image luo v1\ngeometry small\nfdt none\nat 0x1000 str \"abc\n", 4, "not closed");
        error("kverify-image luo v1\ngeometry small\nfdt prop compatible str \"x\"\n", 3, "needs an 'fdt node NAME' line");
        error("kverify-image luo v1\ngeometry small\nfdt node n\nfdt none\n", 4, "second 'fdt none' or 'fdt node'");
        error("kverify-image luo v1\ngeometry small\nfdt none\npreserve 0x100000 order 0\nram 0x2000\n", 5, "before any preserve");
        error("kverify-image luo v1\ngeometry small\nfdt none\nat 0xfffffffff8 u64 1\n", 4, "outside RAM");
        error("kverify-image luo v1\ngeometry small\nfdt none\nat 0x10 str \"\\q\"\n", 4, "unknown escape");
    }

    /** Format v3, v7: a hand-written handover with its luo_ser root and one session block. */
    static final String V7_HAND_WRITTEN = """
            kverify-image luo v3
            version v7
            geometry v7-small
            subtree LUO 0x100000 length 32
            preserve 0x100000 order 0          # luo_ser
            preserve 0x101000 order 0          # session block
            at 0x100000 str "luo-v5"
            at 0x100008 u64 1                  # liveupdate_num
            at 0x100010 u64 0x101000           # sessions_pa
            at 0x101008 u64 1
            at 0x101010 str "s0"
            """;

    @Test
    void aV7ImageSaysItsVersionAndRoundTrips() {
        HandoverImage img = parse(V7_HAND_WRITTEN);
        assertThat(img.version()).isEqualTo(kverify.model.luo.image.ImageVersion.V7);
        assertThat(img.khoCompatible()).isEqualTo("kho-v4");
        assertThat(img.fdt()).isEmpty();
        assertThat(img.subtree()).contains(new kverify.model.luo.image.ImageSubtree("LUO", 0x100000, 32));
        String text = ImageText.format(img, List.of());
        assertThat(text).startsWith("kverify-image luo v3\nversion v7\ngeometry v7-small\n").contains("subtree LUO 0x100000 length 32\n")
                .doesNotContain("kho compatible").doesNotContain("fdt ");
        assertThat(parse(text)).isEqualTo(img);
        HandoverImage matched = img.withKhoCompatible("kho-v3");
        assertThat(ImageText.format(matched, List.of())).contains("kho compatible str \"kho-v3\"\n");
        assertThat(parse(ImageText.format(matched, List.of()))).isEqualTo(matched);
        assertThat(parse(V7_HAND_WRITTEN.replace("subtree LUO 0x100000 length 32", "subtree none")).subtree()).isEmpty();
        assertThat(parse(HAND_WRITTEN).version()).as("an old file is a v1 handover").isEqualTo(kverify.model.luo.image.ImageVersion.V1);
        assertThat(parse(HAND_WRITTEN).khoCompatible()).isEqualTo("kho-v3");
    }

    @Test
    void malformedV3FilesNameTheLine() {
        error("kverify-image luo v3\ngeometry small\nfdt none\n", 3, "no 'version v1' or 'version v7' line");
        error("kverify-image luo v3\nversion v9\n", 2, "unknown LUO version 'v9'");
        error("kverify-image luo v2\nversion v7\n", 2, "needs the header 'kverify-image luo v3'");
        error("kverify-image luo v3\nversion v1\ngeometry small\nsubtree LUO 0x1000 length 32\n", 4, "put 'version v7' before it");
        error("kverify-image luo v3\nversion v7\ngeometry v7-small\nfdt none\n", 4, "has no session FDT node");
        error("kverify-image luo v3\nversion v7\ngeometry v7-small\n", 3, "no 'subtree none' or 'subtree LUO PA length N' line");
        error("kverify-image luo v3\nversion v7\ngeometry small\nsubtree none\n", 2, "needs a v7 geometry");
        error("kverify-image luo v3\nversion v7\ngeometry v7-small\nsubtree LUO 0x1000 size 32\n", 4, "expected 'length'");
        error("kverify-image luo v3\nversion v7\nkho compatible u64 4\n", 3, "takes a str value");
        error("kverify-image luo v3\ngeometry v7-small\nsubtree none\nversion v7\n", 3, "put 'version v7' before it");
    }

    private static void error(String text, int line, String message) {
        assertThatThrownBy(() -> parse(text)).isInstanceOfSatisfying(ImageFormatException.class, e -> {
            assertThat(e.line()).as(e.getMessage()).isEqualTo(line);
            assertThat(e.detail()).contains(message);
            assertThat(e.located("f.image")).startsWith("f.image:" + line + ": ");
        });
    }

    private static HandoverImage parse(String text) {
        return ImageText.parse(text.lines().toList());
    }
}
