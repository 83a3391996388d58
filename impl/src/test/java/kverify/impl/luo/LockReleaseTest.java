package kverify.impl.luo;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import kverify.model.Errno;
import kverify.model.Outcome;
import kverify.model.luo.ArgShape;
import kverify.model.luo.FileSpec;
import kverify.model.luo.HandlerKind;
import kverify.model.luo.LuoCall;
import kverify.model.luo.LuoConcurrent;
import kverify.model.luo.LuoGeometry;
import kverify.model.luo.LuoOp;
import kverify.model.luo.RebootFault;
import org.junit.jupiter.api.Test;

/**
 * Each path that takes a lock gives it back, hand-written: two tasks run one after the other
 * through the same path (or a path needing the same lock), so the steps name every lock point
 * the first one passes, and the second would wait for ever on a lock the first kept.
 */
class LockReleaseTest {
    private static Outcome<?> apply(LuoImpl impl, LuoOp op) {
        return op.applyTo(impl);
    }

    private static LuoOp create(String name, String bind) {
        return LuoCall.SessionCall.create("d0", name.getBytes(StandardCharsets.US_ASCII), ArgShape.PLAIN, bind);
    }

    private static LuoOp retrieve(String name, String bind) {
        return LuoCall.SessionCall.retrieve("d1", name.getBytes(StandardCharsets.US_ASCII), ArgShape.PLAIN, bind);
    }

    private static LuoConcurrent.Ends inTurn(LuoImpl impl, LuoOp first, LuoOp second) {
        List<Integer> schedule = new java.util.ArrayList<>();
        for (int i = 0; i < 8; i++) {
            schedule.add(1);
        }
        for (int i = 0; i < 8; i++) {
            schedule.add(2);
        }
        Outcome<LuoConcurrent.Ends> r = impl.concurrent(new LuoConcurrent(List.of(first, second), schedule));
        assertThat(r.isOk()).as("concurrent step: %s", r).isTrue();
        return r.value();
    }

    private static void bothReturned(LuoConcurrent.Ends ends) {
        assertThat(ends.ends()).extracting(LuoConcurrent.End::completion).containsExactly(LuoConcurrent.Completion.RETURNED,
                LuoConcurrent.Completion.RETURNED);
    }

    /** Sessions a (fd s1) and b (fd s2), each with a preserved file of its own. */
    private static LuoImpl outgoing(LuoVariant v) {
        LuoImpl impl = LuoImpl.boot(v, LuoGeometry.SMALL);
        apply(impl, new LuoCall.Open("d0"));
        apply(impl, create("a", "s1"));
        apply(impl, create("b", "s2"));
        return impl;
    }

    @Test
    void twoClosesTakeTheListAroundTheMutexWhereCorrectedAndAfterItAsPosted() {
        LuoImpl corrected = outgoing(LuoVariant.CORRECTED);
        LuoConcurrent.Ends ends = inTurn(corrected, new LuoCall.Close("s1"), new LuoCall.Close("s2"));
        assertThat(corrected.lastSteps()).containsExactly("1:start", "1:serialize-rwsem-read", "1:outgoing-rwsem-write", "1:session-mutex 'a'",
                "2:start", "2:serialize-rwsem-read", "2:outgoing-rwsem-write", "2:session-mutex 'b'");
        bothReturned(ends);
        LuoImpl posted = outgoing(LuoVariant.AS_POSTED);
        ends = inTurn(posted, new LuoCall.Close("s1"), new LuoCall.Close("s2"));
        assertThat(posted.lastSteps()).containsExactly("1:start", "1:session-mutex 'a'", "1:outgoing-rwsem-write", "2:start", "2:session-mutex 'b'",
                "2:outgoing-rwsem-write");
        bothReturned(ends);
    }

