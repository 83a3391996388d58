package kverify.impl.luo.image;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import kverify.model.luo.image.HandoverImage;
import org.junit.jupiter.api.Test;

/**
 * The statements of an image file at their limits: the first and last page of RAM, folios that
 * touch, a page filled to its last byte, and each statement's own error. Hand-written lines.
 */
class ImageParserTest {
    /** Header, geometry and "fdt none": the smallest valid image, which later lines extend. */
    private static final String BASE = "kverify-image luo v1\ngeometry small\nfdt none\n";
    /** RAM of 16 pages, so the last page is 0xf000. */
    private static final String SMALL_RAM = "kverify-image luo v1\ngeometry small\nram 0x10000\nfdt none\n";

    @Test
    void theFirstAndLastPagesOfRamHoldData() {
        HandoverImage img = parse(SMALL_RAM + "page 0x0\n  01 02\npage 0xf000\n  0ff8: 11 22 33 44 55 66 77 88\n"
                + "preserve 0x0 order 0\npreserve 0xf000 order 0\n");
        assertThat(img.ramBytes()).isEqualTo(0x10000);
        assertThat(img.bytes(0, 3)).containsExactly(1, 2, 0);
        assertThat(img.u64(0xfff8)).isEqualTo(0x8877665544332211L);
        assertThat(img.preserved()).containsOnlyKeys(0L, 0xf000L);
    }

    @Test
    void anAtLineMayEndExactlyAtTheEndOfRam() {
        HandoverImage img = parse(SMALL_RAM + "at 0xfff8 u64 5\nat 0x10000 hex\n");
        assertThat(img.u64(0xfff8)).isEqualTo(5);
        error(SMALL_RAM + "at 0xfffc u64 5\n", 5, "8 bytes at 0xfffc run outside RAM (0x10000 bytes)");
        error(SMALL_RAM + "at 0x10001 hex\n", 5, "0 bytes at 0x10001 run outside RAM");
        error(SMALL_RAM + "at 0xfffffffffffffff8 u64 5\n", 5, "8 bytes at 0xfffffffffffffff8 run outside RAM");
    }

    @Test
    void pagesOutsideRamOrUnalignedAreRejectedEvenWhenEmpty() {
        error(SMALL_RAM + "page 0x10000\n", 5, "page 0x10000 is outside RAM (0x10000 bytes)");
        error(SMALL_RAM + "page 0xfffffffffffff000\n", 5, "page 0xfffffffffffff000 is outside RAM");
        error(SMALL_RAM + "page 0x1800\n  01\n", 5, "page address 0x1800 is not 4096-aligned");
        error(SMALL_RAM + "page 0x1000 0x2000\n", 5, "unexpected '0x2000' at the end of the line");
    }

    @Test
    void dataFillsAPageToItsLastByteAndNoFurther() {
        HandoverImage img = parse(BASE + "page 0x3000\n  0ff0: 01 02 03 04 05 06 07 08\n  09 0a 0b 0c 0d 0e 0f 10\n");
        assertThat(img.bytes(0x3ff0, 16)).containsExactly(1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16);
        error(BASE + "page 0x3000\n  0ff0: 01 02 03 04 05 06 07 08\n  09 0a 0b 0c 0d 0e 0f 10\n  11\n", 7, "offset 4096 + 1 bytes");
        error(BASE + "page 0x3000\n  12345: 01\n", 5, "bad offset '12345:'");
        error(BASE + "page 0x3000\n  0x10: 01\n", 5, "bad offset '0x10:'");
        error(BASE + "page 0x3000\nat 0x10 hex 01\n  01\n", 6, "hex data outside a page");
    }

    @Test
    void foliosMayTouchButNotOverlap() {
        HandoverImage img = parse(BASE + "preserve 0x104000 order 2\npreserve 0x100000 order 2\npreserve 0x108000 order 0\n");
        assertThat(img.preserved()).containsEntry(0x100000L, 2).containsEntry(0x104000L, 2).containsEntry(0x108000L, 0).hasSize(3);
        error(BASE + "preserve 0x102000 order 0\npreserve 0x100000 order 2\n", 5, "folio 0x100000 overlaps another preserved folio");
        error(BASE + "preserve 0x100000 order 0\npreserve 0x100000 order 0\n", 5, "folio 0x100000 overlaps");
        error(BASE + "preserve 0x100000 order 2\npreserve 0x103000 order 0\n", 5, "folio 0x103000 overlaps");
    }

