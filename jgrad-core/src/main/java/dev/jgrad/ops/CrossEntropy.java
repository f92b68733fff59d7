package dev.jgrad.ops;

import dev.jgrad.Tensor;
import dev.jgrad.autograd.Graph;
import dev.jgrad.tensor.DType;

import java.util.Arrays;
import java.util.List;

import static dev.jgrad.ops.Elementwise.grads;

/**
 * Softmax cross-entropy on integer class labels, fused: one pass computes each row's
 * log-sum-exp (shifted by the row maximum, so logits of 1e4 are fine) and picks the label's
 * logit. The gradient, (softmax(x) - onehot(y)) g / N, is written with tensor ops, so it is
 * differentiable again.
 */
public final class CrossEntropy {
    private CrossEntropy() {}

    /** Mean (or, with {@code mean} false, summed) negative log-likelihood of the labels. */
    public static Tensor crossEntropy(Tensor logits, Tensor labels, boolean mean) {
        if (logits.dim() != 2 || !logits.dtype().isFloating())
            throw new IllegalArgumentException("crossEntropy: logits must be a floating-point [batch, classes] tensor, got "
                    + logits.dtype() + " " + Arrays.toString(logits.shape()));
        if (labels.dtype() != DType.INT64 || labels.dim() != 1 || labels.size(0) != logits.size(0))
            throw new IllegalArgumentException("crossEntropy: labels must be an int64 tensor of shape [" + logits.size(0)
                    + "], got " + labels.dtype() + " " + Arrays.toString(labels.shape()));
        int n = logits.size(0), c = logits.size(1);
        long[] y = labels.toLongArray();
        for (int i = 0; i < n; i++)
            if (y[i] < 0 || y[i] >= c)
                throw new IllegalArgumentException("crossEntropy: label " + y[i] + " at row " + i + " is outside the " + c + " classes");
        Tensor x = Strided.dense(logits.detach(), logits.dtype());
        var s = x.storage();
        int o = x.storageOffset();
        double total = 0;
        for (int i = 0; i < n; i++) {
            int row = o + i * c;
            double max = Double.NEGATIVE_INFINITY;
            for (int j = 0; j < c; j++) max = Math.max(max, s.get(row + j));
            double sum = 0;
            for (int j = 0; j < c; j++) sum += Math.exp(s.get(row + j) - max);
            total += max + Math.log(sum) - s.get(row + (int) y[i]);
        }
        double scale = mean && n > 0 ? 1.0 / n : 1.0;
        Tensor loss = Tensor.scalar(total * scale, logits.dtype());
        Tensor target = Tensor.zeros(logits.dtype(), n, c);
        for (int i = 0; i < n; i++) target.storage().set(i * c + (int) y[i], 1);
        return Graph.record("crossEntropy", loss, List.of(logits),
                g -> grads(logits.softmax(1).sub(target).mul(g.mul(scale))), logits);
    }
}
