package dev.jgrad.bench;

import dev.jgrad.kernels.Kernels;
import dev.jgrad.kernels.Parallel;

import java.lang.management.ManagementFactory;
import java.util.Arrays;
import java.util.SplittableRandom;

/**
 * GEMM throughput without JMH, for scripts: {@code --n 512 --threads 1 --reps 7} times C = A B
 * (row-major float32, or float64 with {@code --double}) and prints one line
 * {@code gemm n=512 threads=1 median_gflops=... min=... max=...}. Non-square shapes take
 * {@code --m}, {@code --k}; {@code --transA}/{@code --transB} pass that operand through its
 * strides. After a warm-up of {@code --warmup} times {@code --ms} milliseconds of calls, each
 * repetition times one call, and the line gives the median (min, max) of their rates: the
 * measure of the peers' scripts (bench/peers/common.py), so that both sides are summarized the
 * same way. On a busy machine {@code --cpu-time} (single thread only) divides by the CPU time
 * the calling thread actually got instead of the wall-clock time.
 */
public final class GemmRunner {
    private GemmRunner() {}

    public static void main(String[] args) {
        int n = 512, m = -1, k = -1, threads = Parallel.threads(), reps = 7, ms = 300, warmup = 5;
        boolean dbl = false, transA = false, transB = false, cpuTime = false;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--n" -> n = Integer.parseInt(args[++i]);
                case "--m" -> m = Integer.parseInt(args[++i]);
                case "--k" -> k = Integer.parseInt(args[++i]);
                case "--threads" -> threads = Integer.parseInt(args[++i]);
                case "--reps" -> reps = Integer.parseInt(args[++i]);
                case "--ms" -> ms = Integer.parseInt(args[++i]);
                case "--warmup" -> warmup = Integer.parseInt(args[++i]);
                case "--double" -> dbl = true;
                case "--transA" -> transA = true;
                case "--transB" -> transB = true;
                case "--cpu-time" -> cpuTime = true;
                default -> throw new IllegalArgumentException("GemmRunner: unknown argument '" + args[i]
                        + "'; use --n N [--m M --k K] --threads T --reps R [--ms MS --warmup W --double --transA --transB --cpu-time]");
            }
        }
        if (m < 0) m = n;
        if (k < 0) k = n;
        if (cpuTime && threads != 1) throw new IllegalArgumentException("GemmRunner: --cpu-time needs --threads 1");
        Parallel.setThreads(threads);
        Runnable call = dbl ? doubleCall(m, n, k, transA, transB) : floatCall(m, n, k, transA, transB);
        double flops = 2.0 * m * n * k;
        for (int w = 0; w < warmup; w++) warmUp(call, ms);
        double[] g = new double[reps];
        for (int r = 0; r < reps; r++) g[r] = rate(call, flops, cpuTime);
        Arrays.sort(g);
        String shape = m == n && n == k ? "n=" + n : "m=" + m + " n=" + n + " k=" + k;
        System.out.printf("gemm %s threads=%d median_gflops=%.1f min=%.1f max=%.1f%n",
                shape, threads, g[reps / 2], g[0], g[reps - 1]);
        System.err.println("kernels: " + Kernels.get().name() + (dbl ? ", float64" : ", float32")
                + (transA ? ", A transposed" : "") + (transB ? ", B transposed" : ""));
    }

    private static void warmUp(Runnable call, int ms) {
        long deadline = System.nanoTime() + ms * 1_000_000L;
        do call.run(); while (System.nanoTime() < deadline);
    }

    /** GFLOPS of one call. */
    private static double rate(Runnable call, double flops, boolean cpuTime) {
        var mx = ManagementFactory.getThreadMXBean();
        long start = cpuTime ? mx.getCurrentThreadCpuTime() : System.nanoTime();
        call.run();
        long elapsed = (cpuTime ? mx.getCurrentThreadCpuTime() : System.nanoTime()) - start;
        return flops / elapsed;
    }

    private static Runnable floatCall(int m, int n, int k, boolean transA, boolean transB) {
        var rnd = new SplittableRandom(1);
        float[] a = new float[m * k], b = new float[k * n], c = new float[m * n];
        for (int i = 0; i < a.length; i++) a[i] = (float) rnd.nextDouble(-1, 1);
        for (int i = 0; i < b.length; i++) b[i] = (float) rnd.nextDouble(-1, 1);
        int aRs = transA ? 1 : k, aCs = transA ? m : 1, bRs = transB ? 1 : n, bCs = transB ? k : 1;
        var kernels = Kernels.get();
        return () -> kernels.gemm(m, n, k, a, 0, aRs, aCs, b, 0, bRs, bCs, c, 0, n, false);
    }

    private static Runnable doubleCall(int m, int n, int k, boolean transA, boolean transB) {
        var rnd = new SplittableRandom(1);
        double[] a = new double[m * k], b = new double[k * n], c = new double[m * n];
        for (int i = 0; i < a.length; i++) a[i] = rnd.nextDouble(-1, 1);
        for (int i = 0; i < b.length; i++) b[i] = rnd.nextDouble(-1, 1);
        int aRs = transA ? 1 : k, aCs = transA ? m : 1, bRs = transB ? 1 : n, bCs = transB ? k : 1;
        var kernels = Kernels.get();
        return () -> kernels.gemm(m, n, k, a, 0, aRs, aCs, b, 0, bRs, bCs, c, 0, n, false);
    }
}
