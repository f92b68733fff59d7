package dev.jgrad.cli;

import dev.jgrad.Tensor;
import dev.jgrad.data.LabeledSamples;
import dev.jgrad.tensor.DType;

import java.io.IOException;

/**
 * The bundled digits for the examples, in float64 so that hand-derived and autograd gradients
 * can be compared to many digits: pixels scaled from 0..16 to [0, 1], the usual train/test parts.
 */
record ExampleDigits(Tensor trainX, int[] trainLabels, Tensor testX, int[] testLabels) {
    static ExampleDigits load() throws IOException {
        Datasets.Loaded d = Datasets.load(DataSpec.parse("digits"), null, 0, true);
        return new ExampleDigits(features(d.train()), d.train().labels(), features(d.test()), d.test().labels());
    }

    /** Only the samples of two classes, relabeled 0 and 1. */
    static ExampleDigits binary(ExampleDigits all, int negative, int positive) {
        var train = pick(all.trainX, all.trainLabels, negative, positive);
        var test = pick(all.testX, all.testLabels, negative, positive);
        return new ExampleDigits(train.x, train.labels, test.x, test.labels);
    }

    private record Part(Tensor x, int[] labels) {}

    private static Part pick(Tensor x, int[] labels, int negative, int positive) {
        int n = 0;
        for (int l : labels) if (l == negative || l == positive) n++;
        int[] rows = new int[n], picked = new int[n];
        for (int i = 0, j = 0; i < labels.length; i++) {
            if (labels[i] != negative && labels[i] != positive) continue;
            rows[j] = i;
            picked[j++] = labels[i] == positive ? 1 : 0;
        }
        return new Part(x.indexSelect(0, Tensor.of(rows)), picked);
    }

    private static Tensor features(LabeledSamples s) {
        return Tensor.of(s.features(), s.count(), s.featureSize()).to(DType.FLOAT64).div(16);
    }

    /** One-hot rows [N, classes], float64. */
    static Tensor oneHot(int[] labels, int classes) {
        double[] y = new double[labels.length * classes];
        for (int i = 0; i < labels.length; i++) y[i * classes + labels[i]] = 1;
        return Tensor.of(y, labels.length, classes);
    }

    static Tensor column(int[] labels) {
        double[] y = new double[labels.length];
        for (int i = 0; i < labels.length; i++) y[i] = labels[i];
        return Tensor.of(y, labels.length, 1);
    }

    /** The fraction of rows whose largest score is at the label. */
    static double accuracy(Tensor scores, int[] labels) {
        long[] predicted = scores.argmax(1, false).toLongArray();
        int correct = 0;
        for (int i = 0; i < labels.length; i++) if (predicted[i] == labels[i]) correct++;
        return (double) correct / labels.length;
    }

    /** The largest |a - b| over two tensors of the same shape. */
    static double maxDifference(Tensor a, Tensor b) {
        return a.sub(b).abs().amax().item();
    }
}
