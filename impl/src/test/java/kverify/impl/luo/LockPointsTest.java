package kverify.impl.luo;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.List;
import kverify.model.Errno;
import kverify.model.Outcome;
import kverify.model.luo.ArgShape;
import kverify.model.luo.LuoCall;
import kverify.model.luo.LuoConcurrent;
import kverify.model.luo.LuoGeometry;
import kverify.model.luo.LuoOp;
import kverify.model.luo.LuoV7Geometry;
import kverify.model.luo.RebootFault;
import org.junit.jupiter.api.Test;

/**
 * Concurrent steps on the implementation alone: the steps each hand-written schedule takes at the
 * lock points and how each task ends (the same schedules as properties' LuoConcurrencyTest, whose
 * duel checks them against the model; here the lock table and the task threads are checked
 * directly, so a mutant of {@link LockPoints} fails in impl's own tests).
 */
class LockPointsTest {
    private static LuoOp create(String name, String bind) {
        return LuoCall.SessionCall.create("d0", name.getBytes(StandardCharsets.US_ASCII), ArgShape.PLAIN, bind);
    }

    private static LuoOp retrieve(String device, String name, String bind) {
        return LuoCall.SessionCall.retrieve(device, name.getBytes(StandardCharsets.US_ASCII), ArgShape.PLAIN, bind);
    }

    private static Outcome<?> apply(LuoImpl impl, LuoOp op) {
        return op.applyTo(impl);
    }

    private static LuoConcurrent.Ends concurrent(LuoImpl impl, List<LuoOp> calls, Integer... schedule) {
        Outcome<LuoConcurrent.Ends> r = impl.concurrent(new LuoConcurrent(calls, List.of(schedule)));
        assertThat(r.isOk()).as("concurrent step: %s", r).isTrue();
        return r.value();
    }

    private static List<LuoConcurrent.Completion> completions(LuoConcurrent.Ends ends) {
        return ends.ends().stream().map(LuoConcurrent.End::completion).toList();
    }

    @Test
    void twoCreatesInterleaveAtTheSerializeRwsemAndTheListLock() {
        LuoImpl impl = LuoImpl.boot(LuoVariant.CORRECTED, LuoGeometry.SMALL);
        apply(impl, new LuoCall.Open("d0"));
        LuoConcurrent.Ends ends = concurrent(impl, List.of(create("a", "s1"), create("b", "s2")), 2, 2, 1, 1, 2);
        assertThat(impl.lastSteps()).containsExactly("2:start", "2:serialize-rwsem-read", "1:start", "1:serialize-rwsem-read",
                "2:outgoing-rwsem-write", "1:outgoing-rwsem-write");
        assertThat(completions(ends)).containsOnly(LuoConcurrent.Completion.RETURNED);
        assertThat(ends.ends()).allSatisfy(e -> assertThat(e.outcome().isOk()).isTrue());
        assertThat(impl.state().outgoing()).extracting(s -> s.name()).containsExactly("b", "a");
        // Outside a concurrent step the lock points do nothing: a serial create still works.
        assertThat(apply(impl, create("c", "s3")).isOk()).isTrue();
        assertThat(apply(impl, create("a", "s4"))).isEqualTo(Outcome.err(Errno.EEXIST));
        assertThat(LuoInvariants.check(impl)).isEmpty();
    }

    @Test
    void twoCreatesOfOneNameLeaveOneSessionAndEexist() {
        LuoImpl impl = LuoImpl.boot(LuoVariant.CORRECTED, LuoGeometry.SMALL);
        apply(impl, new LuoCall.Open("d0"));
        LuoConcurrent.Ends ends = concurrent(impl, List.of(create("a", "s1"), create("a", "s2")), 1, 2, 1, 2);
        assertThat(impl.lastSteps()).containsExactly("1:start", "2:start", "1:serialize-rwsem-read", "2:serialize-rwsem-read",
                "1:outgoing-rwsem-write", "2:outgoing-rwsem-write");
        assertThat(ends.ends().get(0).outcome().isOk()).isTrue();
        assertThat(ends.ends().get(1).outcome()).isEqualTo(Outcome.err(Errno.EEXIST));
        assertThat(impl.state().outgoing()).hasSize(1);
    }

