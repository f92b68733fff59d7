package dev.jgrad.nn;

import dev.jgrad.Tensor;

/** x for x &gt; 0, slope * x otherwise; PyTorch's default slope is 0.01. */
public final class LeakyReLU extends Module {
    public static final double DEFAULT_SLOPE = 0.01;
    private final double slope;

    public LeakyReLU() {
        this(DEFAULT_SLOPE);
    }

    public LeakyReLU(double slope) {
        if (!Double.isFinite(slope)) throw new IllegalArgumentException("LeakyReLU: slope must be finite, got " + slope);
        this.slope = slope;
    }

    public double slope() {
        return slope;
    }

    @Override
    public Tensor forward(Tensor x) {
        return x.leakyRelu(slope);
    }

    @Override
    protected String extraRepr() {
        return "slope=" + slope;
    }
}
