package dev.jgrad.bench;

import dev.jgrad.bench.Workloads.Options;
import dev.jgrad.bench.Workloads.Summary;
import dev.jgrad.bench.Workloads.UsageException;

import java.io.File;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.SplittableRandom;

/**
 * Two builds of jgrad-core in one process, taking turns on the same GEMMs: the way to see a
 * change of a few percent on a shared machine, where separate processes differ by 20-30% with
 * the hour and with how the JIT compiled each one.
 *
 * <p>{@code --a DIR --b DIR} name two builds (class directories, jars or class paths), each
 * loaded by its own class loader with its own JIT-compiled kernels and thread pool. For every shape of
 * {@code --shapes "m,n,k,AB[,acc];..."} (AB = NN, NT, TN or TT: which operand is passed
 * transposed through its strides; acc = C += A B) both builds are warmed up, then run
 * {@code --rounds} rounds of A then B, each a batch of calls; prints per shape each build's
 * median GFLOPS and the median (min-max) of the per-round ratios B/A. Both builds are checked to
 * produce the same C, bit for bit, before timing (a build that changes the arithmetic says so).
 */
public final class SideBySideRunner {
    private static final String KERNELS = "dev.jgrad.kernels.Kernels";

    private SideBySideRunner() {}

    public static void main(String[] args) {
        Workloads.launch(args, SideBySideRunner::run);
    }

    /** One GEMM shape: m x k times k x n, each operand possibly transposed, C set or accumulated. */
    record Shape(int m, int n, int k, boolean transA, boolean transB, boolean accumulate) {
        static Shape parse(String spec) {
            String[] f = spec.trim().split(",");
            try {
                if (f.length < 4 || f.length > 5 || !f[3].matches("[NT][NT]") || (f.length == 5 && !f[4].equals("acc")))
                    throw new NumberFormatException();
                int m = Integer.parseInt(f[0].trim()), n = Integer.parseInt(f[1].trim()), k = Integer.parseInt(f[2].trim());
                if (m <= 0 || n <= 0 || k <= 0) throw new NumberFormatException();
                return new Shape(m, n, k, f[3].charAt(0) == 'T', f[3].charAt(1) == 'T', f.length == 5);
            } catch (NumberFormatException e) {
                throw new UsageException("side-by-side: bad shape '" + spec + "'; expected m,n,k,AB[,acc] with positive"
                        + " sizes and AB one of NN, NT, TN, TT, e.g. 1024,784,256,TN,acc");
            }
        }

        double flops() {
            return 2.0 * m * n * k;
        }

        @Override
        public String toString() {
            return m + "x" + n + "x" + k + " " + (transA ? "T" : "N") + (transB ? "T" : "N") + (accumulate ? " acc" : "");
        }
    }

    /** A build's float GEMM, reached by reflection through its own class loader. */
    record Build(String name, Object kernels, Method gemm) {
        static Build load(String name, String location) {
            var loader = classLoader("side-by-side", name, location);
            try {
                Class<?> k = Class.forName(KERNELS, true, loader);
                Method gemm = k.getMethod("gemm", int.class, int.class, int.class, float[].class, int.class, int.class,
                        int.class, float[].class, int.class, int.class, int.class, float[].class, int.class, int.class,
                        boolean.class);
                return new Build(name, k.getMethod("get").invoke(null), gemm);
            } catch (ClassNotFoundException e) {
                throw new UsageException("side-by-side: --" + name + " " + location + " holds no " + KERNELS
                        + " (expected jgrad-core's classes directory or jar)");
            } catch (ReflectiveOperationException e) {
                throw new IllegalStateException("side-by-side: cannot load jgrad-core from " + location + ": " + e, e);
            }
        }

        void run(Shape s, float[] a, float[] b, float[] c) {
            int aRs = s.transA ? 1 : s.k, aCs = s.transA ? s.m : 1, bRs = s.transB ? 1 : s.n, bCs = s.transB ? s.k : 1;
            try {
                gemm.invoke(kernels, s.m, s.n, s.k, a, 0, aRs, aCs, b, 0, bRs, bCs, c, 0, s.n, s.accumulate);
            } catch (InvocationTargetException e) {
                throw new IllegalStateException("side-by-side: build " + name + " failed on " + s + ": " + e.getCause(), e.getCause());
            } catch (IllegalAccessException e) {
                throw new IllegalStateException(e);
            }
        }

