package dev.jgrad.kernels;

import java.util.Arrays;
import java.util.Objects;

/**
 * Plain-Java kernels: the fallback when the Vector API is not enabled, and the reference the
 * Panama kernels are tested against. Each op is its own loop so the JIT sees one simple body.
 * The float64 half is the float32 half with the types changed.
 */
public class ScalarKernels implements Kernels {

    @Override
    public String name() {
        return "scalar (plain Java)";
    }

    @Override
    public void gemm(int m, int n, int k, float[] a, int aOff, int aRs, int aCs, float[] b, int bOff, int bRs, int bCs,
                     float[] c, int cOff, int ldc, boolean accumulate) {
        Gemm.gemm(ScalarGemm::gemm, 1, ScalarGemm.NB, m, n, k, a, aOff, aRs, aCs, b, bOff, bRs, bCs, c, cOff, ldc, accumulate);
    }

    /** B row-major in one panel: the rows ScalarGemm's axpys read. */
    @Override
    public PackedMatrix pack(int k, int n, float[] b, int bOff, int bRs, int bCs) {
        return PackedMatrix.of(k, n, Math.max(1, n), b, bOff, bRs, bCs, this);
    }

    /** c + x0 B(0, :) + x1 B(1, :) + ... in k order, as {@link ScalarGemm} sums a row. */
    @Override
    public void gemvPacked(float[] x, int xOff, PackedMatrix b, float[] c, int cOff, boolean accumulate) {
        b.check(this, x, xOff, c, cOff);
        int n = b.n;
        if (!accumulate) Arrays.fill(c, cOff, cOff + n, 0f);
        for (int p = 0; p < b.k; p++) {
            float xp = x[xOff + p];
            for (int j = 0, r = p * n; j < n; j++) c[cOff + j] += xp * b.data[r + j];
        }
    }

    @Override
    public void gemm(int m, int n, int k, double[] a, int aOff, int aRs, int aCs, double[] b, int bOff, int bRs, int bCs,
                     double[] c, int cOff, int ldc, boolean accumulate) {
        Gemm.gemm(ScalarGemm::gemm, 1, ScalarGemm.NB, m, n, k, a, aOff, aRs, aCs, b, bOff, bRs, bCs, c, cOff, ldc, accumulate);
    }

    static void checkUnary(UnaryOp op, int xLen, int xo, int yLen, int yo, int n) {
        Objects.requireNonNull(op, "unary: op is null");
        Checks.range("unary", op, "x", xLen, xo, n, 1);
        Checks.range("unary", op, "y", yLen, yo, n, 1);
    }

    static void checkBinary(BinaryOp op, int xLen, int xo, int xs, int yLen, int yo, int ys, int zLen, int zo, int n) {
        Objects.requireNonNull(op, "binary: op is null");
        Checks.range("binary", op, "x", xLen, xo, n, xs);
        Checks.range("binary", op, "y", yLen, yo, n, ys);
        Checks.range("binary", op, "z", zLen, zo, n, 1);
    }

    static void checkReduce(String name, ReduceOp op, int xLen, int xo, int rows, int len, int outLen, int oo, int outs) {
        Objects.requireNonNull(op, name + ": op is null");
        Checks.block(name, op, "x", xLen, xo, rows, len);
        Checks.range(name, op, "out", outLen, oo, outs, 1);
    }

    static double sigmoid(double v) {
        return v >= 0 ? 1 / (1 + Math.exp(-v)) : Math.exp(v) / (1 + Math.exp(v));
    }

