package dev.jgrad.nn;

import dev.jgrad.Tensor;
import dev.jgrad.tensor.DType;
import dev.jgrad.tensor.Generator;

import java.util.Arrays;

/**
 * A fully connected layer y = x W^T + b, with weight [out, in] and bias [out] as in PyTorch.
 * The input may have any leading dims; its last dim must be {@code in}.
 */
public final class Linear extends Module {
    private final int inFeatures;
    private final int outFeatures;
    private final Parameter weight;
    private final Parameter bias;

    /** PyTorch's default initialization, float32, with bias. */
    public Linear(int in, int out, long seed) {
        this(in, out, true, Init.DEFAULT, DType.FLOAT32, new Generator(seed));
    }

    public Linear(int in, int out, Generator gen) {
        this(in, out, true, Init.DEFAULT, DType.FLOAT32, gen);
    }

    public Linear(int in, int out, Init init, Generator gen) {
        this(in, out, true, init, DType.FLOAT32, gen);
    }

    public Linear(int in, int out, boolean bias, Init init, DType dtype, Generator gen) {
        if (in <= 0 || out <= 0)
            throw new IllegalArgumentException("Linear: feature counts must be positive, got " + in + " -> " + out);
        if (!dtype.isFloating()) throw new IllegalArgumentException("Linear: dtype must be floating-point, got " + dtype);
        this.inFeatures = in;
        this.outFeatures = out;
        Tensor w = Tensor.zeros(dtype, out, in);
        Tensor b = bias ? Tensor.zeros(dtype, out) : null;
        init.initialize(w, b, gen);
        this.weight = registerParameter("weight", w);
        this.bias = bias ? registerParameter("bias", b) : null;
    }

    @Override
    public Tensor forward(Tensor x) {
        if (x.dim() == 0 || x.size(-1) != inFeatures)
            throw new IllegalArgumentException(this + ": input of shape " + Arrays.toString(x.shape())
                    + " must have " + inFeatures + " features in its last dimension");
        return x.linear(weight.tensor(), bias == null ? null : bias.tensor());
    }

    public int inFeatures() {
        return inFeatures;
    }

    public int outFeatures() {
        return outFeatures;
    }

    public Tensor weight() {
        return weight.tensor();
    }

    /** The bias, or null for a layer built without one. */
    public Tensor bias() {
        return bias == null ? null : bias.tensor();
    }

    public boolean hasBias() {
        return bias != null;
    }

    @Override
    protected String extraRepr() {
        return inFeatures + " -> " + outFeatures + (bias == null ? ", bias=false" : "");
    }
}
