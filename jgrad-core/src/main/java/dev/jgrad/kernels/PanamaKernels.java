package dev.jgrad.kernels;

import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;

/**
 * Vector API kernels. Each loop runs whole vectors and hands the remainder, and every case
 * without a vector form, to the plain-Java loop it inherits. The float64 half is the float32
 * half with the types changed.
 *
 * <p>exp and sigmoid run {@link VectorMath}'s polynomial; log, tanh, sin, cos and general pow
 * stay scalar: on JDK 17 the lanewise versions compute lane by lane through {@code Math} and
 * measure no faster.
 *
 * <p>Elementwise ops over at least {@link Parallel#MIN_PARALLEL_ELEMENTS} elements are split
 * between threads: an activation of a 256-row batch is a megabyte, read from two cores' caches
 * after a parallel GEMM wrote it. Each element is computed the same way on any thread.
 *
 * <p>Every op gives the same bits as the scalar loop except exp and sigmoid (within a few ulps)
 * and the sums of reduceRows, which add in a different but fixed order. None of them changes
 * from run to run.
 */
final class PanamaKernels extends ScalarKernels {
    private static final VectorSpecies<Float> F = FloatVector.SPECIES_PREFERRED;
    private static final VectorSpecies<Double> D = DoubleVector.SPECIES_PREFERRED;
    private static final int FL = F.length(), DL = D.length();

    @Override
    public String name() {
        return "panama (" + isa(F.vectorBitSize()) + ", " + FL + " float lanes)";
    }

    private static String isa(int bits) {
        String arch = System.getProperty("os.arch", "");
        if (arch.equals("amd64") || arch.equals("x86_64"))
            return bits >= 512 ? "AVX-512" : bits == 256 ? "AVX2" : "SSE";
        if (arch.equals("aarch64")) return bits > 128 ? "SVE " + bits + "-bit" : "NEON";
        return bits + "-bit";
    }

    @Override
    public void gemm(int m, int n, int k, float[] a, int aOff, int aRs, int aCs, float[] b, int bOff, int bRs, int bCs,
                     float[] c, int cOff, int ldc, boolean accumulate) {
        Gemm.gemm(PanamaFloatGemm::gemm, PanamaFloatGemm.MR, PanamaFloatGemm.NR,
                m, n, k, a, aOff, aRs, aCs, b, bOff, bRs, bCs, c, cOff, ldc, accumulate);
    }

    @Override
    public void gemm(int m, int n, int k, double[] a, int aOff, int aRs, int aCs, double[] b, int bOff, int bRs, int bCs,
                     double[] c, int cOff, int ldc, boolean accumulate) {
        Gemm.gemm(PanamaDoubleGemm::gemm, PanamaDoubleGemm.MR, PanamaDoubleGemm.NR,
                m, n, k, a, aOff, aRs, aCs, b, bOff, bRs, bCs, c, cOff, ldc, accumulate);
    }

    @Override
    public PackedMatrix pack(int k, int n, float[] b, int bOff, int bRs, int bCs) {
        // a narrow B (a classifier's 10 outputs) in one vector, not padded to eight
        int width = n <= FL ? FL : PanamaFloatGemm.PW;
        return PackedMatrix.of(k, n, width, b, bOff, bRs, bCs, this);
    }

    /**
     * One panel per task: with W's 256 outputs on two threads, each thread streams its own half
     * of the packed W, which stays in that core's L2 from call to call (see {@link Parallel}).
     */
    @Override
    public void gemvPacked(float[] x, int xOff, PackedMatrix b, float[] c, int cOff, boolean accumulate) {
        b.check(this, x, xOff, c, cOff);
        int panels = (b.n + b.width - 1) / b.width;
        if ((long) b.k * b.n < Parallel.MIN_PARALLEL_ELEMENTS) {
            for (int t = 0; t < panels; t++) PanamaFloatGemm.gemvPanel(b, t, x, xOff, c, cOff, accumulate);
        } else {
            Parallel.run(panels, t -> PanamaFloatGemm.gemvPanel(b, t, x, xOff, c, cOff, accumulate));
        }
    }

    /** The unary ops with a vector loop; COPY is already a memory copy. */
    private static boolean vectorUnary(UnaryOp op, double p) {
        return switch (op) {
            case NEG, ABS, SQRT, EXP, SIGMOID, ADD_SCALAR, MUL_SCALAR, RDIV_SCALAR, RELU, LEAKY_RELU, CLAMP, GT_SCALAR,
                    IN_RANGE, STEP, SIGN -> true;
            case POW -> p == 2;
            case COPY, LOG, TANH, SIN, COS -> false;
        };
    }

    // ---------------------------------------------------------------- float32

    @Override
    public void unary(UnaryOp op, float[] x, int xo, float[] y, int yo, int n, double p, double q) {
        checkUnary(op, x.length, xo, y.length, yo, n);
        if (n >= Parallel.MIN_PARALLEL_ELEMENTS && !Checks.shifted(x == y, xo, yo, n))
            Parallel.forRange(n, FL, Parallel.MIN_PARALLEL_ELEMENTS, (from, to) -> unaryRange(op, x, xo + from, y, yo + from, to - from, p, q));
        else unaryRange(op, x, xo, y, yo, n, p, q);
    }