    @Test
    void twoPreservesIntoOneSessionEachTakeItsMutex() {
        LuoImpl impl = outgoing(LuoVariant.CORRECTED);
        apply(impl, new LuoCall.NewFile("f1", FileSpec.of(HandlerKind.TEST_A, 1)));
        apply(impl, new LuoCall.NewFile("f2", FileSpec.of(HandlerKind.TEST_A, 2)));
        LuoConcurrent.Ends ends = inTurn(impl, new LuoCall.PreserveFd("s1", LuoCall.FdRef.of("f1"), 1, ArgShape.PLAIN),
                new LuoCall.PreserveFd("s1", LuoCall.FdRef.of("f2"), 2, ArgShape.PLAIN));
        assertThat(impl.lastSteps()).containsExactly("1:start", "1:serialize-rwsem-read", "1:session-mutex 'a'", "2:start", "2:serialize-rwsem-read",
                "2:session-mutex 'a'");
        bothReturned(ends);
    }

    /** A reboot whose second session's freeze fails: the first is unfrozen under its mutex, and the list and mutexes are free again. */
    @Test
    void aFailedRebootGivesBackTheListAndTheMutexes() {
        LuoImpl impl = LuoImpl.boot(LuoVariant.CORRECTED, LuoGeometry.SMALL);
        apply(impl, new LuoCall.Open("d0"));
        apply(impl, create("a", "s1"));
        apply(impl, create("b", "s2"));
        apply(impl, new LuoCall.NewFile("f1", FileSpec.of(HandlerKind.TEST_A, 1)));
        apply(impl, new LuoCall.NewFile("f2", FileSpec.of(HandlerKind.TEST_A, 2)));
        apply(impl, new LuoCall.PreserveFd("s1", LuoCall.FdRef.of("f1"), 1, ArgShape.PLAIN));
        apply(impl, new LuoCall.PreserveFd("s2", LuoCall.FdRef.of("f2"), 2, ArgShape.PLAIN));
        LuoConcurrent.Ends ends = inTurn(impl, new LuoOp.Reboot(new RebootFault.FreezeFails(1, 0, Errno.EIO)), new LuoCall.Close("s1"));
        assertThat(impl.lastSteps()).containsExactly("1:start", "1:serialize-rwsem-write", "1:outgoing-rwsem-write", "1:session-mutex 'a'",
                "1:session-mutex 'b'", "1:session-mutex 'a'", "2:start", "2:serialize-rwsem-read", "2:outgoing-rwsem-write",
                "2:session-mutex 'a'");
        bothReturned(ends);
        assertThat(ends.ends().get(0).outcome()).isEqualTo(Outcome.err(Errno.EIO));
    }

    /**
     * Incoming: retrieve (not found, and found) each followed in the same step by a close needing
     * the list's write side; retrieve-fd, finish and close each followed by a call needing the same
     * lock (a leaked lock is only seen within its concurrent step: each step has its own lock table).
     */
    @Test
    void theIncomingPathsGiveBackTheListAndTheMutex() {
        LuoImpl impl = LuoImpl.boot(LuoVariant.CORRECTED, LuoGeometry.SMALL);
        impl.createSession("a");
        impl.preserveFile("a", 1, HandlerKind.TEST_A, 10);
        impl.preserveFile("a", 2, HandlerKind.TEST_A, 20);
        impl.createSession("b");
        impl.createSession("c");
        impl.createSession("d");
        apply(impl, new LuoOp.Reboot(RebootFault.NONE));
        apply(impl, new LuoOp.Setup());
        apply(impl, new LuoCall.Open("d1"));
        assertThat(apply(impl, retrieve("b", "r0")).isOk()).isTrue();
        assertThat(apply(impl, retrieve("c", "r2")).isOk()).isTrue();
        LuoConcurrent.Ends ends = inTurn(impl, retrieve("zz", "rz"), new LuoCall.Close("r0"));
        assertThat(impl.lastSteps()).containsExactly("1:start", "1:serialize-rwsem-read", "1:incoming-rwsem-read", "2:start",
                "2:serialize-rwsem-read", "2:session-mutex 'b'", "2:incoming-rwsem-write");
        assertThat(ends.ends().get(0).outcome()).isEqualTo(Outcome.err(Errno.ENOENT));
        bothReturned(ends);
        ends = inTurn(impl, retrieve("a", "r1"), new LuoCall.Close("r2"));
        assertThat(impl.lastSteps()).containsExactly("1:start", "1:serialize-rwsem-read", "1:incoming-rwsem-read",
                "1:session-mutex 'a'", "2:start", "2:serialize-rwsem-read", "2:session-mutex 'c'", "2:incoming-rwsem-write");
        bothReturned(ends);
        ends = inTurn(impl, new LuoCall.RetrieveFd("r1", 1, ArgShape.PLAIN, "g1"), new LuoCall.RetrieveFd("r1", 2, ArgShape.PLAIN, "g2"));
        assertThat(impl.lastSteps()).containsExactly("1:start", "1:serialize-rwsem-read", "1:session-mutex 'a'", "2:start",
                "2:serialize-rwsem-read", "2:session-mutex 'a'");
        bothReturned(ends);
        ends = inTurn(impl, new LuoCall.Finish("r1", 0, ArgShape.PLAIN), new LuoCall.Finish("r1", 0, ArgShape.PLAIN));
        assertThat(impl.lastSteps()).containsExactly("1:start", "1:serialize-rwsem-read", "1:session-mutex 'a'", "2:start",
                "2:serialize-rwsem-read", "2:session-mutex 'a'");
        bothReturned(ends);
        ends = inTurn(impl, new LuoCall.Close("r1"), retrieve("d", "r3"));
        assertThat(impl.lastSteps()).containsExactly("1:start", "1:serialize-rwsem-read", "1:session-mutex 'a'", "1:incoming-rwsem-write",
                "2:start", "2:serialize-rwsem-read", "2:incoming-rwsem-read", "2:session-mutex 'd'");
        bothReturned(ends);
    }

