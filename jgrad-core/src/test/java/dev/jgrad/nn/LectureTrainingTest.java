package dev.jgrad.nn;

import dev.jgrad.Tensor;
import dev.jgrad.data.Batch;
import dev.jgrad.data.DataLoader;
import dev.jgrad.data.TensorDataset;
import dev.jgrad.optim.Adam;
import dev.jgrad.optim.SGD;
import dev.jgrad.tensor.DType;
import dev.jgrad.tensor.Generator;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The lecture's models trained on iris twice: with hand-derived gradient-descent rules in plain
 * double loops (w = w - alpha dL/dw, analytic gradients), and with autograd + SGD. In float64
 * both must end at the same weights.
 */
class LectureTrainingTest {
    static final double TOLERANCE = 1e-9;

    /** The first three standardized features, predicting the fourth (petal width). */
    @Test
    void linearRegressionMatchesHandDerivedUpdates() {
        Iris iris = Iris.load();
        double[][] all = iris.standardized();
        int n = iris.size(), f = 3;
        double[][] x = new double[n][f];
        double[] t = new double[n];
        for (int i = 0; i < n; i++) {
            System.arraycopy(all[i], 0, x[i], 0, f);
            t[i] = all[i][3];
        }
        double alpha = 0.05;
        int steps = 300;
        Linear model = new Linear(f, 1, true, Init.DEFAULT, DType.FLOAT64, new Generator(3));
        double[] w = model.weight().toDoubleArray();
        double b = model.bias().item();

        // L = 1/N sum (w.x + b - t)^2;  dL/dw = 2/N sum r x;  dL/db = 2/N sum r
        for (int s = 0; s < steps; s++) {
            double[] gw = new double[f];
            double gb = 0;
            for (int i = 0; i < n; i++) {
                double r = b - t[i];
                for (int j = 0; j < f; j++) r += w[j] * x[i][j];
                for (int j = 0; j < f; j++) gw[j] += 2 * r * x[i][j] / n;
                gb += 2 * r / n;
            }
            for (int j = 0; j < f; j++) w[j] -= alpha * gw[j];
            b -= alpha * gb;
        }

        Tensor xs = Tensor.of(Iris.flat(x), n, f), ts = Tensor.of(t);
        SGD sgd = new SGD(model.parameters(), alpha);
        double loss = 0;
        for (int s = 0; s < steps; s++) {
            sgd.zeroGrad();
            Tensor l = Loss.mse(model.forward(xs).reshape(n), ts);
            l.backward();
            sgd.step();
            loss = l.item();
        }
        assertArrayEquals(w, model.weight().toDoubleArray(), TOLERANCE);
        assertEquals(b, model.bias().item(), TOLERANCE);
        // petal width is well explained by the other measurements (R^2 > 0.9 on standardized data)
        assertTrue(loss < 0.1, "mean squared error " + loss);
    }

    /** Virginica or not, with sigmoid output and squared error: the classic delta rule. */
    @Test
    void sigmoidPerceptronMatchesHandDerivedUpdates() {
        Iris iris = Iris.load();
        double[][] x = iris.standardized();
        int n = iris.size(), f = 4;
        double[] t = new double[n];
        for (int i = 0; i < n; i++) t[i] = iris.labels()[i] == 2 ? 1 : 0;
        double alpha = 0.5;
        int steps = 300;
        Linear model = new Linear(f, 1, true, Init.DEFAULT, DType.FLOAT64, new Generator(4));
        double[] w = model.weight().toDoubleArray();
        double b = model.bias().item();

        // y = sigmoid(w.x + b); L = 1/N sum (y - t)^2; dL/dz = 2/N (y - t) y (1 - y)
        for (int s = 0; s < steps; s++) {
            double[] gw = new double[f];
            double gb = 0;
            for (int i = 0; i < n; i++) {
                double z = b;
                for (int j = 0; j < f; j++) z += w[j] * x[i][j];
                double y = 1 / (1 + Math.exp(-z));
                double dz = 2 * (y - t[i]) * y * (1 - y) / n;
                for (int j = 0; j < f; j++) gw[j] += dz * x[i][j];
                gb += dz;
            }
            for (int j = 0; j < f; j++) w[j] -= alpha * gw[j];
            b -= alpha * gb;
        }

        Module net = new Sequential(model, new Sigmoid());
        Tensor xs = Tensor.of(Iris.flat(x), n, f), ts = Tensor.of(t);
        SGD sgd = new SGD(net.parameters(), alpha);
        for (int s = 0; s < steps; s++) {
            net.zeroGrad();
            Loss.mse(net.forward(xs).reshape(n), ts).backward();
            sgd.step();
        }
        assertArrayEquals(w, model.weight().toDoubleArray(), TOLERANCE);
        assertEquals(b, model.bias().item(), TOLERANCE);
        double[] y = net.forward(xs).toDoubleArray();
        int correct = 0;
        for (int i = 0; i < n; i++) if ((y[i] > 0.5) == (t[i] == 1)) correct++;
        assertTrue(correct >= 0.9 * n, "accuracy " + correct + "/" + n);
    }

