package kverify.impl.luo;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import kverify.impl.sched.Interleaving;
import kverify.model.Outcome;
import kverify.model.luo.LuoConcurrent;

/**
 * The lock points of the session code (docs/luo.md, "Concurrent calls"): the outgoing and
 * incoming session lists' rwsems and each session's mutex, taken where luo_session.c takes them.
 * Outside a concurrent step a lock point does nothing (one caller, nothing to wait for). Inside
 * one, each task runs the unchanged call paths on a thread of its own, and only one thread runs
 * at a time: at a lock point the task stops and the {@link Interleaving} schedule decides who
 * goes next; a task whose lock is held cannot be picked. A step is the code from taking one lock
 * to reaching the next lock point (or the call's end), so the tasks' effects on simulated memory
 * are byte for byte those of the serial paths, interleaved.
 */
final class LockPoints {
    private static final ThreadLocal<Task> CURRENT = new ThreadLocal<>();
    /**
     * Task threads running, in every concurrent step of the JVM: while none runs, no thread can
     * be a task, and a lock point returns without looking its thread's task up. A task counts
     * itself in before its call starts, on its own thread, so it always sees itself.
     */
    private static final AtomicInteger TASKS = new AtomicInteger();

    private LockPoints() {
    }

    /**
     * A lock: its step name, what it locks, and whether it is taken shared (down_read). A
     * session's mutex is keyed by the session handle (the same table and id) and names its step
     * only when asked: outside a concurrent step nobody asks, and serialize and retrieve take one
     * mutex per session (an id keeps its name, so the name read later is the name it had).
     */
    static final class Lock {
        private static final Lock OUTGOING = new Lock("outgoing-rwsem-write", "outgoing", false);
        private static final Lock INCOMING_READ = new Lock("incoming-rwsem-read", "incoming", true);
        private static final Lock INCOMING_WRITE = new Lock("incoming-rwsem-write", "incoming", false);
        private static final Lock SERIALIZE_READ = new Lock("serialize-rwsem-read", "serialize", true);
        private static final Lock SERIALIZE_WRITE = new Lock("serialize-rwsem-write", "serialize", false);

        /** The step name; null for a session's mutex, named from {@link #key}. */
        private final String point;
        private final Object key;
        private final boolean shared;

        private Lock(String point, Object key, boolean shared) {
            this.point = point;
            this.key = key;
            this.shared = shared;
        }

        static Lock outgoingList() {
            return OUTGOING;
        }

        static Lock incomingList(boolean write) {
            return write ? INCOMING_WRITE : INCOMING_READ;
        }

        static Lock serializeRwsem(boolean write) {
            return write ? SERIALIZE_WRITE : SERIALIZE_READ;
        }

        static Lock session(Session s) {
            return new Lock(null, s, false);
        }

        String point() {
            return point != null ? point : "session-mutex '" + ((Session) key).name() + "'";
        }

        Object key() {
            return key;
        }

        boolean shared() {
            return shared;
        }
    }

    /** The task the current thread runs, or null (a call outside a concurrent step). */
    private static Task current() {
        return TASKS.get() == 0 ? null : CURRENT.get();
    }

    static void lock(Lock l) {
        Task t = current();
        if (t != null) {
            t.pauseAt(l);
            t.run.take(l, t.id);
        }
    }

    /**
     * mutex_lock of the mutex of session {@code id} of table {@code t}; its {@link Lock} (and the
     * session handle it is keyed by) is made only inside a concurrent step (retrieve takes one per
     * call, and outside a step a lock point does nothing).
     */
    static void lockSession(SessionTable t, int id) {
        if (current() != null) {
            lock(Lock.session(new Session(t, id)));
        }
    }

    /** mutex_unlock of a session's mutex (the lock is keyed by the session handle, so a new one is the same lock). */
    static void unlockSession(SessionTable t, int id) {
        if (current() != null) {
            unlock(Lock.session(new Session(t, id)));
        }
    }

    static void unlock(Lock l) {
        Task t = current();
        if (t != null) {
            t.run.give(l, t.id);
        }
    }

    /** Thrown at a lock point into a task that will never run again, to end its thread. */
    private static final class Abandoned extends Error {
        Abandoned() {
            super(null, null, false, false);
        }
    }

