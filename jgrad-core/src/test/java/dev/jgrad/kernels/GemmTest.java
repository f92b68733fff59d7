package dev.jgrad.kernels;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.Callable;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.junit.jupiter.api.Assertions.*;

class GemmTest {
    private static final int[] SIZES = {0, 1, 2, 3, 5, 7, 13, 17, 31, 33, 64, 65, 100, 127, 129, 257};
    private static final int DEFAULT_THREADS = Parallel.threads();

    static List<Kernels> implementations() {
        return List.of(new ScalarKernels(), new PanamaKernels());
    }

    @AfterEach
    void restoreThreads() {
        Parallel.setThreads(DEFAULT_THREADS);
    }

    /** One operand laid out inside a larger array: offset, strides, and guard cells around it. */
    record Layout(int off, int rs, int cs, int length) {
        /** rows x cols, row- or column-major, with a random gap before and after and padded rows. */
        static Layout of(int rows, int cols, boolean transposed, SplittableRandom rnd) {
            int off = rnd.nextInt(5), pad = rnd.nextInt(3);
            int rs = transposed ? 1 : cols + pad, cs = transposed ? rows + pad : 1;
            int last = rows == 0 || cols == 0 ? 0 : (rows - 1) * rs + (cols - 1) * cs + 1;
            return new Layout(off, rs, cs, off + last + rnd.nextInt(4));
        }

        int at(int i, int j) {
            return off + i * rs + j * cs;
        }
    }

    /** C (+)= A B in float64 from the float inputs, plus the scale sum |a||b| for the tolerance. */
    private static double[][] reference(int m, int n, int k, float[] a, Layout la, float[] b, Layout lb,
                                        float[] c, int cOff, int ldc, boolean accumulate) {
        // dense copies, A by rows and B by columns, so the dot products below run over arrays
        double[] ad = new double[m * k], bt = new double[n * k];
        for (int i = 0; i < m; i++) for (int p = 0; p < k; p++) ad[i * k + p] = a[la.at(i, p)];
        for (int p = 0; p < k; p++) for (int j = 0; j < n; j++) bt[j * k + p] = b[lb.at(p, j)];
        double[] val = new double[m * n], mag = new double[m * n];
        for (int i = 0; i < m; i++)
            for (int j = 0; j < n; j++) {
                double s = accumulate ? c[cOff + i * ldc + j] : 0, t = Math.abs(s);
                for (int p = 0, ai = i * k, bj = j * k; p < k; p++) {
                    double x = ad[ai + p] * bt[bj + p];
                    s += x;
                    t += Math.abs(x);
                }
                val[i * n + j] = s;
                mag[i * n + j] = t;
            }
        return new double[][] {val, mag};
    }

    private static float[] randomFloats(int len, SplittableRandom rnd) {
        float[] x = new float[len];
        for (int i = 0; i < len; i++) x[i] = (float) rnd.nextDouble(-1, 1);
        return x;
    }

    /** Runs one float case and checks C against the reference and the guard cells for changes. */
    private static void checkFloat(Kernels kern, int m, int n, int k, boolean ta, boolean tb, boolean accumulate, long seed) {
        var rnd = new SplittableRandom(seed);
        Layout la = Layout.of(m, k, ta, rnd), lb = Layout.of(k, n, tb, rnd);
        float[] a = randomFloats(la.length(), rnd), b = randomFloats(lb.length(), rnd);
        int cOff = rnd.nextInt(4), ldc = Math.max(1, n + rnd.nextInt(3));
        float[] c = randomFloats(cOff + m * ldc + 3, rnd);
        if (!accumulate) for (int i = 0; i < m; i++) Arrays.fill(c, cOff + i * ldc, cOff + i * ldc + n, Float.NaN);
        float[] before = c.clone();
        double[][] ref = reference(m, n, k, a, la, b, lb, c, cOff, ldc, accumulate);
        kern.gemm(m, n, k, a, la.off(), la.rs(), la.cs(), b, lb.off(), lb.rs(), lb.cs(), c, cOff, ldc, accumulate);
        String what = kern.name() + " float m=" + m + " n=" + n + " k=" + k + " ta=" + ta + " tb=" + tb + " acc=" + accumulate;
        for (int idx = 0; idx < c.length; idx++) {
            int r = idx - cOff, i = Math.floorDiv(r, ldc), j = Math.floorMod(r, ldc);
            if (r >= 0 && i < m && j < n) {
                double want = ref[0][i * n + j], tol = 1e-5 * ref[1][i * n + j] + 1e-30;
                if (!(Math.abs(c[idx] - want) <= tol))
                    fail(what + ": C(" + i + "," + j + ") = " + c[idx] + ", want " + want);
            } else if (Float.floatToRawIntBits(c[idx]) != Float.floatToRawIntBits(before[idx])) {
                fail(what + ": wrote outside C at index " + idx);
            }
        }
    }

