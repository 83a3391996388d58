package kverify.cli;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BiFunction;
import java.util.function.Function;

/**
 * The campaign's only real threads: independent tasks (one property run, or one property on one
 * power seed) spread over a fixed number of workers, started in the given order, their results
 * returned in that order whatever order they finish in. A task shares nothing mutable with
 * another: each builds its own subjects, sources and results, and everything that reads the
 * results (rendering, writing files) runs afterwards on the calling thread. So the outputs do
 * not depend on the number of workers; only the progress lines on stderr interleave, each one
 * printed whole, naming its task and how many of all are done.
 */
final class Workers {
    private Workers() {
    }

    /**
     * Runs every task on at most {@code jobs} threads and returns the results in task order. A
     * progress line names each task ({@code name}) when it starts and sums up its result
     * ({@code verdict}) when it is done.
     */
    static <T, R> List<R> run(List<T> tasks, int jobs, Function<T, R> work, Function<T, String> name, BiFunction<T, R, String> verdict,
            PrintStream err) {
        if (tasks.isEmpty()) {
            return List.of();
        }
        ExecutorService pool = Executors.newFixedThreadPool(Math.min(jobs, tasks.size()), daemonThreads());
        AtomicInteger done = new AtomicInteger();
        int n = tasks.size();
        try {
            List<Future<R>> futures = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                T task = tasks.get(i);
                String tag = "[" + (i + 1) + "/" + n + "] " + name.apply(task);
                futures.add(pool.submit(() -> {
                    err.println(tag + " ...");
                    R r = work.apply(task);
                    err.println(tag + ": " + verdict.apply(task, r) + " (" + done.incrementAndGet() + " of " + n + " done)");
                    return r;
                }));
            }
            List<R> out = new ArrayList<>();
            for (Future<R> f : futures) {
                out.add(result(f));
            }
            return out;
        } finally {
            pool.shutdownNow();
        }
    }

    /** A task's result; its exception, if it threw one, as it was thrown (the remaining tasks are cancelled). */
    private static <R> R result(Future<R> f) {
        try {
            return f.get();
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof RuntimeException r) {
                throw r;
            }
            if (cause instanceof Error err) {
                throw err;
            }
            throw new IllegalStateException(cause);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for the campaign's workers", e);
        }
    }

    private static ThreadFactory daemonThreads() {
        AtomicInteger count = new AtomicInteger();
        return r -> {
            Thread t = new Thread(r, "kverify-worker-" + count.incrementAndGet());
            t.setDaemon(true);
            return t;
        };
    }
}
