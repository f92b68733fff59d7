package dev.jgrad;

import dev.jgrad.autograd.Autograd;
import dev.jgrad.ops.CrossEntropy;
import dev.jgrad.tensor.DType;
import dev.jgrad.tensor.Generator;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.*;

class TensorTest {

    @Test
    void factoriesAndDtypes() {
        assertEquals(DType.FLOAT32, Tensor.of(new float[] {1, 2}).dtype());
        assertEquals(DType.FLOAT64, Tensor.of(new double[] {1, 2}).dtype());
        assertEquals(DType.INT64, Tensor.of(new int[] {1, 2}).dtype());
        assertEquals(DType.FLOAT64, Tensor.scalar(1.0).dtype());
        assertEquals(0, Tensor.scalar(1.0).dim());
        assertArrayEquals(new int[] {2, 3}, Tensor.zeros(2, 3).shape());
        assertEquals(DType.FLOAT32, Tensor.randn(1, 2).dtype());
        assertArrayEquals(new float[] {1, 0, 0, 1}, Tensor.eye(2).toFloatArray());
        assertArrayEquals(new long[] {0, 1, 2}, Tensor.arange(3).toLongArray());
        assertArrayEquals(new float[] {0, 0.5f, 1}, Tensor.arange(0, 1.5, 0.5).toFloatArray());
        assertArrayEquals(new float[] {7, 7}, Tensor.full(7, 2).toFloatArray());
        assertArrayEquals(new float[] {1, 1}, Tensor.onesLike(Tensor.zeros(2)).toFloatArray());
    }

    @Test
    void sameSeedSameNumbers() {
        assertArrayEquals(Tensor.randn(5, 100).toFloatArray(), Tensor.randn(5, 100).toFloatArray());
        assertFalse(Tensor.randn(5, 100).allClose(Tensor.randn(6, 100)));
        float[] u = Tensor.rand(new Generator(3), 1000).toFloatArray();
        for (float v : u) assertTrue(v >= 0 && v < 1);
        double[] n = Tensor.randn(DType.FLOAT64, new Generator(9), 20000).toDoubleArray();
        double mean = 0, sq = 0;
        for (double v : n) { mean += v; sq += v * v; }
        mean /= n.length;
        assertEquals(0, mean, 0.03);
        assertEquals(1, sq / n.length - mean * mean, 0.05);
    }

    @Test
    void broadcastingFollowsNumpy() {
        Tensor a = Tensor.of(new float[] {1, 2, 3}, 3, 1);
        Tensor b = Tensor.of(new float[] {10, 20}, 2);
        Tensor c = a.add(b);
        assertArrayEquals(new int[] {3, 2}, c.shape());
        assertArrayEquals(new float[] {11, 21, 12, 22, 13, 23}, c.toFloatArray());
        var e = assertThrows(IllegalArgumentException.class, () -> Tensor.zeros(2, 3).add(Tensor.zeros(4)));
        assertTrue(e.getMessage().startsWith("add: shapes [2, 3] and [4]"), e.getMessage());
    }

    @Test
    void broadcastOperandGradientIsSummedBackToItsShape() {
        Tensor x = Tensor.of(new double[] {1, 2, 3, 4, 5, 6}, 2, 3);
        Tensor b = Tensor.of(new double[] {1, 1, 1}).requiresGrad(true);
        x.add(b).sum().backward();
        assertArrayEquals(new int[] {3}, b.grad().shape());
        assertArrayEquals(new double[] {2, 2, 2}, b.grad().toDoubleArray());
    }

    @Test
    void viewsShareStorage() {
        Tensor x = Tensor.of(new float[] {1, 2, 3, 4, 5, 6}, 2, 3);
        assertSame(x.storage(), x.reshape(3, 2).storage());
        assertSame(x.storage(), x.t().storage());
        assertSame(x.storage(), x.narrow(1, 1, 2).storage());
        assertSame(x.storage(), x.unsqueeze(0).expand(4, 2, 3).storage());
        assertFalse(x.t().isContiguous());
        assertArrayEquals(new float[] {1, 4, 2, 5, 3, 6}, x.t().toFloatArray());
        assertNotSame(x.t().storage(), x.t().contiguous().storage());
        assertArrayEquals(new float[] {2, 3, 5, 6}, x.narrow(1, 1, 2).toFloatArray());
        assertArrayEquals(new float[] {4, 5, 6}, x.select(0, 1).toFloatArray());
        assertArrayEquals(new float[] {1, 4, 2, 5, 3, 6}, x.t().reshape(6).toFloatArray());
        assertArrayEquals(new int[] {3, 2}, x.permute(1, 0).shape());
    }