    private static void checkDouble(Kernels kern, int m, int n, int k, boolean ta, boolean tb, boolean accumulate, long seed) {
        var rnd = new SplittableRandom(seed);
        Layout la = Layout.of(m, k, ta, rnd), lb = Layout.of(k, n, tb, rnd);
        double[] a = rnd.doubles(la.length(), -1, 1).toArray(), b = rnd.doubles(lb.length(), -1, 1).toArray();
        int cOff = rnd.nextInt(4), ldc = Math.max(1, n + rnd.nextInt(3));
        double[] c = rnd.doubles(cOff + m * ldc + 3, -1, 1).toArray();
        if (!accumulate) for (int i = 0; i < m; i++) Arrays.fill(c, cOff + i * ldc, cOff + i * ldc + n, Double.NaN);
        double[] before = c.clone();
        double[] ad = new double[m * k], bt = new double[n * k];
        for (int i = 0; i < m; i++) for (int p = 0; p < k; p++) ad[i * k + p] = a[la.at(i, p)];
        for (int p = 0; p < k; p++) for (int j = 0; j < n; j++) bt[j * k + p] = b[lb.at(p, j)];
        kern.gemm(m, n, k, a, la.off(), la.rs(), la.cs(), b, lb.off(), lb.rs(), lb.cs(), c, cOff, ldc, accumulate);
        String what = kern.name() + " double m=" + m + " n=" + n + " k=" + k + " ta=" + ta + " tb=" + tb + " acc=" + accumulate;
        for (int idx = 0; idx < c.length; idx++) {
            int r = idx - cOff, i = Math.floorDiv(r, ldc), j = Math.floorMod(r, ldc);
            if (r >= 0 && i < m && j < n) {
                double want = accumulate ? before[idx] : 0, mag = Math.abs(want);
                for (int p = 0, ai = i * k, bj = j * k; p < k; p++) {
                    double x = ad[ai + p] * bt[bj + p];
                    want += x;
                    mag += Math.abs(x);
                }
                if (!(Math.abs(c[idx] - want) <= 1e-12 * mag + 1e-300))
                    fail(what + ": C(" + i + "," + j + ") = " + c[idx] + ", want " + want);
            } else if (Double.doubleToRawLongBits(c[idx]) != Double.doubleToRawLongBits(before[idx])) {
                fail(what + ": wrote outside C at index " + idx);
            }
        }
    }

    @ParameterizedTest
    @MethodSource("implementations")
    void floatMatchesReferenceOnAwkwardShapes(Kernels kern) {
        var rnd = new SplittableRandom(42);
        for (int m : SIZES)
            for (int n : SIZES) {
                // every (m, n) pair with two depths, including k = 0 and one past a block edge
                int k1 = SIZES[rnd.nextInt(SIZES.length)], k2 = rnd.nextBoolean() ? 0 : 257;
                for (int k : new int[] {k1, k2}) {
                    if ((long) m * n * k > 1_200_000) continue;
                    int layout = rnd.nextInt(4);
                    checkFloat(kern, m, n, k, (layout & 1) != 0, (layout & 2) != 0, rnd.nextBoolean(), rnd.nextLong());
                }
            }
    }

    @ParameterizedTest
    @MethodSource("implementations")
    void doubleMatchesReferenceOnAwkwardShapes(Kernels kern) {
        var rnd = new SplittableRandom(7);
        for (int m : SIZES)
            for (int n : SIZES) {
                int k = SIZES[rnd.nextInt(SIZES.length)];
                if ((long) m * n * k > 1_200_000) continue;
                int layout = rnd.nextInt(4);
                checkDouble(kern, m, n, k, (layout & 1) != 0, (layout & 2) != 0, rnd.nextBoolean(), rnd.nextLong());
            }
    }

