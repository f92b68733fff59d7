package dev.jgrad.nn;

import dev.jgrad.data.DataSources;
import dev.jgrad.data.LabeledSamples;
import org.junit.jupiter.api.Assumptions;

import java.io.IOException;
import java.io.UncheckedIOException;

/** Fisher's iris from the shared data directory; tests using it skip when it is absent. */
record Iris(double[][] features, int[] labels) {

    static Iris load() {
        var root = DataSources.defaultRoot();
        Assumptions.assumeTrue(root.isPresent(), "shared data not found (-Djgrad.data or $JGRAD_DATA); skipping the iris training test");
        try {
            LabeledSamples data = DataSources.iris(root.get());
            int n = data.count(), f = data.featureSize();
            double[][] x = new double[n][f];
            for (int i = 0; i < n; i++)
                for (int j = 0; j < f; j++) x[i][j] = data.features()[i * f + j];
            return new Iris(x, data.labels().clone());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    int size() {
        return labels.length;
    }

    /** The features with each column shifted to mean 0 and scaled to standard deviation 1. */
    double[][] standardized() {
        int n = size(), f = features[0].length;
        double[][] out = new double[n][f];
        for (int j = 0; j < f; j++) {
            double mean = 0, var = 0;
            for (double[] row : features) mean += row[j] / n;
            for (double[] row : features) var += (row[j] - mean) * (row[j] - mean) / n;
            double sd = Math.sqrt(var);
            for (int i = 0; i < n; i++) out[i][j] = (features[i][j] - mean) / sd;
        }
        return out;
    }

    static double[] flat(double[][] rows) {
        int f = rows[0].length;
        double[] out = new double[rows.length * f];
        for (int i = 0; i < rows.length; i++) System.arraycopy(rows[i], 0, out, i * f, f);
        return out;
    }
}
