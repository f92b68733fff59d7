package dev.jgrad.kernels;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.IntConsumer;

/**
 * The one shared thread pool of the kernels. Its size is {@link Runtime#availableProcessors()}
 * unless the system property {@code jgrad.threads} or {@link #setThreads(int)} says otherwise.
 *
 * <p>A parallel job is a fixed list of independent tasks. The calling thread works on the job
 * itself and pool workers help by claiming tasks that are still unclaimed, so a caller only
 * ever waits for tasks that are already running: there is no deadlock when many threads submit
 * jobs at once, and at most {@code threads() - 1} extra threads are ever busy. Jobs started from
 * inside a pool worker run inline. Which thread runs a task never changes what the task
 * computes, so results do not depend on scheduling.
 */
public final class Parallel {
    private static final Object LOCK = new Object();
    private static int threads = initialThreads();
    private static ExecutorService pool;

    private Parallel() {}

    /** The number of threads a parallel kernel may use, counting the caller. */
    public static int threads() {
        synchronized (LOCK) {
            return threads;
        }
    }

    /**
     * Sets the number of threads kernels may use (1 = everything runs on the calling thread).
     * Jobs already running finish on the old workers.
     */
    public static void setThreads(int n) {
        if (n < 1) throw new IllegalArgumentException("Parallel.setThreads: need at least 1 thread, got " + n);
        ExecutorService old;
        synchronized (LOCK) {
            if (n == threads) return;
            threads = n;
            old = pool;
            pool = null;
        }
        if (old != null) old.shutdown();
    }

    private static int initialThreads() {
        String prop = System.getProperty("jgrad.threads");
        if (prop == null || prop.isBlank()) return Runtime.getRuntime().availableProcessors();
        try {
            int n = Integer.parseInt(prop.trim());
            if (n >= 1) return n;
        } catch (NumberFormatException e) {
            // fall through to the error below
        }
        throw new IllegalArgumentException("system property jgrad.threads must be a positive integer, got '" + prop + "'");
    }

    /** True on a pool worker, where nested jobs must not wait for other workers. */
    static boolean inWorker() {
        return Thread.currentThread() instanceof Worker;
    }

    /**
     * Runs {@code task.accept(i)} for every i in [0, tasks) and returns when all are done. The
     * first exception thrown by a task is rethrown here after every task has finished.
     */
    static void run(int tasks, IntConsumer task) {
        if (tasks <= 0) return;
        int helpers;
        ExecutorService executor;
        synchronized (LOCK) {
            helpers = Math.min(threads - 1, tasks - 1);
            executor = helpers > 0 && !inWorker() ? executor() : null;
        }
        if (executor == null) {
            for (int i = 0; i < tasks; i++) task.accept(i);
            return;
        }
        var job = new Job(tasks, task);
        for (int h = 0; h < helpers; h++) {
            try {
                executor.execute(job::work);
            } catch (RejectedExecutionException e) {
                break; // the pool was replaced meanwhile: the caller does the rest
            }
        }
        job.work();
        job.await();
    }

    private static ExecutorService executor() {
        if (pool == null) {
            var count = new AtomicInteger();
            pool = Executors.newFixedThreadPool(threads - 1, r -> {
                var t = new Worker(r, "jgrad-worker-" + count.incrementAndGet());
                t.setDaemon(true);
                return t;
            });
        }
        return pool;
    }

    private static final class Worker extends Thread {
        Worker(Runnable r, String name) {
            super(r, name);
        }
    }

    private static final class Job {
        private final int tasks;
        private final IntConsumer task;
        private final AtomicInteger next = new AtomicInteger();
        private final CountDownLatch done;
        private final AtomicReference<Throwable> failure = new AtomicReference<>();

        Job(int tasks, IntConsumer task) {
            this.tasks = tasks;
            this.task = task;
            this.done = new CountDownLatch(tasks);
        }

        void work() {
            for (int i; (i = next.getAndIncrement()) < tasks; ) {
                try {
                    task.accept(i);
                } catch (Throwable t) {
                    failure.compareAndSet(null, t);
                } finally {
                    done.countDown();
                }
            }
        }

        void await() {
            boolean interrupted = false;
            while (true) {
                try {
                    done.await();
                    break;
                } catch (InterruptedException e) {
                    interrupted = true; // the tasks write into the caller's arrays: never leave early
                }
            }
            if (interrupted) Thread.currentThread().interrupt();
            Throwable t = failure.get();
            if (t instanceof RuntimeException re) throw re;
            if (t instanceof Error err) throw err;
            if (t != null) throw new IllegalStateException("parallel task failed", t);
        }
    }
}