    @Override
    public void unary(UnaryOp op, float[] x, int xo, float[] y, int yo, int n, double p, double q) {
        checkUnary(op, x.length, xo, y.length, yo, n);
        final float a = (float) p, b = (float) q;
        switch (op) {
            case COPY -> System.arraycopy(x, xo, y, yo, n);
            case NEG -> { for (int i = 0; i < n; i++) y[yo + i] = -x[xo + i]; }
            case EXP -> { for (int i = 0; i < n; i++) y[yo + i] = (float) Math.exp(x[xo + i]); }
            case LOG -> { for (int i = 0; i < n; i++) y[yo + i] = (float) Math.log(x[xo + i]); }
            case SQRT -> { for (int i = 0; i < n; i++) y[yo + i] = (float) Math.sqrt(x[xo + i]); }
            case ABS -> { for (int i = 0; i < n; i++) y[yo + i] = Math.abs(x[xo + i]); }
            case SIGN -> { for (int i = 0; i < n; i++) y[yo + i] = Math.signum(x[xo + i]); }
            case TANH -> { for (int i = 0; i < n; i++) y[yo + i] = (float) Math.tanh(x[xo + i]); }
            case SIGMOID -> { for (int i = 0; i < n; i++) y[yo + i] = (float) sigmoid(x[xo + i]); }
            case RELU -> { for (int i = 0; i < n; i++) y[yo + i] = Math.max(x[xo + i], 0); }
            case LEAKY_RELU -> { for (int i = 0; i < n; i++) { var v = x[xo + i]; y[yo + i] = v > 0 ? v : a * v; } }
            case ADD_SCALAR -> { for (int i = 0; i < n; i++) y[yo + i] = x[xo + i] + a; }
            case MUL_SCALAR -> { for (int i = 0; i < n; i++) y[yo + i] = x[xo + i] * a; }
            case RDIV_SCALAR -> { for (int i = 0; i < n; i++) y[yo + i] = a / x[xo + i]; }
            case POW -> {
                if (p == 2) { for (int i = 0; i < n; i++) y[yo + i] = x[xo + i] * x[xo + i]; }
                else { for (int i = 0; i < n; i++) y[yo + i] = (float) Math.pow(x[xo + i], p); }
            }
            case CLAMP -> { for (int i = 0; i < n; i++) y[yo + i] = Math.min(Math.max(x[xo + i], a), b); }
            case GT_SCALAR -> { for (int i = 0; i < n; i++) y[yo + i] = x[xo + i] > a ? 1 : 0; }
            case IN_RANGE -> { for (int i = 0; i < n; i++) { var v = x[xo + i]; y[yo + i] = v >= a && v <= b ? 1 : 0; } }
            case STEP -> { for (int i = 0; i < n; i++) y[yo + i] = x[xo + i] > 0 ? 1 : a; }
            case SIN -> { for (int i = 0; i < n; i++) y[yo + i] = (float) Math.sin(x[xo + i]); }
            case COS -> { for (int i = 0; i < n; i++) y[yo + i] = (float) Math.cos(x[xo + i]); }
        }
    }

    @Override
    public void binary(BinaryOp op, float[] x, int xo, int xs, float[] y, int yo, int ys, float[] z, int zo, int n) {
        checkBinary(op, x.length, xo, xs, y.length, yo, ys, z.length, zo, n);
        switch (op) {
            case ADD -> { for (int i = 0; i < n; i++) z[zo + i] = x[xo + i * xs] + y[yo + i * ys]; }
            case SUB -> { for (int i = 0; i < n; i++) z[zo + i] = x[xo + i * xs] - y[yo + i * ys]; }
            case MUL -> { for (int i = 0; i < n; i++) z[zo + i] = x[xo + i * xs] * y[yo + i * ys]; }
            case DIV -> { for (int i = 0; i < n; i++) z[zo + i] = x[xo + i * xs] / y[yo + i * ys]; }
            case MAX -> { for (int i = 0; i < n; i++) z[zo + i] = Math.max(x[xo + i * xs], y[yo + i * ys]); }
            case MIN -> { for (int i = 0; i < n; i++) z[zo + i] = Math.min(x[xo + i * xs], y[yo + i * ys]); }
            case POW -> { for (int i = 0; i < n; i++) z[zo + i] = (float) Math.pow(x[xo + i * xs], y[yo + i * ys]); }
            case GT -> { for (int i = 0; i < n; i++) z[zo + i] = x[xo + i * xs] > y[yo + i * ys] ? 1 : 0; }
            case LT -> { for (int i = 0; i < n; i++) z[zo + i] = x[xo + i * xs] < y[yo + i * ys] ? 1 : 0; }
            case EQ -> { for (int i = 0; i < n; i++) z[zo + i] = x[xo + i * xs] == y[yo + i * ys] ? 1 : 0; }
            case GATE -> { for (int i = 0; i < n; i++) z[zo + i] = y[yo + i * ys] > 0 ? x[xo + i * xs] : 0; }
        }
    }

