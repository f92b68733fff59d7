package dev.jgrad.kernels;

/**
 * Out-of-place transposes of a row-major block: dst(j, i) = src(i, j), for a GEMM that computes
 * C^T and must bring it back into C.
 *
 * <p>The copy goes in {@value #TILE} x {@value #TILE} tiles. Row by row, every store of one
 * source row lands in a different cache line of dst, and for a C the size of W3's 256 x 1024
 * activations those lines are evicted before the next row fills them: 1.2-1.5 ms against
 * 0.2 ms tiled (one process, JDK 17).
 */
final class Transpose {
    static final int TILE = 8;

    private Transpose() {}

    /** dst[dOff + j*ldd + i] = src[sOff + i*lds + j] for i in [0, rows), j in [0, cols). */
    static void copy(int rows, int cols, float[] src, int sOff, int lds, float[] dst, int dOff, int ldd) {
        inTiles(rows, cols, (i0, i1, j0, j1) -> {
            for (int i = i0; i < i1; i++)
                for (int j = j0, s = sOff + i * lds, d = dOff + i; j < j1; j++) dst[d + j * ldd] = src[s + j];
        });
    }

    /** {@link #copy(int, int, float[], int, int, float[], int, int)} in float64. */
    static void copy(int rows, int cols, double[] src, int sOff, int lds, double[] dst, int dOff, int ldd) {
        inTiles(rows, cols, (i0, i1, j0, j1) -> {
            for (int i = i0; i < i1; i++)
                for (int j = j0, s = sOff + i * lds, d = dOff + i; j < j1; j++) dst[d + j * ldd] = src[s + j];
        });
    }

    /** Source rows [i0, i1) by columns [j0, j1). */
    @FunctionalInterface
    private interface Tile {
        void copy(int i0, int i1, int j0, int j1);
    }

    private static void inTiles(int rows, int cols, Tile tile) {
        for (int i0 = 0; i0 < rows; i0 += TILE)
            for (int j0 = 0; j0 < cols; j0 += TILE)
                tile.copy(i0, Math.min(rows, i0 + TILE), j0, Math.min(cols, j0 + TILE));
    }
}
