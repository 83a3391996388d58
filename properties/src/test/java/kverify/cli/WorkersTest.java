package kverify.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** The campaign's worker threads: results in task order whatever order tasks finish in, errors as thrown, whole progress lines. */
class WorkersTest {
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();
    private final PrintStream errStream = new PrintStream(err, true, StandardCharsets.UTF_8);

    @Test
    void resultsComeInTaskOrderWhenTheLaterTaskFinishesFirst() {
        // Task 0 cannot finish before task 1 has: with two workers the completion order is 1, 0.
        CountDownLatch secondDone = new CountDownLatch(1);
        List<String> out = Workers.run(List.of(0, 1), 2, i -> {
            if (i == 0) {
                // Task 1's result line is printed after its body returns: wait for the line, not
                // only for the body, or the two reports race (seen once in a full run).
                await(secondDone);
                awaitLine("[2/2] task-1: second");
                return "first";
            }
            secondDone.countDown();
            return "second";
        }, i -> "task-" + i, (i, r) -> r, errStream);
        assertThat(out).containsExactly("first", "second");
        List<String> lines = err.toString(StandardCharsets.UTF_8).lines().toList();
        assertThat(lines).contains("[1/2] task-0 ...", "[2/2] task-1 ...", "[2/2] task-1: second (1 of 2 done)",
                "[1/2] task-0: first (2 of 2 done)");
        assertThat(lines.indexOf("[2/2] task-1: second (1 of 2 done)")).isLessThan(lines.indexOf("[1/2] task-0: first (2 of 2 done)"));
    }

    @Test
    void oneWorkerRunsTheTasksOneAfterTheOtherInOrder() {
        List<Integer> out = Workers.run(List.of(3, 1, 2), 1, i -> i * 10, i -> "t" + i, (i, r) -> String.valueOf(r), errStream);
        assertThat(out).containsExactly(30, 10, 20);
        assertThat(err.toString(StandardCharsets.UTF_8).lines().toList()).containsExactly("[1/3] t3 ...", "[1/3] t3: 30 (1 of 3 done)",
                "[2/3] t1 ...", "[2/3] t1: 10 (2 of 3 done)", "[3/3] t2 ...", "[3/3] t2: 20 (3 of 3 done)");
    }

    @Test
    void aTaskThatThrowsFailsTheRunWithItsOwnException() {
        assertThatThrownBy(() -> Workers.run(List.of(1, 2, 3), 2, i -> {
            if (i == 2) {
                throw new UsageError("task 2 is bad");
            }
            return i;
        }, i -> "t" + i, (i, r) -> "ok", errStream)).isInstanceOf(UsageError.class).hasMessage("task 2 is bad");
        assertThat(Workers.run(List.<Integer>of(), 4, i -> i, i -> "t", (i, r) -> "ok", errStream)).isEmpty();
    }

    private void awaitLine(String prefix) {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (!err.toString(StandardCharsets.UTF_8).contains(prefix)) {
            assertThat(System.nanoTime()).as("the other task reported").isLessThan(deadline);
            Thread.onSpinWait();
        }
    }

    private static void await(CountDownLatch latch) {
        try {
            assertThat(latch.await(60, TimeUnit.SECONDS)).as("the other task ran").isTrue();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
