package dev.jgrad.bench;

import dev.jgrad.Tensor;
import dev.jgrad.kernels.Kernels;
import dev.jgrad.tensor.DType;
import dev.jgrad.tensor.Generator;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;

/**
 * What the peer comparison ({@code bench/compare.sh}) measures, defined once for every jgrad
 * runner: the command-line options, the synthetic MNIST-shaped data, the multilayer perceptron
 * and timing summaries. The Python peers in {@code bench/peers} mirror these definitions.
 *
 * <p>{@link #main} is the GEMM workload measured through {@link Tensor#matmul}, for builds that
 * lack the dedicated {@code GemmRunner}; it prints the same line.
 */
public final class Workloads {
    /** MNIST's image size and class count; the data is synthetic, only its shape is MNIST's. */
    public static final int FEATURES = 784;
    public static final int CLASSES = 10;

    private Workloads() {}

    /** A bad command line: the runner prints the message and exits with status 2. */
    public static final class UsageException extends IllegalArgumentException {
        public UsageException(String message) {
            super(message);
        }
    }

    /** Runs a runner's body, turning a {@link UsageException} into its message and exit status 2. */
    public static void launch(String[] args, Consumer<String[]> body) {
        try {
            body.accept(args);
        } catch (UsageException e) {
            System.err.println(e.getMessage());
            System.exit(2);
        }
    }

    /**
     * {@code --name value} pairs, each name declared by the runner so that a typo fails loudly
     * instead of silently running the default.
     */
    public record Options(String program, Map<String, String> values) {

        public static Options parse(String program, String[] args, Set<String> known) {
            var values = new HashMap<String, String>();
            for (int i = 0; i < args.length; i += 2) {
                String name = args[i];
                if (!name.startsWith("--") || !known.contains(name.substring(2)))
                    throw new UsageException(program + ": unknown option '" + name + "'; expected one of --"
                            + String.join(", --", known.stream().sorted().toList()));
                if (i + 1 >= args.length)
                    throw new UsageException(program + ": option " + name + " needs a value");
                values.put(name.substring(2), args[i + 1]);
            }
            return new Options(program, Map.copyOf(values));
        }

        public int integer(String name, int fallback) {
            String v = values.get(name);
            if (v == null) return fallback;
            try {
                int n = Integer.parseInt(v);
                if (n < 0) throw new NumberFormatException();
                return n;
            } catch (NumberFormatException e) {
                throw new UsageException(program + ": --" + name + " must be a non-negative integer, got '" + v + "'");
            }
        }

        public int positive(String name, int fallback) {
            int n = integer(name, fallback);
            if (n == 0) throw new UsageException(program + ": --" + name + " must be at least 1");
            return n;
        }

        public double real(String name, double fallback) {
            String v = values.get(name);
            if (v == null) return fallback;
            try {
                return Double.parseDouble(v);
            } catch (NumberFormatException e) {
                throw new UsageException(program + ": --" + name + " must be a number, got '" + v + "'");
            }
        }

        /** A comma-separated list of positive sizes, e.g. {@code --hidden 1024,1024}. */
        public int[] sizes(String name, int... fallback) {
            String v = values.get(name);
            if (v == null) return fallback.clone();
            try {
                int[] sizes = Arrays.stream(v.split(",")).mapToInt(s -> Integer.parseInt(s.trim())).toArray();
                if (Arrays.stream(sizes).anyMatch(s -> s <= 0)) throw new NumberFormatException();
                return sizes;
            } catch (NumberFormatException e) {
                throw new UsageException(program + ": --" + name
                        + " must be comma-separated positive integers, got '" + v + "'");
            }
        }

        /**
         * Applies {@code --threads} before any kernel runs: the kernels read {@code jgrad.threads}
         * once, so an explicit option must win over nothing but an identical -D flag.
         */
        public int threads() {
            int threads = positive("threads", Integer.getInteger("jgrad.threads", 1));
            System.setProperty("jgrad.threads", Integer.toString(threads));
            return threads;
        }
    }

    /** Median, minimum and maximum of repeated measurements. */
    public record Summary(double median, double min, double max) {
        public static Summary of(double[] samples) {
            if (samples.length == 0) throw new IllegalArgumentException("summary: no measurements");
            double[] s = samples.clone();
            Arrays.sort(s);
            int n = s.length;
            double median = n % 2 == 1 ? s[n / 2] : (s[n / 2 - 1] + s[n / 2]) / 2;
            return new Summary(median, s[0], s[n - 1]);
        }
    }

    /** Synthetic MNIST-shaped data: pixels uniform in [0, 1), labels uniform in 0..9. */
    public record Dataset(Tensor images, Tensor labels) {
        public static Dataset synthetic(long seed, int samples) {
            var gen = new Generator(seed);
            Tensor images = Tensor.rand(gen, samples, FEATURES);
            int[] labels = new int[samples];
            for (int i = 0; i < samples; i++) labels[i] = gen.nextInt(CLASSES);
            return new Dataset(images, Tensor.of(labels));
        }

        public int size() {
            return images.size(0);
        }
    }

