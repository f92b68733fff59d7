package dev.jgrad.kernels;

import java.util.Arrays;
import java.util.Objects;

/**
 * The front of every GEMM: argument checks, the trivial shapes, and the split of C into
 * independent blocks for {@link Parallel}. An engine computes one block on one thread.
 *
 * <p>Engines sum each element of C in an order that depends only on k (never on where the
 * element lies in its block), so the split, the thread count and the scheduling cannot change a
 * single bit of the result.
 */
final class Gemm {
    /**
     * Below this many flops (2mnk) a second thread costs more than it saves: each band packs its
     * own copy of one operand and the hand-off takes a few microseconds. Measured with GemmRunner
     * on square float32 problems (1 vs 2 threads, GFLOPS): n = 96 134 vs 102, n = 128 151 vs 162,
     * n = 160 165 vs 199, n = 192 171 vs 282.
     */
    static final long PARALLEL_MIN_FLOPS = 4_000_000;

    private Gemm() {}

    @FunctionalInterface
    interface FloatEngine {
        void gemm(int m, int n, int k, float[] a, int aOff, int aRs, int aCs, float[] b, int bOff, int bRs, int bCs,
                  float[] c, int cOff, int ldc, boolean accumulate);
    }

    @FunctionalInterface
    interface DoubleEngine {
        void gemm(int m, int n, int k, double[] a, int aOff, int aRs, int aCs, double[] b, int bOff, int bRs, int bCs,
                  double[] c, int cOff, int ldc, boolean accumulate);
    }

    static void gemm(FloatEngine engine, int rowGrain, int colGrain, int m, int n, int k,
                     float[] a, int aOff, int aRs, int aCs, float[] b, int bOff, int bRs, int bCs,
                     float[] c, int cOff, int ldc, boolean accumulate) {
        Objects.requireNonNull(a, "gemm: A is null");
        Objects.requireNonNull(b, "gemm: B is null");
        Objects.requireNonNull(c, "gemm: C is null");
        checkShape(m, n, k, ldc);
        checkOperands(m, n, k, a == c, b == c, a.length, aOff, aRs, aCs, b.length, bOff, bRs, bCs, c.length, cOff, ldc);
        if (m == 0 || n == 0) return;
        if (k == 0) {
            if (!accumulate) for (int i = 0; i < m; i++) Arrays.fill(c, cOff + i * ldc, cOff + i * ldc + n, 0f);
            return;
        }
        inBands(m, n, k, rowGrain, colGrain, (i0, rows, j0, cols) -> engine.gemm(rows, cols, k,
                a, aOff + i0 * aRs, aRs, aCs, b, bOff + j0 * bCs, bRs, bCs, c, cOff + i0 * ldc + j0, ldc, accumulate));
    }

    static void gemm(DoubleEngine engine, int rowGrain, int colGrain, int m, int n, int k,
                     double[] a, int aOff, int aRs, int aCs, double[] b, int bOff, int bRs, int bCs,
                     double[] c, int cOff, int ldc, boolean accumulate) {
        Objects.requireNonNull(a, "gemm: A is null");
        Objects.requireNonNull(b, "gemm: B is null");
        Objects.requireNonNull(c, "gemm: C is null");
        checkShape(m, n, k, ldc);
        checkOperands(m, n, k, a == c, b == c, a.length, aOff, aRs, aCs, b.length, bOff, bRs, bCs, c.length, cOff, ldc);
        if (m == 0 || n == 0) return;
        if (k == 0) {
            if (!accumulate) for (int i = 0; i < m; i++) Arrays.fill(c, cOff + i * ldc, cOff + i * ldc + n, 0d);
            return;
        }
        inBands(m, n, k, rowGrain, colGrain, (i0, rows, j0, cols) -> engine.gemm(rows, cols, k,
                a, aOff + i0 * aRs, aRs, aCs, b, bOff + j0 * bCs, bRs, bCs, c, cOff + i0 * ldc + j0, ldc, accumulate));
    }

