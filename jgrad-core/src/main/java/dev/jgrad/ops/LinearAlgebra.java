package dev.jgrad.ops;

import dev.jgrad.Tensor;
import dev.jgrad.autograd.AccumulatingBackwardFn;
import dev.jgrad.autograd.Graph;
import dev.jgrad.kernels.BinaryOp;
import dev.jgrad.kernels.Kernels;
import dev.jgrad.kernels.PackedMatrix;
import dev.jgrad.kernels.UnaryOp;
import dev.jgrad.tensor.DType;
import dev.jgrad.tensor.Shape;

import java.util.Arrays;
import java.util.List;

import static dev.jgrad.ops.Elementwise.grads;

/**
 * Matrix products. Operands reach the GEMM kernel with their strides, so a transposed view
 * (as in the backward rules A^T G and G B^T) is never copied.
 */
public final class LinearAlgebra {
    private LinearAlgebra() {}

    public static Tensor matmul(Tensor a, Tensor b) {
        if (!a.dtype().isFloating() || !b.dtype().isFloating())
            throw new IllegalArgumentException("matmul: " + a.dtype() + " @ " + b.dtype() + ": only floating-point tensors can be multiplied");
        if (a.dim() == 0 || b.dim() == 0)
            throw new IllegalArgumentException("matmul: " + Arrays.toString(a.shape()) + " @ " + Arrays.toString(b.shape())
                    + ": both operands need at least one dimension");
        if (a.dim() == 1 && b.dim() == 1) return matmul(a.unsqueeze(0), b.unsqueeze(1)).reshape();
        if (a.dim() == 1) return matmul(a.unsqueeze(0), b).squeeze(-2);
        if (b.dim() == 1) return matmul(a, b.unsqueeze(1)).squeeze(-1);
        DType dt = DType.promote(a.dtype(), b.dtype());
        Tensor x = a.to(dt), y = b.to(dt);
        Tensor z = compute(x, y);
        int[] xs = x.shape(), ys = y.shape();
        return Graph.record("matmul", z, List.of(x, y), g -> grads(
                x.requiresGrad() ? g.matmul(y.transpose(-1, -2)).sumTo(xs) : null,
                y.requiresGrad() ? x.transpose(-1, -2).matmul(g).sumTo(ys) : null), x, y);
    }

    /**
     * x W^T + b in one pass: the bias is written into the output rows and the GEMM accumulates
     * onto it, reading W transposed through its strides. x is [..., in], W is [out, in], b is
     * [out] or null. The backward rules are the three products of a fully connected layer.
     */
    public static Tensor linear(Tensor x, Tensor w, Tensor b) {
        return linear(x, w, b, false);
    }

    /**
     * relu(x W^T + b) as one operation: the ReLU clamps the GEMM's output in place, where a
     * separate op would allocate and record a second activation, and backward gates the
     * incoming gradient by the output (positive exactly where the pre-activation was) before
     * the layer's three products.
     */
    public static Tensor linearRelu(Tensor x, Tensor w, Tensor b) {
        return linear(x, w, b, true);
    }