    private void unaryRange(UnaryOp op, float[] x, int xo, float[] y, int yo, int n, double p, double q) {
        int end = F.loopBound(n);
        if (end == 0 || Checks.shifted(x == y, xo, yo, n) || !vectorUnary(op, p)) {
            super.unary(op, x, xo, y, yo, n, p, q);
            return;
        }
        final float a = (float) p, b = (float) q;
        var zero = FloatVector.zero(F);
        var one = FloatVector.broadcast(F, 1f);
        var av = FloatVector.broadcast(F, a);
        int i = 0;
        switch (op) {
            case NEG -> { for (; i < end; i += FL) FloatVector.fromArray(F, x, xo + i).neg().intoArray(y, yo + i); }
            case ABS -> { for (; i < end; i += FL) FloatVector.fromArray(F, x, xo + i).abs().intoArray(y, yo + i); }
            case SQRT -> { for (; i < end; i += FL) FloatVector.fromArray(F, x, xo + i).sqrt().intoArray(y, yo + i); }
            case EXP -> {
                VectorMath.exp(x, xo, y, yo, end);
                i = end;
            }
            case SIGMOID -> {
                VectorMath.sigmoid(x, xo, y, yo, end);
                i = end;
            }
            case ADD_SCALAR -> { for (; i < end; i += FL) FloatVector.fromArray(F, x, xo + i).add(av).intoArray(y, yo + i); }
            case MUL_SCALAR -> { for (; i < end; i += FL) FloatVector.fromArray(F, x, xo + i).mul(av).intoArray(y, yo + i); }
            case RDIV_SCALAR -> { for (; i < end; i += FL) av.div(FloatVector.fromArray(F, x, xo + i)).intoArray(y, yo + i); }
            case POW -> { // p == 2, see vectorUnary
                for (; i < end; i += FL) {
                    var v = FloatVector.fromArray(F, x, xo + i);
                    v.mul(v).intoArray(y, yo + i);
                }
            }
            case RELU -> { for (; i < end; i += FL) FloatVector.fromArray(F, x, xo + i).max(zero).intoArray(y, yo + i); }
            case LEAKY_RELU -> {
                for (; i < end; i += FL) {
                    var v = FloatVector.fromArray(F, x, xo + i);
                    v.mul(av).blend(v, v.compare(VectorOperators.GT, zero)).intoArray(y, yo + i);
                }
            }
            case CLAMP -> {
                var bv = FloatVector.broadcast(F, b);
                for (; i < end; i += FL) FloatVector.fromArray(F, x, xo + i).max(av).min(bv).intoArray(y, yo + i);
            }
            case GT_SCALAR -> {
                for (; i < end; i += FL) zero.blend(one, FloatVector.fromArray(F, x, xo + i).compare(VectorOperators.GT, av)).intoArray(y, yo + i);
            }
            case IN_RANGE -> {
                var bv = FloatVector.broadcast(F, b);
                for (; i < end; i += FL) {
                    var v = FloatVector.fromArray(F, x, xo + i);
                    zero.blend(one, v.compare(VectorOperators.GE, av).and(v.compare(VectorOperators.LE, bv))).intoArray(y, yo + i);
                }
            }
            case STEP -> {
                for (; i < end; i += FL) av.blend(one, FloatVector.fromArray(F, x, xo + i).compare(VectorOperators.GT, zero)).intoArray(y, yo + i);
            }
            case SIGN -> {
                var minusOne = FloatVector.broadcast(F, -1f);
                for (; i < end; i += FL) {
                    var v = FloatVector.fromArray(F, x, xo + i); // zeros and NaN pass through, as in Math.signum
                    v.blend(one, v.compare(VectorOperators.GT, zero)).blend(minusOne, v.compare(VectorOperators.LT, zero))
                            .intoArray(y, yo + i);
                }
            }
            default -> throw new AssertionError(op);
        }
        super.unary(op, x, xo + i, y, yo + i, n - i, p, q);
    }

    @Override
    public void binary(BinaryOp op, float[] x, int xo, int xs, float[] y, int yo, int ys, float[] z, int zo, int n) {
        checkBinary(op, x.length, xo, xs, y.length, yo, ys, z.length, zo, n);
        if (n >= Parallel.MIN_PARALLEL_ELEMENTS && !Checks.shifted(x == z, xo, zo, n) && !Checks.shifted(y == z, yo, zo, n))
            Parallel.forRange(n, FL, Parallel.MIN_PARALLEL_ELEMENTS,
                    (from, to) -> binaryRange(op, x, xo + from * xs, xs, y, yo + from * ys, ys, z, zo + from, to - from));
        else binaryRange(op, x, xo, xs, y, yo, ys, z, zo, n);
    }