    /**
     * The shapes of a 784-256-10 MLP with batch 64: forward x W^T, backward dY W and dY^T X, and
     * one-row inference. Layouts rotate over the shapes to keep the test fast.
     */
    @ParameterizedTest
    @MethodSource("implementations")
    void neuralNetworkShapes(Kernels kern) {
        int[][] shapes = {{64, 256, 784}, {64, 784, 256}, {256, 784, 64}, {64, 10, 256}, {10, 256, 64}, {1, 256, 784}};
        for (int s = 0; s < shapes.length; s++) {
            int m = shapes[s][0], n = shapes[s][1], k = shapes[s][2], layout = s % 4, other = (s + 2) % 4;
            checkFloat(kern, m, n, k, (layout & 1) != 0, (layout & 2) != 0, s % 2 == 0, s);
            if (s % 2 == 0) checkFloat(kern, m, n, k, (other & 1) != 0, (other & 2) != 0, true, 100 + s);
            else checkDouble(kern, m, n, k, (other & 1) != 0, (other & 2) != 0, s % 3 == 0, 200 + s);
        }
    }

    @ParameterizedTest
    @MethodSource("implementations")
    void overwriteIgnoresOldNaNAndAccumulateAdds(Kernels kern) {
        float[] a = {1, 2, 3, 4}, b = {5, 6, 7, 8}; // 2x2 each
        float[] c = {Float.NaN, Float.NaN, Float.NaN, Float.NaN};
        kern.gemm(2, 2, 2, a, 0, 2, 1, b, 0, 2, 1, c, 0, 2, false);
        assertArrayEquals(new float[] {19, 22, 43, 50}, c);
        kern.gemm(2, 2, 2, a, 0, 2, 1, b, 0, 2, 1, c, 0, 2, true);
        assertArrayEquals(new float[] {38, 44, 86, 100}, c);
        kern.gemm(2, 2, 2, a, 0, 1, 2, b, 0, 1, 2, c, 0, 2, false); // A^T B^T = (B A)^T
        assertArrayEquals(new float[] {23, 31, 34, 46}, c);
        double[] cd = {1, 2, 3, 4};
        kern.gemm(2, 2, 0, new double[0], 0, 0, 1, new double[0], 0, 2, 1, cd, 0, 2, true);
        assertArrayEquals(new double[] {1, 2, 3, 4}, cd);
        kern.gemm(2, 2, 0, new double[0], 0, 0, 1, new double[0], 0, 2, 1, cd, 0, 2, false);
        assertArrayEquals(new double[] {0, 0, 0, 0}, cd);
    }

    @ParameterizedTest
    @MethodSource("implementations")
    void resultIsBitwiseTheSameForAnyThreadCount(Kernels kern) {
        var rnd = new SplittableRandom(3);
        int[][] shapes = {{257, 129, 200}, {100, 257, 260}, {64, 256, 784}, {13, 1000, 700}, {1000, 13, 700}};
        for (int[] s : shapes) {
            int m = s[0], n = s[1], k = s[2];
            float[] a = randomFloats(m * k, rnd), b = randomFloats(k * n, rnd);
            double[] ad = rnd.doubles(m * k).toArray(), bd = rnd.doubles(k * n).toArray();
            float[] first = null, firstT = null;
            double[] firstD = null;
            for (int threads : new int[] {1, 2, 3, 4}) {
                Parallel.setThreads(threads);
                assertEquals(threads, Gemm.Split.of(m, n, k, 6, 32).parts(), "the work is really split");
                float[] c = new float[m * n];
                kern.gemm(m, n, k, a, 0, 1, m, b, 0, n, 1, c, 0, n, false);
                // B by columns (x W^T), which an engine may compute as C^T = W x^T, split by rows
                float[] ct = new float[m * n];
                kern.gemm(m, n, k, a, 0, k, 1, b, 0, 1, k, ct, 0, n, false);
                double[] cd = new double[m * n];
                kern.gemm(m, n, k, ad, 0, k, 1, bd, 0, 1, k, cd, 0, n, false);
                if (first == null) {
                    first = c;
                    firstT = ct;
                    firstD = cd;
                } else {
                    assertArrayEquals(firstT, ct, kern.name() + " float, B by columns " + Arrays.toString(s) + " threads=" + threads);
                    assertArrayEquals(first, c, kern.name() + " float " + Arrays.toString(s) + " threads=" + threads);
                    assertArrayEquals(firstD, cd, kern.name() + " double " + Arrays.toString(s) + " threads=" + threads);
                }
            }
        }
    }

