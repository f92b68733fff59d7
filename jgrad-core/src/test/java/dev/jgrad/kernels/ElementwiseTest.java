package dev.jgrad.kernels;

import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.*;

/** The Panama elementwise and reduction kernels against the plain-Java ones they replace. */
class ElementwiseTest {
    /** Around the lane counts of 128-, 256- and 512-bit vectors, and a few longer runs. */
    private static final int[] SIZES = {0, 1, 2, 3, 4, 7, 8, 9, 15, 16, 17, 31, 32, 33, 47, 63, 64, 65, 127, 128, 129, 1000};
    private static final float[] SPECIAL = {Float.NaN, 0f, -0f, Float.POSITIVE_INFINITY, Float.NEGATIVE_INFINITY, 1f, -1f, 0.5f};

    private final Kernels scalar = new ScalarKernels(), panama = new PanamaKernels();

    private static float[] floats(int n, SplittableRandom rnd) {
        float[] x = new float[n];
        for (int i = 0; i < n; i++)
            x[i] = rnd.nextInt(10) == 0 ? SPECIAL[rnd.nextInt(SPECIAL.length)] : (float) rnd.nextDouble(-3, 3);
        return x;
    }

    private static double[] doubles(int n, SplittableRandom rnd) {
        double[] x = new double[n];
        for (int i = 0; i < n; i++)
            x[i] = rnd.nextInt(10) == 0 ? SPECIAL[rnd.nextInt(SPECIAL.length)] : rnd.nextDouble(-3, 3);
        return x;
    }

    /** Same value, where all NaNs are one value and 0 differs from -0. */
    private static void same(float[] want, float[] got, String what) {
        for (int i = 0; i < want.length; i++)
            if (Float.compare(want[i], got[i]) != 0) fail(what + " at " + i + ": scalar " + want[i] + ", panama " + got[i]);
    }

    private static void same(double[] want, double[] got, String what) {
        for (int i = 0; i < want.length; i++)
            if (Double.compare(want[i], got[i]) != 0) fail(what + " at " + i + ": scalar " + want[i] + ", panama " + got[i]);
    }

    /** exp and sigmoid are computed by VectorMath's polynomial instead of Math.exp. */
    private static boolean polynomial(UnaryOp op) {
        return op == UnaryOp.EXP || op == UnaryOp.SIGMOID;
    }

    /** Within {@code ulps} units in the last place; special values (NaN, infinities, 0) exactly. */
    private static void close(float[] want, float[] got, int ulps, String what) {
        for (int i = 0; i < want.length; i++) {
            boolean special = Float.isNaN(want[i]) || Float.isInfinite(want[i]) || want[i] == 0;
            if (special ? Float.compare(want[i], got[i]) != 0 : !(Math.abs(want[i] - got[i]) <= ulps * Math.ulp(want[i])))
                fail(what + " at " + i + ": scalar " + want[i] + ", panama " + got[i]);
        }
    }

    private static void close(double[] want, double[] got, int ulps, String what) {
        for (int i = 0; i < want.length; i++) {
            boolean special = Double.isNaN(want[i]) || Double.isInfinite(want[i]) || want[i] == 0;
            if (special ? Double.compare(want[i], got[i]) != 0 : !(Math.abs(want[i] - got[i]) <= ulps * Math.ulp(want[i])))
                fail(what + " at " + i + ": scalar " + want[i] + ", panama " + got[i]);
        }
    }

    /** Across the whole range: underflow to subnormals and 0, overflow to infinity. */
    @Test
    void expAndSigmoidStayCloseToMathOverTheirWholeRange() {
        var rnd = new SplittableRandom(9);
        int n = 4096;
        float[] x = new float[n];
        double[] xd = new double[n];
        for (int i = 0; i < n; i++) {
            x[i] = (float) rnd.nextDouble(-110, 95);
            xd[i] = rnd.nextDouble(-760, 720);
        }
        float[] edges = {-103.9f, -87.4f, 88.72f, 88.73f, 1e-7f, -1e-7f, 0f, -0f};
        System.arraycopy(edges, 0, x, 0, edges.length);
        double[] edgesD = {-745.1, -708.5, 709.78, 709.79, 1e-17, -1e-17, 0, -0.0};
        System.arraycopy(edgesD, 0, xd, 0, edgesD.length);
        for (UnaryOp op : new UnaryOp[] {UnaryOp.EXP, UnaryOp.SIGMOID}) {
            float[] want = new float[n], got = new float[n];
            scalar.unary(op, x, 0, want, 0, n, 0, 0);
            panama.unary(op, x, 0, got, 0, n, 0, 0);
            for (int i = 0; i < n; i++) {
                // subnormal results keep fewer bits: compare them in absolute terms
                float tol = Math.max(2 * Math.ulp(want[i]), Float.MIN_VALUE * 2);
                if (Float.compare(want[i], got[i]) != 0 && !(Math.abs(want[i] - got[i]) <= tol))
                    fail("float " + op + "(" + x[i] + "): Math " + want[i] + ", panama " + got[i]);
            }
            double[] wantD = new double[n], gotD = new double[n];
            scalar.unary(op, xd, 0, wantD, 0, n, 0, 0);
            panama.unary(op, xd, 0, gotD, 0, n, 0, 0);
            for (int i = 0; i < n; i++) {
                double tol = Math.max(4 * Math.ulp(wantD[i]), Double.MIN_VALUE * 2);
                if (Double.compare(wantD[i], gotD[i]) != 0 && !(Math.abs(wantD[i] - gotD[i]) <= tol))
                    fail("double " + op + "(" + xd[i] + "): Math " + wantD[i] + ", panama " + gotD[i]);
            }
        }
    }

