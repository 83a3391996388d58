package kverify.impl.mk;

import java.util.ArrayList;
import java.util.List;
import kverify.model.mk.Call;

/**
 * Runs tasks step by step. Entry i of the schedule names the task (1-based) that takes the next
 * step; if that task is finished or waits for a lock, the other one goes. When the schedule is
 * used up, the lowest-numbered task that can run goes. If no unfinished task can run, they all
 * wait for ever (HUNG); once the kernel halts, unfinished tasks never run again (NOT_RUN).
 */
final class Scheduler {
    private Scheduler() {
    }

    /**
     * Runs the tasks to their ends; returns the steps taken as "task:step", with "task:waits"
     * where the schedule chose a task that had to wait for a lock.
     */
    static List<String> run(KState k, List<KTask> tasks, List<Integer> schedule) {
        List<String> taken = new ArrayList<>();
        int next = 0;
        while (tasks.stream().anyMatch(t -> !t.done())) {
            if (k.halt.halted()) {
                tasks.stream().filter(t -> !t.done()).forEach(t -> t.abandon(Call.NOT_RUN));
                break;
            }
            // Only a concurrent op has a schedule, with two tasks and entries 1 or 2 (MkOp.Concurrent
            // checks this), so preferred always indexes a task.
            int preferred = next < schedule.size() ? schedule.get(next) - 1 : 0;
            KTask pick = pick(tasks, preferred);
            next++;
            if (pick != null && tasks.get(preferred) != pick && !tasks.get(preferred).done()) {
                taken.add((preferred + 1) + ":waits"); // the schedule offered this point; the task waits for a lock
            }
            if (pick == null) {
                tasks.stream().filter(t -> !t.done()).forEach(t -> t.abandon(Call.HUNG));
                break;
            }
            taken.add((tasks.indexOf(pick) + 1) + ":" + pick.step());
        }
        return taken;
    }

    /** The preferred task if it can run, else the first other task that can, else null. */
    private static KTask pick(List<KTask> tasks, int preferred) {
        if (tasks.get(preferred).canRun()) {
            return tasks.get(preferred);
        }
        return tasks.stream().filter(KTask::canRun).findFirst().orElse(null);
    }
}