    private void binaryRange(BinaryOp op, float[] x, int xo, int xs, float[] y, int yo, int ys, float[] z, int zo, int n) {
        int end = F.loopBound(n);
        boolean strides = (xs == 1 && (ys == 1 || ys == 0)) || (xs == 0 && ys == 1);
        if (end == 0 || !strides || op == BinaryOp.POW
                || Checks.shifted(x == z, xo, zo, n) || Checks.shifted(y == z, yo, zo, n)) {
            super.binary(op, x, xo, xs, y, yo, ys, z, zo, n);
            return;
        }
        var zero = FloatVector.zero(F);
        var one = FloatVector.broadcast(F, 1f);
        int i = 0;
        // One plain loop per op and stride pattern: C2 only compiles a lanewise op to one
        // instruction when the op is a constant in the loop.
        if (xs == 1 && ys == 1) {
            switch (op) {
                case ADD -> { for (; i < end; i += FL) FloatVector.fromArray(F, x, xo + i).add(FloatVector.fromArray(F, y, yo + i)).intoArray(z, zo + i); }
                case SUB -> { for (; i < end; i += FL) FloatVector.fromArray(F, x, xo + i).sub(FloatVector.fromArray(F, y, yo + i)).intoArray(z, zo + i); }
                case MUL -> { for (; i < end; i += FL) FloatVector.fromArray(F, x, xo + i).mul(FloatVector.fromArray(F, y, yo + i)).intoArray(z, zo + i); }
                case DIV -> { for (; i < end; i += FL) FloatVector.fromArray(F, x, xo + i).div(FloatVector.fromArray(F, y, yo + i)).intoArray(z, zo + i); }
                case MAX -> { for (; i < end; i += FL) FloatVector.fromArray(F, x, xo + i).max(FloatVector.fromArray(F, y, yo + i)).intoArray(z, zo + i); }
                case MIN -> { for (; i < end; i += FL) FloatVector.fromArray(F, x, xo + i).min(FloatVector.fromArray(F, y, yo + i)).intoArray(z, zo + i); }
                case GT -> { for (; i < end; i += FL) zero.blend(one, FloatVector.fromArray(F, x, xo + i).compare(VectorOperators.GT, FloatVector.fromArray(F, y, yo + i))).intoArray(z, zo + i); }
                case LT -> { for (; i < end; i += FL) zero.blend(one, FloatVector.fromArray(F, x, xo + i).compare(VectorOperators.LT, FloatVector.fromArray(F, y, yo + i))).intoArray(z, zo + i); }
                case EQ -> { for (; i < end; i += FL) zero.blend(one, FloatVector.fromArray(F, x, xo + i).compare(VectorOperators.EQ, FloatVector.fromArray(F, y, yo + i))).intoArray(z, zo + i); }
                case GATE -> { for (; i < end; i += FL) zero.blend(FloatVector.fromArray(F, x, xo + i), FloatVector.fromArray(F, y, yo + i).compare(VectorOperators.GT, zero)).intoArray(z, zo + i); }
                case POW -> throw new AssertionError(op);
            }
        } else if (ys == 0) {
            var v = FloatVector.broadcast(F, y[yo]);
            switch (op) {
                case ADD -> { for (; i < end; i += FL) FloatVector.fromArray(F, x, xo + i).add(v).intoArray(z, zo + i); }
                case SUB -> { for (; i < end; i += FL) FloatVector.fromArray(F, x, xo + i).sub(v).intoArray(z, zo + i); }
                case MUL -> { for (; i < end; i += FL) FloatVector.fromArray(F, x, xo + i).mul(v).intoArray(z, zo + i); }
                case DIV -> { for (; i < end; i += FL) FloatVector.fromArray(F, x, xo + i).div(v).intoArray(z, zo + i); }
                case MAX -> { for (; i < end; i += FL) FloatVector.fromArray(F, x, xo + i).max(v).intoArray(z, zo + i); }
                case MIN -> { for (; i < end; i += FL) FloatVector.fromArray(F, x, xo + i).min(v).intoArray(z, zo + i); }
                case GT -> { for (; i < end; i += FL) zero.blend(one, FloatVector.fromArray(F, x, xo + i).compare(VectorOperators.GT, v)).intoArray(z, zo + i); }
                case LT -> { for (; i < end; i += FL) zero.blend(one, FloatVector.fromArray(F, x, xo + i).compare(VectorOperators.LT, v)).intoArray(z, zo + i); }
                case EQ -> { for (; i < end; i += FL) zero.blend(one, FloatVector.fromArray(F, x, xo + i).compare(VectorOperators.EQ, v)).intoArray(z, zo + i); }
                case GATE -> { var keep = v.compare(VectorOperators.GT, zero); for (; i < end; i += FL) zero.blend(FloatVector.fromArray(F, x, xo + i), keep).intoArray(z, zo + i); }
                case POW -> throw new AssertionError(op);
            }
        } else {
            var u = FloatVector.broadcast(F, x[xo]);
            switch (op) {
                case ADD -> { for (; i < end; i += FL) u.add(FloatVector.fromArray(F, y, yo + i)).intoArray(z, zo + i); }
                case SUB -> { for (; i < end; i += FL) u.sub(FloatVector.fromArray(F, y, yo + i)).intoArray(z, zo + i); }
                case MUL -> { for (; i < end; i += FL) u.mul(FloatVector.fromArray(F, y, yo + i)).intoArray(z, zo + i); }
                case DIV -> { for (; i < end; i += FL) u.div(FloatVector.fromArray(F, y, yo + i)).intoArray(z, zo + i); }
                case MAX -> { for (; i < end; i += FL) u.max(FloatVector.fromArray(F, y, yo + i)).intoArray(z, zo + i); }
                case MIN -> { for (; i < end; i += FL) u.min(FloatVector.fromArray(F, y, yo + i)).intoArray(z, zo + i); }
                case GT -> { for (; i < end; i += FL) zero.blend(one, u.compare(VectorOperators.GT, FloatVector.fromArray(F, y, yo + i))).intoArray(z, zo + i); }
                case LT -> { for (; i < end; i += FL) zero.blend(one, u.compare(VectorOperators.LT, FloatVector.fromArray(F, y, yo + i))).intoArray(z, zo + i); }
                case EQ -> { for (; i < end; i += FL) zero.blend(one, u.compare(VectorOperators.EQ, FloatVector.fromArray(F, y, yo + i))).intoArray(z, zo + i); }
                case GATE -> { for (; i < end; i += FL) zero.blend(u, FloatVector.fromArray(F, y, yo + i).compare(VectorOperators.GT, zero)).intoArray(z, zo + i); }
                case POW -> throw new AssertionError(op);
            }
        }
        super.binary(op, x, xo + i * xs, xs, y, yo + i * ys, ys, z, zo + i, n - i);
    }

