package dev.jgrad.data;

import dev.jgrad.Tensor;

import java.util.Arrays;

/** A mini-batch: inputs x [B, ...] and targets y [B, ...] (class labels are int64 [B]). */
public record Batch(Tensor x, Tensor y) {
    public Batch {
        if (x == null || y == null) throw new IllegalArgumentException("Batch: inputs and targets must not be null");
        if (x.dim() == 0 || y.dim() == 0 || x.size(0) != y.size(0))
            throw new IllegalArgumentException("Batch: inputs of shape " + Arrays.toString(x.shape()) + " and targets of shape "
                    + Arrays.toString(y.shape()) + " do not hold the same number of examples");
    }

    /** The number of examples. */
    public int size() {
        return x.size(0);
    }
}
