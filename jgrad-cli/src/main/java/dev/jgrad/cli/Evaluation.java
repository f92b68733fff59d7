package dev.jgrad.cli;

import dev.jgrad.Tensor;
import dev.jgrad.data.Batch;
import dev.jgrad.data.DataLoader;
import dev.jgrad.data.TensorDataset;
import dev.jgrad.nn.Loss;
import dev.jgrad.nn.Module;
import dev.jgrad.nn.Reduction;

import java.io.PrintWriter;
import java.util.List;
import java.util.Locale;

/**
 * A classifier's results on labeled data: mean cross-entropy, accuracy and the confusion matrix
 * (rows: true class, columns: predicted class), with per-class precision and recall from it.
 */
record Evaluation(double loss, long[][] confusion) {

    static final int BATCH = 1000;

    /** Runs the model in eval mode without recording, in batches. */
    static Evaluation of(Module model, TensorDataset data, int classes) {
        model.eval();
        long[][] confusion = new long[classes][classes];
        double lossSum = 0;
        try (var g = Tensor.noGrad()) {
            for (Batch b : new DataLoader(data, BATCH)) {
                Tensor logits = model.forward(b.x());
                lossSum += Loss.crossEntropy(logits, b.y(), Reduction.SUM).item();
                long[] predicted = logits.argmax(1, false).toLongArray(), actual = b.y().toLongArray();
                for (int i = 0; i < actual.length; i++) confusion[(int) actual[i]][(int) predicted[i]]++;
            }
        }
        return new Evaluation(lossSum / data.size(), confusion);
    }

    long total() {
        long n = 0;
        for (long[] row : confusion) for (long c : row) n += c;
        return n;
    }

    long correct() {
        long n = 0;
        for (int i = 0; i < confusion.length; i++) n += confusion[i][i];
        return n;
    }

    double accuracy() {
        return total() == 0 ? 0 : (double) correct() / total();
    }

    /** Of the samples predicted as class c, the fraction that are c (NaN if none was predicted). */
    double precision(int c) {
        long predicted = 0;
        for (long[] row : confusion) predicted += row[c];
        return predicted == 0 ? Double.NaN : (double) confusion[c][c] / predicted;
    }

    /** Of the samples of class c, the fraction predicted as c (NaN if there are none). */
    double recall(int c) {
        long actual = 0;
        for (long v : confusion[c]) actual += v;
        return actual == 0 ? Double.NaN : (double) confusion[c][c] / actual;
    }

    /** Accuracy, per-class precision, recall and support, and the confusion matrix. */
    void print(PrintWriter out, List<String> classNames) {
        out.printf(Locale.ROOT, "accuracy: %.2f%% (%d/%d), loss %.4f%n", 100 * accuracy(), correct(), total(), loss);
        out.println();
        int nameWidth = Math.max(5, classNames.stream().mapToInt(String::length).max().orElse(5));
        out.printf(Locale.ROOT, "%-" + nameWidth + "s %9s %9s %8s%n", "class", "precision", "recall", "support");
        for (int c = 0; c < confusion.length; c++) {
            long support = 0;
            for (long v : confusion[c]) support += v;
            out.printf(Locale.ROOT, "%-" + nameWidth + "s %9s %9s %8d%n", classNames.get(c), percent(precision(c)),
                    percent(recall(c)), support);
        }
        out.println();
        out.println("confusion matrix (rows: true class, columns: predicted class)");
        int width = 4;
        for (long[] row : confusion) for (long v : row) width = Math.max(width, Long.toString(v).length() + 1);
        StringBuilder header = new StringBuilder(" ".repeat(nameWidth));
        for (int c = 0; c < confusion.length; c++) header.append(String.format(Locale.ROOT, "%" + width + "d", c));
        out.println(header);
        for (int r = 0; r < confusion.length; r++) {
            StringBuilder line = new StringBuilder(String.format(Locale.ROOT, "%-" + nameWidth + "s", classNames.get(r)));
            for (long v : confusion[r]) line.append(String.format(Locale.ROOT, "%" + width + "d", v));
            out.println(line);
        }
    }

    private static String percent(double v) {
        return Double.isNaN(v) ? "-" : String.format(Locale.ROOT, "%.2f%%", 100 * v);
    }
}
