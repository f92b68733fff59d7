package dev.jgrad.bench;

import dev.jgrad.bench.Workloads.Dataset;
import dev.jgrad.bench.Workloads.Mlp;
import dev.jgrad.bench.Workloads.Options;
import dev.jgrad.bench.Workloads.Summary;
import dev.jgrad.bench.Workloads.UsageException;
import dev.jgrad.tensor.Generator;

import java.lang.management.ManagementFactory;
import java.util.Arrays;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Training throughput of a multilayer perceptron with plain SGD on synthetic MNIST-shaped data:
 * {@code --warmup} epochs are run and discarded, then each of {@code --epochs} epochs is timed.
 *
 * <p>Prints one {@code epoch} line per epoch, then
 * {@code mlp samples_per_s=<median over timed epochs> ...} and
 * {@code memory heap_mb=<post-GC heap after each epoch> verdict=flat|growing}. The heap is
 * sampled after {@code System.gc()} outside the timed region, so run with a small -Xmx to show
 * that training does not retain memory from one epoch to the next; {@code baseline_mb} is the
 * heap before training (data and model).
 */
public final class MlpTrainRunner {
    /** Post-GC heap may wobble by GC timing, but growth beyond this ratio means a leak. */
    private static final double FLAT_RATIO = 1.2;

    private MlpTrainRunner() {}

    public static void main(String[] args) {
        Workloads.launch(args, MlpTrainRunner::run);
    }

    private static void run(String[] args) {
        var opts = Options.parse("mlp", args,
                Set.of("hidden", "batch", "samples", "epochs", "warmup", "warmup-samples", "threads", "lr", "seed"));
        int threads = opts.threads();
        int[] hidden = opts.sizes("hidden", 256);
        int batch = opts.positive("batch", 64);
        int samples = opts.positive("samples", 60_000);
        int epochs = opts.positive("epochs", 1);
        int warmup = opts.integer("warmup", 1);
        // Warm-up only has to compile the hot code; a part of an epoch does that for big models.
        int warmupSamples = opts.integer("warmup-samples", 0);
        double lr = opts.real("lr", 0.1);
        long seed = opts.integer("seed", 1);
        if (batch > samples)
            throw new UsageException("mlp: --batch " + batch + " is larger than --samples " + samples);
        if (warmupSamples == 0 || warmupSamples > samples) warmupSamples = samples;
        if (warmup > 0 && batch > warmupSamples)
            throw new UsageException("mlp: --batch " + batch + " is larger than --warmup-samples " + warmupSamples);

        var data = Dataset.synthetic(seed, samples);
        var model = new Mlp(seed + 1, hidden);
        var shuffle = new Generator(seed + 2);
        int perEpoch = samples / batch * batch;
        var memory = ManagementFactory.getMemoryMXBean();
        // The data set dominates the heap; the baseline separates it from what training keeps.
        System.gc();
        double baselineMb = memory.getHeapMemoryUsage().getUsed() / (1024.0 * 1024.0);

        double[] rates = new double[epochs];
        double[] heapMb = new double[epochs];
        double loss = Double.NaN;
        for (int e = 0; e < warmup + epochs; e++) {
            boolean timed = e >= warmup;
            int done = (timed ? samples : warmupSamples) / batch * batch;
            long t0 = System.nanoTime();
            loss = model.epoch(data, done, batch, lr, shuffle);
            double seconds = (System.nanoTime() - t0) / 1e9;
            if (!Double.isFinite(loss))
                throw new IllegalStateException("mlp: training diverged, epoch " + (e + 1) + " mean loss " + loss);
            System.gc();
            double heap = memory.getHeapMemoryUsage().getUsed() / (1024.0 * 1024.0);
            if (timed) {
                rates[e - warmup] = perEpoch / seconds;
                heapMb[e - warmup] = heap;
            }
            System.out.printf(Locale.ROOT, "epoch %d%s seconds=%.3f samples_per_s=%.1f loss=%.4f heap_mb=%.1f%n",
                    e + 1, timed ? "" : " (warm-up)", seconds, done / seconds, loss, heap);
        }
        var rate = Summary.of(rates);
        System.out.printf(Locale.ROOT, "mlp samples_per_s=%.1f min=%.1f max=%.1f loss=%.4f hidden=%s batch=%d samples=%d config=%s%n",
                rate.median(), rate.min(), rate.max(), loss,
                Arrays.stream(hidden).mapToObj(Integer::toString).collect(Collectors.joining(",")),
                batch, perEpoch, Workloads.configuration(threads));
        var heap = Summary.of(heapMb);
        double ratio = heap.max() / heap.min();
        System.out.printf(Locale.ROOT, "memory heap_mb=%s baseline_mb=%.1f max_over_min=%.3f verdict=%s%n",
                Arrays.stream(heapMb).mapToObj(h -> String.format(Locale.ROOT, "%.1f", h)).collect(Collectors.joining(",")),
                baselineMb, ratio, ratio < FLAT_RATIO ? "flat" : "growing");
    }
}
