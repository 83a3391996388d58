package kverify.impl.luo;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Optional;
import kverify.model.Errno;
import kverify.model.Outcome;
import kverify.model.luo.LuoGeometry;
import kverify.model.luo.LuoV7Geometry;
import kverify.model.luo.RebootFault;
import org.junit.jupiter.api.Test;

/**
 * luo_session_create on the outgoing list, hand-written: the name check of the variants that
 * have one, v7 as applied growing the block set before its duplicate test (so a duplicate of a
 * full set's first session leaves a block behind, which v7 corrected does not), and a create
 * while v7's serialize rwsem is still write-held after a returning reboot.
 */
class OutgoingCreateTest {
    @Test
    void anEmptyNameIsEinvalWhereTheVariantChecksNames() {
        assertThat(LuoImpl.boot(LuoVariant.CORRECTED, LuoGeometry.SMALL).createSession("")).isEqualTo(Outcome.err(Errno.EINVAL));
        assertThat(LuoImpl.boot(LuoVariant.V7_AS_APPLIED, LuoV7Geometry.SMALL).createSession("")).isEqualTo(Outcome.err(Errno.EINVAL));
        LuoImpl corrected = LuoImpl.boot(LuoVariant.CORRECTED, LuoGeometry.SMALL);
        assertThat(corrected.createSession("n".repeat(63))).as("63 bytes and the NUL fill the field").isEqualTo(Outcome.ok());
        assertThat(corrected.createSession("m".repeat(64))).as("no NUL in the field").isEqualTo(Outcome.err(Errno.EINVAL));
        LuoImpl asPosted = LuoImpl.boot(LuoVariant.AS_POSTED, LuoGeometry.SMALL);
        assertThat(asPosted.createSession("")).isEqualTo(Outcome.ok());
        assertThat(asPosted.state().outgoing()).extracting(s -> s.name()).containsExactly("");
    }

    /** A full set of one block: the duplicate of the first session (id 0) is EEXIST in both v7 variants. */
    @Test
    void aDuplicateOfTheFirstSessionIsEexistAndAsAppliedKeepsTheBlockItGrew() {
        for (LuoVariant v : LuoVariant.of(LuoVersion.V7)) {
            LuoImpl impl = LuoImpl.boot(v, LuoV7Geometry.SMALL);
            int n = 0;
            assertThat(impl.createSession("s" + n++)).isEqualTo(Outcome.ok());
            while (impl.state().outgoing().size() < LuoV7Geometry.SMALL.sessionsPerBlock()) {
                assertThat(impl.createSession("s" + n++)).isEqualTo(Outcome.ok());
            }
            assertThat(impl.outgoingSessions().blocks().nblocks()).isEqualTo(1);
            assertThat(impl.createSession("s0")).as(v.name()).isEqualTo(Outcome.err(Errno.EEXIST));
            assertThat(impl.createSession("s1")).as(v.name()).isEqualTo(Outcome.err(Errno.EEXIST));
            assertThat(impl.state().outgoing()).hasSize(LuoV7Geometry.SMALL.sessionsPerBlock());
            assertThat(impl.outgoingSessions().blocks().nblocks()).as(v.name())
                    .isEqualTo(v == LuoVariant.V7_AS_APPLIED ? 2 : 1);
        }
    }

    @Test
    void aCreateWhileTheSerializeRwsemIsWriteHeldHangs() {
        LuoImpl impl = LuoImpl.boot(LuoVariant.V7_AS_APPLIED, LuoV7Geometry.SMALL);
        assertThat(impl.createSession("a")).isEqualTo(Outcome.ok());
        assertThat(impl.rebootReturning(RebootFault.NONE, Optional.empty())).isEqualTo(Outcome.ok());
        assertThat(impl.createSession("b")).isEqualTo(Outcome.hung());
        assertThat(impl.state().outgoing()).extracting(s -> s.name()).containsExactly("a");
    }
}
