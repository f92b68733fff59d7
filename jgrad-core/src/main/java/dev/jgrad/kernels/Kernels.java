package dev.jgrad.kernels;

/**
 * The hot loops of jgrad behind one interface. {@link #get()} picks the implementation once at
 * start-up: the Panama Vector API one when {@code jdk.incubator.vector} is enabled, plain Java
 * otherwise. Arrays are addressed by offset and length so that views share storage.
 *
 * <p>Every float and double method has the same contract; the float32 variants accumulate in
 * float32 (like BLAS) unless stated.
 */
public interface Kernels {

    /** A short name for logs and {@code jgrad info}, e.g. "panama (AVX-512, 16 float lanes)". */
    String name();

    /**
     * General matrix multiply: C = A B, or C += A B when {@code accumulate}.
     * A is m x k with element (i, p) at {@code a[aOff + i*aRs + p*aCs]}; B is k x n with element
     * (p, j) at {@code b[bOff + p*bRs + j*bCs]}; C is m x n, row-major with leading dimension
     * ldc, element (i, j) at {@code c[cOff + i*ldc + j]}. Any strides are allowed, so a
     * transposed operand is passed by swapping its strides (no copy).
     */
    void gemm(int m, int n, int k,
              float[] a, int aOff, int aRs, int aCs,
              float[] b, int bOff, int bRs, int bCs,
              float[] c, int cOff, int ldc, boolean accumulate);

    /** {@link #gemm(int, int, int, float[], int, int, int, float[], int, int, int, float[], int, int, boolean)} in float64. */
    void gemm(int m, int n, int k,
              double[] a, int aOff, int aRs, int aCs,
              double[] b, int bOff, int bRs, int bCs,
              double[] c, int cOff, int ldc, boolean accumulate);

    /**
     * B (k x n, element (p, j) at {@code b[bOff + p*bRs + j*bCs]}) copied once for
     * {@link #gemvPacked}: for a weight that many one-row products will read (batch-1 inference),
     * so that no call has to transpose or pack it again.
     */
    PackedMatrix pack(int k, int n, float[] b, int bOff, int bRs, int bCs);

    /**
     * c[cOff + j] = (or +=, when {@code accumulate}) sum over p of x[xOff + p] B(p, j), for a B
     * from this implementation's {@link #pack}. Gives the same bits as the same row of
     * {@link #gemm(int, int, int, float[], int, int, int, float[], int, int, int, float[], int, int, boolean) gemm}
     * with that B.
     */
    void gemvPacked(float[] x, int xOff, PackedMatrix b, float[] c, int cOff, boolean accumulate);

    /** y[yo + i] = op(x[xo + i]; p, q) for i in [0, n). x and y may be the same array. */
    void unary(UnaryOp op, float[] x, int xo, float[] y, int yo, int n, double p, double q);

    void unary(UnaryOp op, double[] x, int xo, double[] y, int yo, int n, double p, double q);

    /**
     * z[zo + i] = op(x[xo + i*xs], y[yo + i*ys]) for i in [0, n); a stride of 0 broadcasts one
     * element. z is contiguous and may alias x or y when their stride is 1.
     */
    void binary(BinaryOp op, float[] x, int xo, int xs, float[] y, int yo, int ys, float[] z, int zo, int n);

    void binary(BinaryOp op, double[] x, int xo, int xs, double[] y, int yo, int ys, double[] z, int zo, int n);

    /** out[oo + r] = reduce(x[xo + r*len .. xo + (r+1)*len)) for each of {@code rows} rows. */
    void reduceRows(ReduceOp op, float[] x, int xo, int rows, int len, float[] out, int oo);

    void reduceRows(ReduceOp op, double[] x, int xo, int rows, int len, double[] out, int oo);

    /**
     * Column reduction of a rows x len row-major block: out[oo + j] = reduce over r of
     * x[xo + r*len + j]. This is the bias-gradient shape (sum over the batch).
     */
    void reduceCols(ReduceOp op, float[] x, int xo, int rows, int len, float[] out, int oo);

    void reduceCols(ReduceOp op, double[] x, int xo, int rows, int len, double[] out, int oo);

    /** y[yo + i] += alpha * x[xo + i]: gradient accumulation and optimizer updates. */
    void axpy(int n, float alpha, float[] x, int xo, float[] y, int yo);

    void axpy(int n, double alpha, double[] x, int xo, double[] y, int yo);

    /** The implementation chosen at start-up. */
    static Kernels get() {
        return KernelProvider.INSTANCE;
    }
}
