package kverify.model.luo;

import static org.assertj.core.api.Assertions.assertThat;

import kverify.model.Errno;
import kverify.model.Outcome;
import kverify.model.luo.reference.LuoReference;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** The model's limits at the real geometry, counted out in full. */
@Tag("slow")
class LuoReferenceLimitsTest {

    @Test
    void theModelRefusesThe8190001stSessionAndThe1270001stFile() {
        LuoReference m = new LuoReference(LuoGeometry.REAL);
        for (long i = 0; i < 8_190_000L; i++) {
            if (!m.createSession("s" + i).isOk()) {
                throw new AssertionError("session " + i + " refused");
            }
        }
        assertThat(m.createSession("one-too-many")).isEqualTo(Outcome.err(Errno.ENOSPC));
        m.closeSession("s0");
        for (long t = 0; t < 1_270_000L; t++) {
            if (!m.preserveFile("s1", t, HandlerKind.TEST_A, t).isOk()) {
                throw new AssertionError("file " + t + " refused");
            }
        }
        assertThat(m.preserveFile("s1", -1L, HandlerKind.TEST_A, 0)).isEqualTo(Outcome.err(Errno.ENOSPC));
    }
}