    /**
     * A multilayer perceptron 784 - hidden... - 10 with ReLU between layers, written with plain
     * tensor operations: the fused linear layer (with its ReLU for hidden layers) and softmax
     * cross-entropy, as torch.nn.Linear, nn.ReLU and F.cross_entropy are on the PyTorch side. Weights are [out, in] and start uniform in +-1/sqrt(in) like
     * torch.nn.Linear's (a scale that keeps SGD at lr 0.1 stable on uncentered inputs), biases
     * at zero.
     */
    public static final class Mlp {
        private final List<Tensor> weights = new ArrayList<>();
        private final List<Tensor> biases = new ArrayList<>();

        public Mlp(long seed, int... hidden) {
            var gen = new Generator(seed);
            int in = FEATURES;
            int[] widths = Arrays.copyOf(hidden, hidden.length + 1);
            widths[hidden.length] = CLASSES;
            for (int out : widths) {
                double bound = 1 / Math.sqrt(in);
                weights.add(Tensor.rand(gen, out, in).mul(2 * bound).sub(bound).requiresGrad(true));
                biases.add(Tensor.zeros(out).requiresGrad(true));
                in = out;
            }
        }

        /**
         * Turns gradient tracking of the weights and biases on or off, like Module.requiresGrad:
         * a model served frozen packs its weights once for single inputs (Tensor.linear).
         */
        public Mlp requiresGrad(boolean requiresGrad) {
            for (Tensor p : parameters()) p.requiresGrad(requiresGrad);
            return this;
        }

        /** Logits for a batch of images [batch, 784]. */
        public Tensor forward(Tensor x) {
            Tensor h = x;
            int last = weights.size() - 1;
            for (int i = 0; i < last; i++) h = h.linearRelu(weights.get(i), biases.get(i));
            return h.linear(weights.get(last), biases.get(last));
        }

        /** Mean softmax cross-entropy of a batch against int64 labels [batch]. */
        public Tensor loss(Tensor x, Tensor labels) {
            return forward(x).crossEntropy(labels);
        }

        /**
         * One step of plain SGD; returns the batch loss before the step. The gradients are zeroed
         * and kept (PyTorch's zero_grad(set_to_none=False)), so the next backward adds the weight
         * gradients straight into them instead of allocating new ones.
         */
        public double sgdStep(Tensor x, Tensor labels, double lr) {
            Tensor loss = loss(x, labels);
            loss.backward();
            try (var g = Tensor.noGrad()) {
                for (Tensor p : parameters()) {
                    p.addInPlace(p.grad(), -lr);
                    p.zeroGrad(false);
                }
            }
            return loss.item();
        }

        /**
         * One epoch over the first {@code samples} of a fresh shuffled order of the data, dropping
         * the last partial batch (as every peer does). Returns the mean batch loss, which the
         * caller prints so that a run whose numbers went wrong shows it.
         */
        public double epoch(Dataset data, int samples, int batch, double lr, Generator shuffle) {
            if (samples > data.size() || batch > samples)
                throw new IllegalArgumentException("mlp epoch: need batch " + batch + " <= samples " + samples
                        + " <= dataset size " + data.size());
            int[] order = shuffle.permutation(data.size());
            int batches = samples / batch;
            double lossSum = 0;
            for (int b = 0; b < batches; b++) {
                Tensor idx = Tensor.of(Arrays.copyOfRange(order, b * batch, (b + 1) * batch));
                lossSum += sgdStep(data.images().indexSelect(0, idx), data.labels().indexSelect(0, idx), lr);
            }
            return lossSum / batches;
        }

        public List<Tensor> parameters() {
            var all = new ArrayList<Tensor>();
            for (int i = 0; i < weights.size(); i++) {
                all.add(weights.get(i));
                all.add(biases.get(i));
            }
            return all;
        }
    }

    /** The kernels and thread count, for the configuration column of the comparison. */
    public static String configuration(int threads) {
        return Kernels.get().name() + ", " + threads + (threads == 1 ? " thread" : " threads");
    }

    /**
     * GEMM C = A B on square float32 matrices through {@link Tensor#matmul}; prints
     * {@code gemm n=.. threads=.. median_gflops=.. min=.. max=..}.
     */
    public static void main(String[] args) {
        launch(args, Workloads::gemm);
    }

    private static void gemm(String[] args) {
        var opts = Options.parse("gemm", args, Set.of("n", "threads", "reps"));
        int threads = opts.threads();
        int n = opts.positive("n", 512);
        int reps = opts.positive("reps", 5);
        var gen = new Generator(42);
        Tensor a = Tensor.randn(gen, n, n), b = Tensor.randn(gen, n, n);
        double flops = 2.0 * n * n * n;
        // Warm up for at least one call and ~1 s so that the measured calls run compiled code.
        long warmEnd = System.nanoTime() + 1_000_000_000L;
        do a.matmul(b); while (System.nanoTime() < warmEnd);
        double[] gflops = new double[reps];
        for (int r = 0; r < reps; r++) {
            long t0 = System.nanoTime();
            Tensor c = a.matmul(b);
            long dt = System.nanoTime() - t0;
            if (c.dtype() != DType.FLOAT32) throw new IllegalStateException("gemm: expected a float32 product, got " + c.dtype());
            gflops[r] = flops / dt;
        }
        var s = Summary.of(gflops);
        System.out.printf(Locale.ROOT, "gemm n=%d threads=%d median_gflops=%.3f min=%.3f max=%.3f config=%s%n",
                n, threads, s.median(), s.min(), s.max(), configuration(threads));
    }
}
