package dev.jgrad.autograd;

import dev.jgrad.Tensor;
import dev.jgrad.tensor.DType;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.*;

class AutogradTest {

    @Test
    void secondDerivativeOfCubeAtTwoIsTwelve() {
        Tensor x = Tensor.scalar(2.0).requiresGrad(true);
        Tensor y = x.pow(3);
        Tensor dy = Autograd.grad(y, List.of(x), true).get(0);
        assertEquals(12.0, dy.item(), 1e-12);
        Tensor d2y = Autograd.grad(dy, List.of(x), true).get(0);
        assertEquals(12.0, d2y.item(), 1e-12);
        Tensor d3y = Autograd.grad(d2y, List.of(x), false).get(0);
        assertEquals(6.0, d3y.item(), 1e-12);
        assertNull(x.grad(), "Autograd.grad must not touch grad()");
    }

    @Test
    void hessianVectorProduct() {
        // f(x) = sum(x_i^2 x_{i+1}) ; H v computed by double backward vs the hand-derived Hessian
        Tensor x = Tensor.of(new double[] {1, 2, 3}).requiresGrad(true);
        Tensor f = x.narrow(0, 0, 2).pow(2).mul(x.narrow(0, 1, 2)).sum();
        Tensor g = Autograd.grad(f, List.of(x), true).get(0);
        Tensor v = Tensor.of(new double[] {0.5, -1, 2});
        Tensor hv = Autograd.grad(g.mul(v).sum(), List.of(x), false).get(0);
        // H = [[2x2, 2x1, 0], [2x1, 2x3, 2x2], [0, 2x2, 0]] = [[4,2,0],[2,6,4],[0,4,0]]
        assertArrayEquals(new double[] {4 * 0.5 - 2, 2 * 0.5 - 6 + 8, -4}, hv.toDoubleArray(), 1e-12);
    }

    @Test
    void gradientsAccumulateUntilZeroGrad() {
        Tensor w = Tensor.of(new double[] {1, 2}).requiresGrad(true);
        w.mul(3).sum().backward();
        w.mul(3).sum().backward();
        assertArrayEquals(new double[] {6, 6}, w.grad().toDoubleArray());
        w.zeroGrad();
        assertNull(w.grad());
    }

    @Test
    void secondBackwardWithoutRetainFailsClearly() {
        Tensor x = Tensor.scalar(2.0).requiresGrad(true);
        Tensor y = x.exp().mul(x);
        y.backward();
        var e = assertThrows(IllegalStateException.class, y::backward);
        assertTrue(e.getMessage().contains("second time"), e.getMessage());
        assertTrue(e.getMessage().contains("retainGraph"), e.getMessage());
    }

    @Test
    void retainedGraphCanBeWalkedTwice() {
        Tensor x = Tensor.scalar(2.0).requiresGrad(true);
        Tensor y = x.mul(x);
        y.backward(Tensor.scalar(1.0), true);
        y.backward(Tensor.scalar(1.0), true);
        assertEquals(8.0, x.grad().item());
    }

    @Test
    void chainOfHundredThousandOpsDoesNotOverflowTheStack() {
        Tensor x = Tensor.scalar(1.0).requiresGrad(true);
        Tensor y = x;
        for (int i = 0; i < 100_000; i++) y = y.mul(1.00001).add(0.0);
        y.backward();
        assertEquals(Math.pow(1.00001, 100_000), x.grad().item(), 1e-9);
    }

    @Test
    void noGradScopeRecordsNothing() {
        Tensor x = Tensor.scalar(2.0).requiresGrad(true);
        Tensor y;
        try (var g = Tensor.noGrad()) {
            y = x.mul(3);
        }
        assertFalse(y.requiresGrad());
        assertNull(y.gradFn());
        assertTrue(x.mul(3).requiresGrad(), "recording resumes after the scope");
    }

    @Test
    void detachCutsTheGraph() {
        Tensor x = Tensor.scalar(2.0).requiresGrad(true);
        Tensor y = x.mul(x).detach().mul(x);
        y.backward();
        assertEquals(4.0, x.grad().item());
    }

    @Test
    void inPlaceChangeOfASavedTensorIsDetected() {
        Tensor x = Tensor.of(new double[] {1, 2}).requiresGrad(true);
        Tensor y = x.exp();           // saves y
        Tensor z = y.sum();
        try (var g = Tensor.noGrad()) {
            y.mulInPlace(2.0);
        }
        var e = assertThrows(IllegalStateException.class, z::backward);
        assertTrue(e.getMessage().contains("exp") && e.getMessage().contains("in-place"), e.getMessage());
    }

    @Test
    void inPlaceOnALeafThatRequiresGradIsRefusedWhileRecording() {
        Tensor w = Tensor.of(new double[] {1, 2}).requiresGrad(true);
        var e = assertThrows(IllegalStateException.class, () -> w.addInPlace(Tensor.of(new double[] {1, 1})));
        assertTrue(e.getMessage().contains("addInPlace"), e.getMessage());
        try (var g = Tensor.noGrad()) {
            w.addInPlace(Tensor.of(new double[] {1, 1}), -0.5);
        }
        assertArrayEquals(new double[] {0.5, 1.5}, w.toDoubleArray());
    }

