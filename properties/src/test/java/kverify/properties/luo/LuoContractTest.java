package kverify.properties.luo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import java.util.stream.Stream;
import kverify.impl.luo.LuoImpl;
import kverify.impl.luo.LuoVariant;
import kverify.model.Errno;
import kverify.model.Outcome;
import kverify.model.luo.FileImage;
import kverify.model.luo.Handover;
import kverify.model.luo.HandlerKind;
import kverify.model.luo.IncomingSession;
import kverify.model.luo.IncomingSession.IncomingFile;
import kverify.model.luo.LuoGeometry;
import kverify.model.luo.LuoOp;
import kverify.model.luo.LuoState;
import kverify.model.luo.LuoSystem;
import kverify.model.luo.Phase;
import kverify.model.luo.RebootFault;
import kverify.model.luo.SessionImage;
import kverify.model.luo.reference.LuoReference;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * One contract, every implementation: hand-written expectations from the spec (sections 3 and 4)
 * run against the reference model and each variant at the small geometry. None of them reaches
 * a known defect, so every variant must pass; the defects are the equivalence property's job.
 */
class LuoContractTest {

    static Stream<Arguments> systems() {
        List<Arguments> out = new ArrayList<>();
        out.add(Arguments.of("model", (Supplier<LuoSystem>) () -> new LuoReference(LuoGeometry.SMALL)));
        for (LuoVariant v : LuoVariant.of(kverify.impl.luo.LuoVersion.V1)) {
            out.add(Arguments.of(v.name(), (Supplier<LuoSystem>) () -> LuoImpl.boot(v, LuoGeometry.SMALL)));
        }
        return out.stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("systems")
    void namesAreUniqueAndTheLimitIsBlocksTimesEntries(String name, Supplier<LuoSystem> factory) {
        LuoSystem m = factory.get();
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

    @ParameterizedTest(name = "{0}")
    @MethodSource("systems")
    void filesHaveUniqueTokensPerSessionAndALimit(String name, Supplier<LuoSystem> factory) {
        LuoSystem m = factory.get();
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

    @ParameterizedTest(name = "{0}")
    @MethodSource("systems")
    void aFailedRebootChangesNothingAndASuccessfulOneHandsOverExactly(String name, Supplier<LuoSystem> factory) {
        LuoSystem m = factory.get();
        m.createSession("a");
        m.createSession("b");
        m.preserveFile("b", 5, HandlerKind.TEST_B, 0x55);
        LuoState before = m.state();
        assertThat(m.reboot(new RebootFault.FreezeFails(1, 0, Errno.EIO))).isEqualTo(Outcome.err(Errno.EIO));
        assertThat(m.state().differences(before)).as("only the handler's calls differ")
                .containsExactly("handler calls: [file#1{preserve freeze}] vs [file#1{preserve}]");
        assertThat(m.reboot(new RebootFault.FreezeFails(0, 0, Errno.EIO))).as("session a has no file 0: no handler runs")
                .isEqualTo(Outcome.ok());
        assertThat(m.phase()).isEqualTo(Phase.BOOTING);
        List<SessionImage> expected = List.of(new SessionImage("a", List.of()),
                new SessionImage("b", List.of(new FileImage(5, HandlerKind.TEST_B, 0x55))));
        assertThat(m.state().handover()).isEqualTo(new Handover.Present(expected));
        assertThat(m.state().outgoing()).isEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("systems")
    void theNextKernelRetrievesFinishesAndCloses(String name, Supplier<LuoSystem> factory) {
        LuoSystem m = factory.get();
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

    @ParameterizedTest(name = "{0}")
    @MethodSource("systems")
    void bulkOpsExpandToTheSingleOpsAndStopAtTheFirstError(String name, Supplier<LuoSystem> factory) {
        LuoSystem m = factory.get();
        m.createSession("s2");
        assertThat(new LuoOp.CreateSessions("s", 5).applyTo(m)).isEqualTo(Outcome.err(Errno.EEXIST));
        assertThat(m.state().outgoing()).extracting(SessionImage::name).containsExactly("s2", "s0", "s1");
        assertThat(new LuoOp.CloseSessions("s", 2).applyTo(m)).isEqualTo(Outcome.ok());
        assertThat(m.state().outgoing()).extracting(SessionImage::name).containsExactly("s2");
        m.preserveFile("s2", 3, HandlerKind.TEST_A, 0);
        assertThat(new LuoOp.PreserveFiles("s2", 5, 1, HandlerKind.TEST_B, 0x10).applyTo(m)).isEqualTo(Outcome.err(Errno.EEXIST));
        assertThat(m.state().outgoing().get(0).files()).containsExactly(new FileImage(3, HandlerKind.TEST_A, 0),
                new FileImage(1, HandlerKind.TEST_B, 0x10), new FileImage(2, HandlerKind.TEST_B, 0x11));
        assertThat(new LuoOp.PreserveFiles("s2", 2, 4, HandlerKind.TEST_A, -1).applyTo(m)).isEqualTo(Outcome.ok());
        assertThat(m.state().outgoing().get(0).files()).hasSize(5).last().isEqualTo(new FileImage(5, HandlerKind.TEST_A, 0));
        assertThatThrownBy(() -> new LuoOp.PreserveFiles("s2", 0, 0, HandlerKind.TEST_A, 0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new LuoOp.CreateSession("")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new LuoOp.CreateSessions("x".repeat(60), 10000)).isInstanceOf(IllegalArgumentException.class);
    }
}