    /** One block of C: rows [i0, i0 + rows) and columns [j0, j0 + cols). */
    @FunctionalInterface
    private interface Band {
        void run(int i0, int rows, int j0, int cols);
    }

    /**
     * Runs {@code band} over C whole, or over the row or column bands of its {@link Split} in
     * parallel, cut in whole register tiles, two bands by the threads' measured speeds.
     */
    private static void inBands(int m, int n, int k, int rowGrain, int colGrain, Band band) {
        var split = Split.of(m, n, k, rowGrain, colGrain);
        if (split.parts() == 1) {
            band.run(0, m, 0, n);
        } else if (split.byRows()) {
            Parallel.balanced((m + rowGrain - 1) / rowGrain, split.parts(), (from, to) -> {
                int i0 = from * rowGrain;
                band.run(i0, Math.min(m, to * rowGrain) - i0, 0, n);
            });
        } else {
            Parallel.balanced((n + colGrain - 1) / colGrain, split.parts(), (from, to) -> {
                int j0 = from * colGrain;
                band.run(0, m, j0, Math.min(n, to * colGrain) - j0);
            });
        }
    }

    /**
     * How C is cut: into {@code parts} bands of rows (or columns). Cutting the rows
     * makes every band pack all of B, cutting the columns makes every band pack all of A, so
     * the longer side of C is cut, in whole register tiles.
     *
     * <p>A band's place in C also decides which core's cache its operands come from. In x W^T
     * (a linear layer's forward, computed as W x^T) the column bands read the rows of W that
     * the same thread's half of the optimizer step just wrote. Cutting x's rows instead packs
     * x^T once, not twice, and was 1.23x faster for 64 x 256 x 784 on 2 threads called in a
     * loop, yet W2's training ran 8% slower with it (149-152k against 163-165k samples/s, both
     * builds taking turns in one process, TrainSideBySideRunner): each core then read all of W,
     * half of it from the other core. Cutting the weight gradient G^T X by rows, to match the
     * optimizer's halves, did not help either (0.98x and 0.92x).
     *
     * <p>Nor did sharing one packed B between the threads of a large product (pack it together,
     * then take row blocks of A from a shared counter): 0.86x at 512^3, 0.91-0.95x at 1024^3 and
     * 2048^3 on 2 threads, side by side. Each core then reads half of every panel from the
     * other core's cache, and the threads meet twice per panel instead of once per product.
     */
    record Split(int parts, boolean byRows) {
        static Split of(int m, int n, int k, int rowGrain, int colGrain) {
            int threads = Parallel.threads();
            double flops = 2.0 * m * n * k;
            // A single row times a matrix (batch-1 inference) is bound by reading B from cache, not
            // by flops: split between threads, each core streams half of B from its own L2 and
            // keeps that half there from call to call.
            boolean streams = m == 1 && (long) n * k >= Parallel.MIN_PARALLEL_ELEMENTS;
            if (threads == 1 || (flops < PARALLEL_MIN_FLOPS && !streams) || Parallel.inWorker()) return new Split(1, true);
            int rowTiles = (m + rowGrain - 1) / rowGrain, colTiles = (n + colGrain - 1) / colGrain;
            boolean byRows = m >= n ? rowTiles > 1 : colTiles == 1;
            int parts = Math.min(threads, byRows ? rowTiles : colTiles);
            return new Split(parts, parts == 1 || byRows);
        }
    }