    @Override
    public void reduceRows(ReduceOp op, float[] x, int xo, int rows, int len, float[] out, int oo) {
        checkReduce("reduceRows", op, x.length, xo, rows, len, out.length, oo, rows);
        if (len < FL) {
            super.reduceRows(op, x, xo, rows, len, out, oo);
            return;
        }
        float[] lanes = new float[FL];
        for (int r = 0; r < rows; r++) {
            int base = xo + r * len;
            out[oo + r] = switch (op) {
                case SUM -> sum(x, base, len, lanes);
                case MAX -> max(x, base, len, lanes);
                case MIN -> min(x, base, len, lanes);
            };
        }
    }

    /**
     * Four accumulators (an add has several cycles of latency), folded pairwise, then the lanes
     * in order, then the tail: a fixed order for a given len.
     */
    private static float sum(float[] x, int base, int len, float[] lanes) {
        var s0 = FloatVector.zero(F);
        var s1 = s0;
        var s2 = s0;
        var s3 = s0;
        int i = 0, end4 = len / (4 * FL) * (4 * FL), end = F.loopBound(len);
        for (; i < end4; i += 4 * FL) {
            s0 = s0.add(FloatVector.fromArray(F, x, base + i));
            s1 = s1.add(FloatVector.fromArray(F, x, base + i + FL));
            s2 = s2.add(FloatVector.fromArray(F, x, base + i + 2 * FL));
            s3 = s3.add(FloatVector.fromArray(F, x, base + i + 3 * FL));
        }
        s0 = s0.add(s1).add(s2.add(s3));
        for (; i < end; i += FL) s0 = s0.add(FloatVector.fromArray(F, x, base + i));
        s0.intoArray(lanes, 0);
        float acc = lanes[0];
        for (int l = 1; l < FL; l++) acc += lanes[l];
        for (; i < len; i++) acc += x[base + i];
        return acc;
    }

    /** Max and min do not depend on the order, so they give exactly the scalar result. */
    private static float max(float[] x, int base, int len, float[] lanes) {
        var s = FloatVector.fromArray(F, x, base);
        int i = FL, end = F.loopBound(len);
        for (; i < end; i += FL) s = s.max(FloatVector.fromArray(F, x, base + i));
        s.intoArray(lanes, 0);
        float acc = lanes[0];
        for (int l = 1; l < FL; l++) acc = Math.max(acc, lanes[l]);
        for (; i < len; i++) acc = Math.max(acc, x[base + i]);
        return acc;
    }

    private static float min(float[] x, int base, int len, float[] lanes) {
        var s = FloatVector.fromArray(F, x, base);
        int i = FL, end = F.loopBound(len);
        for (; i < end; i += FL) s = s.min(FloatVector.fromArray(F, x, base + i));
        s.intoArray(lanes, 0);
        float acc = lanes[0];
        for (int l = 1; l < FL; l++) acc = Math.min(acc, lanes[l]);
        for (; i < len; i++) acc = Math.min(acc, x[base + i]);
        return acc;
    }

