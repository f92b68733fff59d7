package dev.jgrad.ops;

import dev.jgrad.Tensor;
import dev.jgrad.autograd.Graph;
import dev.jgrad.tensor.DType;

import java.util.Arrays;
import java.util.List;

import static dev.jgrad.ops.Elementwise.grads;

/**
 * Softmax cross-entropy on integer class labels, fused: one pass computes each row's
 * log-sum-exp (shifted by the row maximum, so logits of 1e4 are fine) and subtracts the label's
 * logit. The gradient, (softmax(x) - onehot(y)) g, is written with tensor ops, so it is
 * differentiable again.
 */
public final class CrossEntropy {
    private CrossEntropy() {}

    /** Checks logits [N, C] against int64 labels [N] in 0..C-1 and returns the labels. */
    public static long[] checkLabels(String op, Tensor scores, Tensor labels) {
        if (!scores.dtype().isFloating())
            throw new IllegalArgumentException(op + ": scores must be floating-point, got " + scores.dtype());
        if (scores.dim() != 2)
            throw new IllegalArgumentException(op + ": scores must be [batch, classes], got shape " + Arrays.toString(scores.shape()));
        if (labels.dtype() != DType.INT64)
            throw new IllegalArgumentException(op + ": labels must be int64 class indices, got " + labels.dtype());
        int n = scores.size(0), c = scores.size(1);
        if (labels.dim() != 1 || labels.size(0) != n)
            throw new IllegalArgumentException(op + ": labels of shape " + Arrays.toString(labels.shape())
                    + " do not match scores of shape " + Arrays.toString(scores.shape()) + " (expected [" + n + "])");
        if (n == 0) throw new IllegalArgumentException(op + ": empty batch");
        long[] y = labels.toLongArray();
        for (int i = 0; i < n; i++)
            if (y[i] < 0 || y[i] >= c)
                throw new IllegalArgumentException(op + ": label " + y[i] + " at row " + i + " is outside the " + c
                        + " classes (valid labels are 0.." + (c - 1) + ")");
        return y;
    }

    /** The loss of each sample, [N]. */
    public static Tensor perSample(Tensor logits, Tensor labels) {
        long[] y = checkLabels("crossEntropy", logits, labels);
        int n = logits.size(0), c = logits.size(1);
        Tensor x = Strided.dense(logits.detach(), logits.dtype());
        Tensor loss = Tensor.empty(logits.dtype(), n);
        int o = x.storageOffset();
        if (x.dtype() == DType.FLOAT32) {
            float[] a = x.storage().floats(), r = loss.storage().floats();
            for (int i = 0; i < n; i++) {
                int row = o + i * c;
                float max = Float.NEGATIVE_INFINITY;
                for (int j = 0; j < c; j++) max = Math.max(max, a[row + j]);
                double sum = 0;
                for (int j = 0; j < c; j++) sum += Math.exp(a[row + j] - max);
                r[i] = (float) ((max - a[row + (int) y[i]]) + Math.log(sum)); // (max - x_y) first keeps precision
            }
        } else {
            double[] a = x.storage().doubles(), r = loss.storage().doubles();
            for (int i = 0; i < n; i++) {
                int row = o + i * c;
                double max = Double.NEGATIVE_INFINITY;
                for (int j = 0; j < c; j++) max = Math.max(max, a[row + j]);
                double sum = 0;
                for (int j = 0; j < c; j++) sum += Math.exp(a[row + j] - max);
                r[i] = (max - a[row + (int) y[i]]) + Math.log(sum);
            }
        }
        Tensor target = Tensor.zeros(logits.dtype(), n, c);
        for (int i = 0; i < n; i++) target.storage().set(i * c + (int) y[i], 1);
        return Graph.record("crossEntropy", loss, List.of(logits),
                g -> grads(logits.softmax(1).sub(target).mul(g.unsqueeze(1))), logits);
    }
}
