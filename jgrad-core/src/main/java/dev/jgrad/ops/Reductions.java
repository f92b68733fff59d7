package dev.jgrad.ops;

import dev.jgrad.Tensor;
import dev.jgrad.autograd.Graph;
import dev.jgrad.kernels.BinaryOp;
import dev.jgrad.kernels.Kernels;
import dev.jgrad.kernels.ReduceOp;
import dev.jgrad.tensor.DType;
import dev.jgrad.tensor.Shape;

import java.util.Arrays;

import static dev.jgrad.ops.Elementwise.grads;

/**
 * Reductions over all elements or a set of dims, with keepDim. The backward of a sum spreads
 * the gradient back by broadcasting; amax/amin route it to the extreme elements (split evenly
 * between ties).
 */
public final class Reductions {
    private Reductions() {}

    /** Sorted, distinct, non-negative dims; null means all. */
    static int[] dims(String op, Tensor x, int[] dims) {
        int rank = x.dim();
        if (dims == null) {
            int[] all = new int[rank];
            for (int i = 0; i < rank; i++) all[i] = i;
            return all;
        }
        int[] d = new int[dims.length];
        for (int i = 0; i < dims.length; i++) d[i] = Shape.normalizeDim(op, dims[i], rank);
        Arrays.sort(d);
        for (int i = 1; i < d.length; i++)
            if (d[i] == d[i - 1]) throw new IllegalArgumentException(op + ": dim " + d[i] + " appears twice in " + Arrays.toString(dims));
        return rank == 0 ? new int[0] : d;
    }

    static int[] keptShape(int[] shape, int[] dims, boolean keepDim) {
        boolean[] reduced = new boolean[shape.length];
        for (int d : dims) reduced[d] = true;
        int[] out = new int[keepDim ? shape.length : shape.length - dims.length];
        for (int i = 0, k = 0; i < shape.length; i++) {
            if (!reduced[i]) out[k++] = shape[i];
            else if (keepDim) out[k++] = 1;
        }
        return out;
    }

    static int count(int[] shape, int[] dims) {
        int n = 1;
        for (int d : dims) n *= shape[d];
        return n;
    }

    public static Tensor sum(Tensor x, int[] dims, boolean keepDim) {
        int[] d = dims("sum", x, dims);
        Tensor y = compute(ReduceOp.SUM, x, d, keepDim);
        if (!x.dtype().isFloating()) return y;
        int[] shape = x.shape(), keptShape = keptShape(shape, d, true);
        return Graph.record("sum", y, g -> grads(g.reshape(keptShape).expand(shape)), x);
    }

    public static Tensor mean(Tensor x, int[] dims, boolean keepDim) {
        int[] d = dims("mean", x, dims);
        if (!x.dtype().isFloating()) x = x.to(DType.FLOAT32);
        return sum(x, d, keepDim).div(count(x.shape(), d));
    }

    public static Tensor amax(Tensor x, int[] dims, boolean keepDim) {
        return extreme("amax", ReduceOp.MAX, x, dims, keepDim);
    }

    public static Tensor amin(Tensor x, int[] dims, boolean keepDim) {
        return extreme("amin", ReduceOp.MIN, x, dims, keepDim);
    }

    private static Tensor extreme(String name, ReduceOp op, Tensor x, int[] dims, boolean keepDim) {
        int[] d = dims(name, x, dims);
        if (x.numel() == 0) throw new IllegalArgumentException(name + ": cannot reduce an empty tensor of shape " + Arrays.toString(x.shape()));
        Tensor y = compute(op, x, d, keepDim);
        if (!x.dtype().isFloating()) return y;
        int[] keptShape = keptShape(x.shape(), d, true);
        return Graph.record(name, y, java.util.List.of(x, y), g -> {
            Tensor hits = Elementwise.compare(BinaryOp.EQ, x, y.detach().reshape(keptShape));
            Tensor share = hits.div(compute(ReduceOp.SUM, hits, d, true));
            return grads(g.reshape(keptShape).mul(share));
        }, x);
    }

    /** Unbiased variance: sum((x - mean)^2) / (n - 1). */
    public static Tensor var(Tensor x, int[] dims, boolean keepDim) {
        int[] d = dims("var", x, dims);
        int n = count(x.shape(), d);
        if (n < 2) throw new IllegalArgumentException("var: needs at least 2 elements per reduction, got " + n);
        Tensor centered = x.sub(mean(x, d, true));
        return sum(centered.mul(centered), d, keepDim).div(n - 1);
    }