    @Test
    void theLargestOrderIsAccepted() {
        HandoverImage img = parse(BASE + "preserve 0x400000 order 10\n");
        assertThat(img.preserved()).containsExactly(Map.entry(0x400000L, 10));
        error(BASE + "preserve 0x400000 order 10 11\n", 4, "unexpected '11'");
        error(BASE + "preserve 0x400000 order\n", 4, "expected order at the end of the line");
        error(BASE + "preserve 0x400000 size 10\n", 4, "expected 'order', got 'size'");
    }

    @Test
    void ramIsAPositiveWholeNumberOfPagesGivenOnce() {
        assertThat(parse(SMALL_RAM).ramBytes()).isEqualTo(0x10000);
        assertThat(parse("kverify-image luo v1\ngeometry small\nram 4096\nfdt none\n").ramBytes()).isEqualTo(4096);
        error("kverify-image luo v1\ngeometry small\nram 0\nfdt none\n", 3, "ram=0x0 must be a positive multiple of 4096");
        error("kverify-image luo v1\ngeometry small\nram 0x1001\nfdt none\n", 3, "ram=0x1001 must be a positive multiple");
        error("kverify-image luo v1\ngeometry small\nram 0x2000 0x3000\nfdt none\n", 3, "unexpected '0x3000'");
        error("kverify-image luo v1\ngeometry small\nram 0x2000\nram 0x2000\nfdt none\n", 4, "'ram' must appear once");
    }

    @Test
    void headerGeometryAndFdtLinesAreEachNeededOnce() {
        error("kverify-image luo v1\ngeometry small\n", 2, "no 'fdt none' or 'fdt node NAME' line");
        error("\n\nkverify-image luo v1\ngeometry small\n# end\n", 5, "no 'fdt none'");
        error("kverify-image luo v1\ngeometry small\ngeometry small\nfdt none\n", 3, "second 'geometry' line");
        error("kverify-image luo v1\ngeometry small\nfdt none extra\n", 3, "unexpected 'extra'");
        error("kverify-image luo v1\ngeometry small\nfdt node n extra\n", 3, "unexpected 'extra'");
        error("kverify-image luo v1\ngeometry small\nfdt node n\nfdt prop a u64 1\nfdt prop a u64 2\n", 5,
                "second value for property 'a'");
        error("kverify-image luo v1\ngeometry small\nfdt list\n", 3, "got 'fdt list'");
        assertThat(parse("\n \nkverify-image luo v1\n\ngeometry unit   # comment\nfdt none\n").fdt()).isEmpty();
    }

    /** The format v3 lines (version, kho, subtree): only under the v3 header, once each, in their order, nothing after their values. */
    @Test
    void theFormatV3LinesAreCheckedWhereTheyAppear() {
        String v3 = "kverify-image luo v3\n";
        error("kverify-image luo v1\nversion v1\n", 2, "'version' needs the header 'kverify-image luo v3'");
        error(v3 + "version v1\nversion v1\n", 3, "second 'version' line");
        error(v3 + "version v1 v7\n", 2, "unexpected 'v7'");
        error(v3 + "geometry small\nfdt none\nversion v1\n", 4, "'version' must come before the 'fdt' and 'subtree' lines");
        error("kverify-image luo v1\nkho compatible str \"kho-v1\"\n", 2, "'kho' needs the header 'kverify-image luo v3'");
        error(v3 + "kho compatible str \"a\"\nkho compatible str \"b\"\n", 3, "second 'kho compatible' line");
        error("kverify-image luo v1\nsubtree none\n", 2, "'subtree' needs the header 'kverify-image luo v3'");
        error(v3 + "version v7\nsubtree none\nsubtree none\n", 4, "second 'subtree' line");
        error(v3 + "version v7\nsubtree none extra\n", 3, "unexpected 'extra'");
        error(v3 + "version v7\nsubtree LUO 0x1000 length 32 extra\n", 3, "unexpected 'extra'");
    }

    private static void error(String text, int line, String message) {
        assertThatThrownBy(() -> parse(text)).isInstanceOfSatisfying(ImageFormatException.class, e -> {
            assertThat(e.line()).as(e.getMessage()).isEqualTo(line);
            assertThat(e.detail()).contains(message);
        });
    }

    private static HandoverImage parse(String text) {
        return ImageText.parse(text.lines().toList());
    }
}
