package kverify.impl.luo.image;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** The words of one image line: comments, quoted strings and their escapes, hex bytes, line ends. */
class TokensTest {
    @Test
    void aHashEndsTheLineOutsideQuotesOnly() {
        assertThat(Tokens.stripComment("at 0x10 hex 01 # note")).isEqualTo("at 0x10 hex 01 ");
        assertThat(Tokens.stripComment("at 0x10 str \"a#b\" # note")).isEqualTo("at 0x10 str \"a#b\" ");
        assertThat(Tokens.stripComment("at 0x10 str \"a\\\"#b\" # note")).as("an escaped quote does not close the string")
                .isEqualTo("at 0x10 str \"a\\\"#b\" ");
        assertThat(Tokens.stripComment("x \\\"# \"#\"")).as("a backslash outside quotes escapes nothing")
                .isEqualTo("x \\\"# \"");
        assertThat(Tokens.stripComment("no comment")).isEqualTo("no comment");
    }

    @Test
    void stringsTakeEveryEscapeAndEndWithNul() {
        assertThat(value("str \"a\\\\b\\\"c\\0d\\ne\\tf\\x41\\x7e\"")).containsExactly(
                'a', '\\', 'b', '"', 'c', 0, 'd', '\n', 'e', '\t', 'f', 0x41, 0x7e, 0);
        assertThat(value("str \"\"")).containsExactly(0);
        assertThat(value("str \"#\\xfF\"")).containsExactly('#', 0xff, 0);
        assertThat(value("str \"\u00ff\"")).as("the highest single-byte character").containsExactly(0xff, 0);
    }

    @Test
    void badStringsNameTheProblem() {
        error("str", "expected a string in double quotes");
        error("str abc", "expected a string in double quotes");
        error("str \"abc\\", "backslash at the end of the line");
        error("str \"\\x", "\\x needs two hex digits");
        error("str \"\\x4", "\\x needs two hex digits");
        error("str \"\\x4\"", "\\x needs two hex digits");
        error("str \"\\xg1\"", "\\x needs two hex digits");
        error("str \"\\x41", "string not closed");
        error("str \"\u0100\"", "character '\u0100' is not a single byte");
        error("str \"a\" extra", "unexpected 'extra' at the end of the line");
    }

    @Test
    void numbersAndHexBytes() {
        assertThat(value("u64 0x0102030405060708")).containsExactly(8, 7, 6, 5, 4, 3, 2, 1);
        assertThat(value("u64 18446744073709551615")).containsExactly(0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff);
        assertThat(value("hex")).isEmpty();
        assertThat(value("hex 00ff  1e\t2D")).containsExactly(0x00, 0xff, 0x1e, 0x2d);
        error("u64 1 2", "unexpected '2' at the end of the line");
        error("u64", "expected a u64 value at the end of the line");
        error("hex 0", "expected hex bytes (an even number of hex digits), got '0'");
        error("float 1", "expected str, u64 or hex, got 'float'");
    }

    @Test
    void endAcceptsTrailingBlanksAndQuotesWhatIsLeft() {
        Tokens t = new Tokens("fdt none   ", 3);
        assertThat(t.word("a keyword")).isEqualTo("fdt");
        assertThat(t.word("none")).isEqualTo("none");
        t.end();
        Tokens extra = new Tokens("fdt none  x y", 3);
        extra.word("a keyword");
        extra.word("none");
        assertThatThrownBy(extra::end).isInstanceOfSatisfying(ImageFormatException.class,
                e -> assertThat(e.detail()).isEqualTo("unexpected 'x y' at the end of the line"));
    }

    private static byte[] value(String text) {
        return new Tokens(text, 1).value();
    }

    private static void error(String text, String message) {
        assertThatThrownBy(() -> new Tokens(text, 7).value()).isInstanceOfSatisfying(ImageFormatException.class, e -> {
            assertThat(e.line()).isEqualTo(7);
            assertThat(e.detail()).as(text).contains(message);
        });
    }
}
