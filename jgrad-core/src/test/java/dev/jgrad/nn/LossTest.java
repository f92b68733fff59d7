package dev.jgrad.nn;

import dev.jgrad.Tensor;
import dev.jgrad.autograd.GradCheck;
import dev.jgrad.tensor.DType;
import dev.jgrad.tensor.Generator;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.function.Function;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Loss values against hand computation, stability at extreme logits, and float64 gradchecks. */
class LossTest {
    static final Tensor LABELS = Tensor.of(new int[] {2, 0, 1, 2});

    static Tensor randn(long seed, int... shape) {
        return Tensor.randn(DType.FLOAT64, new Generator(seed), shape).requiresGrad(true);
    }

    static void assertGradCheck(String what, Function<List<Tensor>, Tensor> f, Tensor... inputs) {
        GradCheck.Result r = GradCheck.check(f, inputs);
        assertTrue(r.passed(), what + ": " + r);
    }

    static void assertSecondOrder(String what, Function<List<Tensor>, Tensor> f, Tensor... inputs) {
        GradCheck.Result r = GradCheck.checkSecondOrder(f, inputs);
        assertTrue(r.passed(), what + ": " + r);
    }

    // ---------------------------------------------------------------- cross-entropy

    @Test
    void crossEntropyByHand() {
        Tensor logits = Tensor.of(new double[] {1, 2, 3, 1, 1, 1}, 2, 3);
        Tensor labels = Tensor.of(new int[] {2, 0});
        double l0 = Math.log(Math.exp(1) + Math.exp(2) + Math.exp(3)) - 3, l1 = Math.log(3);
        assertArrayEquals(new double[] {l0, l1}, Loss.crossEntropy(logits, labels, Reduction.NONE).toDoubleArray(), 1e-15);
        assertEquals((l0 + l1) / 2, Loss.crossEntropy(logits, labels).item(), 1e-15);
        assertEquals(l0 + l1, Loss.crossEntropy(logits, labels, Reduction.SUM).item(), 1e-15);
    }

    @Test
    void crossEntropyEqualsNllOfLogSoftmax() {
        Tensor x = Tensor.randn(3, 4, 3);
        assertTrue(Loss.crossEntropy(x, LABELS, Reduction.NONE).allClose(Loss.nll(x.logSoftmax(1), LABELS, Reduction.NONE), 1e-6, 1e-6));
        assertEquals(Loss.nll(x.logSoftmax(1), LABELS).item(), Loss.crossEntropy(x, LABELS).item(), 1e-6);
    }

    @Test
    void crossEntropyIsStableForHugeLogits() {
        for (DType dt : new DType[] {DType.FLOAT32, DType.FLOAT64}) {
            Tensor logits = Tensor.of(new double[] {1e4, 0, -1e4, -1e4, 1e4, 1e4}, 2, 3).to(dt).requiresGrad(true);
            Tensor loss = Loss.crossEntropy(logits, Tensor.of(new int[] {0, 0}), Reduction.NONE);
            // row 0: the label has all the mass; row 1: 1e4 - (-1e4) + log 2
            assertArrayEquals(new double[] {0, 2e4 + Math.log(2)}, loss.toDoubleArray(), dt == DType.FLOAT32 ? 1e-2 : 1e-9);
            loss.sum().backward();
            assertTrue(logits.grad().isFinite(), dt + " gradient at logits 1e4 must be finite");
            assertArrayEquals(new double[] {0, 0, 0, -1, 0.5, 0.5}, logits.grad().toDoubleArray(), 1e-6);
        }
    }

    @Test
    void crossEntropyGradCheck() {
        for (Reduction r : Reduction.values())
            assertGradCheck("crossEntropy " + r, x -> Loss.crossEntropy(x.get(0), LABELS, r), randn(1, 4, 3));
        // non-contiguous logits
        assertGradCheck("crossEntropy transposed", x -> Loss.crossEntropy(x.get(0).t(), LABELS), randn(2, 3, 4));
        assertSecondOrder("crossEntropy second order", x -> Loss.crossEntropy(x.get(0), LABELS), randn(3, 4, 3));
    }

