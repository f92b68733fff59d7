package dev.jgrad.optim;

import dev.jgrad.Tensor;
import dev.jgrad.tensor.DType;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.function.Function;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Every optimizer against PyTorch's update formulas written out in plain double arithmetic, on
 * f(p) = sum(a p^2 + sin p) whose gradient is 2 a p + cos p.
 */
class OptimizerTest {
    static final double[] P0 = {0.5, -1.2, 2.0, 0.1};
    static final double[] A = {1, 0.5, 2, 3};
    static final int STEPS = 6;

    static Tensor loss(Tensor p) {
        return p.mul(p).mul(Tensor.of(A)).add(p.sin()).sum();
    }

    static double[] grad(double[] p) {
        double[] g = new double[p.length];
        for (int i = 0; i < p.length; i++) g[i] = 2 * A[i] * p[i] + Math.cos(p[i]);
        return g;
    }

    /** One reference update of p in place, given the gradient and the 1-based step number. */
    interface Reference {
        void step(double[] p, double[] g, int t);
    }

    static void assertFollows(Function<List<Tensor>, Optimizer> make, Reference ref, DType dtype, double tolerance) {
        Tensor p = Tensor.of(P0).to(dtype).requiresGrad(true);
        Optimizer opt = make.apply(List.of(p));
        double[] q = P0.clone();
        for (int t = 1; t <= STEPS; t++) {
            opt.zeroGrad();
            loss(p).backward();
            opt.step();
            ref.step(q, grad(q), t);
            assertArrayEquals(q, p.toDoubleArray(), tolerance, opt + " at step " + t);
        }
        assertEquals(STEPS, opt.stepCount());
    }

    static void assertFollows(Function<List<Tensor>, Optimizer> make, Reference ref) {
        assertFollows(make, ref, DType.FLOAT64, 1e-12);
    }

    // ---------------------------------------------------------------- references

    static Reference sgd(double lr, double momentum, double dampening, boolean nesterov, double wd) {
        double[] buf = new double[P0.length];
        return (p, g, t) -> {
            for (int i = 0; i < p.length; i++) {
                double d = g[i] + wd * p[i];
                if (momentum != 0) {
                    buf[i] = t == 1 ? d : momentum * buf[i] + (1 - dampening) * d;
                    d = nesterov ? d + momentum * buf[i] : buf[i];
                }
                p[i] -= lr * d;
            }
        };
    }

    static Reference adam(double lr, double b1, double b2, double eps, double wd, boolean decoupled) {
        double[] m = new double[P0.length], v = new double[P0.length];
        return (p, g, t) -> {
            for (int i = 0; i < p.length; i++) {
                double gi = g[i];
                if (decoupled) p[i] *= 1 - lr * wd;
                else gi += wd * p[i];
                m[i] = b1 * m[i] + (1 - b1) * gi;
                v[i] = b2 * v[i] + (1 - b2) * gi * gi;
                double bc1 = 1 - Math.pow(b1, t), bc2 = 1 - Math.pow(b2, t);
                p[i] -= lr / bc1 * m[i] / (Math.sqrt(v[i]) / Math.sqrt(bc2) + eps);
            }
        };
    }

    static Reference rmsprop(double lr, double alpha, double eps, double wd, double momentum, boolean centered) {
        double[] sq = new double[P0.length], ga = new double[P0.length], buf = new double[P0.length];
        return (p, g, t) -> {
            for (int i = 0; i < p.length; i++) {
                double gi = g[i] + wd * p[i];
                sq[i] = alpha * sq[i] + (1 - alpha) * gi * gi;
                double avg;
                if (centered) {
                    ga[i] = alpha * ga[i] + (1 - alpha) * gi;
                    avg = Math.sqrt(sq[i] - ga[i] * ga[i]) + eps;
                } else {
                    avg = Math.sqrt(sq[i]) + eps;
                }
                if (momentum > 0) {
                    buf[i] = momentum * buf[i] + gi / avg;
                    p[i] -= lr * buf[i];
                } else {
                    p[i] -= lr * gi / avg;
                }
            }
        };
    }

    // ---------------------------------------------------------------- SGD

    @Test
    void sgdPlain() {
        assertFollows(ps -> new SGD(ps, 0.1), sgd(0.1, 0, 0, false, 0));
    }

    @Test
    void sgdMomentum() {
        assertFollows(ps -> new SGD(ps, 0.05, 0.9), sgd(0.05, 0.9, 0, false, 0));
    }

    @Test
    void sgdMomentumDampeningWeightDecay() {
        assertFollows(ps -> new SGD(ps, 0.05, 0.8, 0.3, false, 0.01), sgd(0.05, 0.8, 0.3, false, 0.01));
    }

    @Test
    void sgdNesterov() {
        assertFollows(ps -> new SGD(ps, 0.05, 0.9, 0, true, 0), sgd(0.05, 0.9, 0, true, 0));
        assertFollows(ps -> new SGD(ps, 0.05, 0.9, 0, true, 0.1), sgd(0.05, 0.9, 0, true, 0.1));
    }

    @Test
    void sgdWeightDecayWithoutMomentum() {
        assertFollows(ps -> new SGD(ps, 0.1, 0, 0, false, 0.5), sgd(0.1, 0, 0, false, 0.5));
    }