    @Override
    public void reduceCols(ReduceOp op, float[] x, int xo, int rows, int len, float[] out, int oo) {
        checkReduce("reduceCols", op, x.length, xo, rows, len, out.length, oo, len);
        int end = F.loopBound(len);
        if (rows == 0 || end == 0 || Checks.shifted(x == out, xo, oo, len)) {
            super.reduceCols(op, x, xo, rows, len, out, oo);
            return;
        }
        // Row by row into out like the scalar loop: the same operations in the same order.
        System.arraycopy(x, xo, out, oo, len);
        for (int r = 1; r < rows; r++) {
            int base = xo + r * len, j = 0;
            switch (op) {
                case SUM -> {
                    for (; j < end; j += FL) FloatVector.fromArray(F, out, oo + j).add(FloatVector.fromArray(F, x, base + j)).intoArray(out, oo + j);
                    for (; j < len; j++) out[oo + j] += x[base + j];
                }
                case MAX -> {
                    for (; j < end; j += FL) FloatVector.fromArray(F, out, oo + j).max(FloatVector.fromArray(F, x, base + j)).intoArray(out, oo + j);
                    for (; j < len; j++) out[oo + j] = Math.max(out[oo + j], x[base + j]);
                }
                case MIN -> {
                    for (; j < end; j += FL) FloatVector.fromArray(F, out, oo + j).min(FloatVector.fromArray(F, x, base + j)).intoArray(out, oo + j);
                    for (; j < len; j++) out[oo + j] = Math.min(out[oo + j], x[base + j]);
                }
            }
        }
    }

    @Override
    public void axpy(int n, float alpha, float[] x, int xo, float[] y, int yo) {
        Checks.range("axpy", null, "x", x.length, xo, n, 1);
        Checks.range("axpy", null, "y", y.length, yo, n, 1);
        int end = F.loopBound(n);
        if (end == 0 || Checks.shifted(x == y, xo, yo, n)) {
            super.axpy(n, alpha, x, xo, y, yo);
            return;
        }
        Parallel.forRange(n, FL, Parallel.MIN_PARALLEL_ELEMENTS, (from, to) -> {
            var av = FloatVector.broadcast(F, alpha);
            int i = from, vend = from + F.loopBound(to - from);
            // mul then add, not fma: the same rounding as the scalar loop
            for (; i < vend; i += FL) FloatVector.fromArray(F, x, xo + i).mul(av).add(FloatVector.fromArray(F, y, yo + i)).intoArray(y, yo + i);
            for (; i < to; i++) y[yo + i] += alpha * x[xo + i];
        });
    }

    // ---------------------------------------------------------------- float64

    @Override
    public void unary(UnaryOp op, double[] x, int xo, double[] y, int yo, int n, double p, double q) {
        checkUnary(op, x.length, xo, y.length, yo, n);
        if (n >= Parallel.MIN_PARALLEL_ELEMENTS && !Checks.shifted(x == y, xo, yo, n))
            Parallel.forRange(n, DL, Parallel.MIN_PARALLEL_ELEMENTS, (from, to) -> unaryRange(op, x, xo + from, y, yo + from, to - from, p, q));
        else unaryRange(op, x, xo, y, yo, n, p, q);
    }

    private void unaryRange(UnaryOp op, double[] x, int xo, double[] y, int yo, int n, double p, double q) {
        int end = D.loopBound(n);
        if (end == 0 || Checks.shifted(x == y, xo, yo, n) || !vectorUnary(op, p)) {
            super.unary(op, x, xo, y, yo, n, p, q);
            return;
        }
        final double a = p, b = q;
        var zero = DoubleVector.zero(D);
        var one = DoubleVector.broadcast(D, 1d);
        var av = DoubleVector.broadcast(D, a);
        int i = 0;
        switch (op) {
            case NEG -> { for (; i < end; i += DL) DoubleVector.fromArray(D, x, xo + i).neg().intoArray(y, yo + i); }
            case ABS -> { for (; i < end; i += DL) DoubleVector.fromArray(D, x, xo + i).abs().intoArray(y, yo + i); }
            case SQRT -> { for (; i < end; i += DL) DoubleVector.fromArray(D, x, xo + i).sqrt().intoArray(y, yo + i); }
            case EXP -> {
                VectorMath.exp(x, xo, y, yo, end);
                i = end;
            }
            case SIGMOID -> {
                VectorMath.sigmoid(x, xo, y, yo, end);
                i = end;
            }
            case ADD_SCALAR -> { for (; i < end; i += DL) DoubleVector.fromArray(D, x, xo + i).add(av).intoArray(y, yo + i); }
            case MUL_SCALAR -> { for (; i < end; i += DL) DoubleVector.fromArray(D, x, xo + i).mul(av).intoArray(y, yo + i); }
            case RDIV_SCALAR -> { for (; i < end; i += DL) av.div(DoubleVector.fromArray(D, x, xo + i)).intoArray(y, yo + i); }
            case POW -> { // p == 2, see vectorUnary
                for (; i < end; i += DL) {
                    var v = DoubleVector.fromArray(D, x, xo + i);
                    v.mul(v).intoArray(y, yo + i);
                }
            }
            case RELU -> { for (; i < end; i += DL) DoubleVector.fromArray(D, x, xo + i).max(zero).intoArray(y, yo + i); }
            case LEAKY_RELU -> {
                for (; i < end; i += DL) {
                    var v = DoubleVector.fromArray(D, x, xo + i);
                    v.mul(av).blend(v, v.compare(VectorOperators.GT, zero)).intoArray(y, yo + i);
                }
            }
            case CLAMP -> {
                var bv = DoubleVector.broadcast(D, b);
                for (; i < end; i += DL) DoubleVector.fromArray(D, x, xo + i).max(av).min(bv).intoArray(y, yo + i);
            }
            case GT_SCALAR -> {
                for (; i < end; i += DL) zero.blend(one, DoubleVector.fromArray(D, x, xo + i).compare(VectorOperators.GT, av)).intoArray(y, yo + i);
            }
            case IN_RANGE -> {
                var bv = DoubleVector.broadcast(D, b);
                for (; i < end; i += DL) {
                    var v = DoubleVector.fromArray(D, x, xo + i);
                    zero.blend(one, v.compare(VectorOperators.GE, av).and(v.compare(VectorOperators.LE, bv))).intoArray(y, yo + i);
                }
            }
            case STEP -> {
                for (; i < end; i += DL) av.blend(one, DoubleVector.fromArray(D, x, xo + i).compare(VectorOperators.GT, zero)).intoArray(y, yo + i);
            }
            case SIGN -> {
                var minusOne = DoubleVector.broadcast(D, -1d);
                for (; i < end; i += DL) {
                    var v = DoubleVector.fromArray(D, x, xo + i); // zeros and NaN pass through, as in Math.signum
                    v.blend(one, v.compare(VectorOperators.GT, zero)).blend(minusOne, v.compare(VectorOperators.LT, zero))
                            .intoArray(y, yo + i);
                }
            }
            default -> throw new AssertionError(op);
        }
        super.unary(op, x, xo + i, y, yo + i, n - i, p, q);
    }

