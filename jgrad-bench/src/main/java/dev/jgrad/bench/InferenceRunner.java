package dev.jgrad.bench;

import dev.jgrad.Tensor;
import dev.jgrad.bench.Workloads.Dataset;
import dev.jgrad.bench.Workloads.Mlp;
import dev.jgrad.bench.Workloads.Options;
import dev.jgrad.bench.Workloads.Summary;

import java.util.Locale;
import java.util.Set;

/**
 * Inference latency: one forward call of the training benchmark's perceptron on a single image,
 * with nothing recorded. Each of {@code --calls} calls is timed alone, after a warm-up of at
 * least {@code --warmup-ms}; prints {@code inference median_us=.. min=.. max=..}.
 */
public final class InferenceRunner {
    /** Distinct images cycled through, so that no call reuses the previous call's input. */
    private static final int IMAGES = 1000;

    private InferenceRunner() {}

    public static void main(String[] args) {
        Workloads.launch(args, InferenceRunner::run);
    }

    private static void run(String[] args) {
        var opts = Options.parse("inference", args, Set.of("hidden", "calls", "threads", "warmup-ms", "seed"));
        int threads = opts.threads();
        int[] hidden = opts.sizes("hidden", 256);
        int calls = opts.positive("calls", 10_000);
        long warmupNanos = opts.integer("warmup-ms", 2000) * 1_000_000L;
        long seed = opts.integer("seed", 1);

        var data = Dataset.synthetic(seed, IMAGES);
        // served frozen, as a trained model is deployed; the PyTorch peer does the same
        var model = new Mlp(seed + 1, hidden).requiresGrad(false);
        double[] micros = new double[calls];
        double checksum = 0;
        try (var g = Tensor.noGrad()) {
            long warmEnd = System.nanoTime() + warmupNanos;
            for (int i = 0; System.nanoTime() < warmEnd; i++) checksum += predict(model, data, i);
            for (int i = 0; i < calls; i++) {
                long t0 = System.nanoTime();
                checksum += predict(model, data, i);
                micros[i] = (System.nanoTime() - t0) / 1e3;
            }
        }
        if (!Double.isFinite(checksum)) throw new IllegalStateException("inference: logits are not finite");
        var s = Summary.of(micros);
        System.out.printf(Locale.ROOT, "inference median_us=%.3f min=%.3f max=%.3f calls=%d config=%s%n",
                s.median(), s.min(), s.max(), calls, Workloads.configuration(threads));
    }

    /** The first logit of image {@code i}: reading a result makes the forward call observable. */
    private static double predict(Mlp model, Dataset data, int i) {
        Tensor x = data.images().narrow(0, i % IMAGES, 1);
        return model.forward(x).get(0, 0);
    }
}
