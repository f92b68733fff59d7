package dev.jgrad.optim;

import dev.jgrad.Tensor;
import dev.jgrad.tensor.DType;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** clipGradNorm: the joint L2 norm over all gradients, scaling only above the limit. */
class GradClipTest {

    static Tensor withGrad(double[] grad) {
        Tensor p = Tensor.zeros(DType.FLOAT64, grad.length).requiresGrad(true);
        p.setGrad(Tensor.of(grad));
        return p;
    }

    @Test
    void scalesWhenTheJointNormIsTooLarge() {
        Tensor a = withGrad(new double[] {3, 0}), b = withGrad(new double[] {0, 4});
        Tensor none = Tensor.zeros(DType.FLOAT64, 2).requiresGrad(true);
        double norm = GradClip.clipGradNorm(List.of(a, b, none), 1);
        assertEquals(5, norm, 1e-15);
        double scale = 1 / (5 + 1e-6);
        assertArrayEquals(new double[] {3 * scale, 0}, a.grad().toDoubleArray(), 1e-15);
        assertArrayEquals(new double[] {0, 4 * scale}, b.grad().toDoubleArray(), 1e-15);
        assertEquals(null, none.grad());
    }

    @Test
    void leavesSmallGradientsAlone() {
        Tensor a = withGrad(new double[] {0.3, -0.4});
        assertEquals(0.5, GradClip.clipGradNorm(List.of(a), 1), 1e-15);
        assertArrayEquals(new double[] {0.3, -0.4}, a.grad().toDoubleArray());
    }

    @Test
    void float32AndNonFinite() {
        Tensor p = Tensor.zeros(4).requiresGrad(true);
        p.setGrad(Tensor.of(new float[] {1, 1, 1, 1}));
        assertEquals(2, GradClip.clipGradNorm(List.of(p), 10), 1e-7);
        Tensor q = withGrad(new double[] {Double.NaN, 1});
        assertTrue(Double.isNaN(GradClip.clipGradNorm(List.of(q), 1)));
        assertThrows(IllegalArgumentException.class, () -> GradClip.clipGradNorm(List.of(p), 0));
    }
}
