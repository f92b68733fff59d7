package dev.jgrad.autograd;

import dev.jgrad.Tensor;

import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;

/**
 * The gradient bookkeeping of one tensor: whether it requires grad, its accumulated gradient,
 * the node that produced it, and its hooks. Only this package changes it.
 */
public final class AutogradMeta {
    boolean requiresGrad;
    boolean retainGrad;
    Tensor grad;
    Node gradFn;
    List<UnaryOperator<Tensor>> hooks;

    public boolean requiresGrad() {
        return requiresGrad;
    }

    public boolean retainsGrad() {
        return retainGrad;
    }

    public Tensor grad() {
        return grad;
    }

    public Node gradFn() {
        return gradFn;
    }

    /** Marks a leaf as requiring grad (or not); a non-leaf cannot be changed. */
    public void setRequiresGrad(Tensor self, boolean value) {
        if (gradFn != null && !value)
            throw new IllegalStateException("requiresGrad(false) on a non-leaf tensor (output of " + gradFn.name()
                    + "); use detach() instead");
        if (value && !self.dtype().isFloating())
            throw new IllegalArgumentException("requiresGrad: only floating-point tensors can require gradients, got " + self.dtype());
        requiresGrad = value;
    }

    public void setGrad(Tensor value) {
        grad = value;
    }

    public void retainGrad() {
        if (gradFn != null) retainGrad = true;
    }

    public void addHook(UnaryOperator<Tensor> hook) {
        if (!requiresGrad) throw new IllegalStateException("registerHook: the tensor does not require grad");
        if (hooks == null) hooks = new ArrayList<>(1);
        hooks.add(hook);
    }
}
