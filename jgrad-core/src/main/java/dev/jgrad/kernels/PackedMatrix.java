package dev.jgrad.kernels;

import java.util.Objects;

/**
 * A k x n float32 matrix B copied once into the layout a {@link Kernels} implementation reads
 * fastest for products x B of one row x at a time ({@link Kernels#gemvPacked}): a weight used
 * for batch-1 inference. Panels of {@code width} columns, each k x width and contiguous, columns
 * past n zero: B(p, j) at {@code data[(j / width * k + p) * width + j % width]}.
 */
public final class PackedMatrix {
    final int k, n, width;
    final float[] data;
    private final Class<?> packedBy;

    PackedMatrix(int k, int n, int width, Kernels packedBy) {
        this.k = k;
        this.n = n;
        this.width = width;
        this.packedBy = packedBy.getClass();
        long size = (long) k * ((n + width - 1) / width) * width;
        if (size > Integer.MAX_VALUE - 8)
            throw new IllegalArgumentException("pack: " + k + " x " + n + " is too large to pack into one array");
        this.data = new float[(int) size];
    }

    /** Rows of B (the length of x). */
    public int rows() {
        return k;
    }

    /** Columns of B (the length of the product). */
    public int columns() {
        return n;
    }

    /** Packs B(p, j) = b[off + p*rs + j*cs] into panels of {@code width} columns. */
    static PackedMatrix of(int k, int n, int width, float[] b, int off, int rs, int cs, Kernels packedBy) {
        Objects.requireNonNull(b, "pack: B is null");
        if (k <= 0 || n <= 0 || width <= 0)
            throw new IllegalArgumentException("pack: need k, n > 0, got k=" + k + ", n=" + n);
        Gemm.span("pack", "B", k, n, b.length, off, rs, cs);
        var pm = new PackedMatrix(k, n, width, packedBy);
        for (int j0 = 0; j0 < n; j0 += width) {
            int cols = Math.min(width, n - j0), base = j0 * k;
            if (cs == 1) {
                for (int p = 0; p < k; p++) System.arraycopy(b, off + p * rs + j0, pm.data, base + p * width, cols);
            } else {
                // B stored by columns (W^T of a linear layer): read each column in order
                for (int j = 0; j < cols; j++)
                    for (int p = 0, s = off + (j0 + j) * cs, t = base + j; p < k; p++, s += rs, t += width) pm.data[t] = b[s];
            }
        }
        return pm;
    }

    /** Checks the arguments of a product with this matrix, naming the problem. */
    void check(Kernels reader, float[] x, int xOff, float[] c, int cOff) {
        Objects.requireNonNull(x, "gemvPacked: x is null");
        Objects.requireNonNull(c, "gemvPacked: c is null");
        if (reader.getClass() != packedBy)
            throw new IllegalArgumentException("gemvPacked: matrix packed by " + packedBy.getSimpleName()
                    + ", read by " + reader.getClass().getSimpleName());
        if (xOff < 0 || xOff + (long) k > x.length)
            throw new IllegalArgumentException("gemvPacked: x needs " + k + " elements from offset " + xOff
                    + ", its array has " + x.length);
        if (cOff < 0 || cOff + (long) n > c.length)
            throw new IllegalArgumentException("gemvPacked: c needs " + n + " elements from offset " + cOff
                    + ", its array has " + c.length);
    }
}
