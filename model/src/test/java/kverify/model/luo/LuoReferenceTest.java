package kverify.model.luo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import kverify.model.Errno;
import kverify.model.Outcome;
import kverify.model.luo.IncomingSession.IncomingFile;
import kverify.model.luo.reference.LuoReference;
import org.junit.jupiter.api.Test;

/** The reference model against hand-written expectations from the spec (sections 3 and 4). */
class LuoReferenceTest {
    private final LuoReference m = new LuoReference(LuoGeometry.SMALL);

    @Test
    void geometryArithmeticMatchesTheSpec() {
        assertThat(LuoGeometry.REAL.sessionsPerBlock()).isEqualTo(819);
        assertThat(LuoGeometry.REAL.filesPerBlock()).isEqualTo(127);
        assertThat(LuoGeometry.REAL.maxSessions()).isEqualTo(8_190_000L);
        assertThat(LuoGeometry.REAL.maxFilesPerSession()).isEqualTo(1_270_000L);
        assertThat(LuoGeometry.SMALL.sessionsPerBlock()).isEqualTo(3);
        assertThat(LuoGeometry.UNIT.filesPerBlock()).isEqualTo(1);
        for (LuoGeometry g : List.of(LuoGeometry.REAL, LuoGeometry.SMALL, LuoGeometry.UNIT,
                new LuoGeometry(400, 300, 7))) {
            assertThat(LuoGeometry.parse(g.label())).contains(g);
        }
        assertThat(LuoGeometry.parse("session-block=10 file-block=300 max-blocks=7")).isEmpty();
    }

    @Test
    void namesAreUniqueAndTheLimitIsBlocksTimesEntries() {
        assertThat(m.createSession("a")).isEqualTo(Outcome.ok());
        assertThat(m.createSession("a")).isEqualTo(Outcome.err(Errno.EEXIST));
        for (int i = 1; i < 12; i++) {
            assertThat(m.createSession("s" + i)).isEqualTo(Outcome.ok());
        }
        assertThat(m.createSession("a")).as("duplicate is checked before the limit").isEqualTo(Outcome.err(Errno.EEXIST));
        assertThat(m.createSession("z")).isEqualTo(Outcome.err(Errno.ENOSPC));
        assertThat(m.closeSession("s3")).isEqualTo(Outcome.ok());
        assertThat(m.createSession("z")).isEqualTo(Outcome.ok());
    }

    @Test
    void filesHaveUniqueTokensPerSessionAndALimit() {
        m.createSession("a");
        m.createSession("b");
        assertThat(m.preserveFile("a", 7, HandlerKind.TEST_A, 1)).isEqualTo(Outcome.ok());
        assertThat(m.preserveFile("a", 7, HandlerKind.TEST_B, 2)).isEqualTo(Outcome.err(Errno.EEXIST));
        assertThat(m.preserveFile("b", 7, HandlerKind.TEST_B, 2)).isEqualTo(Outcome.ok());
        assertThat(m.preserveFile("nope", 1, HandlerKind.TEST_A, 0)).isEqualTo(Outcome.err(Errno.EBADF));
        for (long t = 100; t < 111; t++) {
            assertThat(m.preserveFile("a", t, HandlerKind.TEST_A, t)).isEqualTo(Outcome.ok());
        }
        assertThat(m.preserveFile("a", 200, HandlerKind.TEST_A, 0)).isEqualTo(Outcome.err(Errno.ENOSPC));
    }

    @Test
    void aFailedRebootChangesNothingAndASuccessfulOneHandsOverExactly() {
        m.createSession("a");
        m.createSession("b");
        m.preserveFile("b", 5, HandlerKind.TEST_B, 0x55);
        LuoState before = m.state();
        assertThat(m.reboot(new RebootFault.FreezeFails(1, 0, Errno.EIO))).isEqualTo(Outcome.err(Errno.EIO));
        assertThat(m.state()).isEqualTo(before);
        assertThat(m.reboot(new RebootFault.FreezeFails(0, 0, Errno.EIO))).as("session a has no file 0: no handler runs")
                .isEqualTo(Outcome.ok());
        assertThat(m.phase()).isEqualTo(Phase.BOOTING);
        List<SessionImage> expected = List.of(new SessionImage("a", List.of()),
                new SessionImage("b", List.of(new FileImage(5, HandlerKind.TEST_B, 0x55))));
        assertThat(m.state().handover()).isEqualTo(new Handover.Present(expected));
        assertThat(m.state().outgoing()).isEmpty();
    }

