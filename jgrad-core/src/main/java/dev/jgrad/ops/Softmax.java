package dev.jgrad.ops;

import dev.jgrad.Tensor;
import dev.jgrad.autograd.Graph;
import dev.jgrad.kernels.ReduceOp;
import dev.jgrad.tensor.DType;
import dev.jgrad.tensor.Shape;

import java.util.List;

import static dev.jgrad.ops.Elementwise.grads;

/**
 * Softmax, log-softmax and log-sum-exp, stable for large inputs (the row maximum is subtracted
 * before exponentiation).
 */
public final class Softmax {
    private Softmax() {}

    public static Tensor softmax(Tensor x, int dim) {
        int d = Shape.normalizeDim("softmax", dim, Math.max(x.dim(), 1));
        Tensor y = compute(x, d, false);
        return Graph.record("softmax", y, List.of(y),
                g -> grads(y.mul(g.sub(g.mul(y).sum(d, true)))), x);
    }

    public static Tensor logSoftmax(Tensor x, int dim) {
        int d = Shape.normalizeDim("logSoftmax", dim, Math.max(x.dim(), 1));
        Tensor y = compute(x, d, true);
        return Graph.record("logSoftmax", y, List.of(y),
                g -> grads(g.sub(y.exp().mul(g.sum(d, true)))), x);
    }

    /** log(sum(exp(x))) over dims, composed from differentiable ops around a constant shift. */
    public static Tensor logSumExp(Tensor x, int[] dims, boolean keepDim) {
        int[] d = Reductions.dims("logSumExp", x, dims);
        Tensor shift = Reductions.compute(ReduceOp.MAX, x, d, true);
        // an all -inf row would give -inf - -inf = NaN: clamp the shift to finite values
        shift = Elementwise.constant(dev.jgrad.kernels.UnaryOp.CLAMP, shift, -Double.MAX_VALUE, Double.MAX_VALUE);
        Tensor r = x.sub(shift).exp().sum(d, true).log().add(shift);
        return keepDim ? r : r.reshape(Reductions.keptShape(x.shape(), d, false));
    }

    /** Row-wise (log-)softmax along dim d, no record. */
    private static Tensor compute(Tensor x, int d, boolean log) {
        if (!x.dtype().isFloating()) throw new IllegalArgumentException((log ? "logSoftmax" : "softmax") + ": needs a floating-point tensor, got " + x.dtype());
        int rank = x.dim();
        boolean last = rank == 0 || d == rank - 1;
        Tensor src = last ? x.detach() : x.detach().transpose(d, rank - 1);
        Tensor c = Strided.materialize(src, x.dtype());
        int len = rank == 0 ? 1 : c.shape()[rank - 1];
        int rows = len == 0 ? 0 : c.numel() / len;
        if (x.dtype() == DType.FLOAT32) {
            float[] a = c.storage().floats();
            for (int r = 0; r < rows; r++) {
                int o = r * len;
                float max = Float.NEGATIVE_INFINITY;
                for (int i = 0; i < len; i++) max = Math.max(max, a[o + i]);
                if (max == Float.NEGATIVE_INFINITY) max = 0;
                double sum = 0;
                for (int i = 0; i < len; i++) sum += Math.exp(a[o + i] - max);
                if (log) {
                    float lse = (float) (max + Math.log(sum));
                    for (int i = 0; i < len; i++) a[o + i] -= lse;
                } else {
                    for (int i = 0; i < len; i++) a[o + i] = (float) (Math.exp(a[o + i] - max) / sum);
                }
            }
        } else {
            double[] a = c.storage().doubles();
            for (int r = 0; r < rows; r++) {
                int o = r * len;
                double max = Double.NEGATIVE_INFINITY;
                for (int i = 0; i < len; i++) max = Math.max(max, a[o + i]);
                if (max == Double.NEGATIVE_INFINITY) max = 0;
                double sum = 0;
                for (int i = 0; i < len; i++) sum += Math.exp(a[o + i] - max);
                if (log) {
                    double lse = max + Math.log(sum);
                    for (int i = 0; i < len; i++) a[o + i] -= lse;
                } else {
                    for (int i = 0; i < len; i++) a[o + i] = Math.exp(a[o + i] - max) / sum;
                }
            }
        }
        return last ? c : c.transpose(d, rank - 1);
    }
}
