package dev.jgrad.ops;

import dev.jgrad.Tensor;
import dev.jgrad.autograd.Graph;
import dev.jgrad.kernels.BinaryOp;
import dev.jgrad.kernels.Kernels;
import dev.jgrad.kernels.UnaryOp;
import dev.jgrad.tensor.DType;
import dev.jgrad.tensor.Shape;

import java.util.List;
import java.util.Locale;

/**
 * Elementwise operations with NumPy broadcasting. Each op's forward is one kernel call per row;
 * its backward rule sits next to it, written with Tensor operations; a broadcast operand's
 * gradient is summed back to its shape.
 */
public final class Elementwise {
    private Elementwise() {}

    private static final String[] UNARY_NAMES = names(UnaryOp.values());
    private static final String[] BINARY_NAMES = names(BinaryOp.values());

    /** Op names as users write them ("leakyRelu", "maximum"), computed once rather than per call. */
    private static String[] names(Enum<?>[] ops) {
        String[] out = new String[ops.length];
        for (Enum<?> op : ops) {
            String s = op.name().toLowerCase(Locale.ROOT);
            out[op.ordinal()] = switch (s) {
                case "add_scalar" -> "add";
                case "mul_scalar" -> "mul";
                case "rdiv_scalar" -> "rdiv";
                case "leaky_relu" -> "leakyRelu";
                case "max" -> "maximum";
                case "min" -> "minimum";
                default -> s;
            };
        }
        return out;
    }

    private static String name(UnaryOp op) {
        return UNARY_NAMES[op.ordinal()];
    }

    private static String name(BinaryOp op) {
        return BINARY_NAMES[op.ordinal()];
    }

    // ---------------------------------------------------------------- unary

    public static Tensor unary(UnaryOp op, Tensor x, double p, double q) {
        if (!x.dtype().isFloating()) return integerUnary(op, x, p, q);
        Tensor y = computeUnary(op, x, p, q);
        String name = name(op);
        return switch (op) {
            case COPY, ADD_SCALAR -> Graph.record(name, y, g -> grads(g), x);
            case NEG -> Graph.record(name, y, g -> grads(g.neg()), x);
            case MUL_SCALAR -> Graph.record(name, y, g -> grads(g.mul(p)), x);
            case EXP -> Graph.record(name, y, List.of(y), g -> grads(g.mul(y)), x);
            case LOG -> Graph.record(name, y, List.of(x), g -> grads(g.div(x)), x);
            case SQRT -> Graph.record(name, y, List.of(y), g -> grads(g.div(y.mul(2))), x);
            case ABS -> Graph.record(name, y, List.of(x), g -> grads(g.mul(constant(UnaryOp.SIGN, x, 0, 0))), x);
            case TANH -> Graph.record(name, y, List.of(y), g -> grads(g.mul(y.mul(y).rsub(1))), x);
            case SIGMOID -> Graph.record(name, y, List.of(y), g -> grads(g.mul(y.mul(y.rsub(1)))), x);
            // one pass, where a 0/1 mask and a product would take two and an extra array
            case RELU -> Graph.record(name, y, List.of(x), g -> grads(binary(BinaryOp.GATE, g, x)), x);
            case LEAKY_RELU -> Graph.record(name, y, List.of(x), g -> grads(g.mul(constant(UnaryOp.STEP, x, p, 0))), x);
            case RDIV_SCALAR -> Graph.record(name, y, List.of(x, y), g -> grads(g.mul(y).div(x).neg()), x);
            case POW -> Graph.record(name, y, List.of(x),
                    g -> grads(p == 0 ? g.mul(0) : p == 1 ? g : g.mul(x.pow(p - 1).mul(p))), x);
            case CLAMP -> Graph.record(name, y, List.of(x), g -> grads(g.mul(constant(UnaryOp.IN_RANGE, x, p, q))), x);
            case SIN -> Graph.record(name, y, List.of(x), g -> grads(g.mul(x.cos())), x);
            case COS -> Graph.record(name, y, List.of(x), g -> grads(g.mul(x.sin()).neg()), x);
            case SIGN, GT_SCALAR, IN_RANGE, STEP -> y; // piecewise constant: no gradient flows
        };
    }

    /** A mask or other value that backward rules treat as a constant. */
    static Tensor constant(UnaryOp op, Tensor x, double p, double q) {
        return computeUnary(op, x.detach(), p, q);
    }

