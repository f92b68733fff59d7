package dev.jgrad.nn;

import org.junit.jupiter.api.Assumptions;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** Fisher's iris from the shared data directory; tests using it skip when it is absent. */
record Iris(double[][] features, int[] labels) {

    static Iris load() {
        String dir = System.getProperty("jgrad.data");
        Path file = dir == null ? null : Path.of(dir, "sklearn", "iris.csv");
        Assumptions.assumeTrue(file != null && Files.isRegularFile(file),
                "iris.csv not found (system property jgrad.data=" + dir + "); skipping the iris training test");
        try {
            List<String> lines = Files.readAllLines(file);
            String[] header = lines.get(0).split(",");
            int n = Integer.parseInt(header[0]), f = Integer.parseInt(header[1]);
            double[][] x = new double[n][f];
            int[] y = new int[n];
            for (int i = 0; i < n; i++) {
                String[] cells = lines.get(i + 1).split(",");
                for (int j = 0; j < f; j++) x[i][j] = Double.parseDouble(cells[j]);
                y[i] = Integer.parseInt(cells[f].strip());
            }
            return new Iris(x, y);
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
