package dev.jgrad.nn;

import dev.jgrad.Tensor;
import dev.jgrad.tensor.Generator;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** One-row products through a frozen weight read a packed copy that follows every write to W. */
class FrozenLinearTest {

    private static float[] row(Tensor t, int i) {
        return t.narrow(0, i, 1).contiguous().toFloatArray();
    }

    @Test
    void aSingleInputGivesTheBitsOfItsRowInABatch() {
        var layer = new Linear(784, 256, 7);
        layer.requiresGrad(false);
        assertFalse(layer.weight().requiresGrad());
        assertFalse(layer.bias().requiresGrad());
        // 20 rows: more than go through the packed copy, so the reference is a GEMM
        Tensor batch = Tensor.rand(new Generator(3), 20, 784);
        Tensor all = layer.forward(batch);
        for (int i = 0; i < 5; i++) {
            Tensor one = layer.forward(batch.narrow(0, i, 1));
            assertArrayEquals(row(all, i), one.toFloatArray(), "row " + i);
        }
        Tensor few = layer.forward(batch.narrow(0, 7, 3));
        for (int i = 0; i < 3; i++) assertArrayEquals(row(all, 7 + i), row(few, i), "row " + i + " of three");
    }

    @Test
    void writingTheWeightInPlaceIsSeenByTheNextSingleInput() {
        var layer = new Linear(300, 40, 5);
        layer.requiresGrad(false);
        Tensor x = Tensor.rand(new Generator(4), 1, 300);
        float[] before = layer.forward(x).toFloatArray();
        layer.weight().addInPlace(Tensor.rand(new Generator(8), 40, 300), 0.5);
        float[] after = layer.forward(x).toFloatArray();
        Tensor reference = layer.forward(x.expand(20, 300).contiguous());
        assertArrayEquals(row(reference, 0), after);
        assertFalse(java.util.Arrays.equals(before, after), "the update must change the output");
        layer.weight().set(3.0, 0, 0);
        assertArrayEquals(row(layer.forward(x.expand(20, 300).contiguous()), 1), layer.forward(x).toFloatArray());
    }

    @Test
    void viewsOfOneStorageAreEachPackedFromTheirOwnElements() {
        Tensor w = Tensor.rand(new Generator(9), 60, 50);
        Tensor top = w.narrow(0, 0, 20), bottom = w.narrow(0, 30, 20), wt = w.narrow(1, 0, 30).t();
        Tensor x = Tensor.rand(new Generator(10), 1, 50), x30 = Tensor.rand(new Generator(12), 1, 60);
        for (int round = 0; round < 2; round++) {
            assertArrayEquals(row(x.expand(20, 50).contiguous().linear(top, null), 0), x.linear(top, null).toFloatArray());
            assertArrayEquals(row(x.expand(20, 50).contiguous().linear(bottom, null), 1), x.linear(bottom, null).toFloatArray());
            assertArrayEquals(row(x30.expand(20, 60).contiguous().linear(wt, null), 2), x30.linear(wt, null).toFloatArray());
        }
    }

    /** Through a frozen weight the input still gets its gradient: d sum(x W^T + b) / dx = column sums of W. */
    @Test
    void anInputThroughAFrozenWeightGetsItsGradient() {
        var layer = new Linear(10, 3, 1);
        layer.requiresGrad(false);
        Tensor x = Tensor.rand(new Generator(2), 1, 10).requiresGrad(true);
        layer.forward(x).sum().backward();
        float[] want = layer.weight().sum(0, false).toFloatArray(), got = x.grad().toFloatArray();
        for (int i = 0; i < 10; i++) assertEquals(want[i], got[i], 1e-6, "d/dx" + i);
        assertEquals(null, layer.weight().grad());
    }

    @Test
    void aTrainedWeightStillGetsItsGradient() {
        var layer = new Linear(10, 3, 1);
        Tensor x = Tensor.rand(new Generator(2), 1, 10);
        layer.forward(x).sum().backward();
        assertNotNull(layer.weight().grad());
        layer.requiresGrad(false).requiresGrad(true);
        assertTrue(layer.weight().requiresGrad());
    }
}