    @Test
    void opValues() {
        Tensor x = Tensor.of(new double[] {-2, -0.5, 0.5, 2});
        assertArrayEquals(new double[] {0, 0, 0.5, 2}, x.relu().toDoubleArray());
        assertArrayEquals(new double[] {-0.2, -0.05, 0.5, 2}, x.leakyRelu(0.1).toDoubleArray(), 1e-15);
        assertArrayEquals(new double[] {-1, -0.5, 0.5, 1}, x.clamp(-1, 1).toDoubleArray());
        assertEquals(1 / (1 + Math.exp(2)), x.sigmoid().get(0), 1e-15);
        assertEquals(Math.tanh(0.5), x.tanh().get(2), 1e-15);
        assertEquals(0, x.sum().item());
        assertEquals(2, x.amax().item());
        assertEquals(-2, x.amin().item());
        assertEquals(3, x.argmax().item());
        assertEquals((4 + 0.25 + 0.25 + 4) / 3, x.var().item(), 1e-12);
        Tensor m = Tensor.of(new double[] {1, 5, 3, 4, 2, 6}, 2, 3);
        assertArrayEquals(new long[] {1, 2}, m.argmax(1, false).toLongArray());
        assertArrayEquals(new double[] {5, 7, 9}, m.sum(0, false).toDoubleArray());
        assertArrayEquals(new int[] {2, 1}, m.sum(1, true).shape());
        assertArrayEquals(new double[] {3, 4}, m.mean(1, false).toDoubleArray());
        assertArrayEquals(new double[] {5, 6}, m.amax(1, false).toDoubleArray());
        assertArrayEquals(new double[] {5, 2}, m.indexSelect(1, Tensor.of(new int[] {1})).toDoubleArray());
        assertArrayEquals(new double[] {3, 4}, m.gather(1, Tensor.of(new int[] {2, 0}, 2, 1)).toDoubleArray());
        assertArrayEquals(new double[] {1, 5, 3, 4, 2, 6, 1, 5, 3}, Tensor.cat(List.of(m, m.narrow(0, 0, 1)), 0).toDoubleArray());
        assertArrayEquals(new int[] {2, 2, 3}, Tensor.stack(List.of(m, m), 0).shape());
        assertArrayEquals(new double[] {1, 5, 3, 4, 0, 6}, Tensor.where(m.gt(2.5).add(m.eq(Tensor.scalar(1.0))), m, Tensor.scalar(0.0)).toDoubleArray());
    }

    @Test
    void softmaxIsStableForLargeInputs() {
        Tensor x = Tensor.of(new float[] {10000, 10001, 9999}, 1, 3);
        float[] p = x.softmax(1).toFloatArray();
        assertEquals(1.0, p[0] + p[1] + p[2], 1e-6);
        assertTrue(p[1] > p[0] && p[0] > p[2]);
        float[] lp = x.logSoftmax(1).toFloatArray();
        assertEquals(-1 - Math.log(1 + Math.exp(-1) + Math.exp(-2)), lp[0], 1e-3); // float32 spacing near 1e4
        assertEquals(10001 + Math.log(1 + Math.exp(-1) + Math.exp(-2)), x.logSumExp().item(), 1e-2);
        assertTrue(Tensor.of(new double[] {-1e308, -1e308}).logSumExp().isFinite());
    }

    @Test
    void matmulShapesAndErrors() {
        Tensor a = Tensor.of(new float[] {1, 2, 3, 4, 5, 6}, 2, 3);
        Tensor b = Tensor.of(new float[] {1, 0, 0, 1, 1, 1}, 3, 2);
        assertArrayEquals(new float[] {4, 5, 10, 11}, a.matmul(b).toFloatArray());
        assertArrayEquals(new float[] {14, 32}, a.matmul(Tensor.of(new float[] {1, 2, 3})).toFloatArray());
        assertEquals(14, Tensor.of(new float[] {1, 2, 3}).matmul(Tensor.of(new float[] {1, 2, 3})).item());
        assertArrayEquals(new int[] {4, 2, 2}, Tensor.zeros(4, 2, 3).matmul(b).shape());
        var e = assertThrows(IllegalArgumentException.class, () -> Tensor.zeros(2, 3).matmul(Tensor.zeros(4, 5)));
        assertEquals("matmul: [2, 3] @ [4, 5]: inner dimensions 3 and 4 differ", e.getMessage());
    }