    @Test
    void crossEntropyGradCheckAtLogitsOfTenThousand() {
        Tensor x = Tensor.randn(DType.FLOAT64, new Generator(4), 4, 3).add(1e4).detach().requiresGrad(true);
        Function<List<Tensor>, Tensor> f = xs -> Loss.crossEntropy(xs.get(0), LABELS);
        Tensor loss = f.apply(List.of(x));
        assertTrue(loss.isFinite());
        loss.backward();
        assertTrue(x.grad().isFinite());
        // values near 1e4 carry ~1e-12 absolute rounding, so finite differences are good to ~1e-6
        GradCheck.Result r = GradCheck.check(f, List.of(x), GradCheck.Options.defaults().withTolerance(1e-4));
        assertTrue(r.passed(), r.toString());
    }

    @Test
    void labelsAreValidated() {
        Tensor logits = Tensor.zeros(4, 3);
        var e = assertThrows(IllegalArgumentException.class, () -> Loss.crossEntropy(logits, Tensor.of(new int[] {0, 5, 1, 2})));
        assertEquals("crossEntropy: label 5 at row 1 is outside the 3 classes (valid labels are 0..2)", e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> Loss.nll(logits, Tensor.of(new int[] {0, 1, -1, 2})));
        assertTrue(e.getMessage().startsWith("nll: label -1 at row 2"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> Loss.crossEntropy(logits, Tensor.of(new float[] {0, 1, 1, 2})));
        assertTrue(e.getMessage().contains("labels must be int64 class indices, got float32"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> Loss.crossEntropy(logits, Tensor.of(new int[] {0, 1})));
        assertTrue(e.getMessage().contains("labels of shape [2] do not match scores of shape [4, 3]"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> Loss.crossEntropy(Tensor.zeros(3), Tensor.of(new int[] {0})));
        assertTrue(e.getMessage().contains("scores must be [batch, classes]"), e.getMessage());
    }

    // ---------------------------------------------------------------- nll, hinge

    @Test
    void nllPicksTheLabelledEntry() {
        Tensor logProbs = Tensor.of(new double[] {-0.1, -2, -3, -1, -0.5, -4}, 2, 3);
        assertArrayEquals(new double[] {3, 0.5}, Loss.nll(logProbs, Tensor.of(new int[] {2, 1}), Reduction.NONE).toDoubleArray());
        assertEquals(1.75, Loss.nll(logProbs, Tensor.of(new int[] {2, 1})).item());
        assertGradCheck("nll", x -> Loss.nll(x.get(0).logSoftmax(1), LABELS, Reduction.SUM), randn(5, 4, 3));
    }

    @Test
    void multiclassHingeOnTheLectureExample() {
        // scores of cat, car, frog for three images whose true classes are cat, car, frog
        Tensor scores = Tensor.of(new double[] {3.2, 5.1, -1.7, 1.3, 4.9, 2.0, 2.2, 2.5, -3.1}, 3, 3);
        Tensor labels = Tensor.of(new int[] {0, 1, 2});
        assertArrayEquals(new double[] {2.9, 0, 12.9}, Loss.multiclassHinge(scores, labels, Reduction.NONE).toDoubleArray(), 1e-12);
        assertEquals(15.8 / 3, Loss.multiclassHinge(scores, labels).item(), 1e-12);
        assertEquals(1.9 + 0 + 10.9, Loss.multiclassHinge(scores, labels, 0, Reduction.SUM).item(), 1e-12);
    }

    @Test
    void multiclassHingeGradCheck() {
        // keep every margin term away from its kink at 0
        Tensor s = Tensor.of(new double[] {0.3, 2.1, -0.7, 1.4, -1.2, 0.9, 0.2, 0.25, 3.0, -2.0, 1.0, 0.45}, 4, 3).requiresGrad(true);
        assertGradCheck("multiclassHinge", x -> Loss.multiclassHinge(x.get(0), LABELS), s);
        s.zeroGrad();
        Loss.multiclassHinge(s, LABELS, Reduction.SUM).backward();
        // row 0 (label 2, score -0.7): both others violate the margin -> -2 on the label, +1 each
        assertArrayEquals(new double[] {1, 1, -2}, s.grad().narrow(0, 0, 1).toDoubleArray(), 1e-12);
    }

    // ---------------------------------------------------------------- regression and binary

    @Test
    void mseByHand() {
        Tensor p = Tensor.of(new double[] {1, 2, 3}), t = Tensor.of(new double[] {1.5, 2, 1});
        assertEquals((0.25 + 0 + 4) / 3, Loss.mse(p, t).item(), 1e-15);
        assertEquals(4.25, Loss.mse(p, t, Reduction.SUM).item(), 1e-15);
        assertGradCheck("mse", x -> Loss.mse(x.get(0), x.get(1)), randn(6, 3, 2), randn(7, 3, 2));
        var e = assertThrows(IllegalArgumentException.class, () -> Loss.mse(Tensor.zeros(4, 1), Tensor.zeros(4)));
        assertTrue(e.getMessage().startsWith("mse: prediction of shape [4, 1] and target of shape [4] differ"), e.getMessage());
    }

    @Test
    void binaryCrossEntropyWithLogitsByHandAndStable() {
        double[] x = {-3, -0.5, 0, 0.7, 4}, y = {0, 1, 1, 0, 0.25};
        double[] got = Loss.binaryCrossEntropyWithLogits(Tensor.of(x), Tensor.of(y), Reduction.NONE).toDoubleArray();
        for (int i = 0; i < x.length; i++) {
            double s = 1 / (1 + Math.exp(-x[i]));
            assertEquals(-(y[i] * Math.log(s) + (1 - y[i]) * Math.log(1 - s)), got[i], 1e-14);
        }
        // extreme logits: the naive formula would take log(0)
        Tensor big = Tensor.of(new float[] {-1000, 1000, 100}).requiresGrad(true);
        Tensor l = Loss.binaryCrossEntropyWithLogits(big, Tensor.of(new float[] {1, 0, 1}), Reduction.NONE);
        assertArrayEquals(new double[] {1000, 1000, Math.log1p(Math.exp(-100))}, l.toDoubleArray(), 1e-3);
        l.sum().backward();
        assertArrayEquals(new double[] {-1, 1, 0}, big.grad().toDoubleArray(), 1e-6);
        // at x = 0 exactly the gradient is sigmoid(0) - y
        Tensor zero = Tensor.of(new double[] {0, 0}).requiresGrad(true);
        Loss.binaryCrossEntropyWithLogits(zero, Tensor.of(new double[] {1, 0}), Reduction.SUM).backward();
        assertArrayEquals(new double[] {-0.5, 0.5}, zero.grad().toDoubleArray(), 1e-15);
    }

    @Test
    void binaryCrossEntropyWithLogitsGradCheck() {
        Tensor targets = Tensor.rand(DType.FLOAT64, new Generator(8), 3, 4).requiresGrad(true);
        assertGradCheck("bce logits and targets", x -> Loss.binaryCrossEntropyWithLogits(x.get(0), x.get(1)), randn(9, 3, 4), targets);
        Tensor t2 = Tensor.rand(DType.FLOAT64, new Generator(15), 5).requiresGrad(true);
        assertSecondOrder("bce second order", x -> Loss.binaryCrossEntropyWithLogits(x.get(0), x.get(1), Reduction.SUM), randn(10, 5), t2);
    }

    // ---------------------------------------------------------------- regularization

    @Test
    void l2PenaltyHasTheGradientOfWeightDecay() {
        Tensor w = randn(11, 3, 2), b = randn(12, 2);
        Tensor penalty = Loss.l2Penalty(List.of(w, b), 0.1);
        double expected = 0;
        for (double v : w.toDoubleArray()) expected += v * v;
        for (double v : b.toDoubleArray()) expected += v * v;
        assertEquals(0.05 * expected, penalty.item(), 1e-14);
        penalty.backward();
        assertTrue(w.grad().allClose(w.detach().mul(0.1), 1e-14, 0));
        assertGradCheck("l2Penalty", x -> Loss.l2Penalty(x, 0.3), randn(13, 4), randn(14, 2, 2));
    }

    @Test
    void l2PenaltyOfAModuleSkipsBiases() {
        Module net = Models.mlp(4, new int[] {3}, 2, "relu", 1);
        Loss.l2Penalty(net, 1).backward();
        var named = net.namedParameters();
        assertTrue(named.get("0.weight").grad().allClose(named.get("0.weight").detach(), 1e-6, 0));
        assertTrue(named.get("2.weight").grad() != null);
        assertTrue(named.get("0.bias").grad() == null && named.get("2.bias").grad() == null);
        assertThrows(IllegalArgumentException.class, () -> Loss.l2Penalty(new ReLU(), 1));
    }
}
