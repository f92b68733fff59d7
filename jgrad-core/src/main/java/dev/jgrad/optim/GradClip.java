package dev.jgrad.optim;

import dev.jgrad.Tensor;
import dev.jgrad.tensor.DType;

import java.util.List;

/** Gradient clipping, as {@code torch.nn.utils.clip_grad_norm_}. */
public final class GradClip {
    private GradClip() {}

    /**
     * Scales all gradients in place by maxNorm / (norm + 1e-6) when their joint L2 norm exceeds
     * maxNorm; parameters without a gradient are skipped. Returns the norm before clipping (NaN or
     * infinite when a gradient is, in which case the gradients are left as they are).
     */
    public static double clipGradNorm(List<Tensor> params, double maxNorm) {
        if (!(maxNorm > 0)) throw new IllegalArgumentException("clipGradNorm: maxNorm must be > 0, got " + maxNorm);
        double sum = 0;
        for (Tensor p : params) {
            Tensor g = p.grad();
            if (g != null) sum += sumOfSquares(g);
        }
        double norm = Math.sqrt(sum);
        if (norm > maxNorm && Double.isFinite(norm)) {
            double scale = maxNorm / (norm + 1e-6);
            try (var guard = Tensor.noGrad()) {
                for (Tensor p : params) if (p.grad() != null) p.grad().mulInPlace(scale);
            }
        }
        return norm;
    }

    private static double sumOfSquares(Tensor t) {
        Tensor c = t.contiguous();
        int o = c.storageOffset(), n = c.numel();
        double s = 0;
        if (c.dtype() == DType.FLOAT32) {
            float[] a = c.storage().floats();
            for (int i = 0; i < n; i++) s += (double) a[o + i] * a[o + i];
        } else {
            double[] a = c.storage().doubles();
            for (int i = 0; i < n; i++) s += a[o + i] * a[o + i];
        }
        return s;
    }
}
