package kverify.impl.luo.layout;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

/**
 * The byte-level helpers on name and compatible strings, hand-written: strscpy's 63-byte cap, the
 * first NUL of a 64-byte field (none: -1, whatever follows the field), and fdt_stringlist_contains
 * with a last string whose NUL lies past the property.
 */
class NameFieldTest {
    private static byte[] ascii(String s) {
        return s.getBytes(StandardCharsets.US_ASCII);
    }

    @Test
    void strscpyKeepsUpToTheNulAndAtMost63Bytes() {
        byte[] b = new byte[70];
        Arrays.fill(b, 2, 2 + 64, (byte) 'x');
        assertThat(SessionSer.strscpyNameLength(b, 2)).as("no NUL in the field").isEqualTo(63);
        b[2 + 5] = 0;
        assertThat(SessionSer.strscpyNameLength(b, 2)).isEqualTo(5);
    }

    @Test
    void theFirstNulOfTheFieldOrNone() {
        byte[] b = new byte[66];
        Arrays.fill(b, 1, 1 + 64, (byte) 'y');
        assertThat(SessionSer.nulIndex(b, 1)).as("the byte after the field is 0, but not in the field").isEqualTo(-1);
        b[1 + 63] = 0;
        assertThat(SessionSer.nulIndex(b, 1)).isEqualTo(63);
        b[1] = 0;
        assertThat(SessionSer.nulIndex(b, 1)).isZero();
    }

    @Test
    void aStringListMatchesAWholeStringAlsoWithoutItsLastNul() {
        assertThat(SessionFdtNode.stringListContains(ascii("abc"), "abc")).isTrue();
        assertThat(SessionFdtNode.stringListContains(ascii("x\0abc"), "abc")).isTrue();
        assertThat(SessionFdtNode.stringListContains(ascii("abcd"), "abc")).isFalse();
        assertThat(SessionFdtNode.stringListContains(ascii("ab"), "x")).isFalse();
        assertThat(SessionFdtNode.stringListContains(ascii("ab\0"), "x")).isFalse();
    }
}
