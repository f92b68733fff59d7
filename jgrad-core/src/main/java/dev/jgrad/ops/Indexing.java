package dev.jgrad.ops;

import dev.jgrad.Tensor;
import dev.jgrad.autograd.Graph;
import dev.jgrad.kernels.Parallel;
import dev.jgrad.tensor.DType;
import dev.jgrad.tensor.Shape;

import java.util.Arrays;

import static dev.jgrad.ops.Elementwise.grads;

/**
 * Integer indexing: indexSelect picks slices along a dim, gather picks one element per
 * position. Their backward rules scatter-add the gradient into zeros, and those scatters are in
 * turn differentiable (their backward is the original selection).
 */
public final class Indexing {
    private Indexing() {}

    private static long[] indices(String op, Tensor index, int size) {
        if (index.dtype() != DType.INT64)
            throw new IllegalArgumentException(op + ": indices must be an int64 tensor, got " + index.dtype()
                    + " (make them with Tensor.of(int[]) or convert with to(DType.INT64))");
        long[] idx = index.toLongArray();
        for (long i : idx)
            if (i < 0 || i >= size)
                throw new IndexOutOfBoundsException(op + ": index " + i + " is out of range for a dimension of size " + size);
        return idx;
    }

    public static Tensor indexSelect(Tensor x, int dim, Tensor index) {
        int d = Shape.normalizeDim("indexSelect", dim, x.dim());
        if (index.dim() > 1) throw new IllegalArgumentException("indexSelect: index must be 0-d or 1-d, got shape " + Arrays.toString(index.shape()));
        int[] shape = x.shape();
        long[] idx = indices("indexSelect", index, shape[d]);
        int[] outShape = shape.clone();
        outShape[d] = idx.length;
        Tensor c = Strided.dense(x.detach(), x.dtype());
        Tensor out = Tensor.empty(x.dtype(), outShape);
        int outer = 1, inner = 1;
        for (int i = 0; i < d; i++) outer *= shape[i];
        for (int i = d + 1; i < shape.length; i++) inner *= shape[i];
        Object src = c.storage().array(), dst = out.storage().array();
        int co = c.storageOffset(), rows = outer * idx.length, slice = inner, size = shape[d];
        // A minibatch of rows picked at random from a large dataset misses the caches row by row,
        // so long slices (an image each) are copied on both threads; short ones stay on one.
        int minRows = inner >= 256 ? Math.max(2, Parallel.MIN_PARALLEL_ELEMENTS / 2 / inner) : Integer.MAX_VALUE;
        int[] starts = sliceStarts(idx, rows, co, size, slice);
        Parallel.forRange(rows, 1, minRows, (from, to) -> {
            touch(src, starts, from, to);
            for (int r = from; r < to; r++) System.arraycopy(src, starts[r], dst, r * slice, slice);
        });
        if (!x.dtype().isFloating()) return out;
        Tensor ix = index.detach();
        return Graph.record("indexSelect", out, g -> grads(indexAdd(g, shape, d, ix)), x);
    }

    /** Where each selected slice starts in the source (a loop of its own, see LinearAlgebra.copyToRows). */
    private static int[] sliceStarts(long[] idx, int rows, int co, int size, int slice) {
        int[] starts = new int[rows];
        for (int r = 0; r < rows; r++) starts[r] = co + (r / idx.length * size + (int) idx[r % idx.length]) * slice;
        return starts;
    }

    /** Keeps the loads of {@link #touch} alive. */
    @SuppressWarnings("unused")
    private static volatile double touched;

    /**
     * Loads the first element of each slice: the slices of a shuffled minibatch miss the caches
     * one by one, and these independent loads overlap their misses, where each copy would wait
     * for its own (W2's gather of 64 rows of 784 floats from a 188 MB set: 23 -> 17 us).
     */
    private static void touch(Object src, int[] starts, int from, int to) {
        double sum = 0;
        if (src instanceof float[] f) for (int r = from; r < to; r++) sum += f[starts[r]];
        else if (src instanceof double[] d) for (int r = from; r < to; r++) sum += d[starts[r]];
        else return;
        touched = sum;
    }

