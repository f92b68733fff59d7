package dev.jgrad.nn;

import dev.jgrad.Tensor;

/** max(x, 0) elementwise. */
public final class ReLU extends Module {
    @Override
    public Tensor forward(Tensor x) {
        return x.relu();
    }
}