    private static Tensor linear(Tensor x, Tensor w, Tensor b, boolean relu) {
        String op = relu ? "linearRelu" : "linear";
        if (w.dim() != 2 || (b != null && (b.dim() != 1 || b.size(0) != w.size(0))) || x.dim() == 0 || x.size(-1) != w.size(1))
            throw new IllegalArgumentException(op + ": input " + Arrays.toString(x.shape()) + ", weight " + Arrays.toString(w.shape())
                    + (b == null ? "" : ", bias " + Arrays.toString(b.shape()))
                    + ": expected input [..., in], weight [out, in] and bias [out]");
        if (x.dim() != 2) {
            int[] shape = x.shape();
            Tensor y = linear(x.reshape(-1, shape[shape.length - 1]), w, b, relu);
            int[] outShape = shape.clone();
            outShape[shape.length - 1] = w.size(0);
            return y.reshape(outShape);
        }
        DType dt = DType.promote(DType.promote(x.dtype(), w.dtype()), b == null ? x.dtype() : b.dtype());
        Tensor xx = x.to(dt), ww = w.to(dt), bb = b == null ? null : b.to(dt);
        int n = xx.size(0), in = xx.size(1), out = ww.size(0);
        Tensor y = Tensor.empty(dt, n, out);
        if (bb != null) {
            Tensor bias = Strided.dense(bb.detach(), dt);
            copyToRows(bias.storage().array(), bias.storageOffset(), y.storage().array(), n, out);
        }
        int[] xs = xx.stride(), ws = ww.stride();
        if (n <= PACKED_ROWS && dt == DType.FLOAT32 && !ww.requiresGrad() && xs[1] == 1) {
            PackedMatrix packed = packedTranspose(ww);
            Kernels kern = Kernels.get();
            float[] xf = xx.storage().floats(), yf = y.storage().floats();
            for (int r = 0; r < n; r++) kern.gemvPacked(xf, xx.storageOffset() + r * xs[0], packed, yf, r * out, bb != null);
        } else
            gemm(n, out, in, xx, xx.storageOffset(), xs[0], xs[1], ww, ww.storageOffset(), ws[1], ws[0], y, 0, out, bb != null);
        if (relu) {
            Kernels kern = Kernels.get();
            if (dt == DType.FLOAT32) kern.unary(UnaryOp.RELU, y.storage().floats(), 0, y.storage().floats(), 0, n * out, 0, 0);
            else kern.unary(UnaryOp.RELU, y.storage().doubles(), 0, y.storage().doubles(), 0, n * out, 0, 0);
        }
        Tensor activated = relu ? y.detach() : null;
        AccumulatingBackwardFn rule = (upstream, into) -> {
            Tensor g = relu ? Elementwise.binary(BinaryOp.GATE, upstream, activated) : upstream;
            Tensor gw = null;
            if (ww.requiresGrad()) {
                if (into != null && into[1] != null) addProduct(g.t(), xx, into[1]);
                else gw = g.t().matmul(xx);
            }
            Tensor gb = null;
            if (bb != null && bb.requiresGrad()) {
                gb = g.sum(0, false);
                if (into != null && into.length > 2 && into[2] != null) {
                    into[2].addInPlace(gb);
                    gb = null;
                }
            }
            Tensor[] result = grads(xx.requiresGrad() ? g.matmul(ww) : null, gw, gb);
            return bb == null ? Arrays.copyOf(result, 2) : result;
        };
        List<Tensor> saved = relu ? List.of(xx, ww, y) : List.of(xx, ww);
        return bb == null
                ? Graph.record(op, y, saved, rule, xx, ww)
                : Graph.record(op, y, saved, rule, xx, ww, bb);
    }

    /**
     * The bias into every row of the output. A loop of its own: a loop in {@code linear} itself
     * has the JIT compile all of linear twice (once on the stack, 0.18 s of C2 time in W2's
     * first timed epoch, then normally), with the GEMM front inlined into both.
     */
    private static void copyToRows(Object src, int srcOff, Object dst, int rows, int len) {
        for (int r = 0; r < rows; r++) System.arraycopy(src, srcOff, dst, r * len, len);
    }

    /**
     * Up to this many input rows go one by one through a frozen weight's packed copy. A GEMM of
     * a few rows must first transpose all of W^T into panels: 784 -> 256 on 2 threads took 107,
     * 107, 119 and 81 us for 2, 4, 8 and 16 rows, against 5.4 us for one row through the packed
     * copy, and 63 us for 32 rows, where the GEMM packs the rows instead of W.
     */
    static final int PACKED_ROWS = 12;

    /** Which view of a storage a packed copy was made from. */
    private record PackedView(int offset, int rows, int cols, int rowStride, int colStride) {}