    /**
     * Whether an engine should compute C^T = B^T A^T instead of C = A B. Packing never transposes
     * A but must transpose a B stored by columns, such as the W^T of a linear layer: k*n scalar
     * moves, several times the cost of the multiply when m is small. The swapped problem
     * transposes A instead (k*m) and C (m*n, twice to accumulate), so it pays when m is the short
     * side. The swapped product's tiles are {@code nr} columns of m wide, or half that for the
     * last one, so m must fill a whole tile, or at most half of one: a few rows times W^T then
     * run one-vector tiles, some lanes idle, instead of transposing all of W (2-16 rows of
     * 784 -> 256: 1.8-2.3x faster, measured side by side; 24 rows, in a two-vector tile, gained
     * nothing).
     *
     * <p>A transposed element of C costs about three packed elements of B: measured (float32, 1
     * thread, both ways in one process) swapping wins 1.1-2.0x at 64 x 128 x 784, 64 x 256 x 784
     * and 32 x 1000 x 500 and loses 0.87-0.98x at 256 x 512 x 784 and 256 x 1024 x 784..1024,
     * where C itself is as large as the transposed B; a weight of one chose the slower way there.
     */
    static boolean swapPays(int m, int n, int k, int nr, int aRs, int aCs, int bRs, int bCs, boolean accumulate) {
        boolean bByColumns = Math.abs(bRs) < Math.abs(bCs);
        boolean aByRows = rowsContiguous(aRs, aCs);
        if (!bByColumns || (m < nr && m > nr / 2)) return false;
        long normal = (long) k * n, swapped = (aByRows ? (long) k * m : 0) + (accumulate ? 6L : 3L) * m * n;
        return swapped < normal;
    }

    /** Whether an operand's rows are its contiguous direction (or the shorter stride): it is packed row by row. */
    static boolean rowsContiguous(int rs, int cs) {
        return cs == 1 || (rs != 1 && Math.abs(cs) <= Math.abs(rs));
    }

    /**
     * The depth of each K block: k cut into equal blocks of at most kc, so a 300-deep product
     * runs as 2 x 150, not 256 + 44. It depends on k only, and every kernel of an engine blocks K
     * this way, which is what gives a row the same bits in a one-row product as in a batch.
     */
    static int blockDepth(int k, int kc) {
        int blocks = (k + kc - 1) / kc;
        return (k + blocks - 1) / blocks;
    }

    private static void checkShape(int m, int n, int k, int ldc) {
        if (m < 0 || n < 0 || k < 0)
            throw new IllegalArgumentException("gemm: negative size m=" + m + ", n=" + n + ", k=" + k);
        if (m > 1 && ldc < n)
            throw new IllegalArgumentException("gemm: ldc=" + ldc + " is less than n=" + n + ", rows of C would overlap");
    }

    private static void checkOperands(int m, int n, int k, boolean aIsC, boolean bIsC,
                                      int aLen, int aOff, int aRs, int aCs, int bLen, int bOff, int bRs, int bCs,
                                      int cLen, int cOff, int ldc) {
        long[] ra = span("gemm", "A", m, k, aLen, aOff, aRs, aCs);
        long[] rb = span("gemm", "B", k, n, bLen, bOff, bRs, bCs);
        long[] rc = span("gemm", "C", m, n, cLen, cOff, ldc, 1);
        if (aIsC && overlap(ra, rc)) throw new IllegalArgumentException("gemm: C overlaps A in the same array");
        if (bIsC && overlap(rb, rc)) throw new IllegalArgumentException("gemm: C overlaps B in the same array");
    }

    /** The lowest and highest index an operand touches, or null when it is empty. */
    static long[] span(String op, String name, int rows, int cols, int length, int off, int rs, int cs) {
        if (rows == 0 || cols == 0) return null;
        long lo = off + Math.min(0L, (rows - 1L) * rs) + Math.min(0L, (cols - 1L) * cs);
        long hi = off + Math.max(0L, (rows - 1L) * rs) + Math.max(0L, (cols - 1L) * cs);
        if (lo < 0 || hi >= length)
            throw new IllegalArgumentException(op + ": " + name + " (" + rows + " x " + cols + ", offset " + off
                    + ", strides " + rs + ", " + cs + ") reaches indices " + lo + ".." + hi
                    + " outside its array of length " + length);
        return new long[] {lo, hi};
    }

    private static boolean overlap(long[] x, long[] y) {
        return x != null && y != null && x[0] <= y[1] && y[0] <= x[1];
    }
}