    @Override
    public void reduceRows(ReduceOp op, float[] x, int xo, int rows, int len, float[] out, int oo) {
        checkReduce("reduceRows", op, x.length, xo, rows, len, out.length, oo, rows);
        for (int r = 0; r < rows; r++) {
            int base = xo + r * len;
            float acc;
            switch (op) {
                case SUM -> { acc = 0; for (int i = 0; i < len; i++) acc += x[base + i]; }
                case MAX -> { acc = Float.NEGATIVE_INFINITY; for (int i = 0; i < len; i++) acc = Math.max(acc, x[base + i]); }
                default -> { acc = Float.POSITIVE_INFINITY; for (int i = 0; i < len; i++) acc = Math.min(acc, x[base + i]); }
            }
            out[oo + r] = acc;
        }
    }

    @Override
    public void reduceCols(ReduceOp op, float[] x, int xo, int rows, int len, float[] out, int oo) {
        checkReduce("reduceCols", op, x.length, xo, rows, len, out.length, oo, len);
        if (rows == 0) {
            java.util.Arrays.fill(out, oo, oo + len, op == ReduceOp.SUM ? 0 : op == ReduceOp.MAX ? Float.NEGATIVE_INFINITY : Float.POSITIVE_INFINITY);
            return;
        }
        System.arraycopy(x, xo, out, oo, len);
        for (int r = 1; r < rows; r++) {
            int base = xo + r * len;
            switch (op) {
                case SUM -> { for (int j = 0; j < len; j++) out[oo + j] += x[base + j]; }
                case MAX -> { for (int j = 0; j < len; j++) out[oo + j] = Math.max(out[oo + j], x[base + j]); }
                case MIN -> { for (int j = 0; j < len; j++) out[oo + j] = Math.min(out[oo + j], x[base + j]); }
            }
        }
    }

    @Override
    public void axpy(int n, float alpha, float[] x, int xo, float[] y, int yo) {
        Checks.range("axpy", null, "x", x.length, xo, n, 1);
        Checks.range("axpy", null, "y", y.length, yo, n, 1);
        for (int i = 0; i < n; i++) y[yo + i] += alpha * x[xo + i];
    }

    @Override
    public void unary(UnaryOp op, double[] x, int xo, double[] y, int yo, int n, double p, double q) {
        checkUnary(op, x.length, xo, y.length, yo, n);
        final double a = p, b = q;
        switch (op) {
            case COPY -> System.arraycopy(x, xo, y, yo, n);
            case NEG -> { for (int i = 0; i < n; i++) y[yo + i] = -x[xo + i]; }
            case EXP -> { for (int i = 0; i < n; i++) y[yo + i] = Math.exp(x[xo + i]); }
            case LOG -> { for (int i = 0; i < n; i++) y[yo + i] = Math.log(x[xo + i]); }
            case SQRT -> { for (int i = 0; i < n; i++) y[yo + i] = Math.sqrt(x[xo + i]); }
            case ABS -> { for (int i = 0; i < n; i++) y[yo + i] = Math.abs(x[xo + i]); }
            case SIGN -> { for (int i = 0; i < n; i++) y[yo + i] = Math.signum(x[xo + i]); }
            case TANH -> { for (int i = 0; i < n; i++) y[yo + i] = Math.tanh(x[xo + i]); }
            case SIGMOID -> { for (int i = 0; i < n; i++) y[yo + i] = sigmoid(x[xo + i]); }
            case RELU -> { for (int i = 0; i < n; i++) y[yo + i] = Math.max(x[xo + i], 0); }
            case LEAKY_RELU -> { for (int i = 0; i < n; i++) { var v = x[xo + i]; y[yo + i] = v > 0 ? v : a * v; } }
            case ADD_SCALAR -> { for (int i = 0; i < n; i++) y[yo + i] = x[xo + i] + a; }
            case MUL_SCALAR -> { for (int i = 0; i < n; i++) y[yo + i] = x[xo + i] * a; }
            case RDIV_SCALAR -> { for (int i = 0; i < n; i++) y[yo + i] = a / x[xo + i]; }
            case POW -> {
                if (p == 2) { for (int i = 0; i < n; i++) y[yo + i] = x[xo + i] * x[xo + i]; }
                else { for (int i = 0; i < n; i++) y[yo + i] = Math.pow(x[xo + i], p); }
            }
            case CLAMP -> { for (int i = 0; i < n; i++) y[yo + i] = Math.min(Math.max(x[xo + i], a), b); }
            case GT_SCALAR -> { for (int i = 0; i < n; i++) y[yo + i] = x[xo + i] > a ? 1 : 0; }
            case IN_RANGE -> { for (int i = 0; i < n; i++) { var v = x[xo + i]; y[yo + i] = v >= a && v <= b ? 1 : 0; } }
            case STEP -> { for (int i = 0; i < n; i++) y[yo + i] = x[xo + i] > 0 ? 1 : a; }
            case SIN -> { for (int i = 0; i < n; i++) y[yo + i] = Math.sin(x[xo + i]); }
            case COS -> { for (int i = 0; i < n; i++) y[yo + i] = Math.cos(x[xo + i]); }
        }
    }

