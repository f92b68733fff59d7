package dev.jgrad.viz;

import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * Counts of (true class, predicted class) pairs over a test set, with the class names to print.
 * Immutable; per-class precision and recall are derived from it.
 */
public final class ConfusionMatrix {

    private final List<String> classNames;
    private final long[] counts;

    /** {@code counts[actual][predicted]}: a square table with one row and column per class name. */
    public ConfusionMatrix(List<String> classNames, long[][] counts) {
        this.classNames = List.copyOf(Objects.requireNonNull(classNames, "ConfusionMatrix: classNames is null"));
        Objects.requireNonNull(counts, "ConfusionMatrix: counts is null");
        var k = this.classNames.size();
        if (k == 0) {
            throw new IllegalArgumentException("ConfusionMatrix: needs at least one class");
        }
        if (counts.length != k) {
            throw new IllegalArgumentException("ConfusionMatrix: " + k + " class names but " + counts.length + " rows");
        }
        this.counts = new long[k * k];
        for (var a = 0; a < k; a++) {
            if (counts[a] == null || counts[a].length != k) {
                throw new IllegalArgumentException("ConfusionMatrix: row " + a + " must have " + k + " columns, has "
                        + (counts[a] == null ? "none" : counts[a].length));
            }
            for (var p = 0; p < k; p++) {
                if (counts[a][p] < 0) {
                    throw new IllegalArgumentException("ConfusionMatrix: negative count " + counts[a][p] + " at (" + a + ", " + p + ")");
                }
                this.counts[a * k + p] = counts[a][p];
            }
        }
    }

    /** Tallies parallel arrays of true and predicted class indices. */
    public static ConfusionMatrix of(List<String> classNames, int[] actual, int[] predicted) {
        Objects.requireNonNull(classNames, "ConfusionMatrix.of: classNames is null");
        Objects.requireNonNull(actual, "ConfusionMatrix.of: actual is null");
        Objects.requireNonNull(predicted, "ConfusionMatrix.of: predicted is null");
        if (actual.length != predicted.length) {
            throw new IllegalArgumentException("ConfusionMatrix.of: " + actual.length + " true labels but "
                    + predicted.length + " predictions");
        }
        var k = classNames.size();
        var table = new long[k][k];
        for (var i = 0; i < actual.length; i++) {
            if (actual[i] < 0 || actual[i] >= k || predicted[i] < 0 || predicted[i] >= k) {
                throw new IllegalArgumentException("ConfusionMatrix.of: sample " + i + " has class (" + actual[i] + ", "
                        + predicted[i] + ") outside [0, " + k + ")");
            }
            table[actual[i]][predicted[i]]++;
        }
        return new ConfusionMatrix(classNames, table);
    }

    public List<String> classNames() {
        return classNames;
    }

    public int size() {
        return classNames.size();
    }

    public long count(int actual, int predicted) {
        var k = size();
        if (actual < 0 || actual >= k || predicted < 0 || predicted >= k) {
            throw new IndexOutOfBoundsException("ConfusionMatrix.count: (" + actual + ", " + predicted + ") outside a "
                    + k + "x" + k + " matrix");
        }
        return counts[actual * k + predicted];
    }

    /** A fresh copy of the table, {@code [actual][predicted]}. */
    public long[][] counts() {
        var k = size();
        var table = new long[k][];
        for (var a = 0; a < k; a++) {
            table[a] = Arrays.copyOfRange(counts, a * k, (a + 1) * k);
        }
        return table;
    }

    public long total() {
        return Arrays.stream(counts).sum();
    }

    public long correct() {
        long sum = 0;
        for (var c = 0; c < size(); c++) {
            sum += count(c, c);
        }
        return sum;
    }

    /** Samples whose true class is {@code c}. */
    public long support(int c) {
        long sum = 0;
        for (var p = 0; p < size(); p++) {
            sum += count(c, p);
        }
        return sum;
    }

    /** Samples predicted as {@code c}. */
    public long predicted(int c) {
        long sum = 0;
        for (var a = 0; a < size(); a++) {
            sum += count(a, c);
        }
        return sum;
    }

    /** Fraction correct; NaN for an empty matrix. */
    public double accuracy() {
        return ratio(correct(), total());
    }

    /** Of the samples predicted as {@code c}, the fraction truly {@code c}; NaN if none were predicted. */
    public double precision(int c) {
        return ratio(count(c, c), predicted(c));
    }

    /** Of the samples truly {@code c}, the fraction predicted as {@code c}; NaN if there are none. */
    public double recall(int c) {
        return ratio(count(c, c), support(c));
    }

    /** Harmonic mean of precision and recall; NaN when either is undefined, 0 when both are 0. */
    public double f1(int c) {
        var p = precision(c);
        var r = recall(c);
        return p + r == 0 ? 0 : 2 * p * r / (p + r);
    }

    private static double ratio(long numerator, long denominator) {
        return denominator == 0 ? Double.NaN : (double) numerator / denominator;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ConfusionMatrix other && classNames.equals(other.classNames) && Arrays.equals(counts, other.counts);
    }

    @Override
    public int hashCode() {
        return 31 * classNames.hashCode() + Arrays.hashCode(counts);
    }

    @Override
    public String toString() {
        return "ConfusionMatrix[" + size() + " classes, " + total() + " samples, accuracy " + Fmt.percent(accuracy()) + "]";
    }
}