    @Test
    void theNextKernelRetrievesFinishesAndCloses() {
        m.createSession("a");
        m.preserveFile("a", 5, HandlerKind.TEST_A, 9);
        m.reboot(RebootFault.NONE);
        assertThat(m.setup()).isEqualTo(Outcome.ok());
        assertThat(m.retrieveSession("a")).as("no /dev/liveupdate fd yet").isEqualTo(Outcome.err(Errno.EBADF));
        assertThat(m.openDevice()).isEqualTo(Outcome.ok());
        assertThat(m.openDevice()).isEqualTo(Outcome.err(Errno.EBUSY));
        assertThat(m.state().handover()).isEqualTo(Handover.ABSENT);
        assertThat(m.retrieveFile("a", 5)).as("session not retrieved").isEqualTo(Outcome.err(Errno.EBADF));
        assertThat(m.retrieveSession("x")).isEqualTo(Outcome.err(Errno.ENOENT));
        assertThat(m.retrieveSession("a")).isEqualTo(Outcome.ok());
        assertThat(m.retrieveSession("a")).isEqualTo(Outcome.err(Errno.EINVAL));
        FileImage f = new FileImage(5, HandlerKind.TEST_A, 9);
        assertThat(m.retrieveFile("a", 5)).isEqualTo(Outcome.ok(f));
        assertThat(m.retrieveFile("a", 5)).as("retrieve is idempotent").isEqualTo(Outcome.ok(f));
        assertThat(m.retrieveFile("a", 6)).isEqualTo(Outcome.err(Errno.ENOENT));
        assertThat(m.state().incoming()).containsExactly(new IncomingSession("a", true, List.of(new IncomingFile(f, true))));
        assertThat(m.finish("a")).isEqualTo(Outcome.ok());
        assertThat(m.retrieveFile("a", 5)).isEqualTo(Outcome.err(Errno.ENOENT));
        assertThat(m.closeSession("a")).isEqualTo(Outcome.ok());
        assertThat(m.closeSession("a")).isEqualTo(Outcome.err(Errno.EBADF));
        assertThat(m.state().incoming()).isEmpty();
    }

    @Test
    void outOfPhaseOperationsAreHarnessErrors() {
        assertThatThrownBy(m::setup).isInstanceOf(IllegalStateException.class);
        m.reboot(RebootFault.NONE);
        assertThatThrownBy(() -> m.createSession("a")).isInstanceOf(IllegalStateException.class);
        assertThat(new LuoOp.Setup().validIn(Phase.BOOTING)).isTrue();
        assertThat(new LuoOp.CloseSession("a").validIn(Phase.BOOTING)).isFalse();
    }

    @Test
    void bulkOpsExpandToTheSingleOpsAndStopAtTheFirstError() {
        m.createSession("s2");
        assertThat(new LuoOp.CreateSessions("s", 5).applyTo(m)).isEqualTo(Outcome.err(Errno.EEXIST));
        assertThat(m.state().outgoing()).extracting(SessionImage::name).containsExactly("s2", "s0", "s1");
        assertThat(new LuoOp.CloseSessions("s", 2).applyTo(m)).isEqualTo(Outcome.ok());
        assertThat(m.state().outgoing()).extracting(SessionImage::name).containsExactly("s2");
        assertThatThrownBy(() -> new LuoOp.CreateSession("")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new LuoOp.CreateSessions("x".repeat(60), 10000)).isInstanceOf(IllegalArgumentException.class);
    }
}