    /** Sums a broadcast result back to the shape it was broadcast from. */
    public static Tensor sumTo(Tensor x, int[] target) {
        int[] shape = x.shape();
        if (Arrays.equals(shape, target)) return x;
        int lead = shape.length - target.length;
        if (lead < 0) throw new IllegalArgumentException("sumTo: shape " + Arrays.toString(shape) + " has fewer dims than " + Arrays.toString(target));
        int[] d = new int[shape.length];
        int k = 0;
        for (int i = 0; i < shape.length; i++) {
            if (i < lead) d[k++] = i;
            else if (target[i - lead] == 1 && shape[i] != 1) d[k++] = i;
            else if (target[i - lead] != shape[i])
                throw new IllegalArgumentException("sumTo: shape " + Arrays.toString(shape) + " was not broadcast from " + Arrays.toString(target));
        }
        Tensor s = k == 0 ? x : sum(x, Arrays.copyOf(d, k), true);
        return s.reshape(target);
    }

    public static Tensor argmax(Tensor x, int dim, boolean keepDim) {
        int rank = x.dim();
        if (rank == 0) return Tensor.of(new long[] {0}).reshape();
        int d = Shape.normalizeDim("argmax", dim, rank);
        int[] shape = x.shape();
        if (shape[d] == 0) throw new IllegalArgumentException("argmax: dim " + dim + " is empty");
        Tensor c = Strided.dense(x.detach(), x.dtype());
        int outer = 1, inner = 1, len = shape[d];
        for (int i = 0; i < d; i++) outer *= shape[i];
        for (int i = d + 1; i < rank; i++) inner *= shape[i];
        long[] out = new long[outer * inner];
        var s = c.storage();
        int base = c.storageOffset();
        for (int o = 0; o < outer; o++) {
            for (int in = 0; in < inner; in++) {
                int best = 0;
                double bv = s.get(base + o * len * inner + in);
                for (int j = 1; j < len; j++) {
                    double v = s.get(base + (o * len + j) * inner + in);
                    if (v > bv || (Double.isNaN(v) && !Double.isNaN(bv))) {
                        bv = v;
                        best = j;
                    }
                }
                out[o * inner + in] = best;
            }
        }
        return Tensor.of(out, keptShape(shape, new int[] {d}, keepDim));
    }

    /** The reduction itself, with no autograd record. dims are sorted and distinct. */
    static Tensor compute(ReduceOp op, Tensor x, int[] dims, boolean keepDim) {
        int[] shape = x.shape();
        int[] outShape = keptShape(shape, dims, keepDim);
        if (!x.dtype().isFloating()) {
            Tensor r = compute(op, Strided.materialize(x, DType.FLOAT64), dims, keepDim);
            return Strided.materialize(r, DType.INT64);
        }
        DType dt = x.dtype();
        boolean block = dims.length == 0 || dims[dims.length - 1] - dims[0] == dims.length - 1;
        Tensor c;
        int outer = 1, red = 1, inner = 1;
        if (block) {
            c = Strided.dense(x.detach(), dt);
            for (int i = 0; i < shape.length; i++) {
                if (dims.length > 0 && i < dims[0]) outer *= shape[i];
                else if (dims.length > 0 && i <= dims[dims.length - 1]) red *= shape[i];
                else if (dims.length > 0) inner *= shape[i];
                else outer *= shape[i];
            }
        } else {
            // move the reduced dims to the end, then reduce rows
            int[] perm = new int[shape.length];
            boolean[] reduced = new boolean[shape.length];
            for (int d : dims) reduced[d] = true;
            int k = 0;
            for (int i = 0; i < shape.length; i++) if (!reduced[i]) perm[k++] = i;
            for (int d : dims) perm[k++] = d;
            c = Strided.materialize(x.detach().permute(perm), dt);
            for (int i = 0; i < shape.length; i++) {
                if (reduced[i]) red *= shape[i];
                else outer *= shape[i];
            }
        }
        Tensor y = Tensor.empty(dt, outShape);
        Kernels k = Kernels.get();
        int co = c.storageOffset();
        if (dt == DType.FLOAT32) {
            float[] src = c.storage().floats(), dst = y.storage().floats();
            if (inner == 1) k.reduceRows(op, src, co, outer, red, dst, 0);
            else for (int o = 0; o < outer; o++) k.reduceCols(op, src, co + o * red * inner, red, inner, dst, o * inner);
        } else {
            double[] src = c.storage().doubles(), dst = y.storage().doubles();
            if (inner == 1) k.reduceRows(op, src, co, outer, red, dst, 0);
            else for (int o = 0; o < outer; o++) k.reduceCols(op, src, co + o * red * inner, red, inner, dst, o * inner);
        }
        return y;
    }
}