    /** A create gives back the serialize rwsem's read side: a reboot after it takes the write side and kexecs. */
    @Test
    void aCreateGivesBackTheSerializeRwsemForTheRebootAfterIt() {
        LuoImpl impl = outgoing(LuoVariant.CORRECTED);
        LuoConcurrent.Ends ends = inTurn(impl, create("c", "s3"), new LuoOp.Reboot(RebootFault.NONE));
        assertThat(impl.lastSteps()).containsExactly("1:start", "1:serialize-rwsem-read", "1:outgoing-rwsem-write", "2:start",
                "2:serialize-rwsem-write", "2:outgoing-rwsem-write", "2:session-mutex 'a'", "2:session-mutex 'b'", "2:session-mutex 'c'");
        bothReturned(ends);
        assertThat(ends.ends().get(1).outcome()).isEqualTo(Outcome.ok());
    }

    /**
     * A preserve that has the session in hand before a close of it runs whole and only then takes
     * the session's mutex: the close gave the mutex back (in both lock orders), so the preserve
     * goes on (into the removed session, the model's use after free) instead of waiting for ever.
     */
    @Test
    void aCloseGivesBackTheSessionMutexToAPreserveThatHeldTheSession() {
        for (LuoVariant v : List.of(LuoVariant.CORRECTED, LuoVariant.AS_POSTED)) {
            LuoImpl impl = outgoing(v);
            apply(impl, new LuoCall.NewFile("f1", FileSpec.of(HandlerKind.TEST_A, 1)));
            List<Integer> schedule = new java.util.ArrayList<>(List.of(1));
            for (int i = 0; i < 8; i++) {
                schedule.add(2);
            }
            for (int i = 0; i < 8; i++) {
                schedule.add(1);
            }
            Outcome<LuoConcurrent.Ends> r = impl.concurrent(new LuoConcurrent(
                    List.of(new LuoCall.PreserveFd("s1", LuoCall.FdRef.of("f1"), 1, ArgShape.PLAIN), new LuoCall.Close("s1")), schedule));
            assertThat(r.isOk()).isTrue();
            assertThat(impl.lastSteps()).as(v.name()).isEqualTo(v == LuoVariant.CORRECTED
                    ? List.of("1:start", "2:start", "2:serialize-rwsem-read", "2:outgoing-rwsem-write", "2:session-mutex 'a'",
                            "1:serialize-rwsem-read", "1:session-mutex 'a'")
                    : List.of("1:start", "2:start", "2:session-mutex 'a'", "2:outgoing-rwsem-write", "1:session-mutex 'a'"));
            bothReturned(r.value());
        }
    }
}