    private static Tensor computeUnary(UnaryOp op, Tensor x, double p, double q) {
        DType dt = x.dtype();
        int n = x.numel();
        Kernels k = Kernels.get();
        Tensor src = x.isContiguous() ? x : Strided.materialize(x, dt);
        Tensor y = Tensor.empty(dt, x.shape());
        int so = src.storageOffset();
        if (dt == DType.FLOAT32) k.unary(op, src.storage().floats(), so, y.storage().floats(), 0, n, p, q);
        else k.unary(op, src.storage().doubles(), so, y.storage().doubles(), 0, n, p, q);
        return y;
    }

    /** Integer tensors: exact ops stay int64, the rest are computed in float64. */
    private static Tensor integerUnary(UnaryOp op, Tensor x, double p, double q) {
        Tensor y = computeUnary(op, Strided.materialize(x, DType.FLOAT64), p, q);
        boolean exact = switch (op) {
            case COPY, NEG, ABS, SIGN, RELU, GT_SCALAR, IN_RANGE -> true;
            case ADD_SCALAR, MUL_SCALAR, CLAMP -> p == Math.rint(p) && q == Math.rint(q);
            default -> false;
        };
        return exact ? Strided.materialize(y, DType.INT64) : y;
    }

    static Tensor[] grads(Tensor... g) {
        return g;
    }

    // ---------------------------------------------------------------- binary

    public static Tensor binary(BinaryOp op, Tensor a, Tensor b) {
        DType dt = DType.promote(a.dtype(), b.dtype());
        String name = name(op);
        if (dt == DType.INT64) {
            Tensor z = computeBinary(name, op, Strided.materialize(a, DType.FLOAT64), Strided.materialize(b, DType.FLOAT64));
            return op == BinaryOp.DIV || op == BinaryOp.POW ? z : Strided.materialize(z, DType.INT64);
        }
        Tensor x = a.to(dt), y = b.to(dt);
        Tensor z = computeBinary(name, op, x, y);
        int[] xs = x.shape(), ys = y.shape();
        return switch (op) {
            case ADD -> Graph.record(name, z, g -> grads(g.sumTo(xs), g.sumTo(ys)), x, y);
            case SUB -> Graph.record(name, z, g -> grads(g.sumTo(xs), g.neg().sumTo(ys)), x, y);
            case MUL -> Graph.record(name, z, List.of(x, y), g -> grads(
                    x.requiresGrad() ? g.mul(y).sumTo(xs) : null,
                    y.requiresGrad() ? g.mul(x).sumTo(ys) : null), x, y);
            case DIV -> Graph.record(name, z, List.of(y, z), g -> grads(
                    x.requiresGrad() ? g.div(y).sumTo(xs) : null,
                    y.requiresGrad() ? g.mul(z).div(y).neg().sumTo(ys) : null), x, y);
            case MAX, MIN -> Graph.record(name, z, List.of(x, y), g -> {
                // the larger (smaller) input takes the gradient; a tie splits it, as in PyTorch
                Tensor toX = computeBinary(name, op == BinaryOp.MAX ? BinaryOp.GT : BinaryOp.LT, x.detach(), y.detach())
                        .add(computeBinary(name, BinaryOp.EQ, x.detach(), y.detach()).mul(0.5));
                return grads(g.mul(toX).sumTo(xs), g.mul(toX.rsub(1)).sumTo(ys));
            }, x, y);
            case POW -> Graph.record(name, z, List.of(x, y, z), g -> grads(
                    x.requiresGrad() ? g.mul(y).mul(x.pow(y.sub(1))).sumTo(xs) : null,
                    y.requiresGrad() ? g.mul(z).mul(x.log()).sumTo(ys) : null), x, y);
            // the gate's input y only selects: its derivative is 0 wherever it is defined
            case GATE -> Graph.record(name, z, List.of(y), g -> grads(x.requiresGrad() ? binary(BinaryOp.GATE, g, y).sumTo(xs) : null, null), x, y);
            case GT, LT, EQ -> z;
        };
    }

    /** 1 where the comparison holds, 0 elsewhere, in the promoted dtype; never recorded. */
    public static Tensor compare(BinaryOp op, Tensor a, Tensor b) {
        DType dt = DType.promote(a.dtype(), b.dtype());
        String name = name(op);
        if (dt == DType.INT64) {
            Tensor z = computeBinary(name, op, Strided.materialize(a, DType.FLOAT64), Strided.materialize(b, DType.FLOAT64));
            return Strided.materialize(z, DType.INT64);
        }
        return computeBinary(name, op, Strided.dense(a.detach(), dt), Strided.dense(b.detach(), dt));
    }

