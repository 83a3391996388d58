package kverify.engine;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** A divergence is located by its key and message, not by where the harness threw it. */
class DivergenceTest {

    @Test
    void keepsKeyAndMessageWithoutAStackTrace() {
        Divergence eager = new Divergence("kexec_load: outcome Err(EINVAL) vs Ok", "step 3: the model accepts");
        Divergence lazy = new Divergence("kexec_load: outcome Err(EINVAL) vs Ok", () -> "step 3: the model accepts");
        for (Divergence d : new Divergence[] {eager, lazy}) {
            assertThat(d.key()).isEqualTo("kexec_load: outcome Err(EINVAL) vs Ok");
            assertThat(d.getMessage()).isEqualTo("step 3: the model accepts");
            assertThat(d.getStackTrace()).isEmpty();
        }
        assertThat(Execution.failureKey(lazy)).isEqualTo(lazy.key());
    }
}
