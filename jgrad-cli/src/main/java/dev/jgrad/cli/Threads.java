package dev.jgrad.cli;

import dev.jgrad.kernels.Parallel;

/** The number of threads the kernels use (--threads). */
final class Threads {
    private Threads() {}

    static void set(int n) {
        if (n < 1) throw new BadInputException("--threads: need at least 1 thread, got " + n);
        Parallel.setThreads(n);
    }

    static int current() {
        return Parallel.threads();
    }
}