    @ParameterizedTest
    @MethodSource("implementations")
    void bandsCutByMeasuredSpeedsGiveTheSameBits(Kernels kern) {
        var rnd = new SplittableRandom(5);
        int[][] shapes = {{257, 129, 200}, {64, 256, 784}, {256, 784, 64}};
        try {
            for (int[] s : shapes) {
                int m = s[0], n = s[1], k = s[2];
                float[] a = randomFloats(m * k, rnd), b = randomFloats(k * n, rnd);
                Parallel.setThreads(1);
                float[] want = new float[m * n], wantT = new float[m * n];
                kern.gemm(m, n, k, a, 0, k, 1, b, 0, n, 1, want, 0, n, false);
                kern.gemm(m, n, k, a, 0, k, 1, b, 0, 1, k, wantT, 0, n, false);
                Parallel.setThreads(2);
                for (long[] nanos : new long[][] {{1, 3}, {3, 1}}) {
                    ParallelTest.steer(500, 100, nanos[0], nanos[1]);
                    assertNotEquals(50, Parallel.callerUnits(100), "the cut is skewed");
                    float[] c = new float[m * n], ct = new float[m * n];
                    kern.gemm(m, n, k, a, 0, k, 1, b, 0, n, 1, c, 0, n, false);
                    kern.gemm(m, n, k, a, 0, k, 1, b, 0, 1, k, ct, 0, n, false);
                    String where = kern.name() + " " + Arrays.toString(s) + ", caller share " + Parallel.callerUnits(100) + "%";
                    assertArrayEquals(want, c, where);
                    assertArrayEquals(wantT, ct, where + ", B by columns");
                }
            }
        } finally {
            Parallel.resetBalance();
        }
    }

    @ParameterizedTest
    @MethodSource("implementations")
    void concurrentAndNestedCallsAgreeWithSequentialOnes(Kernels kern) throws Exception {
        Parallel.setThreads(2);
        int m = 150, n = 140, k = 260, calls = 8;
        var rnd = new SplittableRandom(11);
        float[][] as = new float[calls][], bs = new float[calls][], want = new float[calls][];
        for (int t = 0; t < calls; t++) {
            as[t] = randomFloats(m * k, rnd);
            bs[t] = randomFloats(k * n, rnd);
            want[t] = new float[m * n];
            kern.gemm(m, n, k, as[t], 0, k, 1, bs[t], 0, n, 1, want[t], 0, n, false);
        }
        assertEquals(2, Gemm.Split.of(m, n, k, 6, 32).parts(), "each call is split");
        var got = new float[calls][m * n];
        assertTimeoutPreemptively(Duration.ofSeconds(60), () -> {
            var callers = Executors.newFixedThreadPool(4);
            try {
                List<Future<?>> futures = new ArrayList<>();
                for (int t = 0; t < calls; t++) {
                    int id = t;
                    futures.add(callers.submit((Callable<Void>) () -> {
                        for (int rep = 0; rep < 3; rep++)
                            kern.gemm(m, n, k, as[id], 0, k, 1, bs[id], 0, n, 1, got[id], 0, n, false);
                        return null;
                    }));
                }
                for (var f : futures) f.get();
            } finally {
                callers.shutdown();
            }
            // gemm inside pool tasks runs inline instead of waiting for busy workers
            var nested = new float[calls][m * n];
            Parallel.run(calls, t -> kern.gemm(m, n, k, as[t], 0, k, 1, bs[t], 0, n, 1, nested[t], 0, n, false));
            for (int t = 0; t < calls; t++) assertArrayEquals(want[t], nested[t], "nested call " + t);
        });
        for (int t = 0; t < calls; t++) assertArrayEquals(want[t], got[t], "concurrent call " + t);
    }

