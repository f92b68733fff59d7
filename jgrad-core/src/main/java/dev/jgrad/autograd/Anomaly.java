package dev.jgrad.autograd;

import dev.jgrad.Tensor;

/** Anomaly mode: names the first operation whose forward or backward produced NaN or infinity. */
final class Anomaly {
    private Anomaly() {}

    static void checkForward(String op, Tensor out) {
        if (out.dtype().isFloating() && !out.isFinite())
            throw new IllegalStateException("anomaly: " + op + " produced NaN or infinity in its forward output of shape "
                    + java.util.Arrays.toString(out.shape()));
    }

    static void checkBackward(Node node, int input, Tensor grad) {
        if (!grad.isFinite())
            throw new IllegalStateException("anomaly: the backward of " + node.name() + " produced NaN or infinity in the gradient of input "
                    + input + " (shape " + java.util.Arrays.toString(grad.shape()) + ")");
    }
}