    /** One concurrent step: its tasks, its lock table, the steps taken. */
    static final class Run {
        private final Map<Object, Integer> writer = new HashMap<>();
        private final Map<Object, List<Integer>> readers = new HashMap<>();
        private final List<Task> tasks = new ArrayList<>();

        Run(List<Supplier<Outcome<?>>> calls) {
            for (Supplier<Outcome<?>> c : calls) {
                tasks.add(new Task(this, tasks.size() + 1, c));
            }
        }

        /** Runs the tasks under the schedule until they end or {@code stopped}; rethrows a task's crash. */
        List<String> run(List<Integer> schedule, java.util.function.BooleanSupplier stopped) {
            List<String> steps = Interleaving.run(tasks, schedule, stopped);
            for (Task t : tasks) {
                if (t.crash instanceof RuntimeException e) {
                    throw e;
                }
                if (t.crash instanceof Error e) {
                    throw e;
                }
            }
            return steps;
        }

        LuoConcurrent.Ends ends() {
            return new LuoConcurrent.Ends(tasks.stream().map(t -> t.end).toList());
        }

        boolean free(Lock l, int task) {
            Integer w = writer.get(l.key());
            if (w != null) {
                return false;
            }
            return l.shared() || readers.getOrDefault(l.key(), List.of()).isEmpty();
        }

        void take(Lock l, int task) {
            if (!free(l, task)) {
                throw new IllegalStateException("task " + task + " takes " + l.point() + ", which is held");
            }
            if (l.shared()) {
                readers.computeIfAbsent(l.key(), k -> new ArrayList<>()).add(task);
            } else {
                writer.put(l.key(), task);
            }
        }

        void give(Lock l, int task) {
            boolean held = l.shared() ? readers.getOrDefault(l.key(), new ArrayList<>()).remove(Integer.valueOf(task))
                    : writer.remove(l.key(), task);
            if (!held) {
                throw new IllegalStateException("task " + task + " releases " + l.point() + " it does not hold");
            }
        }
    }

    /**
     * One task: a thread that runs its call and stops at every lock point until the schedule
     * picks it. The first step ("start") runs from the call's entry to its first lock point.
     */
    private static final class Task implements Interleaving.Task {
        final Run run;
        final int id;
        private final Supplier<Outcome<?>> call;
        private final Semaphore go = new Semaphore(0);
        private final Semaphore stopped = new Semaphore(0);
        private Thread thread;
        private Lock waitingFor;
        private String next = "start";
        private boolean returned;
        private boolean abandoned;
        private LuoConcurrent.End end;
        private Throwable crash;

        Task(Run run, int id, Supplier<Outcome<?>> call) {
            this.run = run;
            this.id = id;
            this.call = call;
        }

        @Override
        public boolean done() {
            return end != null;
        }

        @Override
        public boolean canRun() {
            return !done() && (waitingFor == null || run.free(waitingFor, id));
        }

        @Override
        public String step() {
            String name = next;
            if (thread == null) {
                thread = new Thread(this::body, "luo-task-" + id);
                thread.setDaemon(true);
                thread.start();
            } else {
                go.release();
            }
            stopped.acquireUninterruptibly();
            return name;
        }

        private void body() {
            TASKS.incrementAndGet();
            CURRENT.set(this);
            try {
                Outcome<?> o = call.get();
                end = LuoConcurrent.End.returned(o);
            } catch (Abandoned a) {
                // ended by abandon(): its end is already set
            } catch (Throwable t) {
                crash = t;
                end = LuoConcurrent.End.HUNG;
            } finally {
                returned = true;
                CURRENT.remove();
                TASKS.decrementAndGet();
                stopped.release();
            }
        }

        /** At a lock point: hand control back and wait to be picked. */
        void pauseAt(Lock l) {
            waitingFor = l;
            next = l.point();
            stopped.release();
            go.acquireUninterruptibly();
            if (abandoned) {
                throw new Abandoned();
            }
            waitingFor = null;
        }

        @Override
        public void abandon(Interleaving.End why) {
            end = why == Interleaving.End.HUNG ? LuoConcurrent.End.HUNG : LuoConcurrent.End.NOT_RUN;
            abandoned = true;
            if (thread != null && !returned) {
                go.release(); // the thread throws Abandoned at its lock point and ends
                stopped.acquireUninterruptibly();
            }
        }
    }
}
