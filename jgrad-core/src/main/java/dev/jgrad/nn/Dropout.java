package dev.jgrad.nn;

import dev.jgrad.Tensor;
import dev.jgrad.tensor.DType;
import dev.jgrad.tensor.Generator;
import dev.jgrad.tensor.Storage;

/**
 * Inverted dropout: in training mode each element is zeroed with probability p and the
 * survivors are scaled by 1/(1-p), so the expected value is unchanged and eval mode is the
 * identity. The masks come from a seeded generator, so a run is reproducible.
 */
public final class Dropout extends Module {
    private final double p;
    private final Generator gen;

    public Dropout(double p, long seed) {
        this(p, new Generator(seed));
    }

    public Dropout(double p, Generator gen) {
        if (!(p >= 0 && p <= 1)) throw new IllegalArgumentException("Dropout: probability must be in [0, 1], got " + p);
        this.p = p;
        this.gen = gen;
    }

    public double p() {
        return p;
    }

    @Override
    public Tensor forward(Tensor x) {
        if (!isTraining() || p == 0) return x;
        if (!x.dtype().isFloating()) throw new IllegalArgumentException("Dropout: input must be floating-point, got " + x.dtype());
        Tensor mask = Tensor.zeros(x.dtype(), x.shape());
        if (p < 1) {
            double keep = 1 / (1 - p);
            Storage s = mask.storage();
            int n = mask.numel();
            if (x.dtype() == DType.FLOAT32) {
                float[] m = s.floats();
                float k = (float) keep;
                for (int i = 0; i < n; i++) if (gen.nextDouble() >= p) m[i] = k;
            } else {
                double[] m = s.doubles();
                for (int i = 0; i < n; i++) if (gen.nextDouble() >= p) m[i] = keep;
            }
        }
        return x.mul(mask);
    }

    @Override
    protected String extraRepr() {
        return "p=" + p;
    }
}