    /** Computing C^T = B^T A^T for a transposed B must not change a bit, in either mode. */
    @Test
    void swappedProductIsBitwiseTheDirectOne() {
        var rnd = new SplittableRandom(5);
        int[][] shapes = {{64, 256, 784}, {40, 300, 401}, {33, 100, 500}, {4, 256, 784}, {2, 37, 300}};
        for (int[] s : shapes)
            for (boolean accumulate : new boolean[] {false, true}) {
                int m = s[0], n = s[1], k = s[2];
                // A row-major, B = W^T with W n x k row-major
                assertTrue(Gemm.swapPays(m, n, k, PanamaFloatGemm.NR, k, 1, 1, k, accumulate), Arrays.toString(s));
                assertTrue(Gemm.swapPays(m, n, k, PanamaDoubleGemm.NR, k, 1, 1, k, accumulate), Arrays.toString(s));
                float[] a = randomFloats(m * k, rnd), w = randomFloats(n * k, rnd), c0 = randomFloats(m * n, rnd);
                float[] direct = c0.clone(), swapped = c0.clone();
                PanamaFloatGemm.blocked(m, n, k, a, 0, k, 1, w, 0, 1, k, direct, 0, n, accumulate);
                PanamaFloatGemm.gemm(m, n, k, a, 0, k, 1, w, 0, 1, k, swapped, 0, n, accumulate);
                assertArrayEquals(direct, swapped, "float " + Arrays.toString(s) + " accumulate=" + accumulate);

                double[] ad = rnd.doubles(m * k).toArray(), wd = rnd.doubles(n * k).toArray(), cd = rnd.doubles(m * n).toArray();
                double[] directD = cd.clone(), swappedD = cd.clone();
                PanamaDoubleGemm.blocked(m, n, k, ad, 0, k, 1, wd, 0, 1, k, directD, 0, n, accumulate);
                PanamaDoubleGemm.gemm(m, n, k, ad, 0, k, 1, wd, 0, 1, k, swappedD, 0, n, accumulate);
                assertArrayEquals(directD, swappedD, "double " + Arrays.toString(s) + " accumulate=" + accumulate);
            }
    }

    /** A C as large as the transposed B (a wide layer's batch) is not worth transposing twice. */
    @Test
    void largeOutputsAreNotSwapped() {
        for (boolean accumulate : new boolean[] {false, true}) {
            assertFalse(Gemm.swapPays(256, 1024, 784, PanamaFloatGemm.NR, 784, 1, 1, 784, accumulate));
            assertFalse(Gemm.swapPays(256, 512, 784, PanamaFloatGemm.NR, 784, 1, 1, 784, accumulate));
            assertTrue(Gemm.swapPays(64, 128, 784, PanamaFloatGemm.NR, 784, 1, 1, 784, accumulate));
        }
        // a few rows take one-vector tiles; rows that would half fill two vectors do not swap
        assertTrue(Gemm.swapPays(4, 256, 784, PanamaFloatGemm.NR, 784, 1, 1, 784, true));
        assertFalse(Gemm.swapPays(24, 256, 784, PanamaFloatGemm.NR, 784, 1, 1, 784, true));
        // B stored by rows never needs the swap, whatever the shape
        assertFalse(Gemm.swapPays(64, 4096, 4096, PanamaFloatGemm.NR, 4096, 1, 4096, 1, false));
    }

    /** Tiled transposes of blocks inside larger arrays, with edges on both sides of a tile. */
    @Test
    void transposeCopiesEveryElementOfTheBlockAndNothingElse() {
        var rnd = new SplittableRandom(9);
        int[][] shapes = {{1, 1}, {1, 13}, {13, 1}, {8, 8}, {9, 17}, {23, 40}, {64, 5}};
        for (int[] sh : shapes) {
            int rows = sh[0], cols = sh[1], lds = cols + 3, ldd = rows + 2, sOff = 5, dOff = 7;
            float[] src = randomFloats(sOff + rows * lds, rnd);
            float[] dst = new float[dOff + cols * ldd];
            Arrays.fill(dst, -1f);
            Transpose.copy(rows, cols, src, sOff, lds, dst, dOff, ldd);
            double[] srcD = rnd.doubles(sOff + rows * lds).toArray(), dstD = new double[dOff + cols * ldd];
            Arrays.fill(dstD, -1);
            Transpose.copy(rows, cols, srcD, sOff, lds, dstD, dOff, ldd);
            for (int j = 0; j < cols; j++)
                for (int i = 0; i < ldd; i++) {
                    int d = dOff + j * ldd + i;
                    if (d >= dst.length) continue;
                    float want = i < rows ? src[sOff + i * lds + j] : -1f;
                    double wantD = i < rows ? srcD[sOff + i * lds + j] : -1;
                    assertEquals(want, dst[d], Arrays.toString(sh) + " (" + j + ", " + i + ")");
                    assertEquals(wantD, dstD[d], Arrays.toString(sh) + " (" + j + ", " + i + ")");
                }
            for (int d = 0; d < dOff; d++) assertEquals(-1f, dst[d], "before the block");
        }
    }

