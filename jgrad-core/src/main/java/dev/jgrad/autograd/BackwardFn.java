package dev.jgrad.autograd;

import dev.jgrad.Tensor;

/**
 * The local backward rule of one operation: given dL/d(output), returns dL/d(input) for each
 * input in order (null where an input gets no gradient). Rules are written with Tensor
 * operations, so with {@code createGraph} they are themselves recorded and differentiable.
 */
@FunctionalInterface
public interface BackwardFn {
    Tensor[] apply(Tensor gradOutput);
}
