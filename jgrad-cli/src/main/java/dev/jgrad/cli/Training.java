package dev.jgrad.cli;

import dev.jgrad.Tensor;
import dev.jgrad.data.Batch;
import dev.jgrad.data.DataLoader;
import dev.jgrad.data.TensorDataset;
import dev.jgrad.nn.Loss;
import dev.jgrad.nn.Module;
import dev.jgrad.optim.LearningRateSchedule;
import dev.jgrad.optim.Optimizer;

import java.util.List;

/**
 * The epoch loop of {@code jgrad train}: shuffled mini-batches, cross-entropy, backward, one
 * optimizer step per batch, then validation. The batch order of epoch e depends only on the
 * seed and e, and the learning rate only on e, so a resumed run repeats exactly what an
 * uninterrupted one would have done.
 */
final class Training {
    /** Told about every batch (for progress bars). */
    interface BatchListener {
        void batchDone(int epoch, int batch, int batches, double meanLoss, long samples, long nanos);
    }

    private final Module model;
    private final Optimizer optimizer;
    private final LearningRateSchedule schedule;
    private final double baseLearningRate;
    private final DataLoader loader;
    private final TensorDataset validation;
    private final List<String> classNames;

    Training(Module model, Optimizer optimizer, TrainConfig config, TensorDataset train, TensorDataset validation, List<String> classNames) {
        this.model = model;
        this.optimizer = optimizer;
        this.schedule = config.learningRateSchedule();
        this.baseLearningRate = config.lr();
        this.loader = new DataLoader(train, config.batchSize(), true, false, config.seed());
        this.validation = validation;
        this.classNames = classNames;
    }

    /** Runs epoch number {@code epoch} (1-based). */
    EpochMetrics epoch(int epoch, BatchListener listener) {
        long start = System.nanoTime();
        schedule.apply(optimizer, baseLearningRate, epoch - 1);
        model.train();
        loader.setEpoch(epoch - 1);
        int batches = loader.numBatches(), batch = 0;
        double lossSum = 0;
        long correct = 0, seen = 0;
        for (Batch b : loader) {
            Tensor logits = model.forward(b.x());
            Tensor loss = Loss.crossEntropy(logits, b.y());
            optimizer.zeroGrad(false); // keeps the buffers: backward adds into them
            loss.backward();
            optimizer.step();
            lossSum += loss.item() * b.size();
            correct += countCorrect(logits, b.y());
            seen += b.size();
            listener.batchDone(epoch, ++batch, batches, lossSum / seen, seen, System.nanoTime() - start);
        }
        double trainSeconds = (System.nanoTime() - start) / 1e9;
        double valLoss = Double.NaN, valAccuracy = Double.NaN;
        if (validation != null) {
            Evaluation v = Evaluation.of(model, validation, classNames);
            valLoss = v.loss();
            valAccuracy = v.accuracy();
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        return new EpochMetrics(epoch, lossSum / seen, (double) correct / seen, valLoss, valAccuracy,
                optimizer.learningRate(), seconds, seen / trainSeconds);
    }

    private static long countCorrect(Tensor logits, Tensor labels) {
        long[] predicted, actual = labels.toLongArray();
        try (var g = Tensor.noGrad()) {
            predicted = logits.argmax(1, false).toLongArray();
        }
        long n = 0;
        for (int i = 0; i < actual.length; i++) if (predicted[i] == actual[i]) n++;
        return n;
    }
}