    /**
     * One row times a packed B gives the bits of that row of a three-row gemm, for B stored by rows
     * and by columns (W^T), with and without accumulation, on one and two threads; shapes cross
     * the panel width, the KC blocks and the size where the work is split.
     */
    @ParameterizedTest
    @MethodSource("implementations")
    void aPackedRowHasTheBitsOfThatRowOfABatch(Kernels kern) {
        var rnd = new SplittableRandom(11);
        int[][] shapes = {{1, 1}, {3, 200}, {784, 256}, {300, 129}, {513, 10}, {100, 1100}, {17, 127}};
        for (int threads : new int[] {1, 2}) {
            Parallel.setThreads(threads);
            for (int[] s : shapes)
                for (boolean byColumns : new boolean[] {false, true})
                    for (boolean accumulate : new boolean[] {false, true}) {
                        int k = s[0], n = s[1], bOff = 3;
                        float[] b = randomFloats(bOff + k * n, rnd);
                        int bRs = byColumns ? 1 : n, bCs = byColumns ? k : 1;
                        float[] xs = randomFloats(3 * k, rnd), c0 = randomFloats(3 * n, rnd);
                        float[] batch = c0.clone();
                        kern.gemm(3, n, k, xs, 0, k, 1, b, bOff, bRs, bCs, batch, 0, n, accumulate);
                        PackedMatrix pm = kern.pack(k, n, b, bOff, bRs, bCs);
                        float[] row = new float[n + 2];
                        System.arraycopy(c0, n, row, 1, n);
                        kern.gemvPacked(xs, k, pm, row, 1, accumulate);
                        String what = kern.name() + " " + Arrays.toString(s) + " byColumns=" + byColumns
                                + " accumulate=" + accumulate + " threads=" + threads;
                        assertArrayEquals(Arrays.copyOfRange(batch, n, 2 * n), Arrays.copyOfRange(row, 1, n + 1), what);
                        assertTrue(row[0] == 0 && row[n + 1] == 0, "wrote outside c: " + what);
                    }
        }
    }

    @ParameterizedTest
    @MethodSource("implementations")
    void packedProductsNameBadArguments(Kernels kern) {
        float[] b = new float[12];
        var e = assertThrows(IllegalArgumentException.class, () -> kern.pack(3, 5, b, 0, 5, 1));
        assertTrue(e.getMessage().startsWith("pack: B"), e.getMessage());
        PackedMatrix pm = kern.pack(3, 4, b, 0, 4, 1);
        e = assertThrows(IllegalArgumentException.class, () -> kern.gemvPacked(new float[2], 0, pm, new float[4], 0, false));
        assertTrue(e.getMessage().contains("x needs 3"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> kern.gemvPacked(new float[3], 0, pm, new float[4], 1, false));
        assertTrue(e.getMessage().contains("c needs 4"), e.getMessage());
        Kernels other = kern instanceof PanamaKernels ? new ScalarKernels() : new PanamaKernels();
        e = assertThrows(IllegalArgumentException.class, () -> other.gemvPacked(new float[3], 0, pm, new float[4], 0, false));
        assertTrue(e.getMessage().contains("packed by"), e.getMessage());
    }
    @Test
    void badArgumentsAreReportedByName() {
        var kern = new PanamaKernels();
        float[] x = new float[6];
        var e = assertThrows(IllegalArgumentException.class,
                () -> kern.gemm(2, 3, 2, x, 0, 2, 1, x, 0, 3, 1, new float[5], 0, 3, false));
        assertTrue(e.getMessage().contains("gemm: C"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class,
                () -> kern.gemm(4, 3, 2, x, 0, 2, 1, x, 0, 3, 1, new float[12], 0, 3, false));
        assertTrue(e.getMessage().contains("gemm: A"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class,
                () -> kern.gemm(-1, 3, 2, x, 0, 2, 1, x, 0, 3, 1, x, 0, 3, false));
        assertTrue(e.getMessage().contains("negative"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class,
                () -> kern.gemm(2, 3, 2, new double[4], 0, 2, 1, new double[6], 0, 3, 1, new double[6], 0, 2, false));
        assertTrue(e.getMessage().contains("ldc"), e.getMessage());
        float[] shared = new float[20];
        e = assertThrows(IllegalArgumentException.class,
                () -> kern.gemm(2, 2, 2, shared, 0, 2, 1, shared, 4, 2, 1, shared, 2, 2, false));
        assertTrue(e.getMessage().contains("overlaps"), e.getMessage());
        var npe = assertThrows(NullPointerException.class,
                () -> kern.gemm(1, 1, 1, (float[]) null, 0, 1, 1, x, 0, 1, 1, x, 1, 1, false));
        assertTrue(npe.getMessage().contains("gemm: A"), npe.getMessage());
        assertThrows(IllegalArgumentException.class, () -> Parallel.setThreads(0));
    }
}
