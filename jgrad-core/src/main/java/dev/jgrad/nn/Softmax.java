package dev.jgrad.nn;

import dev.jgrad.Tensor;

/** Softmax along one dim (the last by default), computed stably. */
public final class Softmax extends Module {
    private final int dim;

    public Softmax() {
        this(-1);
    }

    public Softmax(int dim) {
        this.dim = dim;
    }

    public int dim() {
        return dim;
    }

    @Override
    public Tensor forward(Tensor x) {
        return x.softmax(dim);
    }

    @Override
    protected String extraRepr() {
        return "dim=" + dim;
    }
}
