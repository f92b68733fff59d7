package dev.jgrad.viz;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class TensorTextTest {

    @Test
    void shapes() {
        assertEquals("scalar", TensorText.shape());
        assertEquals("[2, 3]", TensorText.shape(2, 3));
    }

    @Test
    void smallTensorsPrintInFullOneRowPerLine() {
        assertEquals("2.5", TensorText.values(new float[] {2.5f}, new int[0], 16));
        assertEquals("[1, -0.5, 0.3333]", TensorText.values(new double[] {1, -0.5, 1 / 3.0}, new int[] {3}, 16));
        assertEquals("[[1, 2, 3],\n [4, 5, 6]]", TensorText.values(new float[] {1, 2, 3, 4, 5, 6}, new int[] {2, 3}, 16));
        assertEquals("[[[1, 2],\n  [3, 4]],\n [[5, 6],\n  [7, 8]]]",
                TensorText.values(new float[] {1, 2, 3, 4, 5, 6, 7, 8}, new int[] {2, 2, 2}, 16));
        assertEquals("[NaN, \u221e]", TensorText.values(new float[] {Float.NaN, Float.POSITIVE_INFINITY}, new int[] {2}, 16));
        assertEquals("[]", TensorText.values(new float[0], new int[] {0, 3}, 16));
    }

    @Test
    void largeTensorsPrintStatistics() {
        var data = new double[100];
        for (var i = 0; i < data.length; i++) {
            data[i] = i % 2 == 0 ? 1 : -1;
        }
        assertEquals("mean 0 std 1\nmin -1 max 1", TensorText.values(data, new int[] {10, 10}, 16));
        data[3] = Double.NaN;
        assertTrue(TensorText.values(data, new int[] {100}, 16).endsWith("\n1 non-finite"));
    }

    @Test
    void fitsInANodeBox() {
        var node = GraphNode.of("w", NodeKind.PARAMETER, "w", TensorText.shape(2, 2))
                .withValue(TensorText.values(new float[] {1, 2, 3, 4}, new int[] {2, 2}, 16));
        var lines = new LayeredLayout().lines(node);
        assertEquals("value [[1, 2],", lines.get(2).text());
        assertEquals("       [3, 4]]", lines.get(3).text(), "rows stay aligned under the prefix");
    }

    @Test
    void rejectsShapeMismatch() {
        var e = assertThrows(IllegalArgumentException.class, () -> TensorText.values(new float[5], new int[] {2, 3}, 16));
        assertTrue(e.getMessage().contains("[2, 3] has 6 elements but the data has 5"), e.getMessage());
    }
}