    @Override
    public void binary(BinaryOp op, double[] x, int xo, int xs, double[] y, int yo, int ys, double[] z, int zo, int n) {
        checkBinary(op, x.length, xo, xs, y.length, yo, ys, z.length, zo, n);
        if (n >= Parallel.MIN_PARALLEL_ELEMENTS && !Checks.shifted(x == z, xo, zo, n) && !Checks.shifted(y == z, yo, zo, n))
            Parallel.forRange(n, DL, Parallel.MIN_PARALLEL_ELEMENTS,
                    (from, to) -> binaryRange(op, x, xo + from * xs, xs, y, yo + from * ys, ys, z, zo + from, to - from));
        else binaryRange(op, x, xo, xs, y, yo, ys, z, zo, n);
    }

    private void binaryRange(BinaryOp op, double[] x, int xo, int xs, double[] y, int yo, int ys, double[] z, int zo, int n) {
        int end = D.loopBound(n);
        boolean strides = (xs == 1 && (ys == 1 || ys == 0)) || (xs == 0 && ys == 1);
        if (end == 0 || !strides || op == BinaryOp.POW
                || Checks.shifted(x == z, xo, zo, n) || Checks.shifted(y == z, yo, zo, n)) {
            super.binary(op, x, xo, xs, y, yo, ys, z, zo, n);
            return;
        }
        var zero = DoubleVector.zero(D);
        var one = DoubleVector.broadcast(D, 1d);
        int i = 0;
        // One plain loop per op and stride pattern: C2 only compiles a lanewise op to one
        // instruction when the op is a constant in the loop.
        if (xs == 1 && ys == 1) {
            switch (op) {
                case ADD -> { for (; i < end; i += DL) DoubleVector.fromArray(D, x, xo + i).add(DoubleVector.fromArray(D, y, yo + i)).intoArray(z, zo + i); }
                case SUB -> { for (; i < end; i += DL) DoubleVector.fromArray(D, x, xo + i).sub(DoubleVector.fromArray(D, y, yo + i)).intoArray(z, zo + i); }
                case MUL -> { for (; i < end; i += DL) DoubleVector.fromArray(D, x, xo + i).mul(DoubleVector.fromArray(D, y, yo + i)).intoArray(z, zo + i); }
                case DIV -> { for (; i < end; i += DL) DoubleVector.fromArray(D, x, xo + i).div(DoubleVector.fromArray(D, y, yo + i)).intoArray(z, zo + i); }
                case MAX -> { for (; i < end; i += DL) DoubleVector.fromArray(D, x, xo + i).max(DoubleVector.fromArray(D, y, yo + i)).intoArray(z, zo + i); }
                case MIN -> { for (; i < end; i += DL) DoubleVector.fromArray(D, x, xo + i).min(DoubleVector.fromArray(D, y, yo + i)).intoArray(z, zo + i); }
                case GT -> { for (; i < end; i += DL) zero.blend(one, DoubleVector.fromArray(D, x, xo + i).compare(VectorOperators.GT, DoubleVector.fromArray(D, y, yo + i))).intoArray(z, zo + i); }
                case LT -> { for (; i < end; i += DL) zero.blend(one, DoubleVector.fromArray(D, x, xo + i).compare(VectorOperators.LT, DoubleVector.fromArray(D, y, yo + i))).intoArray(z, zo + i); }
                case EQ -> { for (; i < end; i += DL) zero.blend(one, DoubleVector.fromArray(D, x, xo + i).compare(VectorOperators.EQ, DoubleVector.fromArray(D, y, yo + i))).intoArray(z, zo + i); }
                case GATE -> { for (; i < end; i += DL) zero.blend(DoubleVector.fromArray(D, x, xo + i), DoubleVector.fromArray(D, y, yo + i).compare(VectorOperators.GT, zero)).intoArray(z, zo + i); }
                case POW -> throw new AssertionError(op);
            }
        } else if (ys == 0) {
            var v = DoubleVector.broadcast(D, y[yo]);
            switch (op) {
                case ADD -> { for (; i < end; i += DL) DoubleVector.fromArray(D, x, xo + i).add(v).intoArray(z, zo + i); }
                case SUB -> { for (; i < end; i += DL) DoubleVector.fromArray(D, x, xo + i).sub(v).intoArray(z, zo + i); }
                case MUL -> { for (; i < end; i += DL) DoubleVector.fromArray(D, x, xo + i).mul(v).intoArray(z, zo + i); }
                case DIV -> { for (; i < end; i += DL) DoubleVector.fromArray(D, x, xo + i).div(v).intoArray(z, zo + i); }
                case MAX -> { for (; i < end; i += DL) DoubleVector.fromArray(D, x, xo + i).max(v).intoArray(z, zo + i); }
                case MIN -> { for (; i < end; i += DL) DoubleVector.fromArray(D, x, xo + i).min(v).intoArray(z, zo + i); }
                case GT -> { for (; i < end; i += DL) zero.blend(one, DoubleVector.fromArray(D, x, xo + i).compare(VectorOperators.GT, v)).intoArray(z, zo + i); }
                case LT -> { for (; i < end; i += DL) zero.blend(one, DoubleVector.fromArray(D, x, xo + i).compare(VectorOperators.LT, v)).intoArray(z, zo + i); }
                case EQ -> { for (; i < end; i += DL) zero.blend(one, DoubleVector.fromArray(D, x, xo + i).compare(VectorOperators.EQ, v)).intoArray(z, zo + i); }
                case GATE -> { var keep = v.compare(VectorOperators.GT, zero); for (; i < end; i += DL) zero.blend(DoubleVector.fromArray(D, x, xo + i), keep).intoArray(z, zo + i); }
                case POW -> throw new AssertionError(op);
            }
        } else {
            var u = DoubleVector.broadcast(D, x[xo]);
            switch (op) {
                case ADD -> { for (; i < end; i += DL) u.add(DoubleVector.fromArray(D, y, yo + i)).intoArray(z, zo + i); }
                case SUB -> { for (; i < end; i += DL) u.sub(DoubleVector.fromArray(D, y, yo + i)).intoArray(z, zo + i); }
                case MUL -> { for (; i < end; i += DL) u.mul(DoubleVector.fromArray(D, y, yo + i)).intoArray(z, zo + i); }
                case DIV -> { for (; i < end; i += DL) u.div(DoubleVector.fromArray(D, y, yo + i)).intoArray(z, zo + i); }
                case MAX -> { for (; i < end; i += DL) u.max(DoubleVector.fromArray(D, y, yo + i)).intoArray(z, zo + i); }
                case MIN -> { for (; i < end; i += DL) u.min(DoubleVector.fromArray(D, y, yo + i)).intoArray(z, zo + i); }
                case GT -> { for (; i < end; i += DL) zero.blend(one, u.compare(VectorOperators.GT, DoubleVector.fromArray(D, y, yo + i))).intoArray(z, zo + i); }
                case LT -> { for (; i < end; i += DL) zero.blend(one, u.compare(VectorOperators.LT, DoubleVector.fromArray(D, y, yo + i))).intoArray(z, zo + i); }
                case EQ -> { for (; i < end; i += DL) zero.blend(one, u.compare(VectorOperators.EQ, DoubleVector.fromArray(D, y, yo + i))).intoArray(z, zo + i); }
                case GATE -> { for (; i < end; i += DL) zero.blend(u, DoubleVector.fromArray(D, y, yo + i).compare(VectorOperators.GT, zero)).intoArray(z, zo + i); }
                case POW -> throw new AssertionError(op);
            }
        }
        super.binary(op, x, xo + i * xs, xs, y, yo + i * ys, ys, z, zo + i, n - i);
    }