    @Test
    void unaryOpsGiveTheScalarBits() {
        var rnd = new SplittableRandom(1);
        for (UnaryOp op : UnaryOp.values())
            for (int n : SIZES)
                for (boolean inPlace : new boolean[] {false, true}) {
                    double p = op == UnaryOp.POW && rnd.nextBoolean() ? 2 : rnd.nextDouble(-1, 1), q = p + 1.5;
                    int xo = rnd.nextInt(3), yo = inPlace ? xo : rnd.nextInt(3);
                    float[] x = floats(xo + n + 2, rnd), want = inPlace ? x.clone() : floats(yo + n + 2, rnd), got = want.clone();
                    float[] x2 = inPlace ? got : x.clone();
                    scalar.unary(op, inPlace ? want : x, xo, want, yo, n, p, q);
                    panama.unary(op, x2, xo, got, yo, n, p, q);
                    if (polynomial(op)) close(want, got, 4, "float " + op + " n=" + n);
                    else same(want, got, "float " + op + " n=" + n + " p=" + p);

                    double[] xd = doubles(xo + n + 2, rnd), wantD = inPlace ? xd.clone() : doubles(yo + n + 2, rnd), gotD = wantD.clone();
                    double[] xd2 = inPlace ? gotD : xd.clone();
                    scalar.unary(op, inPlace ? wantD : xd, xo, wantD, yo, n, p, q);
                    panama.unary(op, xd2, xo, gotD, yo, n, p, q);
                    if (polynomial(op)) close(wantD, gotD, 8, "double " + op + " n=" + n);
                    else same(wantD, gotD, "double " + op + " n=" + n + " p=" + p);
                }
    }

    @Test
    void binaryOpsGiveTheScalarBitsForEveryStridePattern() {
        var rnd = new SplittableRandom(2);
        int[][] strides = {{1, 1}, {1, 0}, {0, 1}, {0, 0}, {2, 1}, {1, 3}};
        for (BinaryOp op : BinaryOp.values())
            for (int n : SIZES)
                for (int[] s : strides) {
                    int xs = s[0], ys = s[1], xo = rnd.nextInt(3), yo = rnd.nextInt(3), zo = rnd.nextInt(3);
                    int xl = xo + Math.max(1, n * Math.max(xs, 1)) + 1, yl = yo + Math.max(1, n * Math.max(ys, 1)) + 1;
                    float[] x = floats(xl, rnd), y = floats(yl, rnd), want = floats(zo + n + 1, rnd), got = want.clone();
                    scalar.binary(op, x, xo, xs, y, yo, ys, want, zo, n);
                    panama.binary(op, x, xo, xs, y, yo, ys, got, zo, n);
                    same(want, got, "float " + op + " n=" + n + " strides " + xs + "," + ys);

                    double[] xd = doubles(xl, rnd), yd = doubles(yl, rnd), wantD = doubles(zo + n + 1, rnd), gotD = wantD.clone();
                    scalar.binary(op, xd, xo, xs, yd, yo, ys, wantD, zo, n);
                    panama.binary(op, xd, xo, xs, yd, yo, ys, gotD, zo, n);
                    same(wantD, gotD, "double " + op + " n=" + n + " strides " + xs + "," + ys);
                }
    }

