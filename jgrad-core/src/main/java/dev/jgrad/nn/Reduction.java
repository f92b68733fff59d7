package dev.jgrad.nn;

import dev.jgrad.Tensor;

/** How a loss combines its per-element values, as PyTorch's {@code reduction} argument. */
public enum Reduction {
    /** The average over all elements (the default). */
    MEAN,
    /** The sum over all elements. */
    SUM,
    /** No reduction: one value per element (per sample for classification losses). */
    NONE;

    public Tensor apply(Tensor perElement) {
        return switch (this) {
            case MEAN -> perElement.mean();
            case SUM -> perElement.sum();
            case NONE -> perElement;
        };
    }
}
