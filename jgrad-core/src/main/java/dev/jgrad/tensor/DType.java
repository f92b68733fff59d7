package dev.jgrad.tensor;

/** Element types. Float32 is the default for factories; float64 is used by gradient checks. */
public enum DType {
    FLOAT32(4, "float32"),
    FLOAT64(8, "float64"),
    /** Indices and class labels; never differentiable. */
    INT64(8, "int64");

    private final int byteSize;
    private final String label;

    DType(int byteSize, String label) {
        this.byteSize = byteSize;
        this.label = label;
    }

    public int byteSize() {
        return byteSize;
    }

    public boolean isFloating() {
        return this != INT64;
    }

    /** The result type of a binary op, as in PyTorch: float64 wins, then float32, then int64. */
    public static DType promote(DType a, DType b) {
        if (a == FLOAT64 || b == FLOAT64) return FLOAT64;
        if (a == FLOAT32 || b == FLOAT32) return FLOAT32;
        return INT64;
    }

    @Override
    public String toString() {
        return label;
    }
}
