package kverify.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class OutcomeTest {

    @Test
    void outcomesCompareByValueAndErrno() {
        assertThat(Outcome.ok(3L)).isEqualTo(Outcome.ok(3L)).isNotEqualTo(Outcome.ok(4L));
        assertThat(Outcome.<Long>err(Errno.EINVAL)).isEqualTo(Outcome.err(Errno.EINVAL))
                .isNotEqualTo(Outcome.err(Errno.ENOSPC));
        assertThat(Outcome.ok()).hasToString("Ok");
        assertThat(Outcome.err(Errno.EEXIST)).hasToString("Err(EEXIST)");
    }

    @Test
    void errValueNamesTheError() {
        assertThatThrownBy(() -> Outcome.err(Errno.ENOSPC).value())
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("ENOSPC(28)");
    }

    @Test
    void errnoNumbersAreLinuxX86_64() {
        assertThat(Errno.ENOSPC.number()).isEqualTo(28);
        assertThat(Errno.EADDRNOTAVAIL.negated()).isEqualTo(-99);
        assertThat(Errno.ofNumber(17)).isEqualTo(Errno.EEXIST);
        assertThatThrownBy(() -> Errno.ofNumber(4242)).hasMessageContaining("4242");
    }
}
