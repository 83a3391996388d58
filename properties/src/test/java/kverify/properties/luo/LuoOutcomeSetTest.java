package kverify.properties.luo;

import static org.assertj.core.api.Assertions.assertThat;

import kverify.impl.luo.LuoVariant;
import kverify.model.Errno;
import kverify.model.Outcome;
import kverify.model.luo.LuoOp;
import kverify.model.luo.LuoV7Geometry;
import kverify.model.luo.reference.LuoReference;
import org.junit.jupiter.api.Test;

/**
 * Decision 38 (docs/luo.md): a create that is both a duplicate and beyond capacity may answer
 * EEXIST (v1, v7 corrected: the name is tested first) or ENOSPC (v7 as applied grows first), with
 * the same state; everywhere else the model's single outcome stands. The sessions are those of the
 * shrunk case that showed ENOSPC on V7_AS_APPLIED (luo.equivalence.v7-as-applied.v7-small, seed 1,
 * try 2, until then catalogued as LUO-13).
 */
class LuoOutcomeSetTest {

    private static void fillTheSessionSet(LuoDuel d) {
        assertThat(d.step(new LuoOp.CreateSessions("x", 4)).agrees()).isTrue();
        assertThat(d.step(new LuoOp.CreateSessions("y", 8)).agrees()).isTrue();
    }

    @Test
    void aDuplicateBeyondCapacityMayBeRefusedForEitherReason() {
        LuoDuel asApplied = new LuoDuel(LuoVariant.V7_AS_APPLIED, LuoV7Geometry.SMALL);
        fillTheSessionSet(asApplied);
        LuoDuel.StepResult r = asApplied.step(new LuoOp.CreateSession("x0"));
        assertThat(r.impl()).isEqualTo(Outcome.err(Errno.ENOSPC));
        assertThat(r.agrees()).as(r.toString()).isTrue();

        LuoDuel corrected = new LuoDuel(LuoVariant.V7_CORRECTED, LuoV7Geometry.SMALL);
        fillTheSessionSet(corrected);
        LuoDuel.StepResult c = corrected.step(new LuoOp.CreateSession("x0"));
        assertThat(c.impl()).isEqualTo(Outcome.err(Errno.EEXIST));
        assertThat(c.agrees()).as(c.toString()).isTrue();
    }

    @Test
    void theAlternativeIsOfferedOnlyForADuplicateBeyondCapacityAndOnlyOnce() {
        LuoReference m = new LuoReference(LuoV7Geometry.SMALL);
        assertThat(m.createSession("a")).isEqualTo(Outcome.ok());
        assertThat(m.createSession("a")).isEqualTo(Outcome.err(Errno.EEXIST));
        assertThat(m.alsoAccepted()).as("a duplicate with room left").isEmpty();
        for (int i = 1; i < 12; i++) {
            assertThat(m.createSession("s" + i)).isEqualTo(Outcome.ok());
        }
        assertThat(m.createSession("z")).isEqualTo(Outcome.err(Errno.ENOSPC));
        assertThat(m.alsoAccepted()).as("a new name beyond capacity").isEmpty();
        assertThat(m.createSession("a")).isEqualTo(Outcome.err(Errno.EEXIST));
        assertThat(m.alsoAccepted()).contains(Outcome.err(Errno.ENOSPC));
        assertThat(m.alsoAccepted()).as("asked once").isEmpty();
        assertThat(m.createSession("s1")).isEqualTo(Outcome.err(Errno.EEXIST));
        assertThat(m.createSession("z")).isEqualTo(Outcome.err(Errno.ENOSPC));
        assertThat(m.alsoAccepted()).as("the next ioctl clears it").isEmpty();
    }
}
