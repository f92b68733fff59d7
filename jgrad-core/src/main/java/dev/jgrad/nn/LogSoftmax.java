package dev.jgrad.nn;

import dev.jgrad.Tensor;

/** Log-softmax along one dim (the last by default): pair it with {@link Loss#nll}. */
public final class LogSoftmax extends Module {
    private final int dim;

    public LogSoftmax() {
        this(-1);
    }

    public LogSoftmax(int dim) {
        this.dim = dim;
    }

    public int dim() {
        return dim;
    }

    @Override
    public Tensor forward(Tensor x) {
        return x.logSoftmax(dim);
    }

    @Override
    protected String extraRepr() {
        return "dim=" + dim;
    }
}
