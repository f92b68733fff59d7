package dev.jgrad.cli;

import dev.jgrad.Tensor;
import dev.jgrad.data.LabeledSamples;
import dev.jgrad.data.TensorDataset;
import dev.jgrad.data.TrainValidationSplit;
import dev.jgrad.nn.Models;
import dev.jgrad.nn.Module;
import dev.jgrad.optim.Optimizer;
import dev.jgrad.tensor.Storage;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.concurrent.Callable;

@Command(name = "train", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Trains a classifier and prints its test accuracy.",
                "Without options: a 2-layer MLP on the bundled UCI handwritten digits, in seconds.",
                "The same seed and thread count give bit-identical results."})
final class TrainCommand implements Callable<Integer> {
    static final String DEFAULT_MODEL = "mlp:128";

    @ParentCommand
    private Main main;

    @Mixin
    private DataOptions dataOptions;

    @Option(names = "--model", paramLabel = "SPEC", description = "softmax or mlp:H1,H2,... (default: " + DEFAULT_MODEL + ").")
    private String model;

    @Option(names = "--activation", paramLabel = "NAME", description = "relu, tanh, sigmoid or leaky_relu (default: relu).")
    private String activation;

    @Option(names = "--optimizer", paramLabel = "NAME", description = "sgd, momentum, nesterov, adam, adamw or rmsprop (default: adam).")
    private String optimizer;

    @Option(names = "--lr", paramLabel = "RATE", description = "Learning rate (default: 0.1 sgd, 0.05 momentum/nesterov, 0.001 otherwise).")
    private Double lr;

    @Option(names = "--epochs", paramLabel = "N", description = "Total epochs, counting those of a resumed checkpoint (default: 20).")
    private Integer epochs;

    @Option(names = "--batch-size", paramLabel = "N", description = "Mini-batch size (default: 32).")
    private Integer batchSize;

    @Option(names = "--weight-decay", paramLabel = "L2", description = "Weight decay; decoupled for adamw (default: 0).")
    private Double weightDecay;

    @Option(names = "--schedule", paramLabel = "NAME", description = "Learning rate per epoch: cosine (annealed to 0 over the epochs, the default) or constant.")
    private String schedule;

    @Option(names = "--seed", paramLabel = "N", description = "Seed of initialization, validation split and shuffling (default: 1).")
    private Long seed;

    @Option(names = "--val-split", paramLabel = "FRACTION", description = "Part of the training data held out for validation (default: 0.1).")
    private Double valSplit;

    @Option(names = "--limit", paramLabel = "N", description = "Use only the first N training samples (default: all).")
    private Integer limit;

    @Option(names = "--threads", paramLabel = "N", description = "Kernel threads (default: all processors).")
    private Integer threads;

    @Option(names = "--save", paramLabel = "PATH",
            description = "Write a safetensors checkpoint after every epoch (atomically); the optimizer state goes to PATH's .optim.safetensors sibling.")
    private Path save;

    @Option(names = "--resume", paramLabel = "PATH",
            description = "Continue a checkpoint: model, optimizer state and epoch count; settings come from the checkpoint (--epochs, --lr, --batch-size, --weight-decay, --schedule may change).")
    private Path resume;

    @Option(names = "--metrics", paramLabel = "PATH", description = "Per-epoch metrics: CSV (*.csv) or JSON lines (*.jsonl).")
    private Path metrics;

    @Option(names = "--report", paramLabel = "PATH",
            description = "Write an HTML report: settings, per-epoch charts, confusion matrix, misclassified images, the model's graph.")
    private Path report;

    @Override
    public Integer call() throws IOException {
        PrintWriter out = main.out();
        if (threads != null) Threads.set(threads);
        if (save != null) OutputPaths.checkWritable(save, "--save");
        if (report != null) OutputPaths.checkWritable(report, "--report");
        MetricsFile metricsFile = metrics == null ? null : MetricsFile.create(metrics);

        Checkpoint resumed = resume == null ? null : Checkpoint.load(resume);
        TrainConfig config = resumed == null ? freshConfig() : resumedConfig(resumed);
        DataSpec data = DataSpec.parse(config.data());
        Datasets.Loaded loaded = Datasets.load(data, dataOptions.dataDir, config.limit(), true);
        LabeledSamples train = loaded.train(), validation = null;
        if (config.valSplit() > 0) {
            var split = TrainValidationSplit.stratified(train, config.valSplit(), config.seed());
            if (split.train().count() == 0 || split.validation().count() == 0)
                throw new BadInputException("--val-split " + config.valSplit() + " of " + train.count() + " samples leaves a part empty");
            train = split.train();
            validation = split.validation();
        }
        int classes = loaded.test().numClasses();
        Normalization normalization = resumed != null ? resumed.normalization() : Normalization.fit(train, data.isImages());

        Module net = resumed != null ? resumed.model() : buildModel(config, train.featureSize(), classes);
        String architecture = Models.describe(net);
        Optimizer opt = config.optimizer().create(net.parameters(), config.lr(), config.weightDecay());
        int startEpoch = 0;
        if (resumed != null) {
            resumed.loadOptimizer(resume, opt);
            startEpoch = resumed.epoch();
        }

        out.printf(Locale.ROOT, "data: %s, %d train%s, %d test samples of %s, %d classes%n", data, train.count(),
                validation == null ? "" : ", " + validation.count() + " validation", loaded.test().count(),
                Arrays.toString(loaded.test().sampleShape()), classes);
        out.printf(Locale.ROOT, "model: %s (%,d parameters)%n", architecture, net.numParameters());
        out.printf(Locale.ROOT, "training: %s lr %s, batch %d, epochs %d, %s schedule, seed %d, %d threads%s%n",
                config.optimizer().label(), config.lr(), config.batchSize(), config.epochs(), config.schedule(), config.seed(),
                Threads.current(), resumed == null ? "" : ", resuming after epoch " + startEpoch + " of " + resume);

        var training = new Training(net, opt, config, tensors(normalization.apply(train)),
                validation == null ? null : tensors(normalization.apply(validation)), loaded.test().classNames());
        var progress = new Progress(out, main.interactive(), config.epochs());
        List<EpochMetrics> history = new ArrayList<>();
        for (int epoch = startEpoch + 1; epoch <= config.epochs(); epoch++) {
            EpochMetrics m = training.epoch(epoch, progress);
            history.add(m);
            progress.epochDone(m);
            if (metricsFile != null) metricsFile.add(m);
            if (save != null)
                new Checkpoint(net, architecture, data, loaded.test().sampleShape(), loaded.test().classNames(), normalization,
                        loaded.pixelMax(), epoch, config).save(save, opt);
        }
        LabeledSamples normalizedTest = normalization.apply(loaded.test());
        Evaluation test = Evaluation.of(net, tensors(normalizedTest), loaded.test().classNames());
        out.printf(Locale.ROOT, "test accuracy: %.2f%% (%d/%d), test loss %.4f%n", 100 * test.accuracy(), test.confusion().correct(),
                test.confusion().total(), test.loss());
        if (report != null) {
            Report.write(report, config, net, architecture, history, loaded.test(), normalizedTest, test, loaded.pixelMax());
            out.println("report: " + report);
        }
        if (save != null) out.println("saved: " + save + " (optimizer state: " + Checkpoint.optimizerFile(save) + ")");
        return Main.OK;
    }

