package dev.jgrad.cli;

import dev.jgrad.Tensor;
import dev.jgrad.data.Batch;
import dev.jgrad.data.DataLoader;
import dev.jgrad.data.TensorDataset;
import dev.jgrad.nn.Loss;
import dev.jgrad.nn.Module;
import dev.jgrad.nn.Reduction;
import dev.jgrad.viz.ConfusionMatrix;

import java.io.PrintWriter;
import java.util.List;
import java.util.Locale;

/**
 * A classifier's results on labeled data: mean cross-entropy, the prediction for every sample
 * and the confusion matrix (accuracy, per-class precision and recall).
 */
record Evaluation(double loss, int[] predicted, ConfusionMatrix confusion) {

    private static final int BATCH = 1000;

    /** Runs the model in eval mode without recording, in batches. */
    static Evaluation of(Module model, TensorDataset data, List<String> classNames) {
        model.eval();
        int[] predicted = new int[data.size()], actual = new int[data.size()];
        double lossSum = 0;
        int at = 0;
        try (var g = Tensor.noGrad()) {
            for (Batch b : new DataLoader(data, BATCH)) {
                Tensor logits = model.forward(b.x());
                lossSum += Loss.crossEntropy(logits, b.y(), Reduction.SUM).item();
                long[] p = logits.argmax(1, false).toLongArray(), y = b.y().toLongArray();
                for (int i = 0; i < p.length; i++, at++) {
                    predicted[at] = (int) p[i];
                    actual[at] = (int) y[i];
                }
            }
        }
        return new Evaluation(lossSum / data.size(), predicted, ConfusionMatrix.of(classNames, actual, predicted));
    }

    double accuracy() {
        return confusion.accuracy();
    }

    /** Accuracy, per-class precision, recall and support, and the confusion matrix. */
    void print(PrintWriter out) {
        List<String> names = confusion.classNames();
        out.printf(Locale.ROOT, "accuracy: %.2f%% (%d/%d), loss %.4f%n", 100 * accuracy(), confusion.correct(), confusion.total(), loss);
        out.println();
        int nameWidth = Math.max(5, names.stream().mapToInt(String::length).max().orElse(5));
        out.printf(Locale.ROOT, "%-" + nameWidth + "s %9s %9s %8s%n", "class", "precision", "recall", "support");
        for (int c = 0; c < names.size(); c++)
            out.printf(Locale.ROOT, "%-" + nameWidth + "s %9s %9s %8d%n", names.get(c), percent(confusion.precision(c)),
                    percent(confusion.recall(c)), confusion.support(c));
        out.println();
        out.println("confusion matrix (rows: true class, columns: predicted class)");
        int width = 4;
        for (long[] row : confusion.counts()) for (long v : row) width = Math.max(width, Long.toString(v).length() + 1);
        StringBuilder header = new StringBuilder(" ".repeat(nameWidth + 4));
        for (int c = 0; c < names.size(); c++) header.append(String.format(Locale.ROOT, "%" + width + "d", c));
        out.println(header);
        long[][] counts = confusion.counts();
        for (int r = 0; r < counts.length; r++) {
            StringBuilder line = new StringBuilder(String.format(Locale.ROOT, "%-" + nameWidth + "s %3d", names.get(r), r));
            for (long v : counts[r]) line.append(String.format(Locale.ROOT, "%" + width + "d", v));
            out.println(line);
        }
    }

    private static String percent(double v) {
        return Double.isNaN(v) ? "-" : String.format(Locale.ROOT, "%.2f%%", 100 * v);
    }
}