    /**
     * W^T of a float32 weight W [out, in], packed for one-row products and kept on W's storage
     * until W is written in place. A weight that does not require grad is treated as a constant
     * (a model frozen for serving): its first product of at most {@link #PACKED_ROWS} rows packs
     * it, every later one reads the packed copy, so a single input costs one pass over W in its
     * fastest layout, and gives the same bits as that row of a batch. A weight being trained
     * changes every step, so it is never packed.
     */
    private static PackedMatrix packedTranspose(Tensor w) {
        int[] ws = w.stride();
        var key = new PackedView(w.storageOffset(), w.size(0), w.size(1), ws[0], ws[1]);
        var storage = w.storage();
        if (storage.derived(key) instanceof PackedMatrix pm) return pm;
        var pm = Kernels.get().pack(w.size(1), w.size(0), storage.floats(), w.storageOffset(), ws[1], ws[0]);
        storage.keep(key, pm);
        return pm;
    }

    /** c += a b for 2-d a [m, k], b [k, n] and a dense c [m, n] of their type, in place, not recorded. */
    static void addProduct(Tensor a, Tensor b, Tensor c) {
        int m = a.size(0), k = a.size(1), n = b.size(1);
        int[] as = a.stride(), bs = b.stride();
        gemm(m, n, k, a, a.storageOffset(), as[0], as[1], b, b.storageOffset(), bs[0], bs[1], c, c.storageOffset(), n, true);
        c.storage().bumpVersion();
    }

    /** C (+)= A B on the storages of three tensors of one floating type, with explicit offsets and strides. */
    private static void gemm(int m, int n, int k, Tensor a, int ao, int aRs, int aCs, Tensor b, int bo, int bRs, int bCs,
                             Tensor c, int co, int ldc, boolean accumulate) {
        Kernels kern = Kernels.get();
        if (c.dtype() == DType.FLOAT32)
            kern.gemm(m, n, k, a.storage().floats(), ao, aRs, aCs, b.storage().floats(), bo, bRs, bCs, c.storage().floats(), co, ldc, accumulate);
        else
            kern.gemm(m, n, k, a.storage().doubles(), ao, aRs, aCs, b.storage().doubles(), bo, bRs, bCs, c.storage().doubles(), co, ldc, accumulate);
    }

    /** Batched product of [..., m, k] and [..., k, n] with broadcast batch dims, no record. */
    static Tensor compute(Tensor x, Tensor y) {
        int[] as = x.shape(), bs = y.shape();
        int ra = as.length, rb = bs.length;
        int m = as[ra - 2], k = as[ra - 1], k2 = bs[rb - 2], n = bs[rb - 1];
        if (k != k2)
            throw new IllegalArgumentException("matmul: " + Arrays.toString(as) + " @ " + Arrays.toString(bs)
                    + ": inner dimensions " + k + " and " + k2 + " differ");
        int[] batch = Shape.broadcast("matmul", Arrays.copyOf(as, ra - 2), Arrays.copyOf(bs, rb - 2));
        int[] outShape = Arrays.copyOf(batch, batch.length + 2);
        outShape[batch.length] = m;
        outShape[batch.length + 1] = n;
        Tensor z = Tensor.empty(x.dtype(), outShape);
        int[] axs = x.stride(), bxs = y.stride();
        int aRs = axs[ra - 2], aCs = axs[ra - 1], bRs = bxs[rb - 2], bCs = bxs[rb - 1];
        int[] aBatch = Shape.broadcastStrides(Arrays.copyOf(as, ra - 2), Arrays.copyOf(axs, ra - 2), batch);
        int[] bBatch = Shape.broadcastStrides(Arrays.copyOf(bs, rb - 2), Arrays.copyOf(bxs, rb - 2), batch);
        int count = Shape.numel(batch);
        int[] pos = new int[batch.length];
        for (int t = 0; t < count; t++) {
            int ao = x.storageOffset(), bo = y.storageOffset();
            for (int i = 0; i < batch.length; i++) {
                ao += pos[i] * aBatch[i];
                bo += pos[i] * bBatch[i];
            }
            int co = t * m * n;
            gemm(m, n, k, x, ao, aRs, aCs, y, bo, bRs, bCs, z, co, n, false);
            for (int i = batch.length - 1; i >= 0 && ++pos[i] == batch[i]; i--) pos[i] = 0;
        }
        return z;
    }
}