    private TrainConfig freshConfig() {
        OptimizerKind kind = OptimizerKind.parse(Objects.requireNonNullElse(optimizer, "adam"));
        return new TrainConfig(dataOptions.spec("digits").toString(), Objects.requireNonNullElse(model, DEFAULT_MODEL),
                Objects.requireNonNullElse(activation, "relu"), kind, Objects.requireNonNullElse(lr, kind.defaultLearningRate()),
                Objects.requireNonNullElse(epochs, 20), Objects.requireNonNullElse(batchSize, 32),
                Objects.requireNonNullElse(weightDecay, 0.0), Objects.requireNonNullElse(seed, 1L),
                Objects.requireNonNullElse(valSplit, 0.1), Objects.requireNonNullElse(limit, 0),
                Objects.requireNonNullElse(schedule, "cosine"));
    }

    /** The checkpoint's settings; only those that do not change what was learned so far may differ. */
    private TrainConfig resumedConfig(Checkpoint ck) {
        TrainConfig c = ck.config();
        List<String> conflicts = new ArrayList<>();
        conflict(conflicts, "--data", dataOptions.data == null ? null : dataOptions.spec("digits").toString(), c.data());
        conflict(conflicts, "--model", model, c.model());
        conflict(conflicts, "--activation", activation, c.activation());
        conflict(conflicts, "--optimizer", optimizer == null ? null : OptimizerKind.parse(optimizer).label(), c.optimizer().label());
        conflict(conflicts, "--seed", seed == null ? null : seed.toString(), Long.toString(c.seed()));
        conflict(conflicts, "--val-split", valSplit == null ? null : valSplit.toString(), Double.toString(c.valSplit()));
        conflict(conflicts, "--limit", limit == null ? null : limit.toString(), Integer.toString(c.limit()));
        if (!conflicts.isEmpty())
            throw new BadInputException("--resume " + resume + ": " + String.join("; ", conflicts)
                    + " (a resumed run keeps the checkpoint's data, model, optimizer, seed and split)");
        TrainConfig merged = new TrainConfig(c.data(), c.model(), c.activation(), c.optimizer(), Objects.requireNonNullElse(lr, c.lr()),
                Objects.requireNonNullElse(epochs, c.epochs()), Objects.requireNonNullElse(batchSize, c.batchSize()),
                Objects.requireNonNullElse(weightDecay, c.weightDecay()), c.seed(), c.valSplit(), c.limit(),
                Objects.requireNonNullElse(schedule, c.schedule()));
        if (merged.epochs() <= ck.epoch())
            throw new BadInputException("--epochs " + merged.epochs() + ": " + resume + " has already been trained for "
                    + ck.epoch() + " epochs; give a larger total to continue");
        return merged;
    }

    private static void conflict(List<String> conflicts, String option, String given, String stored) {
        if (given != null && !given.equalsIgnoreCase(stored)) conflicts.add(option + " " + given + " differs from the checkpoint's " + stored);
    }

    private static Module buildModel(TrainConfig config, int features, int classes) {
        try {
            Models.activation(config.activation());
        } catch (IllegalArgumentException e) {
            throw new BadInputException("--activation: " + e.getMessage(), e);
        }
        try {
            return Models.fromSpec(config.model(), features, classes, config.activation(), config.seed());
        } catch (IllegalArgumentException e) {
            throw new BadInputException("--model: " + e.getMessage(), e);
        }
    }

    /**
     * Features [N, F] float32 and labels [N] int64, as the model and the loss take them. The
     * features array is wrapped, not copied (MNIST's is 170 MB): pass samples nothing else changes.
     */
    static TensorDataset tensors(LabeledSamples samples) {
        return new TensorDataset(Tensor.contiguous(Storage.of(samples.features()), samples.count(), samples.featureSize()),
                Tensor.of(samples.labels()));
    }
}