    @Test
    void sgdLearningRateChangesTakeEffect() {
        Tensor p = Tensor.of(P0.clone()).requiresGrad(true);
        SGD opt = new SGD(List.of(p), 0.1);
        double[] q = P0.clone();
        for (int t = 1; t <= 4; t++) {
            double lr = 0.1 / t;
            opt.setLearningRate(lr);
            opt.zeroGrad();
            loss(p).backward();
            opt.step();
            double[] g = grad(q);
            for (int i = 0; i < q.length; i++) q[i] -= lr * g[i];
        }
        assertArrayEquals(q, p.toDoubleArray(), 1e-14);
        assertEquals(0.025, opt.learningRate());
    }

    // ---------------------------------------------------------------- Adam family

    @Test
    void adamDefaults() {
        assertFollows(ps -> new Adam(ps, 0.1), adam(0.1, 0.9, 0.999, 1e-8, 0, false));
    }

    @Test
    void adamWithL2WeightDecay() {
        assertFollows(ps -> new Adam(ps, 0.05, 0.8, 0.99, 1e-6, 0.1), adam(0.05, 0.8, 0.99, 1e-6, 0.1, false));
    }

    @Test
    void adamWDecoupledWeightDecay() {
        assertFollows(ps -> new AdamW(ps, 0.1), adam(0.1, 0.9, 0.999, 1e-8, 0.01, true));
        assertFollows(ps -> new AdamW(ps, 0.05, 0.8, 0.99, 1e-6, 0.3), adam(0.05, 0.8, 0.99, 1e-6, 0.3, true));
    }

    @Test
    void adamInFloat32() {
        assertFollows(ps -> new Adam(ps, 0.1), adam(0.1, 0.9, 0.999, 1e-8, 0, false), DType.FLOAT32, 1e-5);
    }

    // ---------------------------------------------------------------- RMSProp

    @Test
    void rmspropDefaults() {
        assertFollows(ps -> new RMSProp(ps, 0.01), rmsprop(0.01, 0.99, 1e-8, 0, 0, false));
    }

    @Test
    void rmspropMomentumWeightDecay() {
        assertFollows(ps -> new RMSProp(ps, 0.01, 0.9, 1e-6, 0.1, 0.8, false), rmsprop(0.01, 0.9, 1e-6, 0.1, 0.8, false));
    }

    @Test
    void rmspropCentered() {
        assertFollows(ps -> new RMSProp(ps, 0.01, 0.9, 1e-6, 0, 0, true), rmsprop(0.01, 0.9, 1e-6, 0, 0, true));
        assertFollows(ps -> new RMSProp(ps, 0.01, 0.95, 1e-8, 0.05, 0.5, true), rmsprop(0.01, 0.95, 1e-8, 0.05, 0.5, true));
    }

    // ---------------------------------------------------------------- common behaviour

    @Test
    void parametersWithoutGradientsAreSkipped() {
        Tensor used = Tensor.of(P0.clone()).requiresGrad(true), unused = Tensor.of(new double[] {1, 2}).requiresGrad(true);
        Adam opt = new Adam(List.of(used, unused), 0.1);
        loss(used).backward();
        opt.step();
        assertArrayEquals(new double[] {1, 2}, unused.toDoubleArray());
        assertTrue(opt.stateDict().keySet().stream().noneMatch(k -> k.startsWith("state.1.")));
        opt.zeroGrad();
        assertNull(used.grad());
        double[] before = used.toDoubleArray();
        opt.step();
        assertArrayEquals(before, used.toDoubleArray(), "no gradient, no update");
    }

    @Test
    void updatesAreInPlace() {
        Tensor p = Tensor.of(P0.clone()).requiresGrad(true);
        var storage = p.storage();
        SGD opt = new SGD(List.of(p), 0.1, 0.9);
        for (int i = 0; i < 3; i++) {
            opt.zeroGrad();
            loss(p).backward();
            opt.step();
        }
        assertTrue(p.storage() == storage && p.isLeaf() && p.requiresGrad());
    }

    @Test
    void constructorsValidate() {
        Tensor p = Tensor.zeros(DType.FLOAT64, 2).requiresGrad(true);
        assertTrue(assertThrows(IllegalArgumentException.class, () -> new SGD(List.of(), 0.1)).getMessage().contains("no parameters"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> new SGD(List.of(p, p), 0.1)).getMessage().contains("parameters 0 and 1 are the same tensor"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> new SGD(List.of(p.mul(2)), 0.1)).getMessage().contains("must be a leaf that requires grad"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> new SGD(List.of(Tensor.zeros(2)), 0.1)).getMessage().contains("must be a leaf that requires grad"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> new SGD(List.of(p), 0.1, 0, 0, true, 0)).getMessage().contains("Nesterov"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> new SGD(List.of(p), -1)).getMessage().contains("learning rate"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> new Adam(List.of(p), 0.1, 1, 0.999, 1e-8, 0)).getMessage().contains("beta1"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> new RMSProp(List.of(p), 0.1, 1.5, 1e-8, 0, 0, false)).getMessage().contains("alpha"));
    }
}