    @Test
    void twoRetrievesShareTheListsReadSideAndWaitForTheSessionMutex() {
        LuoImpl impl = LuoImpl.boot(LuoVariant.CORRECTED, LuoGeometry.SMALL);
        apply(impl, new LuoCall.Open("d0"));
        apply(impl, create("a", "s1"));
        assertThat(apply(impl, new LuoOp.Reboot(RebootFault.NONE))).isEqualTo(Outcome.ok());
        assertThat(apply(impl, new LuoOp.Setup())).isEqualTo(Outcome.ok());
        apply(impl, new LuoCall.Open("d1"));
        LuoConcurrent.Ends ends = concurrent(impl, List.of(retrieve("d1", "a", "r1"), retrieve("d1", "a", "r2")), 1, 2, 2, 1, 1, 2);
        assertThat(impl.lastSteps()).containsExactly("1:start", "2:start", "2:serialize-rwsem-read", "1:serialize-rwsem-read",
                "1:incoming-rwsem-read", "2:incoming-rwsem-read", "1:session-mutex 'a'", "2:session-mutex 'a'");
        assertThat(completions(ends)).containsOnly(LuoConcurrent.Completion.RETURNED);
        assertThat(ends.ends().get(0).outcome().isOk()).isTrue();
        assertThat(ends.ends().get(1).outcome()).isEqualTo(Outcome.err(Errno.EINVAL));
    }

    @Test
    void aTaskWhoseLockIsHeldWaitsAndTheScheduleNamesIt() {
        LuoImpl impl = LuoImpl.boot(LuoVariant.V7_AS_APPLIED, LuoV7Geometry.SMALL);
        apply(impl, new LuoCall.Open("d0"));
        apply(impl, create("a", "s1"));
        apply(impl, new LuoOp.Reboot(RebootFault.NONE));
        apply(impl, new LuoOp.Setup());
        apply(impl, new LuoCall.Open("d2"));
        assertThat(apply(impl, retrieve("d2", "a", "r3")).isOk()).isTrue();
        LuoConcurrent.Ends ends = concurrent(impl, List.of(retrieve("d2", "a", "r4"), new LuoCall.Close("r3")), 1, 1, 1, 2, 2, 2, 2, 1);
        assertThat(impl.lastSteps()).containsExactly("1:start", "1:serialize-rwsem-read", "1:incoming-rwsem-read", "2:start",
                "2:serialize-rwsem-read", "2:session-mutex 'a'", "2:waits", "1:session-mutex 'a'", "2:incoming-rwsem-write");
        assertThat(completions(ends)).containsOnly(LuoConcurrent.Completion.RETURNED);
        assertThat(ends.ends().get(1).outcome().isOk()).isTrue();
    }

    @Test
    void aRebootThatKexecsLeavesTheOtherTaskNotRun() {
        // The close stops at the session's mutex before taking it; the reboot serializes both sessions and kexecs.
        LuoImpl impl = LuoImpl.boot(LuoVariant.AS_POSTED, LuoGeometry.SMALL);
        apply(impl, new LuoCall.Open("d0"));
        apply(impl, create("a", "s1"));
        apply(impl, create("b", "s2"));
        LuoConcurrent.Ends ends = concurrent(impl, List.of(new LuoCall.Close("s1"), new LuoOp.Reboot(RebootFault.NONE)), 1, 2, 2, 2, 2);
        assertThat(impl.lastSteps()).containsExactly("1:start", "2:start", "2:outgoing-rwsem-write", "2:session-mutex 'a'",
                "2:session-mutex 'b'");
        assertThat(completions(ends)).containsExactly(LuoConcurrent.Completion.NOT_RUN, LuoConcurrent.Completion.RETURNED);
        assertThat(ends.ends().get(1).outcome()).isEqualTo(Outcome.ok());
        assertThat(ends.toString()).contains("NOT_RUN");
    }
}
