package dev.jgrad.bench;

import dev.jgrad.bench.Workloads.Options;
import dev.jgrad.bench.Workloads.Summary;
import dev.jgrad.bench.Workloads.UsageException;

import java.lang.reflect.InvocationTargetException;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Two builds of jgrad-core in one process, taking turns on W2-style training epochs: how to
 * see a change of a few percent in a training step, where separate processes differ by 30-50%
 * from minute to minute on a shared machine. A GEMM timed in a loop (see
 * {@link SideBySideRunner}) cannot show effects of the step as a whole, such as which core's
 * cache each operand comes from after the optimizer wrote it.
 *
 * <p>{@code --a DIR --b DIR} name two builds of jgrad-core; each gets its own class loader with
 * this module's classes, so its own JIT-compiled code, thread pool and copy of the data. A build
 * may be a class path (DIR:DIR), whose entries come before this module's classes: a changed
 * training loop in {@code Workloads} can be compared that way. After
 * {@code --warmup} epochs each, {@code --rounds} rounds run one epoch of each build, A first in
 * even rounds and B first in odd ones. Prints each build's median samples/s and the median
 * (min-max) of the per-round ratios B/A. Model and data as in {@link MlpTrainRunner}.
 */
public final class TrainSideBySideRunner {
    private TrainSideBySideRunner() {}

    public static void main(String[] args) {
        Workloads.launch(args, TrainSideBySideRunner::run);
    }

    /** One build's model, data and shuffle, reached by reflection through its own class loader. */
    record Build(String name, Object model, Object data, Object shuffle) {
        static Build load(String name, String location, int[] hidden, int samples, long seed) {
            // after the build's own entries, so that a changed Workloads given there comes first
            var loader = SideBySideRunner.classLoader("train-side-by-side", name, location,
                    TrainSideBySideRunner.class.getProtectionDomain().getCodeSource().getLocation());
            try {
                Class<?> dataset = Class.forName("dev.jgrad.bench.Workloads$Dataset", true, loader);
                Class<?> mlp = Class.forName("dev.jgrad.bench.Workloads$Mlp", true, loader);
                Class<?> generator = Class.forName("dev.jgrad.tensor.Generator", true, loader);
                Object data = dataset.getMethod("synthetic", long.class, int.class).invoke(null, seed, samples);
                Object model = mlp.getConstructor(long.class, int[].class).newInstance(seed + 1, hidden);
                Object shuffle = generator.getConstructor(long.class).newInstance(seed + 2);
                return new Build(name, model, data, shuffle);
            } catch (ClassNotFoundException | NoClassDefFoundError e) {
                throw new UsageException("train-side-by-side: --" + name + " " + location
                        + " holds no jgrad-core classes (expected its classes directory or jar)");
            } catch (ReflectiveOperationException e) {
                throw new IllegalStateException("train-side-by-side: cannot load jgrad-core from " + location + ": " + e, e);
            }
        }

        /** One epoch's samples per second and mean batch loss. */
        record Epoch(double rate, double loss) {}

        Epoch epoch(int samples, int batch, double lr) {
            try {
                var epoch = model.getClass().getMethod("epoch", data.getClass(), int.class, int.class, double.class,
                        shuffle.getClass());
                long t0 = System.nanoTime();
                double loss = (double) epoch.invoke(model, data, samples, batch, lr, shuffle);
                double seconds = (System.nanoTime() - t0) / 1e9;
                if (!Double.isFinite(loss))
                    throw new IllegalStateException("train-side-by-side: build " + name + " diverged, mean loss " + loss);
                return new Epoch(samples / batch * batch / seconds, loss);
            } catch (InvocationTargetException e) {
                throw new IllegalStateException("train-side-by-side: build " + name + " failed: " + e.getCause(), e.getCause());
            } catch (ReflectiveOperationException e) {
                throw new IllegalStateException(e);
            }
        }
    }

    private static void run(String[] args) {
        var opts = Options.parse("train-side-by-side", args,
                Set.of("a", "b", "hidden", "batch", "samples", "rounds", "warmup", "threads", "lr", "seed"));
        String a = opts.values().get("a"), b = opts.values().get("b");
        if (a == null || b == null)
            throw new UsageException("train-side-by-side: give two builds, --a DIR_OR_JAR --b DIR_OR_JAR");
        opts.threads();
        int[] hidden = opts.sizes("hidden", 256);
        int batch = opts.positive("batch", 64), samples = opts.positive("samples", 60_000);
        int rounds = opts.positive("rounds", 10), warmup = opts.integer("warmup", 2);
        double lr = opts.real("lr", 0.1);
        long seed = opts.integer("seed", 1);
        if (batch > samples)
            throw new UsageException("train-side-by-side: --batch " + batch + " is larger than --samples " + samples);
        var builds = List.of(Build.load("a", a, hidden, samples, seed), Build.load("b", b, hidden, samples, seed));
        System.out.printf(Locale.ROOT, "train-side-by-side: A = %s, B = %s, %d rounds, threads=%s%n",
                a, b, rounds, System.getProperty("jgrad.threads"));
        for (int w = 0; w < warmup; w++) {
            var ea = builds.get(0).epoch(samples, batch, lr);
            var eb = builds.get(1).epoch(samples, batch, lr);
            if (w == 0 && ea.loss() != eb.loss())
                System.out.printf(Locale.ROOT, "train-side-by-side: note: the builds train differently (first epoch's"
                        + " mean loss %.9f against %.9f)%n", ea.loss(), eb.loss());
        }
        var result = compare(builds.get(0), builds.get(1), rounds, samples, batch, lr, (r, a1, b1) ->
                System.out.printf(Locale.ROOT, "round %d A %.0f B %.0f samples/s%n", r + 1, a1, b1));
        System.out.printf(Locale.ROOT, "mlp %s batch %d  A %.0f  B %.0f samples/s  B/A %.3f (%.3f-%.3f)%n",
                Arrays.stream(hidden).mapToObj(Integer::toString).collect(Collectors.joining("-")), batch,
                result.a().median(), result.b().median(), result.ratio().median(), result.ratio().min(), result.ratio().max());
    }

    /** Each build's samples/s and the per-round ratios B/A. */
    record Result(Summary a, Summary b, Summary ratio) {}

    /** Called after each round with its two rates. */
    @FunctionalInterface
    interface RoundListener {
        void round(int round, double a, double b);
    }

    /** {@code rounds} rounds of one epoch per build, A first in even rounds, B first in odd ones. */
    static Result compare(Build first, Build second, int rounds, int samples, int batch, double lr, RoundListener listener) {
        double[] ra = new double[rounds], rb = new double[rounds], ratio = new double[rounds];
        for (int r = 0; r < rounds; r++) {
            if (r % 2 == 0) {
                ra[r] = first.epoch(samples, batch, lr).rate();
                rb[r] = second.epoch(samples, batch, lr).rate();
            } else {
                rb[r] = second.epoch(samples, batch, lr).rate();
                ra[r] = first.epoch(samples, batch, lr).rate();
            }
            ratio[r] = rb[r] / ra[r];
            listener.round(r, ra[r], rb[r]);
        }
        return new Result(Summary.of(ra), Summary.of(rb), Summary.of(ratio));
    }
}