    @Override
    public void binary(BinaryOp op, double[] x, int xo, int xs, double[] y, int yo, int ys, double[] z, int zo, int n) {
        checkBinary(op, x.length, xo, xs, y.length, yo, ys, z.length, zo, n);
        switch (op) {
            case ADD -> { for (int i = 0; i < n; i++) z[zo + i] = x[xo + i * xs] + y[yo + i * ys]; }
            case SUB -> { for (int i = 0; i < n; i++) z[zo + i] = x[xo + i * xs] - y[yo + i * ys]; }
            case MUL -> { for (int i = 0; i < n; i++) z[zo + i] = x[xo + i * xs] * y[yo + i * ys]; }
            case DIV -> { for (int i = 0; i < n; i++) z[zo + i] = x[xo + i * xs] / y[yo + i * ys]; }
            case MAX -> { for (int i = 0; i < n; i++) z[zo + i] = Math.max(x[xo + i * xs], y[yo + i * ys]); }
            case MIN -> { for (int i = 0; i < n; i++) z[zo + i] = Math.min(x[xo + i * xs], y[yo + i * ys]); }
            case POW -> { for (int i = 0; i < n; i++) z[zo + i] = Math.pow(x[xo + i * xs], y[yo + i * ys]); }
            case GT -> { for (int i = 0; i < n; i++) z[zo + i] = x[xo + i * xs] > y[yo + i * ys] ? 1 : 0; }
            case LT -> { for (int i = 0; i < n; i++) z[zo + i] = x[xo + i * xs] < y[yo + i * ys] ? 1 : 0; }
            case EQ -> { for (int i = 0; i < n; i++) z[zo + i] = x[xo + i * xs] == y[yo + i * ys] ? 1 : 0; }
            case GATE -> { for (int i = 0; i < n; i++) z[zo + i] = y[yo + i * ys] > 0 ? x[xo + i * xs] : 0; }
        }
    }

    @Override
    public void reduceRows(ReduceOp op, double[] x, int xo, int rows, int len, double[] out, int oo) {
        checkReduce("reduceRows", op, x.length, xo, rows, len, out.length, oo, rows);
        for (int r = 0; r < rows; r++) {
            int base = xo + r * len;
            double acc;
            switch (op) {
                case SUM -> { acc = 0; for (int i = 0; i < len; i++) acc += x[base + i]; }
                case MAX -> { acc = Double.NEGATIVE_INFINITY; for (int i = 0; i < len; i++) acc = Math.max(acc, x[base + i]); }
                default -> { acc = Double.POSITIVE_INFINITY; for (int i = 0; i < len; i++) acc = Math.min(acc, x[base + i]); }
            }
            out[oo + r] = acc;
        }
    }

    @Override
    public void reduceCols(ReduceOp op, double[] x, int xo, int rows, int len, double[] out, int oo) {
        checkReduce("reduceCols", op, x.length, xo, rows, len, out.length, oo, len);
        if (rows == 0) {
            java.util.Arrays.fill(out, oo, oo + len, op == ReduceOp.SUM ? 0 : op == ReduceOp.MAX ? Double.NEGATIVE_INFINITY : Double.POSITIVE_INFINITY);
            return;
        }
        System.arraycopy(x, xo, out, oo, len);
        for (int r = 1; r < rows; r++) {
            int base = xo + r * len;
            switch (op) {
                case SUM -> { for (int j = 0; j < len; j++) out[oo + j] += x[base + j]; }
                case MAX -> { for (int j = 0; j < len; j++) out[oo + j] = Math.max(out[oo + j], x[base + j]); }
                case MIN -> { for (int j = 0; j < len; j++) out[oo + j] = Math.min(out[oo + j], x[base + j]); }
            }
        }
    }

    @Override
    public void axpy(int n, double alpha, double[] x, int xo, double[] y, int yo) {
        Checks.range("axpy", null, "x", x.length, xo, n, 1);
        Checks.range("axpy", null, "y", y.length, yo, n, 1);
        for (int i = 0; i < n; i++) y[yo + i] += alpha * x[xo + i];
    }
}