    /** Logistic regression (virginica or not) with the fused binary cross-entropy: dL/dz = (sigmoid(z) - t) / N. */
    @Test
    void logisticRegressionMatchesHandDerivedUpdates() {
        Iris iris = Iris.load();
        double[][] x = iris.standardized();
        int n = iris.size(), f = 4;
        double[] t = new double[n];
        for (int i = 0; i < n; i++) t[i] = iris.labels()[i] == 2 ? 1 : 0;
        double alpha = 0.3;
        int steps = 200;
        Linear model = new Linear(f, 1, true, Init.ZEROS, DType.FLOAT64, new Generator(0));
        double[] w = new double[f];
        double b = 0;
        for (int s = 0; s < steps; s++) {
            double[] gw = new double[f];
            double gb = 0;
            for (int i = 0; i < n; i++) {
                double z = b;
                for (int j = 0; j < f; j++) z += w[j] * x[i][j];
                double dz = (1 / (1 + Math.exp(-z)) - t[i]) / n;
                for (int j = 0; j < f; j++) gw[j] += dz * x[i][j];
                gb += dz;
            }
            for (int j = 0; j < f; j++) w[j] -= alpha * gw[j];
            b -= alpha * gb;
        }
        Tensor xs = Tensor.of(Iris.flat(x), n, f), ts = Tensor.of(t);
        SGD sgd = new SGD(model.parameters(), alpha);
        for (int s = 0; s < steps; s++) {
            sgd.zeroGrad();
            Loss.binaryCrossEntropyWithLogits(model.forward(xs).reshape(n), ts).backward();
            sgd.step();
        }
        assertArrayEquals(w, model.weight().toDoubleArray(), TOLERANCE);
        assertEquals(b, model.bias().item(), TOLERANCE);
    }

    /** Softmax regression: dL/dW = (P - Y)^T X / N; three classes, high training accuracy. */
    @Test
    void softmaxRegressionMatchesHandDerivedUpdatesAndFitsIris() {
        Iris iris = Iris.load();
        double[][] x = iris.standardized();
        int n = iris.size(), f = 4, c = 3;
        int[] labels = iris.labels();
        double alpha = 0.5;
        int steps = 150;
        Linear model = (Linear) Models.fromSpec("softmax", f, c, "relu", 5).to(DType.FLOAT64);
        double[] w = model.weight().toDoubleArray(), b = model.bias().toDoubleArray();
        for (int s = 0; s < steps; s++) {
            double[] gw = new double[c * f], gb = new double[c];
            for (int i = 0; i < n; i++) {
                double[] z = new double[c];
                double max = Double.NEGATIVE_INFINITY, sum = 0;
                for (int k = 0; k < c; k++) {
                    z[k] = b[k];
                    for (int j = 0; j < f; j++) z[k] += w[k * f + j] * x[i][j];
                    max = Math.max(max, z[k]);
                }
                for (int k = 0; k < c; k++) sum += Math.exp(z[k] - max);
                for (int k = 0; k < c; k++) {
                    double dz = (Math.exp(z[k] - max) / sum - (labels[i] == k ? 1 : 0)) / n;
                    for (int j = 0; j < f; j++) gw[k * f + j] += dz * x[i][j];
                    gb[k] += dz;
                }
            }
            for (int k = 0; k < c * f; k++) w[k] -= alpha * gw[k];
            for (int k = 0; k < c; k++) b[k] -= alpha * gb[k];
        }
        Tensor xs = Tensor.of(Iris.flat(x), n, f), ys = Tensor.of(labels);
        SGD sgd = new SGD(model.parameters(), alpha);
        for (int s = 0; s < steps; s++) {
            sgd.zeroGrad();
            Loss.crossEntropy(model.forward(xs), ys).backward();
            sgd.step();
        }
        assertArrayEquals(w, model.weight().toDoubleArray(), TOLERANCE);
        assertArrayEquals(b, model.bias().toDoubleArray(), TOLERANCE);
        double accuracy = accuracy(model, xs, ys);
        assertTrue(accuracy >= 0.9, "softmax regression train accuracy " + accuracy);
    }

    /** A float32 MLP trained with mini-batches from a shuffling loader and Adam. */
    @Test
    void mlpFitsIrisWithMiniBatches() {
        Iris iris = Iris.load();
        int n = iris.size();
        Tensor xs = Tensor.of(Iris.flat(iris.standardized()), n, 4).to(DType.FLOAT32), ys = Tensor.of(iris.labels());
        Module net = Models.mlp(4, new int[] {16}, 3, "relu", 11);
        Adam adam = new Adam(net.parameters(), 0.01);
        DataLoader loader = new DataLoader(new TensorDataset(xs, ys), 16, true, false, 12);
        for (int epoch = 0; epoch < 40; epoch++) {
            for (Batch batch : loader) {
                adam.zeroGrad();
                Loss.crossEntropy(net.forward(batch.x()), batch.y()).backward();
                adam.step();
            }
        }
        double accuracy = accuracy(net, xs, ys);
        assertTrue(accuracy >= 0.95, "MLP train accuracy " + accuracy);
    }

    static double accuracy(Module model, Tensor x, Tensor labels) {
        long[] predicted = model.forward(x).argmax(1, false).toLongArray(), y = labels.toLongArray();
        int correct = 0;
        for (int i = 0; i < y.length; i++) if (predicted[i] == y[i]) correct++;
        return correct / (double) y.length;
    }
}
