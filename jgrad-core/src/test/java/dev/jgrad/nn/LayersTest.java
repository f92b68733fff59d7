package dev.jgrad.nn;

import dev.jgrad.Tensor;
import dev.jgrad.tensor.DType;
import dev.jgrad.tensor.Generator;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Layer forward passes against hand computation, initialization statistics, dropout statistics. */
class LayersTest {

    @Test
    void linearComputesXWTransposePlusB() {
        Linear lin = new Linear(3, 2, true, Init.DEFAULT, DType.FLOAT64, new Generator(5));
        double[] w = lin.weight().toDoubleArray(), b = lin.bias().toDoubleArray();
        double[] x = {1, -2, 0.5, 3, 0.25, -1};
        double[] y = lin.forward(Tensor.of(x, 2, 3)).toDoubleArray();
        for (int i = 0; i < 2; i++)
            for (int o = 0; o < 2; o++) {
                double expected = b[o];
                for (int k = 0; k < 3; k++) expected += x[i * 3 + k] * w[o * 3 + k];
                assertEquals(expected, y[i * 2 + o], 1e-15);
            }
        // leading dims pass through
        assertArrayEquals(new int[] {4, 5, 2}, lin.forward(Tensor.zeros(DType.FLOAT64, 4, 5, 3)).shape());
    }

    @Test
    void linearWithoutBias() {
        Linear lin = new Linear(3, 2, false, Init.XAVIER, DType.FLOAT32, new Generator(1));
        assertNull(lin.bias());
        assertEquals(List.of("weight"), List.copyOf(lin.namedParameters().keySet()));
        Tensor x = Tensor.randn(2, 4, 3);
        assertTrue(lin.forward(x).allClose(x.matmul(lin.weight().t()), 0, 0));
    }

    @Test
    void linearRejectsWrongFeatureCount() {
        Linear lin = new Linear(784, 256, 1L);
        var e = assertThrows(IllegalArgumentException.class, () -> lin.forward(Tensor.zeros(32, 100)));
        assertEquals("Linear(784 -> 256): input of shape [32, 100] must have 784 features in its last dimension", e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> new Linear(0, 3, 1L));
    }

    /** A uniform(-a, a) sample: every value inside, extremes near +-a, variance near a^2/3. */
    static void assertUniform(Tensor t, double bound) {
        double[] v = t.toDoubleArray();
        double max = 0, sumSq = 0;
        for (double x : v) {
            assertTrue(Math.abs(x) <= bound, x + " outside +-" + bound);
            max = Math.max(max, Math.abs(x));
            sumSq += x * x;
        }
        assertTrue(max > 0.99 * bound, "the extremes reach the bound");
        assertEquals(bound * bound / 3, sumSq / v.length, 0.03 * bound * bound / 3);
    }

    @Test
    void initializationSchemes() {
        int in = 300, out = 200;
        Linear def = new Linear(in, out, Init.DEFAULT, new Generator(1));
        assertUniform(def.weight(), 1 / Math.sqrt(in));
        assertTrue(Math.abs(def.bias().amax().item()) <= 1 / Math.sqrt(in) && def.bias().abs().sum().item() > 0);

        Linear he = new Linear(in, out, Init.HE, new Generator(1));
        assertUniform(he.weight(), Math.sqrt(6.0 / in));
        assertEquals(0, he.bias().abs().sum().item());

        Linear xavier = new Linear(in, out, Init.XAVIER, new Generator(1));
        assertUniform(xavier.weight(), Math.sqrt(6.0 / (in + out)));
        assertEquals(0, xavier.bias().abs().sum().item());

        Linear zeros = new Linear(in, out, Init.ZEROS, new Generator(1));
        assertEquals(0, zeros.weight().abs().sum().item());
    }

