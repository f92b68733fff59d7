package dev.jgrad.kernels;

import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.locks.LockSupport;
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
 *
 * <p>Waking a parked thread takes around 100 microseconds on a virtual machine whose idle CPU
 * has halted, as long as a whole mid-size GEMM. So workers keep polling for
 * {@value #SPIN_NANOS} ns after their last task before they park, and a caller polls for the
 * same time before it blocks on the tasks still running. An idle worker spins for the first
 * {@value #HOT_SPIN_NANOS} ns (a batch-1 inference call hands it work every few microseconds)
 * and then yields its core between polls, so that the JIT compiler can run while the caller
 * does serial work: in the first timed epoch of W2, while the JIT is still compiling, this ran
 * at 79k-124k samples/s (median 123k, 4 processes) against 64k-108k (median 90k) with
 * spinning alone. A caller waiting for its helpers only spins: yielding there made each W5
 * call about 3 us slower.
 */
public final class Parallel {
    static final long SPIN_NANOS = 200_000, HOT_SPIN_NANOS = 5_000;
    /**
     * Memory-bound loops over at least this many elements are split between threads (see
     * {@link #forRange}). An SGD step over a 256 x 784 weight (200,704 elements) right after a
     * two-thread GEMM wrote its gradient took 85 us on one thread, where half the gradient sits
     * in the other core's cache, and 20 us split between the two (W2's step, JDK 17).
     */
    public static final int MIN_PARALLEL_ELEMENTS = 1 << 16;

    private static final Object LOCK = new Object();
    private static int threads = initialThreads();
    private static Pool pool;

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
        Pool old;
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
        Pool p = null;
        int helpers;
        synchronized (LOCK) {
            helpers = Math.min(threads - 1, tasks - 1);
            if (helpers > 0 && !inWorker()) {
                if (pool == null) pool = new Pool(threads - 1);
                p = pool;
            }
        }
        if (p == null) {
            for (int i = 0; i < tasks; i++) task.accept(i);
            return;
        }
        var job = new Job(tasks, task);
        p.submit(job, helpers);
        job.work();
        job.await();
    }

    /** One wait between two polls by a thread that started polling at {@code since}. */
    private static void pause(long since) {
        if (System.nanoTime() - since < HOT_SPIN_NANOS) Thread.onSpinWait();
        else Thread.yield();
    }

    /** A piece [from, to) of a range that {@link #forRange} splits. */
    @FunctionalInterface
    public interface RangeBody {
        void run(int from, int to);
    }

    /**
     * Runs {@code body} over [0, n) in one piece per thread, each a multiple of {@code grain}
     * long, or in one piece on the caller when n is below {@code minParallel}. For memory-bound
     * loops over arrays written by several threads (a weight gradient from a parallel GEMM),
     * where one core alone waits on the other core's cache, or gathers of rows that miss the
     * caches, where two cores wait on memory side by side. Two pieces are cut where
     * {@link #balanced} cuts, so each core goes on with the part of an array it computed.
     */
    public static void forRange(int n, int grain, int minParallel, RangeBody body) {
        int parts = n < minParallel || inWorker() ? 1 : Math.min(threads(), n / grain);
        if (parts <= 1) body.run(0, n);
        else inPieces((n + grain - 1) / grain, parts, (from, to) -> body.run(from * grain, Math.min(n, to * grain)), false);
    }

    /**
     * Runs {@code body} over [0, units) in {@code parts} pieces on as many threads, for
     * compute-bound work whose time grows with a piece's length (the tiles of a GEMM). Two pieces
     * are cut at the caller's share, which each such job steers by which piece ended first.
     *
     * <p>One of two virtual CPUs can run 1.3-1.5x slower than the other for seconds to minutes,
     * whichever thread is on it (measured on 2 vCPUs of a shared host: the two halves of a 256 x
     * 784 x 64 GEMM took 125-148 and 80 us call after call in one process, 97 and 99 us in the
     * next), and equal halves then wait for the slower core on every call.
     */
    static void balanced(int units, int parts, RangeBody body) {
        if (parts <= 1 || inWorker()) body.run(0, units);
        else inPieces(units, Math.min(parts, units), body, true);
    }

    /**
     * The caller's share of a job cut in two, moved after every balanced job toward the thread
     * that finished first, by a small step so that one noisy job moves it little. Steering by
     * the two finishing times, not by speeds per unit, keeps a fixed cost per piece (each band
     * of a GEMM packs a whole operand) from making the larger piece look faster and grow
     * further. Updates from concurrent callers may overwrite each other, which only slows the
     * steering.
     */
    private static volatile double callerShare = 0.5;
    private static final double STEP = 1.0 / 32, MIN_SHARE = 0.2, MAX_SHARE = 0.8;

    /** The caller's piece of a job of {@code units} cut in two: at least one unit each. */
    static int callerUnits(int units) {
        return Math.max(1, Math.min(units - 1, (int) Math.round(units * callerShare)));
    }

    /** Moves the share by how much sooner one piece of a two-piece job ended than the other. */
    static void observe(long callerNanos, long workerNanos) {
        double lag = (workerNanos - callerNanos) / (double) Math.max(1, workerNanos + callerNanos);
        callerShare = Math.max(MIN_SHARE, Math.min(MAX_SHARE, callerShare + STEP * lag));
    }

    /** For tests: forget what {@link #balanced} learned. */
    static void resetBalance() {
        callerShare = 0.5;
    }

    /** [0, units) in {@code parts} pieces: equal ones, or for two the caller's share and the rest. */
    private static void inPieces(int units, int parts, RangeBody body, boolean learn) {
        if (parts > 2) {
            int piece = (units + parts - 1) / parts;
            run(parts, t -> {
                int from = t * piece, to = Math.min(units, from + piece);
                if (from < to) body.run(from, to);
            });
            return;
        }
        int cut = callerUnits(units);
        IntConsumer piece = t -> {
            if (t == 0) body.run(0, cut);
            else body.run(cut, units);
        };
        if (!learn) {
            run(2, piece);
            return;
        }
        long[] nanos = new long[2];
        boolean[] onWorker = new boolean[2];
        run(2, t -> {
            long start = System.nanoTime();
            piece.accept(t);
            nanos[t] = System.nanoTime() - start;
            onWorker[t] = inWorker();
        });
        // the caller takes piece 0 and a worker piece 1, unless the worker came too late to take any
        if (!onWorker[0] && onWorker[1]) observe(nanos[0], nanos[1]);
    }

    private static final class Worker extends Thread {
        private final Pool pool;
        volatile boolean parked;

        Worker(Pool pool, String name) {
            super(name);
            this.pool = pool;
            setDaemon(true);
        }

        @Override
        public void run() {
            long idleSince = System.nanoTime();
            while (!pool.stopped) {
                Job job = pool.queue.poll();
                if (job != null) {
                    job.work();
                    idleSince = System.nanoTime();
                } else if (System.nanoTime() - idleSince < SPIN_NANOS) {
                    pause(idleSince);
                } else {
                    parked = true;
                    // re-check after publishing "parked": a submitter that missed it saw the job
                    if (pool.queue.isEmpty() && !pool.stopped) LockSupport.park(this);
                    parked = false;
                    idleSince = System.nanoTime();
                }
            }
        }
    }

    /** Workers and the queue of jobs they help with; a job is queued once per helper wanted. */
    private static final class Pool {
        final ConcurrentLinkedQueue<Job> queue = new ConcurrentLinkedQueue<>();
        final Worker[] workers;
        volatile boolean stopped;

        Pool(int size) {
            workers = new Worker[size];
            for (int i = 0; i < size; i++) {
                workers[i] = new Worker(this, "jgrad-worker-" + (i + 1));
                workers[i].start();
            }
        }

        void submit(Job job, int helpers) {
            for (int h = 0; h < helpers; h++) queue.add(job);
            for (Worker w : workers) if (w.parked) LockSupport.unpark(w);
        }

        void shutdown() {
            stopped = true;
            for (Worker w : workers) LockSupport.unpark(w);
        }
    }

    private static final class Job {
        private final int tasks;
        private final IntConsumer task;
        private final AtomicInteger claimed = new AtomicInteger(), front = new AtomicInteger(), done = new AtomicInteger();
        private final AtomicInteger back;
        private final AtomicReference<Throwable> failure = new AtomicReference<>();
        private volatile Thread waiter;

        Job(int tasks, IntConsumer task) {
            this.tasks = tasks;
            this.task = task;
            this.back = new AtomicInteger(tasks - 1);
        }

        /**
         * Claims and runs tasks until none is left. The caller takes tasks from the front and
         * workers from the back, so with one task per thread the same thread gets the same task
         * call after call, and finds that task's data still in its own cache.
         */
        void work() {
            boolean fromFront = !inWorker();
            while (claimed.getAndIncrement() < tasks) {
                int i = fromFront ? front.getAndIncrement() : back.getAndDecrement();
                try {
                    task.accept(i);
                } catch (Throwable t) {
                    failure.compareAndSet(null, t);
                } finally {
                    if (done.incrementAndGet() == tasks) {
                        Thread w = waiter;
                        if (w != null) LockSupport.unpark(w);
                    }
                }
            }
        }

        /** Waits for the tasks other threads claimed; the caller has claimed all the rest. */
        void await() {
            long start = System.nanoTime();
            while (done.get() < tasks && System.nanoTime() - start < SPIN_NANOS) Thread.onSpinWait();
            if (done.get() < tasks) {
                waiter = Thread.currentThread();
                // The tasks write into the caller's arrays: never leave early. An interrupt is
                // kept for the caller, but cleared meanwhile, or park would return at once.
                boolean interrupted = Thread.interrupted();
                while (done.get() < tasks) {
                    LockSupport.park(this);
                    interrupted |= Thread.interrupted();
                }
                if (interrupted) Thread.currentThread().interrupt();
            }
            Throwable t = failure.get();
            if (t instanceof RuntimeException re) throw re;
            if (t instanceof Error err) throw err;
            if (t != null) throw new IllegalStateException("parallel task failed", t);
        }
    }
}
