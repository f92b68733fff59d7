package dev.jgrad.cli;

import dev.jgrad.Tensor;
import dev.jgrad.autograd.GradCheck;
import dev.jgrad.data.LabeledSamples;
import dev.jgrad.nn.Loss;
import dev.jgrad.nn.Models;
import dev.jgrad.nn.Module;
import dev.jgrad.tensor.DType;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;

/**
 * Checks the analytic gradients of a whole model against central finite differences: a float64
 * copy of the model, the cross-entropy of a few real samples, every parameter (and the input).
 */
@Command(name = "gradcheck", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Checks backpropagation through a model (a float64 copy) against central finite differences",
                "on a small batch, printing the worst relative error per parameter. Exit code 1 if any check fails."})
final class GradcheckCommand implements Callable<Integer> {
    @ParentCommand
    private Main main;

    @Option(names = "--model", required = true, paramLabel = "PATH|SPEC",
            description = "A checkpoint, or a spec such as softmax or mlp:16 built for --data.")
    private String model;

    @Mixin
    private DataOptions dataOptions;

    @Option(names = "--activation", paramLabel = "NAME", defaultValue = "relu",
            description = "Activation of a spec model (default: ${DEFAULT-VALUE}).")
    private String activation;

    @Option(names = "--seed", paramLabel = "N", defaultValue = "1", description = "Initialization of a spec model (default: ${DEFAULT-VALUE}).")
    private long seed;

    @Option(names = "--batch", paramLabel = "N", defaultValue = "4", description = "Samples in the batch (default: ${DEFAULT-VALUE}).")
    private int batch;

    @Option(names = "--max-params", paramLabel = "N", defaultValue = "50000",
            description = "Refuse larger models, which need two forward passes per parameter (default: ${DEFAULT-VALUE}).")
    private long maxParams;

    @Option(names = "--tolerance", paramLabel = "REL", defaultValue = "1e-6", description = "Largest relative error that passes (default: ${DEFAULT-VALUE}).")
    private double tolerance;

    @Option(names = "--atol", paramLabel = "ABS", defaultValue = "1e-8",
            description = "Absolute error that passes regardless, for gradients near zero (default: ${DEFAULT-VALUE}).")
    private double atol;

    @Override
    public Integer call() throws IOException {
        var out = main.out();
        if (batch < 1) throw new BadInputException("--batch: need at least 1 sample, got " + batch);
        Path file = Path.of(model);
        Checkpoint ck = Files.isRegularFile(file) ? Checkpoint.load(file) : null;
        DataSpec data = dataOptions.spec(ck != null ? ck.data().toString() : "digits");
        LabeledSamples test = Datasets.load(data, dataOptions.dataDir, 0, false).test();
        LabeledSamples samples = test.head(Math.min(batch, test.count()));
        Module net;
        Normalization normalization;
        if (ck != null) {
            net = ck.model();
            normalization = ck.normalization();
            if (samples.featureSize() != ck.featureSize())
                throw new BadInputException("--data " + data + ": samples of shape " + Arrays.toString(samples.sampleShape())
                        + " do not fit " + file + ", which takes " + Arrays.toString(ck.inputShape()));
        } else {
            net = specModel(samples.featureSize(), test.numClasses());
            normalization = Normalization.fit(test, data.isImages());
        }
        if (net.numParameters() > maxParams)
            throw new BadInputException("--model " + model + ": " + net.numParameters() + " parameters need "
                    + 2 * net.numParameters() + " forward passes; allow it with --max-params, or check a smaller model");

        net.to(DType.FLOAT64).eval();
        Map<String, Tensor> params = net.namedParameters();
        Tensor x = Tensor.of(normalization.apply(samples).features(), samples.count(), samples.featureSize())
                .to(DType.FLOAT64).requiresGrad(true);
        Tensor y = Tensor.of(samples.labels());
        List<Tensor> inputs = new ArrayList<>();
        List<String> names = new ArrayList<>();
        inputs.add(x);
        names.add("input");
        params.forEach((name, t) -> {
            inputs.add(t);
            names.add(name);
        });

        out.printf(Locale.ROOT, "model: %s (%,d parameters, float64), data: %s, batch of %d, loss: cross-entropy%n",
                Models.describe(net), net.numParameters(), data, samples.count());
        var options = new GradCheck.Options(1e-6, tolerance, atol, 1234);
        GradCheck.Result result = GradCheck.check(xs -> Loss.crossEntropy(net.forward(xs.get(0)), y), inputs, options);
        out.println("worst element of each tensor:");
        out.printf(Locale.ROOT, "%-12s %-12s %16s %16s %11s %11s%n", "tensor", "shape", "analytic", "numerical", "rel. error", "abs. error");
        for (GradCheck.InputReport r : result.inputs()) {
            Tensor t = inputs.get(r.input());
            out.printf(Locale.ROOT, "%-12s %-12s %16.8e %16.8e %11.2e %11.2e  %s%n", names.get(r.input()), Arrays.toString(t.shape()),
                    r.analytic(), r.numeric(), r.relativeError(), r.absoluteError(), r.passed() ? "ok" : "FAILED");
        }
        out.printf(Locale.ROOT, "gradcheck %s (an element passes with relative error <= %.0e or absolute error <= %.0e)%n",
                result.passed() ? "passed" : "FAILED", tolerance, options.atol());
        return result.passed() ? Main.OK : Main.INTERNAL_ERROR;
    }

    private Module specModel(int features, int classes) {
        try {
            Models.activation(activation);
        } catch (IllegalArgumentException e) {
            throw new BadInputException("--activation: " + e.getMessage(), e);
        }
        try {
            return Models.fromSpec(model, features, classes, activation, seed);
        } catch (IllegalArgumentException e) {
            throw new BadInputException("--model: '" + model + "' is neither a checkpoint file nor a model spec: " + e.getMessage(), e);
        }
    }
}