    @Test
    void errorsNameTheOperationAndTheProblem() {
        assertTrue(assertThrows(IllegalArgumentException.class, () -> Tensor.zeros(2, 3).reshape(4, 2)).getMessage()
                .contains("reshape: cannot reshape [2, 3]"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> Tensor.zeros(2, 3).sum(2, false)).getMessage()
                .contains("sum: dimension 2 is out of range for a tensor of rank 2"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> Tensor.zeros(3, 4).indexSelect(0, Tensor.of(new float[] {1}))).getMessage()
                .contains("indexSelect: indices must be an int64 tensor"));
        assertTrue(assertThrows(IndexOutOfBoundsException.class, () -> Tensor.zeros(3, 4).indexSelect(0, Tensor.of(new int[] {3}))).getMessage()
                .contains("index 3 is out of range"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> Tensor.of(new float[] {1, 2, 3}, 2, 2)).getMessage()
                .contains("3 values do not fill shape [2, 2]"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> Tensor.zeros(2, 3).expand(4, 3)).getMessage()
                .contains("expand"));
        assertTrue(assertThrows(IllegalStateException.class, () -> Tensor.zeros(2).item()).getMessage()
                .contains("item: only a one-element tensor"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> Tensor.zeros(2).narrow(0, 1, 2)).getMessage()
                .contains("narrow: range [1, 3)"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> Tensor.of(new int[] {1}).requiresGrad(true)).getMessage()
                .contains("floating-point"));
    }

    @Test
    void printsLikeNumpy() {
        assertEquals("tensor([[1., 2.],\n        [3., 4.]])", Tensor.of(new float[] {1, 2, 3, 4}, 2, 2).toString());
        assertEquals("tensor(-12., dtype=float64)", Tensor.scalar(-12.0).toString());
        assertEquals("tensor([0.5000, 1.2500], dtype=float64, requiresGrad=true)",
                Tensor.of(new double[] {0.5, 1.25}).requiresGrad(true).toString());
        String big = Tensor.zeros(100, 100).toString();
        assertTrue(big.contains("...") && big.length() < 1000, big);
        assertTrue(Tensor.scalar(2.0).requiresGrad(true).mul(2).toString().contains("gradFn=mulBackward"));
    }

    @Test
    void inPlaceOpsBumpTheVersionAndWorkOnViews() {
        Tensor x = Tensor.zeros(2, 3);
        int v = x.storage().version();
        x.t().addInPlace(Tensor.of(new float[] {1, 2}));
        assertEquals(v + 1, x.storage().version());
        assertArrayEquals(new float[] {1, 1, 1, 2, 2, 2}, x.toFloatArray());
        x.narrow(1, 0, 1).fill(9);
        assertArrayEquals(new float[] {9, 1, 1, 9, 2, 2}, x.toFloatArray());
        x.mulInPlace(2);
        assertArrayEquals(new float[] {18, 2, 2, 18, 4, 4}, x.toFloatArray());
        x.copyFrom(Tensor.of(new float[] {1, 2, 3}));
        assertArrayEquals(new float[] {1, 2, 3, 1, 2, 3}, x.toFloatArray());
    }

    @Test
    void integerTensorsForLabels() {
        Tensor labels = Tensor.of(new int[] {1, 0, 2, 1});
        Tensor pred = Tensor.of(new int[] {1, 1, 2, 0});
        assertEquals(2, pred.eq(labels).sum().item());
        assertEquals(DType.INT64, pred.eq(labels).dtype());
    }