    @Override
    public void reduceRows(ReduceOp op, double[] x, int xo, int rows, int len, double[] out, int oo) {
        checkReduce("reduceRows", op, x.length, xo, rows, len, out.length, oo, rows);
        if (len < DL) {
            super.reduceRows(op, x, xo, rows, len, out, oo);
            return;
        }
        double[] lanes = new double[DL];
        for (int r = 0; r < rows; r++) {
            int base = xo + r * len;
            out[oo + r] = switch (op) {
                case SUM -> sum(x, base, len, lanes);
                case MAX -> max(x, base, len, lanes);
                case MIN -> min(x, base, len, lanes);
            };
        }
    }

    /**
     * Four accumulators (an add has several cycles of latency), folded pairwise, then the lanes
     * in order, then the tail: a fixed order for a given len.
     */
    private static double sum(double[] x, int base, int len, double[] lanes) {
        var s0 = DoubleVector.zero(D);
        var s1 = s0;
        var s2 = s0;
        var s3 = s0;
        int i = 0, end4 = len / (4 * DL) * (4 * DL), end = D.loopBound(len);
        for (; i < end4; i += 4 * DL) {
            s0 = s0.add(DoubleVector.fromArray(D, x, base + i));
            s1 = s1.add(DoubleVector.fromArray(D, x, base + i + DL));
            s2 = s2.add(DoubleVector.fromArray(D, x, base + i + 2 * DL));
            s3 = s3.add(DoubleVector.fromArray(D, x, base + i + 3 * DL));
        }
        s0 = s0.add(s1).add(s2.add(s3));
        for (; i < end; i += DL) s0 = s0.add(DoubleVector.fromArray(D, x, base + i));
        s0.intoArray(lanes, 0);
        double acc = lanes[0];
        for (int l = 1; l < DL; l++) acc += lanes[l];
        for (; i < len; i++) acc += x[base + i];
        return acc;
    }