    @Test
    void largeOpsSplitBetweenThreadsGiveTheScalarBits() {
        int before = Parallel.threads();
        try {
            var rnd = new SplittableRandom(6);
            for (int threads : new int[] {2, 3}) {
                Parallel.setThreads(threads);
                for (int n : new int[] {Parallel.MIN_PARALLEL_ELEMENTS, 3 * Parallel.MIN_PARALLEL_ELEMENTS + 17}) {
                    for (UnaryOp op : new UnaryOp[] {UnaryOp.RELU, UnaryOp.MUL_SCALAR, UnaryOp.LOG, UnaryOp.SIGN}) {
                        float[] x = floats(n + 1, rnd), want = new float[n + 2], got = want.clone(), inPlace = x.clone();
                        scalar.unary(op, x, 1, want, 2, n, 0.5, 0);
                        panama.unary(op, x, 1, got, 2, n, 0.5, 0);
                        same(want, got, threads + " threads, float " + op + " n=" + n);
                        panama.unary(op, inPlace, 1, inPlace, 1, n, 0.5, 0);
                        same(Arrays.copyOfRange(want, 2, n + 2), Arrays.copyOfRange(inPlace, 1, n + 1),
                                threads + " threads, float " + op + " in place, n=" + n);
                        double[] xd = doubles(n, rnd), wantD = new double[n], gotD = new double[n];
                        scalar.unary(op, xd, 0, wantD, 0, n, 0.5, 0);
                        panama.unary(op, xd, 0, gotD, 0, n, 0.5, 0);
                        same(wantD, gotD, threads + " threads, double " + op + " n=" + n);
                    }
                    for (BinaryOp op : new BinaryOp[] {BinaryOp.GATE, BinaryOp.SUB, BinaryOp.POW})
                        for (int ys : new int[] {1, 0}) {
                            float[] x = floats(n, rnd), y = floats(n, rnd), want = new float[n], got = new float[n];
                            scalar.binary(op, x, 0, 1, y, 3, ys, want, 0, n - 3);
                            panama.binary(op, x, 0, 1, y, 3, ys, got, 0, n - 3);
                            same(want, got, threads + " threads, float " + op + " strides 1," + ys + " n=" + n);
                            double[] xd = doubles(n, rnd), yd = doubles(n, rnd), wantD = new double[n], gotD = new double[n];
                            scalar.binary(op, xd, 0, 1, yd, 3, ys, wantD, 0, n - 3);
                            panama.binary(op, xd, 0, 1, yd, 3, ys, gotD, 0, n - 3);
                            same(wantD, gotD, threads + " threads, double " + op + " strides 1," + ys + " n=" + n);
                        }
                }
            }
        } finally {
            Parallel.setThreads(before);
        }
    }

    @Test
    void binaryMayWriteOverAStrideOneInput() {
        var rnd = new SplittableRandom(3);
        for (BinaryOp op : BinaryOp.values())
            for (int n : new int[] {5, 16, 33, 100}) {
                float[] x = floats(n, rnd), y = floats(n, rnd), want = new float[n];
                scalar.binary(op, x, 0, 1, y, 0, 1, want, 0, n);
                float[] z = x.clone();
                panama.binary(op, z, 0, 1, y, 0, 1, z, 0, n);
                same(want, z, "float " + op + " into x, n=" + n);
                z = y.clone();
                panama.binary(op, x, 0, 1, z, 0, 1, z, 0, n);
                same(want, z, "float " + op + " into y, n=" + n);
                // a shifted overlap must behave like the element-by-element loop
                float[] s1 = floats(n + 1, rnd), s2 = s1.clone();
                scalar.binary(op, s1, 0, 1, y, 0, 0, s1, 1, n);
                panama.binary(op, s2, 0, 1, y, 0, 0, s2, 1, n);
                same(s1, s2, "float " + op + " shifted overlap, n=" + n);
            }
    }

