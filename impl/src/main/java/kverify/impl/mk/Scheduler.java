package kverify.impl.mk;

import java.util.List;
import kverify.impl.sched.Interleaving;

/**
 * Runs the start path's tasks under a schedule ({@link Interleaving}, shared with LUO): a task
 * that can never run again ends HUNG, and once the kernel halts, unfinished tasks are NOT_RUN.
 */
final class Scheduler {
    private Scheduler() {
    }

    /**
     * Runs the tasks to their ends; returns the steps taken as "task:step", with "task:waits"
     * where the schedule chose a task that had to wait for a lock.
     */
    static List<String> run(KState k, List<KTask> tasks, List<Integer> schedule) {
        // Only a concurrent op has a schedule, with two tasks and entries 1 or 2 (MkOp.Concurrent checks this).
        return Interleaving.run(tasks, schedule, () -> k.halt.halted());
    }
}