    /** zeros(shape) with src's slices added at the given indices of dim d. */
    static Tensor indexAdd(Tensor src, int[] shape, int d, Tensor index) {
        long[] idx = index.toLongArray();
        Tensor out = Tensor.zeros(src.dtype(), shape);
        Tensor c = Strided.dense(src.detach(), src.dtype());
        int outer = 1, inner = 1;
        for (int i = 0; i < d; i++) outer *= shape[i];
        for (int i = d + 1; i < shape.length; i++) inner *= shape[i];
        var s = c.storage();
        var t = out.storage();
        int co = c.storageOffset();
        for (int o = 0; o < outer; o++)
            for (int j = 0; j < idx.length; j++) {
                int from = co + (o * idx.length + j) * inner, to = (o * shape[d] + (int) idx[j]) * inner;
                for (int i = 0; i < inner; i++) t.set(to + i, t.get(to + i) + s.get(from + i));
            }
        return Graph.record("indexAdd", out, g -> grads(g.indexSelect(d, index)), src);
    }

    public static Tensor gather(Tensor x, int dim, Tensor index) {
        int rank = x.dim();
        int d = Shape.normalizeDim("gather", dim, rank);
        int[] shape = x.shape(), ishape = index.shape();
        if (ishape.length != rank)
            throw new IllegalArgumentException("gather: index of shape " + Arrays.toString(ishape) + " must have the rank of the input "
                    + Arrays.toString(shape));
        for (int i = 0; i < rank; i++)
            if (i != d && ishape[i] > shape[i])
                throw new IllegalArgumentException("gather: index of shape " + Arrays.toString(ishape) + " is larger than the input "
                        + Arrays.toString(shape) + " in dim " + i);
        long[] idx = indices("gather", index, shape[d]);
        Tensor c = Strided.dense(x.detach(), x.dtype());
        Tensor out = Tensor.empty(x.dtype(), ishape);
        var s = c.storage();
        var t = out.storage();
        int[] xs = c.stride();
        int co = c.storageOffset();
        int[] pos = new int[rank];
        for (int flat = 0; flat < idx.length; flat++) {
            int o = co;
            for (int i = 0; i < rank; i++) o += (i == d ? (int) idx[flat] : pos[i]) * xs[i];
            t.set(flat, s.get(o));
            for (int i = rank - 1; i >= 0 && ++pos[i] == ishape[i]; i--) pos[i] = 0;
        }
        if (!x.dtype().isFloating()) return out;
        Tensor ix = index.detach();
        return Graph.record("gather", out, g -> grads(scatterAdd(g, shape, d, ix)), x);
    }

    /** zeros(shape) with src[pos] added at pos with dim d replaced by index[pos]. */
    static Tensor scatterAdd(Tensor src, int[] shape, int d, Tensor index) {
        long[] idx = index.toLongArray();
        int[] ishape = index.shape();
        Tensor out = Tensor.zeros(src.dtype(), shape);
        Tensor c = Strided.dense(src.detach(), src.dtype());
        var s = c.storage();
        var t = out.storage();
        int[] os = out.stride();
        int co = c.storageOffset();
        int rank = shape.length;
        int[] pos = new int[rank];
        for (int flat = 0; flat < idx.length; flat++) {
            int o = 0;
            for (int i = 0; i < rank; i++) o += (i == d ? (int) idx[flat] : pos[i]) * os[i];
            t.set(o, t.get(o) + s.get(co + flat));
            for (int i = rank - 1; i >= 0 && ++pos[i] == ishape[i]; i--) pos[i] = 0;
        }
        return Graph.record("scatterAdd", out, g -> grads(g.gather(d, index)), src);
    }
}
