package dev.jgrad.ops;

import dev.jgrad.Tensor;
import dev.jgrad.autograd.Graph;
import dev.jgrad.kernels.Kernels;
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
        Kernels kern = Kernels.get();
        int[] pos = new int[batch.length];
        for (int t = 0; t < count; t++) {
            int ao = x.storageOffset(), bo = y.storageOffset();
            for (int i = 0; i < batch.length; i++) {
                ao += pos[i] * aBatch[i];
                bo += pos[i] * bBatch[i];
            }
            int co = t * m * n;
            if (x.dtype() == DType.FLOAT32)
                kern.gemm(m, n, k, x.storage().floats(), ao, aRs, aCs, y.storage().floats(), bo, bRs, bCs, z.storage().floats(), co, n, false);
            else
                kern.gemm(m, n, k, x.storage().doubles(), ao, aRs, aCs, y.storage().doubles(), bo, bRs, bCs, z.storage().doubles(), co, n, false);
            for (int i = batch.length - 1; i >= 0 && ++pos[i] == batch[i]; i--) pos[i] = 0;
        }
        return z;
    }
}
