package dev.jgrad.bench;

import dev.jgrad.Tensor;
import dev.jgrad.bench.Workloads.Options;
import dev.jgrad.bench.Workloads.Summary;
import dev.jgrad.tensor.DType;

import java.util.Locale;
import java.util.Set;

/**
 * The fixed cost of recording and replaying operations, where the arithmetic is negligible:
 * <ul>
 *   <li>chain: forward and backward through {@code --chain} scalar operations alternating
 *   {@code y * 0.999} and {@code y + 0.001} on a 0-d float32 tensor that requires grad, reported
 *   per operation;</li>
 *   <li>single add: one recorded {@code x + c} on 1-element tensors.</li>
 * </ul>
 * Prints {@code overhead chain_us_per_op=.. single_add_us=..}, medians over {@code --reps}
 * measurements taken after a warm-up of at least {@code --warmup-ms}.
 */
public final class OverheadRunner {
    /** Adds per single-add measurement: enough that the clock's resolution does not matter. */
    private static final int ADDS_PER_SAMPLE = 10_000;

    private OverheadRunner() {}

    public static void main(String[] args) {
        Workloads.launch(args, OverheadRunner::run);
    }

    private static void run(String[] args) {
        var opts = Options.parse("overhead", args, Set.of("chain", "reps", "threads", "warmup-ms"));
        int threads = opts.threads();
        int chain = opts.positive("chain", 10_000);
        int reps = opts.positive("reps", 30);
        long warmupNanos = opts.integer("warmup-ms", 2000) * 1_000_000L;

        Tensor mulBy = Tensor.scalar(0.999, DType.FLOAT32);
        Tensor addBy = Tensor.scalar(0.001, DType.FLOAT32);
        long warmEnd = System.nanoTime() + warmupNanos;
        do runChain(chain, mulBy, addBy); while (System.nanoTime() < warmEnd);
        double[] chainUs = new double[reps];
        for (int r = 0; r < reps; r++) chainUs[r] = runChain(chain, mulBy, addBy) / 1e3 / chain;

        Tensor x = Tensor.of(new float[] {1}).requiresGrad(true);
        Tensor c = Tensor.of(new float[] {2});
        warmEnd = System.nanoTime() + warmupNanos;
        do runAdds(x, c); while (System.nanoTime() < warmEnd);
        double[] addUs = new double[reps];
        for (int r = 0; r < reps; r++) addUs[r] = runAdds(x, c) / 1e3 / ADDS_PER_SAMPLE;

        var chainS = Summary.of(chainUs);
        var addS = Summary.of(addUs);
        System.out.printf(Locale.ROOT,
                "overhead chain_us_per_op=%.4f chain_min=%.4f chain_max=%.4f single_add_us=%.4f add_min=%.4f add_max=%.4f config=%s%n",
                chainS.median(), chainS.min(), chainS.max(), addS.median(), addS.min(), addS.max(),
                Workloads.configuration(threads));
    }

    /** Nanoseconds for one forward and backward pass through the chain. */
    private static long runChain(int length, Tensor mulBy, Tensor addBy) {
        long t0 = System.nanoTime();
        Tensor x = Tensor.scalar(1, DType.FLOAT32).requiresGrad(true);
        Tensor y = x;
        for (int i = 0; i < length; i++) y = i % 2 == 0 ? y.mul(mulBy) : y.add(addBy);
        y.backward();
        long dt = System.nanoTime() - t0;
        if (!Double.isFinite(x.grad().item()))
            throw new IllegalStateException("overhead: chain gradient is " + x.grad().item());
        return dt;
    }

    /** Nanoseconds for {@link #ADDS_PER_SAMPLE} recorded adds. */
    private static long runAdds(Tensor x, Tensor c) {
        // Results are kept (briefly) so that escape analysis cannot drop the recorded add.
        Tensor[] kept = new Tensor[64];
        long t0 = System.nanoTime();
        for (int i = 0; i < ADDS_PER_SAMPLE; i++) kept[i & 63] = x.add(c);
        long dt = System.nanoTime() - t0;
        for (Tensor y : kept)
            if (y.gradFn() == null || y.item() != 3)
                throw new IllegalStateException("overhead: a recorded add gave " + y);
        return dt;
    }
}