    /** Max and min do not depend on the order, so they give exactly the scalar result. */
    private static double max(double[] x, int base, int len, double[] lanes) {
        var s = DoubleVector.fromArray(D, x, base);
        int i = DL, end = D.loopBound(len);
        for (; i < end; i += DL) s = s.max(DoubleVector.fromArray(D, x, base + i));
        s.intoArray(lanes, 0);
        double acc = lanes[0];
        for (int l = 1; l < DL; l++) acc = Math.max(acc, lanes[l]);
        for (; i < len; i++) acc = Math.max(acc, x[base + i]);
        return acc;
    }

    private static double min(double[] x, int base, int len, double[] lanes) {
        var s = DoubleVector.fromArray(D, x, base);
        int i = DL, end = D.loopBound(len);
        for (; i < end; i += DL) s = s.min(DoubleVector.fromArray(D, x, base + i));
        s.intoArray(lanes, 0);
        double acc = lanes[0];
        for (int l = 1; l < DL; l++) acc = Math.min(acc, lanes[l]);
        for (; i < len; i++) acc = Math.min(acc, x[base + i]);
        return acc;
    }

    @Override
    public void reduceCols(ReduceOp op, double[] x, int xo, int rows, int len, double[] out, int oo) {
        checkReduce("reduceCols", op, x.length, xo, rows, len, out.length, oo, len);
        int end = D.loopBound(len);
        if (rows == 0 || end == 0 || Checks.shifted(x == out, xo, oo, len)) {
            super.reduceCols(op, x, xo, rows, len, out, oo);
            return;
        }
        // Row by row into out like the scalar loop: the same operations in the same order.
        System.arraycopy(x, xo, out, oo, len);
        for (int r = 1; r < rows; r++) {
            int base = xo + r * len, j = 0;
            switch (op) {
                case SUM -> {
                    for (; j < end; j += DL) DoubleVector.fromArray(D, out, oo + j).add(DoubleVector.fromArray(D, x, base + j)).intoArray(out, oo + j);
                    for (; j < len; j++) out[oo + j] += x[base + j];
                }
                case MAX -> {
                    for (; j < end; j += DL) DoubleVector.fromArray(D, out, oo + j).max(DoubleVector.fromArray(D, x, base + j)).intoArray(out, oo + j);
                    for (; j < len; j++) out[oo + j] = Math.max(out[oo + j], x[base + j]);
                }
                case MIN -> {
                    for (; j < end; j += DL) DoubleVector.fromArray(D, out, oo + j).min(DoubleVector.fromArray(D, x, base + j)).intoArray(out, oo + j);
                    for (; j < len; j++) out[oo + j] = Math.min(out[oo + j], x[base + j]);
                }
            }
        }
    }

    @Override
    public void axpy(int n, double alpha, double[] x, int xo, double[] y, int yo) {
        Checks.range("axpy", null, "x", x.length, xo, n, 1);
        Checks.range("axpy", null, "y", y.length, yo, n, 1);
        int end = D.loopBound(n);
        if (end == 0 || Checks.shifted(x == y, xo, yo, n)) {
            super.axpy(n, alpha, x, xo, y, yo);
            return;
        }
        Parallel.forRange(n, DL, Parallel.MIN_PARALLEL_ELEMENTS, (from, to) -> {
            var av = DoubleVector.broadcast(D, alpha);
            int i = from, vend = from + D.loopBound(to - from);
            // mul then add, not fma: the same rounding as the scalar loop
            for (; i < vend; i += DL) DoubleVector.fromArray(D, x, xo + i).mul(av).add(DoubleVector.fromArray(D, y, yo + i)).intoArray(y, yo + i);
            for (; i < to; i++) y[yo + i] += alpha * x[xo + i];
        });
    }
}
