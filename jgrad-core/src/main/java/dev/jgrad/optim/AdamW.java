package dev.jgrad.optim;

import dev.jgrad.Tensor;

import java.util.List;

/**
 * Adam with decoupled weight decay, as {@code torch.optim.AdamW}: before the Adam step the
 * parameters shrink by p = p (1 - lr weightDecay), and the decay never enters the moment
 * estimates. The default weight decay is 0.01, as in PyTorch.
 */
public final class AdamW extends Adam {
    public AdamW(List<Tensor> params, double lr) {
        this(params, lr, 0.9, 0.999, 1e-8, 0.01);
    }

    public AdamW(List<Tensor> params, double lr, double beta1, double beta2, double eps, double weightDecay) {
        super("AdamW", params, lr, beta1, beta2, eps, weightDecay, true);
    }
}
