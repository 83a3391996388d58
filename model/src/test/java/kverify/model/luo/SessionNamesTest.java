package kverify.model.luo;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class SessionNamesTest {

    /** The loop accepts exactly what the documented pattern accepts, lengths 0..70, characters around the allowed ranges. */
    @Test
    void isValidIsTheDocumentedPattern() {
        String alphabet = "AZaz09._-@[`{/:\u0000 \u00e9\u007f";
        SplittableRandom r = new SplittableRandom(3);
        for (int trial = 0; trial < 20_000; trial++) {
            StringBuilder sb = new StringBuilder();
            int length = r.nextInt(0, 71);
            boolean clean = r.nextBoolean();
            for (int i = 0; i < length; i++) {
                sb.append(clean ? (char) ('a' + r.nextInt(26)) : alphabet.charAt(r.nextInt(alphabet.length())));
            }
            String name = sb.toString();
            boolean expected = !name.isEmpty() && name.length() < SessionNames.NAME_LENGTH && name.matches("[A-Za-z0-9._-]+");
            assertThat(SessionNames.isValid(name)).as("'%s'", name).isEqualTo(expected);
        }
        assertThat(SessionNames.isValid(null)).isFalse();
        assertThat(SessionNames.isValid("a".repeat(63))).isTrue();
        assertThat(SessionNames.isValid("a".repeat(64))).isFalse();
    }
}
