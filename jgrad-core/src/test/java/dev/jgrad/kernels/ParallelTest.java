package dev.jgrad.kernels;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicIntegerArray;

import static org.junit.jupiter.api.Assertions.*;

class ParallelTest {
    private static final int DEFAULT_THREADS = Parallel.threads();

    @AfterEach
    void restoreThreads() {
        Parallel.setThreads(DEFAULT_THREADS);
        Parallel.resetBalance();
    }

    /**
     * Runs {@code jobs} two-piece jobs of {@code units} on paper: the caller takes
     * {@code callerNanos} per unit, the worker {@code workerNanos}, and each job's finishing
     * times are reported. Returns the last cut.
     */
    static int steer(int jobs, int units, long callerNanos, long workerNanos) {
        int cut = Parallel.callerUnits(units);
        for (int i = 0; i < jobs; i++) {
            Parallel.observe(cut * callerNanos, (units - cut) * workerNanos);
            cut = Parallel.callerUnits(units);
        }
        return cut;
    }

    @Test
    void everyTaskRunsExactlyOnce() {
        for (int threads : new int[] {1, 2, 5}) {
            Parallel.setThreads(threads);
            var counts = new AtomicIntegerArray(100);
            Parallel.run(100, counts::incrementAndGet);
            for (int i = 0; i < 100; i++) assertEquals(1, counts.get(i), "task " + i + " with " + threads + " threads");
        }
    }

    @Test
    void workersHelpTheCallerAndNestedJobsRunInline() {
        Parallel.setThreads(3);
        Set<String> names = ConcurrentHashMap.newKeySet();
        var inner = new AtomicIntegerArray(4 * 4);
        assertTimeoutPreemptively(Duration.ofSeconds(30), () -> Parallel.run(4, i -> {
            names.add(Thread.currentThread().getName());
            // a pool worker must not wait for its busy siblings: the nested job runs right here
            String outer = Thread.currentThread().getName();
            boolean outerOnWorker = Parallel.inWorker();
            Parallel.run(4, j -> {
                if (outerOnWorker) assertEquals(outer, Thread.currentThread().getName());
                inner.incrementAndGet(i * 4 + j);
            });
            sleep(20);
        }));
        for (int i = 0; i < 16; i++) assertEquals(1, inner.get(i));
        assertTrue(names.size() >= 1 && names.size() <= 3, names.toString());
    }

    @Test
    void aFailingTaskIsRethrownAfterTheOthersFinish() {
        Parallel.setThreads(2);
        var done = new AtomicIntegerArray(8);
        var e = assertThrows(IllegalStateException.class, () -> Parallel.run(8, i -> {
            if (i == 3) throw new IllegalStateException("task 3 failed");
            sleep(5);
            done.set(i, 1);
        }));
        assertEquals("task 3 failed", e.getMessage());
        for (int i = 0; i < 8; i++) if (i != 3) assertEquals(1, done.get(i), "task " + i + " still ran");
    }

    @Test
    void anInterruptedCallerStillWaitsForEveryTaskAndKeepsItsInterrupt() {
        Parallel.setThreads(2);
        var done = new AtomicIntegerArray(2);
        Thread.currentThread().interrupt();
        try {
            Parallel.run(2, i -> {
                if (i == 1) sleepIgnoringInterrupts(2 * Parallel.SPIN_NANOS / 1_000_000 + 20);
                done.set(i, 1);
            });
            assertTrue(Thread.currentThread().isInterrupted(), "interrupt kept");
        } finally {
            Thread.interrupted();
        }
        assertEquals(1, done.get(0));
        assertEquals(1, done.get(1));
    }

    @Test
    void threadCountIsValidated() {
        var e = assertThrows(IllegalArgumentException.class, () -> Parallel.setThreads(0));
        assertTrue(e.getMessage().contains("Parallel.setThreads"), e.getMessage());
        Parallel.setThreads(1);
        assertEquals(1, Parallel.threads());
    }

    private static void sleepIgnoringInterrupts(long ms) {
        long end = System.nanoTime() + ms * 1_000_000;
        while (System.nanoTime() < end) Thread.onSpinWait();
    }