    @Test
    void fusedLinearAndCrossEntropyMatchTheComposedOps() {
        Tensor x = Tensor.randn(1, 5, 4), w = Tensor.randn(2, 3, 4), b = Tensor.randn(3, 3);
        assertTrue(x.linear(w, b).allClose(x.matmul(w.t()).add(b), 1e-5, 1e-6));
        Tensor labels = Tensor.of(new int[] {0, 2, 1, 1, 0});
        Tensor logits = x.linear(w, b);
        Tensor composed = logits.logSoftmax(1).gather(1, labels.unsqueeze(1)).mean().neg();
        assertEquals(composed.item(), logits.crossEntropy(labels).item(), 1e-5);
        Tensor huge = Tensor.of(new float[] {1e4f, -1e4f, 0, 0, 1e4f, 1e4f}, 2, 3).requiresGrad(true);
        Tensor loss = huge.crossEntropy(Tensor.of(new int[] {0, 1}));
        assertEquals(0.5 * Math.log(2), loss.item(), 1e-6);
        loss.backward();
        assertTrue(huge.grad().isFinite());
        var e = assertThrows(IllegalArgumentException.class, () -> logits.crossEntropy(Tensor.of(new int[] {0, 3, 1, 1, 0})));
        assertEquals("crossEntropy: label 3 at row 1 is outside the 3 classes (valid labels are 0..2)", e.getMessage());
    }
    @Test
    void linearReluGivesTheBitsOfLinearThenRelu() {
        var gen = new Generator(7);
        for (int rows : new int[] {1, 3, 64}) {
            Tensor x = Tensor.randn(gen, rows, 37), w = Tensor.randn(gen, 29, 37), b = Tensor.randn(gen, 29);
            Tensor[] fusedGrads = reluLayerGrads(x, w, b, true), composedGrads = reluLayerGrads(x, w, b, false);
            for (int i = 0; i < fusedGrads.length; i++)
                assertArrayEquals(composedGrads[i].toFloatArray(), fusedGrads[i].toFloatArray(), rows + " rows, tensor " + i);
            Tensor y = x.linearRelu(w, b);
            assertTrue(y.amin().item() == 0 && y.amax().item() > 0, "some outputs clamped, some not");
            // a frozen weight takes the packed path for a few rows
            Tensor frozen = x.linearRelu(w.detach(), b.detach());
            assertArrayEquals(x.linear(w.detach(), b.detach()).relu().toFloatArray(), frozen.toFloatArray());
        }
        var e = assertThrows(IllegalArgumentException.class, () -> Tensor.randn(gen, 2, 3).linearRelu(Tensor.randn(gen, 4, 5), null));
        assertTrue(e.getMessage().startsWith("linearRelu: input [2, 3], weight [4, 5]"), e.getMessage());
    }

    @Test
    void indexSelectOfAnOddBatchOfLongRowsCopiesEveryRow() {
        // long rows are copied on both threads; an odd count must not lose the last one
        Tensor data = Tensor.arange(200 * 300).reshape(200, 300).to(DType.FLOAT32);
        for (int rows : new int[] {41, 65, 75, 199}) {
            int[] pick = new int[rows];
            for (int i = 0; i < rows; i++) pick[i] = (i * 37 + 11) % 200;
            float[] got = data.indexSelect(0, Tensor.of(pick)).toFloatArray();
            for (int i = 0; i < rows; i++)
                for (int j = 0; j < 300; j += 299)
                    assertEquals(pick[i] * 300 + j, got[i * 300 + j], rows + " rows: row " + i + ", column " + j);
        }
    }

    @Test
    void crossEntropyGradientIsTheSameWithAndWithoutAGraphOfIt() {
        var gen = new Generator(3);
        for (DType dt : new DType[] {DType.FLOAT32, DType.FLOAT64}) {
            Tensor logits = Tensor.randn(gen, 37, 10).mul(4).to(dt).requiresGrad(true);
            int[] y = new int[37];
            for (int i = 0; i < y.length; i++) y[i] = i * 7 % 10;
            Tensor labels = Tensor.of(y);
            Tensor weights = Tensor.rand(gen, 37).to(dt);
            // a weighted sum makes the upstream gradient differ from row to row
            Tensor loss = CrossEntropy.perSample(logits, labels).mul(weights).sum();
            Tensor recorded = Autograd.grad(loss, List.of(logits), true).get(0);
            loss.backward(Tensor.scalar(1.0).to(dt), true);
            assertArrayEquals(recorded.toDoubleArray(), logits.grad().toDoubleArray(), dt + ": one pass and tensor ops");
            loss.backward(Tensor.scalar(1.0).to(dt));
            assertArrayEquals(recorded.mul(2).toDoubleArray(), logits.grad().toDoubleArray(), dt + ": the kept probabilities are unchanged");
        }
    }

    /** Output, then the gradients of x, W and b, of sum(relu(x W^T + b) * c) for a fixed c. */
    private static Tensor[] reluLayerGrads(Tensor x0, Tensor w0, Tensor b0, boolean fused) {
        Tensor x = x0.detach().requiresGrad(true), w = w0.detach().requiresGrad(true), b = b0.detach().requiresGrad(true);
        Tensor y = fused ? x.linearRelu(w, b) : x.linear(w, b).relu();
        Tensor c = Tensor.arange(y.numel()).reshape(y.shape()).mul(0.01).to(DType.FLOAT32);
        y.mul(c).sum().backward();
        return new Tensor[] {y.detach(), x.grad(), w.grad(), b.grad()};
    }
}
