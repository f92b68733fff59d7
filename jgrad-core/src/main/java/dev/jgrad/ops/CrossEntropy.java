package dev.jgrad.ops;

import dev.jgrad.Tensor;
import dev.jgrad.autograd.GradMode;
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
        // softmax(x), kept for backward, from the exponentials the loss needs anyway
        Tensor probs = GradMode.isEnabled() && logits.requiresGrad() ? Tensor.empty(logits.dtype(), n, c) : null;
        if (x.dtype() == DType.FLOAT32)
            rowLosses(x.storage().floats(), x.storageOffset(), y, c, loss.storage().floats(), probs == null ? null : probs.storage().floats());
        else
            rowLosses(x.storage().doubles(), x.storageOffset(), y, c, loss.storage().doubles(), probs == null ? null : probs.storage().doubles());
        return Graph.record("crossEntropy", loss, List.of(logits), g -> grads(GradMode.isEnabled()
                ? logits.softmax(1).sub(oneHot(logits.dtype(), y, c)).mul(g.unsqueeze(1))
                : softmaxMinusOneHot(probs, y, g)), logits);
    }

    /**
     * Each row's loss into r, and its softmax into p unless p is null. The loops live here, not in
     * perSample: a loop there has the JIT compile perSample, with all it inlines, a second time.
     * Each x - max is taken in the row's own precision (float here), as softmax does, so that p
     * has softmax's bits; the rest is {@link #shiftedRow}.
     */
    private static void rowLosses(float[] a, int o, long[] y, int c, float[] r, float[] p) {
        double[] s = new double[c];
        for (int i = 0; i < y.length; i++) {
            int row = o + i * c;
            float max = Float.NEGATIVE_INFINITY;
            for (int j = 0; j < c; j++) max = Math.max(max, a[row + j]);
            for (int j = 0; j < c; j++) s[j] = a[row + j] - max;
            r[i] = (float) shiftedRow(s, (int) y[i], p != null);
            if (p != null) for (int j = 0; j < c; j++) p[i * c + j] = (float) s[j];
        }
    }

    private static void rowLosses(double[] a, int o, long[] y, int c, double[] r, double[] p) {
        double[] s = new double[c];
        for (int i = 0; i < y.length; i++) {
            int row = o + i * c;
            double max = Double.NEGATIVE_INFINITY;
            for (int j = 0; j < c; j++) max = Math.max(max, a[row + j]);
            for (int j = 0; j < c; j++) s[j] = a[row + j] - max;
            r[i] = shiftedRow(s, (int) y[i], p != null);
            if (p != null) System.arraycopy(s, 0, p, i * c, c);
        }
    }

    /**
     * The loss of a row given as s = x - max(x): (max - x_y) + log(sum exp s), with max - x_y
     * taken first, which keeps precision. Leaves exp s in s, or softmax when {@code normalize}.
     */
    private static double shiftedRow(double[] s, int target, boolean normalize) {
        double fromTarget = -s[target], sum = 0;
        for (int j = 0; j < s.length; j++) sum += s[j] = Math.exp(s[j]);
        if (normalize) for (int j = 0; j < s.length; j++) s[j] /= sum;
        return fromTarget + Math.log(sum);
    }

    private static Tensor oneHot(DType dtype, long[] y, int c) {
        Tensor target = Tensor.zeros(dtype, y.length, c);
        for (int i = 0; i < y.length; i++) target.storage().set(i * c + (int) y[i], 1);
        return target;
    }

    /**
     * (softmax(x) - onehot(y)) g in one pass over the probabilities kept by the forward: the
     * gradient when backward records nothing (64 x 10 logits: 13 us as three tensor ops, a
     * softmax among them). The same operations in the same precision as the tensor-op form,
     * which stays for differentiating again, so the same bits.
     */
    private static Tensor softmaxMinusOneHot(Tensor probs, long[] y, Tensor upstream) {
        int n = probs.size(0), c = probs.size(1);
        Tensor g = Strided.dense(upstream.detach(), probs.dtype()), out = Tensor.empty(probs.dtype(), n, c);
        int go = g.storageOffset();
        if (probs.dtype() == DType.FLOAT32) {
            float[] p = probs.storage().floats(), gs = g.storage().floats(), r = out.storage().floats();
            for (int i = 0; i < n; i++) {
                float gi = gs[go + i];
                for (int j = i * c; j < (i + 1) * c; j++) r[j] = p[j] * gi;
                int t = i * c + (int) y[i];
                r[t] = (p[t] - 1f) * gi;
            }
        } else {
            double[] p = probs.storage().doubles(), gs = g.storage().doubles(), r = out.storage().doubles();
            for (int i = 0; i < n; i++) {
                double gi = gs[go + i];
                for (int j = i * c; j < (i + 1) * c; j++) r[j] = p[j] * gi;
                int t = i * c + (int) y[i];
                r[t] = (p[t] - 1) * gi;
            }
        }
        return out;
    }
}