        /** GFLOPS of the median call in a batch of {@code calls}. */
        double time(Shape s, float[] a, float[] b, float[] c, int calls) {
            long[] t = new long[calls];
            for (int i = 0; i < calls; i++) {
                long t0 = System.nanoTime();
                run(s, a, b, c);
                t[i] = System.nanoTime() - t0;
            }
            Arrays.sort(t);
            return s.flops() / t[calls / 2];
        }
    }

    /**
     * A class loader of its own for one build given as {@code --option location}: a directory or
     * jar, or a class path of them, whose entries come before {@code after}; the parent is the
     * platform loader, so nothing of the build running this class leaks in.
     */
    static URLClassLoader classLoader(String program, String option, String location, URL... after) {
        var urls = new ArrayList<URL>();
        for (String entry : location.split(File.pathSeparator)) {
            Path path = Path.of(entry);
            if (!Files.exists(path))
                throw new UsageException(program + ": --" + option + " " + entry + " does not exist");
            try {
                urls.add(path.toUri().toURL());
            } catch (MalformedURLException e) {
                throw new UsageException(program + ": --" + option + " " + entry + " is not a usable path: " + e.getMessage());
            }
        }
        urls.addAll(Arrays.asList(after));
        return new URLClassLoader(urls.toArray(URL[]::new), ClassLoader.getPlatformClassLoader());
    }

    /** Per shape: each build's median GFLOPS and the per-round ratios B/A. */
    record Result(Shape shape, Summary a, Summary b, Summary ratio) {}

    private static void run(String[] args) {
        var opts = Options.parse("side-by-side", args, Set.of("a", "b", "shapes", "rounds", "threads", "seconds"));
        String a = opts.values().get("a"), b = opts.values().get("b");
        if (a == null || b == null)
            throw new UsageException("side-by-side: give two builds, --a DIR_OR_JAR --b DIR_OR_JAR");
        opts.threads();
        int rounds = opts.positive("rounds", 5);
        double seconds = opts.real("seconds", 0.2);
        List<Shape> shapes = new ArrayList<>();
        for (String spec : opts.values().getOrDefault("shapes", "1024,1024,1024,NN").split(";"))
            if (!spec.isBlank()) shapes.add(Shape.parse(spec));
        var builds = List.of(Build.load("a", a), Build.load("b", b));
        System.out.printf(Locale.ROOT, "side-by-side: A = %s, B = %s, %d rounds, threads=%s%n",
                a, b, rounds, System.getProperty("jgrad.threads"));
        for (Shape s : shapes) {
            Result r = compare(builds.get(0), builds.get(1), s, rounds, seconds);
            System.out.printf(Locale.ROOT, "%-24s A %7.1f  B %7.1f GFLOPS  B/A %.3f (%.3f-%.3f)%n",
                    s, r.a().median(), r.b().median(), r.ratio().median(), r.ratio().min(), r.ratio().max());
        }
    }

    static Result compare(Build first, Build second, Shape s, int rounds, double seconds) {
        var rnd = new SplittableRandom(1);
        float[] a = new float[s.m * s.k], b = new float[s.k * s.n], c0 = new float[s.m * s.n];
        for (int i = 0; i < a.length; i++) a[i] = (float) rnd.nextDouble(-1, 1);
        for (int i = 0; i < b.length; i++) b[i] = (float) rnd.nextDouble(-1, 1);
        for (int i = 0; i < c0.length; i++) c0[i] = (float) rnd.nextDouble(-1, 1);
        float[] ca = c0.clone(), cb = c0.clone();
        first.run(s, a, b, ca);
        second.run(s, a, b, cb);
        if (!Arrays.equals(ca, cb))
            System.out.println("side-by-side: note: the builds give different bits for " + s);
        // a batch of calls lasts about `seconds`, at least 5 calls; two rounds warm up the JIT
        int calls = (int) Math.max(5, Math.min(100_000, seconds * 150e9 / s.flops()));
        double[] ga = new double[rounds], gb = new double[rounds], ratio = new double[rounds];
        for (int r = -2; r < rounds; r++) {
            double x = first.time(s, a, b, ca, calls), y = second.time(s, a, b, cb, calls);
            if (r < 0) continue;
            ga[r] = x;
            gb[r] = y;
            ratio[r] = y / x;
        }
        return new Result(s, Summary.of(ga), Summary.of(gb), Summary.of(ratio));
    }
}
