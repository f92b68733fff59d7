package dev.jgrad.nn;

import dev.jgrad.Tensor;
import dev.jgrad.tensor.Generator;
import dev.jgrad.tensor.Storage;

/**
 * Weight initialization schemes for a layer with fanIn inputs and fanOut outputs. All are
 * uniform, drawn from a seeded {@link Generator} (weights first, then biases).
 */
public enum Init {
    /**
     * PyTorch's nn.Linear default, kaiming_uniform(a = sqrt 5): weights and biases uniform in
     * +-1/sqrt(fanIn).
     */
    DEFAULT,
    /** He/Kaiming uniform for ReLU: weights in +-sqrt(6 / fanIn), biases zero. */
    HE,
    /** Xavier/Glorot uniform: weights in +-sqrt(6 / (fanIn + fanOut)), biases zero. */
    XAVIER,
    /** All zeros: fine for convex models (linear, logistic and softmax regression), not for hidden layers. */
    ZEROS;

    /** The half-width of the uniform weight distribution. */
    public double weightBound(int fanIn, int fanOut) {
        return switch (this) {
            case DEFAULT -> 1 / Math.sqrt(fanIn);
            case HE -> Math.sqrt(6.0 / fanIn);
            case XAVIER -> Math.sqrt(6.0 / (fanIn + fanOut));
            case ZEROS -> 0;
        };
    }

    /** The half-width of the uniform bias distribution. */
    public double biasBound(int fanIn) {
        return this == DEFAULT ? 1 / Math.sqrt(fanIn) : 0;
    }

    /** Fills weight [fanOut, fanIn] and, if present, bias [fanOut] in place (they must not be recording). */
    public void initialize(Tensor weight, Tensor bias, Generator gen) {
        int fanOut = weight.size(0), fanIn = weight.size(1);
        uniform(weight, weightBound(fanIn, fanOut), gen);
        if (bias != null) uniform(bias, biasBound(fanIn), gen);
    }

    private static void uniform(Tensor t, double bound, Generator gen) {
        if (!t.isContiguous()) throw new IllegalArgumentException("init: tensor must be contiguous");
        Storage s = t.storage();
        int o = t.storageOffset();
        for (int i = 0; i < t.numel(); i++) s.set(o + i, bound == 0 ? 0 : (2 * gen.nextDouble() - 1) * bound);
        s.bumpVersion();
    }
}
