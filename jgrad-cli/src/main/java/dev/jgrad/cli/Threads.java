package dev.jgrad.cli;

/** The kernels' thread count, set before the first kernel call. */
final class Threads {
    private Threads() {}

    static void set(int n) {
        if (n < 1) throw new BadInputException("--threads: need at least 1 thread, got " + n);
        System.setProperty("jgrad.threads", Integer.toString(n));
    }

    static int current() {
        String prop = System.getProperty("jgrad.threads");
        return prop == null ? Runtime.getRuntime().availableProcessors() : Integer.parseInt(prop);
    }
}
