package kverify.impl.sched;

import java.util.ArrayList;
import java.util.List;
import java.util.function.BooleanSupplier;

/**
 * Runs tasks step by step under a schedule given as data, for every subsystem whose calls race
 * at lock points (the multikernel start path, LUO's session calls). Entry i of the schedule names
 * the task (1-based) that takes the next step; if that task is finished or waits for a lock, the
 * first other task that can run goes. When the schedule is used up, the lowest-numbered task that
 * can run goes. If no unfinished task can run, they all wait for ever ({@link End#HUNG}); once the
 * system has stopped (its kernel halted or was replaced), unfinished tasks never run again
 * ({@link End#NOT_RUN}).
 */
public final class Interleaving {
    private Interleaving() {
    }

    /** One task inside a system call, as atomic steps; interleaving happens only between steps. */
    public interface Task {
        boolean done();

        /** Not done, and the lock its next step takes (if any) is free. */
        boolean canRun();

        /** Runs the next step; returns its name. */
        String step();

        /** Ends a task that can never run again. */
        void abandon(End why);
    }

    /** Why a task was abandoned. */
    public enum End { HUNG, NOT_RUN }

    /**
     * Runs the tasks to their ends; returns the steps taken as "task:step", with "task:waits"
     * where the schedule chose a task that had to wait for a lock. {@code stopped} is asked
     * before every step.
     */
    public static List<String> run(List<? extends Task> tasks, List<Integer> schedule, BooleanSupplier stopped) {
        for (int t : schedule) {
            if (t < 1 || t > tasks.size()) {
                throw new IllegalArgumentException("schedule entry " + t + " names no task of " + tasks.size());
            }
        }
        List<String> taken = new ArrayList<>();
        int next = 0;
        while (anyUnfinished(tasks)) {
            if (stopped.getAsBoolean()) {
                tasks.stream().filter(t -> !t.done()).forEach(t -> t.abandon(End.NOT_RUN));
                break;
            }
            int preferred = next < schedule.size() ? schedule.get(next) - 1 : 0;
            Task pick = pick(tasks, preferred);
            next++;
            if (pick != null && tasks.get(preferred) != pick && !tasks.get(preferred).done()) {
                taken.add((preferred + 1) + ":waits"); // the schedule offered this point; the task waits for a lock
            }
            if (pick == null) {
                tasks.stream().filter(t -> !t.done()).forEach(t -> t.abandon(End.HUNG));
                break;
            }
            taken.add((tasks.indexOf(pick) + 1) + ":" + pick.step());
        }
        return taken;
    }

    private static boolean anyUnfinished(List<? extends Task> tasks) {
        for (Task t : tasks) {
            if (!t.done()) {
                return true;
            }
        }
        return false;
    }

    /** The preferred task if it can run, else the first other task that can, else null. */
    private static Task pick(List<? extends Task> tasks, int preferred) {
        if (tasks.get(preferred).canRun()) {
            return tasks.get(preferred);
        }
        return tasks.stream().filter(Task::canRun).findFirst().orElse(null);
    }
}