    @Test
    void hooksSeeAndReplaceTheGradient() {
        Tensor x = Tensor.scalar(3.0).requiresGrad(true);
        List<Double> seen = new ArrayList<>();
        x.registerHook(g -> {
            seen.add(g.item());
            return g.mul(10);
        });
        x.mul(x).backward();
        assertEquals(List.of(6.0), seen);
        assertEquals(60.0, x.grad().item());
    }

    @Test
    void retainGradKeepsAnIntermediateGradient() {
        Tensor x = Tensor.scalar(3.0).requiresGrad(true);
        Tensor h = x.mul(2).retainGrad();
        h.mul(h).backward();
        assertEquals(12.0, h.grad().item());
        assertEquals(24.0, x.grad().item());
    }

    @Test
    void anomalyModeNamesTheOperationThatProducedNaN() {
        Tensor x = Tensor.of(new double[] {-1, 1}).requiresGrad(true);
        try (var a = Autograd.detectAnomaly()) {
            var e = assertThrows(IllegalStateException.class, () -> x.log());
            assertTrue(e.getMessage().contains("log"), e.getMessage());
            Tensor z = Tensor.of(new double[] {0, 1}).requiresGrad(true);
            Tensor s = z.sqrt(); // forward fine: 0, 1; backward divides by 0
            var b = assertThrows(IllegalStateException.class, () -> s.sum().backward());
            assertTrue(b.getMessage().contains("backward of sqrt"), b.getMessage());
        }
        x.log(); // outside the scope NaN is allowed
    }

    @Test
    void backwardOnNonScalarNeedsAGradient() {
        Tensor x = Tensor.of(new double[] {1, 2}).requiresGrad(true);
        Tensor y = x.mul(2);
        var e = assertThrows(IllegalArgumentException.class, y::backward);
        assertTrue(e.getMessage().contains("[2]"), e.getMessage());
        y.backward(Tensor.of(new double[] {1, -1}));
        assertArrayEquals(new double[] {2, -2}, x.grad().toDoubleArray());
    }

    @Test
    void customFunctionDefinesForwardAndBackward() {
        class Cube extends Function {
            @Override
            protected Tensor forward(Context ctx, Tensor... in) {
                ctx.save(in[0]);
                return in[0].mul(in[0]).mul(in[0]);
            }

            @Override
            protected Tensor[] backward(Context ctx, Tensor g) {
                Tensor x = ctx.saved(0);
                return new Tensor[] {g.mul(x.mul(x)).mul(3)};
            }
        }
        Tensor x = Tensor.of(new double[] {1.5, -2}).requiresGrad(true);
        Tensor y = new Cube().apply(x);
        assertEquals("Cube", y.gradFn().name());
        y.sum().backward();
        assertArrayEquals(new double[] {3 * 2.25, 12}, x.grad().toDoubleArray(), 1e-12);
        assertTrue(GradCheck.check(in -> new Cube().apply(in.get(0)), Tensor.of(new double[] {0.3, -1.2}).requiresGrad(true)).passed());
        assertTrue(GradCheck.checkSecondOrder(in -> new Cube().apply(in.get(0)), Tensor.of(new double[] {0.3, -1.2}).requiresGrad(true)).passed());
    }

    @Test
    void float32InputsGetFloat32GradientsThroughPromotion() {
        Tensor a = Tensor.of(new float[] {1, 2}).requiresGrad(true);
        Tensor b = Tensor.of(new double[] {3, 4}).requiresGrad(true);
        Tensor y = a.mul(b);
        assertEquals(DType.FLOAT64, y.dtype());
        y.sum().backward();
        assertEquals(DType.FLOAT32, a.grad().dtype());
        assertArrayEquals(new float[] {3, 4}, a.grad().toFloatArray());
        assertArrayEquals(new double[] {1, 2}, b.grad().toDoubleArray());
    }

    @Test
    void gradCheckReportsAWrongBackwardRule() {
        class WrongSquare extends Function {
            @Override
            protected Tensor forward(Context ctx, Tensor... in) {
                ctx.save(in[0]);
                return in[0].mul(in[0]);
            }

            @Override
            protected Tensor[] backward(Context ctx, Tensor g) {
                return new Tensor[] {g.mul(ctx.saved(0))}; // missing factor 2
            }
        }
        var r = GradCheck.check(in -> new WrongSquare().apply(in.get(0)), Tensor.of(new double[] {1, 2, 3}).requiresGrad(true));
        assertFalse(r.passed());
        assertEquals(1.0 / 3, r.inputs().get(0).relativeError(), 1e-6);
        assertTrue(r.toString().contains("FAILED"));
    }

    @Test
    void gradCheckRefusesFloat32() {
        var e = assertThrows(IllegalArgumentException.class,
                () -> GradCheck.check(in -> in.get(0).exp(), Tensor.of(new float[] {1}).requiresGrad(true)));
        assertTrue(e.getMessage().contains("float64"), e.getMessage());
    }
}
