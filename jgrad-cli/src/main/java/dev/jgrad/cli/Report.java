package dev.jgrad.cli;

import dev.jgrad.Tensor;
import dev.jgrad.autograd.GraphView;
import dev.jgrad.data.LabeledSamples;
import dev.jgrad.nn.Loss;
import dev.jgrad.nn.Module;
import dev.jgrad.viz.AutogradGraph;
import dev.jgrad.viz.EpochStats;
import dev.jgrad.viz.MisclassifiedImage;
import dev.jgrad.viz.RunRecord;
import dev.jgrad.viz.TrainingReport;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

/** The HTML report of --report: settings, per-epoch charts, test results and the model's graph. */
final class Report {
    private Report() {}

    /**
     * @param rawTest the test samples before normalization (their pictures go into the gallery)
     * @param test    the evaluation of the normalized test samples
     */
    static void write(Path file, TrainConfig config, Module net, String architecture, List<EpochMetrics> epochs,
                      LabeledSamples rawTest, LabeledSamples normalizedTest, Evaluation test, double pixelMax) throws IOException {
        var run = RunRecord.builder("jgrad train: " + config.model() + " on " + config.data())
                .config("data", config.data())
                .config("model", architecture)
                .config("optimizer", config.optimizer().label())
                .config("learning rate", config.lr())
                .config("schedule", config.schedule())
                .config("batch size", config.batchSize())
                .config("epochs", config.epochs())
                .config("weight decay", config.weightDecay())
                .config("validation split", config.valSplit())
                .config("seed", config.seed())
                .config("threads", Threads.current())
                .modelSummary(net.summary(rawTest.featureSize()))
                .confusion(test.confusion())
                .testAccuracy(test.accuracy())
                .graph(AutogradGraph.of(lossOfOneSample(net, normalizedTest), net));
        for (EpochMetrics m : epochs) {
            EpochStats s = EpochStats.of(m.epoch(), m.trainLoss(), m.trainAccuracy(), m.learningRate(), m.samplesPerSecond());
            run.epoch(m.hasValidation() ? s.withValidation(m.valLoss(), m.valAccuracy()) : s);
        }
        int[] shape = rawTest.sampleShape();
        if (pixelMax > 0 && shape.length == 3 && shape[0] == 1) {
            int shown = 0;
            for (int i = 0; i < rawTest.count() && shown < TrainingReport.MAX_IMAGES; i++) {
                if (test.predicted()[i] == rawTest.labels()[i]) continue;
                float[] pixels = rawTest.sample(i);
                for (int j = 0; j < pixels.length; j++) pixels[j] /= (float) pixelMax;
                run.misclassified(new MisclassifiedImage(pixels, shape[2], shape[1],
                        rawTest.classNames().get(rawTest.labels()[i]), rawTest.classNames().get(test.predicted()[i])));
                shown++;
            }
        }
        new TrainingReport().write(run.build(), file);
    }

    /**
     * Forward and backward for the first test sample, for the picture of the graph: every node then
     * shows its value and the gradient of this one loss (not those of the last training batch).
     */
    private static Tensor lossOfOneSample(Module net, LabeledSamples samples) {
        Tensor x = Tensor.of(samples.sample(0), 1, samples.featureSize()).label("x");
        Tensor y = Tensor.of(new int[] {samples.labels()[0]}).label("label");
        Tensor loss = Loss.crossEntropy(net.forward(x), y).label("loss");
        net.zeroGrad();
        GraphView.retainAllGrads(loss);
        loss.backward();
        return loss;
    }
}