    public static Tensor compare(UnaryOp op, Tensor x, double p) {
        return x.dtype().isFloating() ? constant(op, x, p, 0) : integerUnary(op, x, p, 0);
    }

    static Tensor computeBinary(String name, BinaryOp op, Tensor x, Tensor y) {
        int[] shape = Shape.broadcast(name, x.shape(), y.shape());
        DType dt = x.dtype();
        Tensor z = Tensor.empty(dt, shape);
        Kernels k = Kernels.get();
        int n = z.numel();
        boolean f32 = dt == DType.FLOAT32;
        if (x.isContiguous() && y.isContiguous() && (x.numel() == n || x.numel() == 1) && (y.numel() == n || y.numel() == 1)) {
            int xs = x.numel() == n ? 1 : 0, ys = y.numel() == n ? 1 : 0;
            if (f32) k.binary(op, x.storage().floats(), x.storageOffset(), xs, y.storage().floats(), y.storageOffset(), ys, z.storage().floats(), 0, n);
            else k.binary(op, x.storage().doubles(), x.storageOffset(), xs, y.storage().doubles(), y.storageOffset(), ys, z.storage().doubles(), 0, n);
            return z;
        }
        RowCursor rc = new RowCursor(shape, new int[][] {
                Shape.broadcastStrides(x.shape(), x.stride(), shape), Shape.broadcastStrides(y.shape(), y.stride(), shape)},
                new int[] {x.storageOffset(), y.storageOffset()});
        int len = rc.rowLength, xs = rc.innerStride[0], ys = rc.innerStride[1];
        for (int r = 0; r < rc.rows; r++, rc.next()) {
            if (f32) k.binary(op, x.storage().floats(), rc.offset[0], xs, y.storage().floats(), rc.offset[1], ys, z.storage().floats(), r * len, len);
            else k.binary(op, x.storage().doubles(), rc.offset[0], xs, y.storage().doubles(), rc.offset[1], ys, z.storage().doubles(), r * len, len);
        }
        return z;
    }

    // ---------------------------------------------------------------- where, casts

    public static Tensor where(Tensor cond, Tensor a, Tensor b) {
        DType dt = DType.promote(a.dtype(), b.dtype());
        Tensor x = dt.isFloating() ? a.to(dt) : a, y = dt.isFloating() ? b.to(dt) : b;
        int[] shape = Shape.broadcast("where", Shape.broadcast("where", cond.shape(), x.shape()), y.shape());
        Tensor z = Tensor.empty(dt, shape);
        RowCursor rc = new RowCursor(shape, new int[][] {
                Shape.broadcastStrides(cond.shape(), cond.stride(), shape),
                Shape.broadcastStrides(x.shape(), x.stride(), shape),
                Shape.broadcastStrides(y.shape(), y.stride(), shape)},
                new int[] {cond.storageOffset(), x.storageOffset(), y.storageOffset()});
        var cs = cond.storage();
        var xs = x.storage();
        var ys = y.storage();
        var zs = z.storage();
        int len = rc.rowLength;
        for (int r = 0; r < rc.rows; r++, rc.next()) {
            for (int i = 0; i < len; i++) {
                boolean c = cs.get(rc.offset[0] + i * rc.innerStride[0]) != 0;
                zs.set(r * len + i, c ? xs.get(rc.offset[1] + i * rc.innerStride[1]) : ys.get(rc.offset[2] + i * rc.innerStride[2]));
            }
        }
        if (!dt.isFloating()) return z;
        Tensor mask = cond.detach();
        int[] xShape = x.shape(), yShape = y.shape();
        return Graph.record("where", z, g -> {
            Tensor zero = Tensor.zeros(g.dtype());
            return grads(where(mask, g, zero).sumTo(xShape), where(mask, zero, g).sumTo(yShape));
        }, x, y);
    }

    public static Tensor to(Tensor x, DType dtype) {
        if (x.dtype() == dtype) return x;
        Tensor y = Strided.materialize(x, dtype);
        if (!x.dtype().isFloating() || !dtype.isFloating()) return y;
        DType from = x.dtype();
        return Graph.record("to", y, g -> grads(g.to(from)), x);
    }
}