    private static void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
        }
    }

    @Test
    void forRangeCoversTheRangeOnceInGrainAlignedPieces() {
        for (int threads : new int[] {1, 2, 3}) {
            Parallel.setThreads(threads);
            // 98,305 and 96,002: n / threads is a whole number of grains with a remainder left over
            for (int n : new int[] {0, 5, 16, 1000, 98_305, 96_002, 100_003}) {
                var counts = new AtomicIntegerArray(n);
                Set<Integer> starts = ConcurrentHashMap.newKeySet();
                Parallel.forRange(n, 16, 1000, (from, to) -> {
                    starts.add(from);
                    for (int i = from; i < to; i++) counts.incrementAndGet(i);
                });
                for (int i = 0; i < n; i++) assertEquals(1, counts.get(i), "element " + i + " of " + n + ", " + threads + " threads");
                for (int from : starts) assertEquals(0, from % 16, "piece start " + from);
                int expected = n < 1000 ? 1 : threads;
                assertEquals(n == 0 ? 1 : expected, starts.size(), "pieces for n=" + n + ", " + threads + " threads");
            }
        }
    }
    @Test
    void twoPiecesFollowTheMeasuredSpeedsOfCallerAndWorker() {
        assertEquals(50, Parallel.callerUnits(100), "even cut before anything was measured");
        assertEquals(4, Parallel.callerUnits(7), "an odd count gives the caller the larger half");
        int cut = steer(400, 90, 2, 1); // the caller's core at half the worker's speed
        assertTrue(cut >= 29 && cut <= 31, "the caller takes a third, got " + cut + " of 90");
        cut = steer(400, 90, 1, 1);
        assertTrue(cut >= 44 && cut <= 46, "back to even once both run at one speed, got " + cut + " of 90");
        cut = steer(400, 100, 1, 1000);
        assertEquals(80, cut, "a stalled worker still gets a fifth of the work");
        assertEquals(1, Parallel.callerUnits(2), "each thread keeps at least one unit");
        assertEquals(5, steer(400, 6, 1, 1000), "and the caller leaves it one");
    }

    @Test
    void skewedCutsStillCoverEveryUnitOnceAndWholeGrains() {
        Parallel.setThreads(2);
        for (long[] speeds : new long[][] {{3, 1}, {1, 3}}) {
            steer(400, 100, speeds[0], speeds[1]);
            for (int n : new int[] {2, 17, 1000, 98_305}) {
                var counts = new AtomicIntegerArray(n);
                Set<Integer> starts = ConcurrentHashMap.newKeySet();
                Parallel.forRange(n, 16, 2, (from, to) -> {
                    starts.add(from);
                    for (int i = from; i < to; i++) counts.incrementAndGet(i);
                });
                Parallel.balanced(n, 2, (from, to) -> {
                    for (int i = from; i < to; i++) counts.incrementAndGet(i);
                });
                for (int i = 0; i < n; i++) assertEquals(2, counts.get(i), "element " + i + " of " + n);
                for (int from : starts) assertEquals(0, from % 16, "piece start " + from);
            }
        }
    }

    @Test
    void balancedJobsLearnWhichThreadIsSlower() {
        Parallel.setThreads(2);
        // the worker's piece takes three times as long per unit as the caller's
        // (only jobs in which the worker took its piece teach anything; a late worker leaves both to the caller)
        var workerPieces = new AtomicInteger();
        for (int call = 0; call < 5000 && workerPieces.get() < 150; call++)
            Parallel.balanced(60, 2, (from, to) -> {
                boolean worker = Parallel.inWorker();
                if (worker) workerPieces.incrementAndGet();
                spin((to - from) * (worker ? 3_000L : 1_000L));
            });
        int cut = Parallel.callerUnits(60);
        assertTrue(cut >= 38, "the caller takes more than its half of 60 units, got " + cut);
    }

    private static void spin(long nanos) {
        long end = System.nanoTime() + nanos;
        while (System.nanoTime() < end) Thread.onSpinWait();
    }

    @Test
    void forRangeOfAnOddNumberOfRowsCopiesTheLastOne() {
        Parallel.setThreads(2);
        for (int rows : new int[] {3, 65, 75}) {
            var counts = new AtomicIntegerArray(rows);
            Parallel.forRange(rows, 1, 2, (from, to) -> {
                for (int i = from; i < to; i++) counts.incrementAndGet(i);
            });
            for (int i = 0; i < rows; i++) assertEquals(1, counts.get(i), "row " + i + " of " + rows);
        }
    }
}