    @Test
    void initializationIsSeeded() {
        assertTrue(new Linear(5, 4, 7L).weight().allClose(new Linear(5, 4, 7L).weight(), 0, 0));
        assertFalse(new Linear(5, 4, 7L).weight().allClose(new Linear(5, 4, 8L).weight()));
        Linear f64 = new Linear(5, 4, true, Init.DEFAULT, DType.FLOAT64, new Generator(7));
        assertEquals(DType.FLOAT64, f64.weight().dtype());
        assertTrue(f64.weight().to(DType.FLOAT32).allClose(new Linear(5, 4, 7L).weight(), 0, 0), "same draws in either precision");
    }

    @Test
    void activationsMatchTensorOps() {
        Tensor x = Tensor.randn(3, 4, 5);
        assertTrue(new ReLU().forward(x).allClose(x.relu(), 0, 0));
        assertTrue(new LeakyReLU(0.2).forward(x).allClose(x.leakyRelu(0.2), 0, 0));
        assertTrue(new LeakyReLU().forward(x).allClose(x.leakyRelu(0.01), 0, 0));
        assertTrue(new Sigmoid().forward(x).allClose(x.sigmoid(), 0, 0));
        assertTrue(new Tanh().forward(x).allClose(x.tanh(), 0, 0));
        assertSame(x, new Identity().forward(x));
        Tensor p = new Softmax().forward(x);
        assertTrue(p.sum(1, false).allClose(Tensor.ones(4), 1e-6, 1e-6));
        assertTrue(new LogSoftmax().forward(x).exp().allClose(p, 1e-5, 1e-7));
        assertTrue(new Softmax(0).forward(x).sum(0, false).allClose(Tensor.ones(5), 1e-6, 1e-6));
        assertArrayEquals(new int[] {2, 12}, new Flatten().forward(Tensor.zeros(2, 3, 4)).shape());
        assertArrayEquals(new int[] {6, 4}, new Flatten(0, 1).forward(Tensor.zeros(2, 3, 4)).shape());
        assertEquals(0, new ReLU().numParameters());
    }

    @Test
    void dropoutStatistics() {
        double p = 0.3;
        int n = 200_000;
        Dropout drop = new Dropout(p, 11);
        Tensor x = Tensor.ones(n).requiresGrad(true);
        Tensor y = drop.forward(x);
        float[] v = y.toFloatArray();
        int zeros = 0;
        double sum = 0;
        for (float f : v) {
            if (f == 0) zeros++;
            else assertEquals(1 / (1 - p), f, 1e-6, "survivors are scaled by 1/(1-p)");
            sum += f;
        }
        // binomial: sd of the zero fraction is sqrt(p(1-p)/n) ~ 0.001
        assertEquals(p, zeros / (double) n, 0.005);
        assertEquals(1.0, sum / n, 0.01, "inverted dropout keeps the mean");
        y.sum().backward();
        assertTrue(x.grad().allClose(y.detach(), 0, 0), "the gradient is the same scaled mask");

        Tensor second = drop.forward(Tensor.ones(n));
        assertFalse(second.allClose(y.detach()), "each call draws a new mask");
        assertTrue(new Dropout(p, 11).forward(Tensor.ones(n)).allClose(y.detach(), 0, 0), "same seed, same masks");

        drop.eval();
        Tensor z = Tensor.randn(1, 10);
        assertSame(z, drop.forward(z), "dropout is the identity in eval mode");
    }

    @Test
    void dropoutEdgeProbabilities() {
        Tensor x = Tensor.randn(DType.FLOAT64, new Generator(2), 50);
        assertSame(x, new Dropout(0, 1).forward(x));
        assertEquals(0, new Dropout(1, 1).forward(x).abs().sum().item());
        Tensor half = new Dropout(0.5, 3).forward(x);
        assertEquals(DType.FLOAT64, half.dtype());
        double[] a = x.toDoubleArray(), b = half.toDoubleArray();
        for (int i = 0; i < a.length; i++) assertTrue(b[i] == 0 || b[i] == 2 * a[i]);
        assertThrows(IllegalArgumentException.class, () -> new Dropout(1.5, 1));
        assertThrows(IllegalArgumentException.class, () -> new Dropout(Double.NaN, 1));
    }
}