    @Test
    void reductionsMatchScalar() {
        var rnd = new SplittableRandom(4);
        for (ReduceOp op : ReduceOp.values())
            for (int len : SIZES)
                for (int rows : new int[] {0, 1, 3, 17}) {
                    int xo = rnd.nextInt(3), oo = rnd.nextInt(3);
                    // no specials here: a NaN or infinity makes every sum NaN or infinite
                    float[] x = new float[xo + rows * len + 2];
                    for (int i = 0; i < x.length; i++) x[i] = (float) rnd.nextDouble(-3, 3);
                    double[] xd = rnd.doubles(x.length, -3, 3).toArray();
                    String what = op + " rows=" + rows + " len=" + len;

                    float[] want = new float[oo + rows + 1], got = want.clone();
                    scalar.reduceRows(op, x, xo, rows, len, want, oo);
                    panama.reduceRows(op, x, xo, rows, len, got, oo);
                    double[] wantD = new double[oo + rows + 1], gotD = wantD.clone();
                    scalar.reduceRows(op, xd, xo, rows, len, wantD, oo);
                    panama.reduceRows(op, xd, xo, rows, len, gotD, oo);
                    if (op == ReduceOp.SUM) {
                        for (int r = 0; r < rows; r++) {
                            double mag = 0, magD = 0;
                            for (int i = 0; i < len; i++) {
                                mag += Math.abs(x[xo + r * len + i]);
                                magD += Math.abs(xd[xo + r * len + i]);
                            }
                            assertEquals(want[oo + r], got[oo + r], 1e-5 * mag, "float reduceRows " + what);
                            assertEquals(wantD[oo + r], gotD[oo + r], 1e-12 * magD, "double reduceRows " + what);
                        }
                        float[] again = want.clone();
                        panama.reduceRows(op, x, xo, rows, len, again, oo);
                        assertArrayEquals(got, again, "reduceRows repeats bit for bit");
                    } else {
                        same(want, got, "float reduceRows " + what);
                        same(wantD, gotD, "double reduceRows " + what);
                    }

                    float[] wantC = new float[oo + len + 1], gotC = wantC.clone();
                    scalar.reduceCols(op, x, xo, rows, len, wantC, oo);
                    panama.reduceCols(op, x, xo, rows, len, gotC, oo);
                    same(wantC, gotC, "float reduceCols " + what);
                    double[] wantCD = new double[oo + len + 1], gotCD = wantCD.clone();
                    scalar.reduceCols(op, xd, xo, rows, len, wantCD, oo);
                    panama.reduceCols(op, xd, xo, rows, len, gotCD, oo);
                    same(wantCD, gotCD, "double reduceCols " + what);
                }
    }

    @Test
    void maxAndMinKeepNaNAndSignedZeroLikeMath() {
        float[] x = new float[40];
        x[20] = -0f;
        float[] out = new float[2];
        panama.reduceRows(ReduceOp.MAX, x, 0, 1, 40, out, 0);
        assertEquals(0, Float.compare(0f, out[0]));
        panama.reduceRows(ReduceOp.MIN, x, 0, 1, 40, out, 0);
        assertEquals(0, Float.compare(-0f, out[0]));
        x[33] = Float.NaN;
        panama.reduceRows(ReduceOp.MAX, x, 0, 1, 40, out, 0);
        assertTrue(Float.isNaN(out[0]));
    }

    @Test
    void axpyGivesTheScalarBits() {
        var rnd = new SplittableRandom(5);
        for (int n : SIZES) {
            float alpha = (float) rnd.nextDouble(-2, 2);
            float[] x = floats(n + 3, rnd), want = floats(n + 4, rnd), got = want.clone();
            scalar.axpy(n, alpha, x, 2, want, 1);
            panama.axpy(n, alpha, x, 2, got, 1);
            same(want, got, "float axpy n=" + n);
            double[] xd = doubles(n + 3, rnd), wantD = doubles(n + 4, rnd), gotD = wantD.clone();
            scalar.axpy(n, alpha, xd, 2, wantD, 1);
            panama.axpy(n, alpha, xd, 2, gotD, 1);
            same(wantD, gotD, "double axpy n=" + n);
        }
    }

    @Test
    void badRangesNameTheOperation() {
        for (Kernels k : new Kernels[] {scalar, panama}) {
            var e = assertThrows(IndexOutOfBoundsException.class,
                    () -> k.unary(UnaryOp.RELU, new float[10], 0, new float[10], 5, 8, 0, 0));
            assertTrue(e.getMessage().contains("unary RELU: y"), e.getMessage());
            e = assertThrows(IndexOutOfBoundsException.class,
                    () -> k.binary(BinaryOp.ADD, new double[10], 0, 2, new double[10], 0, 1, new double[10], 0, 6));
            assertTrue(e.getMessage().contains("binary ADD: x"), e.getMessage());
            e = assertThrows(IndexOutOfBoundsException.class,
                    () -> k.reduceRows(ReduceOp.SUM, new float[10], 0, 3, 4, new float[3], 0));
            assertTrue(e.getMessage().contains("reduceRows SUM: x"), e.getMessage());
            e = assertThrows(IndexOutOfBoundsException.class, () -> k.axpy(5, 1f, new float[4], 0, new float[5], 0));
            assertTrue(e.getMessage().contains("axpy: x"), e.getMessage());
            var iae = assertThrows(IllegalArgumentException.class,
                    () -> k.reduceCols(ReduceOp.MAX, new float[10], 0, -1, 4, new float[4], 0));
            assertTrue(iae.getMessage().contains("reduceCols MAX"), iae.getMessage());
        }
    }

    @Test
    void nameSaysWhichKernelsRun() {
        assertEquals("scalar (plain Java)", scalar.name());
        assertTrue(panama.name().matches("panama \\(.+, \\d+ float lanes\\)"), panama.name());
    }
}
