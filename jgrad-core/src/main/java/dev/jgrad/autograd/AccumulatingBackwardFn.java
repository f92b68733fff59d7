package dev.jgrad.autograd;

import dev.jgrad.Tensor;

/**
 * A backward rule that can add some of its gradients straight into existing buffers. The
 * engine offers a leaf's grad as {@code into[i]} when nothing else may see the gradient on its
 * way (no hooks, no graph being built, no gradient capture): the rule then adds dL/d(input i)
 * into {@code into[i]} in place and returns null in slot i. The weight gradient of a linear
 * layer is a GEMM that can accumulate into C, so the training step neither allocates nor adds
 * a weight-sized array.
 */
public interface AccumulatingBackwardFn extends BackwardFn {
    /** {@code into} has one slot per input, null where the rule must return the gradient. */
    Tensor[] apply(Tensor gradOutput, Tensor[] into);

    @Override
    default Tensor[] apply(Tensor gradOutput) {
        return apply(gradOutput, null);
    }
}
