package dev.jgrad.ops;

import dev.jgrad.Tensor;
import dev.jgrad.kernels.BinaryOp;
import dev.jgrad.kernels.Kernels;
import dev.jgrad.kernels.Parallel;
import dev.jgrad.kernels.UnaryOp;
import dev.jgrad.tensor.DType;
import dev.jgrad.tensor.Shape;
import dev.jgrad.tensor.Storage;

import java.util.Arrays;

/** Copies between strided layouts, fills, and the in-place writes used by optimizers. */
public final class Strided {
    private Strided() {}

    /**
     * dst[i] = src[i] for every index of dst's shape; src must have the same shape (a broadcast
     * view is fine) and is converted to dst's dtype.
     */
    static void copy(Tensor src, Tensor dst) {
        int[] shape = dst.shape();
        RowCursor rc = new RowCursor(shape, new int[][] {src.stride(), dst.stride()},
                new int[] {src.storageOffset(), dst.storageOffset()});
        Storage s = src.storage(), d = dst.storage();
        int n = rc.rowLength, ss = rc.innerStride[0], ds = rc.innerStride[1];
        boolean sameType = s.dtype() == d.dtype();
        for (int r = 0; r < rc.rows; r++, rc.next()) {
            int so = rc.offset[0], dof = rc.offset[1];
            if (sameType && ss == 1 && ds == 1) {
                System.arraycopy(s.array(), so, d.array(), dof, n);
            } else if (sameType && d.dtype() == DType.FLOAT32) {
                float[] a = s.floats(), b = d.floats();
                for (int i = 0; i < n; i++) b[dof + i * ds] = a[so + i * ss];
            } else if (sameType && d.dtype() == DType.FLOAT64) {
                double[] a = s.doubles(), b = d.doubles();
                for (int i = 0; i < n; i++) b[dof + i * ds] = a[so + i * ss];
            } else {
                for (int i = 0; i < n; i++) d.set(dof + i * ds, s.get(so + i * ss));
            }
        }
    }

    /** A contiguous copy of any layout in the given dtype, with no autograd record. */
    static Tensor materialize(Tensor src, DType dtype) {
        Tensor out = Tensor.empty(dtype, src.shape());
        copy(src, out);
        return out;
    }

    /** src as a contiguous tensor in the given dtype, copying only when needed (no record). */
    static Tensor dense(Tensor src, DType dtype) {
        return src.isContiguous() && src.dtype() == dtype ? src : materialize(src, dtype);
    }

    public static void fill(Storage s, int from, int to, double value) {
        switch (s.dtype()) {
            case FLOAT32 -> Arrays.fill(s.floats(), from, to, (float) value);
            case FLOAT64 -> Arrays.fill(s.doubles(), from, to, value);
            case INT64 -> Arrays.fill(s.longs(), from, to, (long) value);
        }
    }

    public static boolean allFinite(Tensor t) {
        if (!t.dtype().isFloating()) return true;
        Tensor c = dense(t, t.dtype());
        int o = c.storageOffset(), n = c.numel();
        if (c.dtype() == DType.FLOAT32) {
            float[] a = c.storage().floats();
            for (int i = 0; i < n; i++) if (!Float.isFinite(a[o + i])) return false;
        } else {
            double[] a = c.storage().doubles();
            for (int i = 0; i < n; i++) if (!Double.isFinite(a[o + i])) return false;
        }
        return true;
    }

    /** this op= alpha * other, where op is ADD (alpha scales) or MUL (alpha ignored). */
    public static Tensor inPlace(String name, Tensor self, BinaryOp op, Tensor other, double alpha) {
        self.checkInPlace(name);
        int[] shape = self.shape();
        if (!Arrays.equals(Shape.broadcast(name, shape, other.shape()), shape))
            throw new IllegalArgumentException(name + ": a tensor of shape " + Arrays.toString(other.shape())
                    + " cannot be broadcast into one of shape " + Arrays.toString(shape));
        DType dt = self.dtype();
        Tensor o = dense(other.detach(), dt);
        Kernels k = Kernels.get();
        int n = self.numel();
        if (self.isContiguous() && Arrays.equals(o.shape(), shape) && dt.isFloating()) {
            int so = self.storageOffset(), oo = o.storageOffset();
            if (op == BinaryOp.ADD) {
                if (dt == DType.FLOAT32) k.axpy(n, (float) alpha, o.storage().floats(), oo, self.storage().floats(), so);
                else k.axpy(n, alpha, o.storage().doubles(), oo, self.storage().doubles(), so);
            } else {
                if (dt == DType.FLOAT32) k.binary(op, self.storage().floats(), so, 1, o.storage().floats(), oo, 1, self.storage().floats(), so, n);
                else k.binary(op, self.storage().doubles(), so, 1, o.storage().doubles(), oo, 1, self.storage().doubles(), so, n);
            }
        } else {
            Tensor result;
            try (var g = Tensor.noGrad()) {
                result = op == BinaryOp.ADD ? self.add(o.mul(alpha)) : Elementwise.binary(op, self, o);
            }
            copy(result.expand(shape), self);
        }
        self.storage().bumpVersion();
        return self;
    }

    public static Tensor inPlaceScalar(String name, Tensor self, UnaryOp op, double s) {
        self.checkInPlace(name);
        if (self.isContiguous() && self.dtype().isFloating()) {
            int o = self.storageOffset(), n = self.numel();
            if (self.dtype() == DType.FLOAT32) Kernels.get().unary(op, self.storage().floats(), o, self.storage().floats(), o, n, s, 0);
            else Kernels.get().unary(op, self.storage().doubles(), o, self.storage().doubles(), o, n, s, 0);
        } else {
            Tensor result;
            try (var g = Tensor.noGrad()) {
                result = Elementwise.unary(op, self, s, 0);
            }
            copy(result.to(self.dtype()), self);
        }
        self.storage().bumpVersion();
        return self;
    }

    public static Tensor inPlaceFill(Tensor self, double value) {
        self.checkInPlace("fill");
        if (self.isContiguous()) {
            int o = self.storageOffset();
            // zeroing a kept gradient that two threads just wrote: each core clears what it can reach fastest
            Parallel.forRange(self.numel(), 16, Parallel.MIN_PARALLEL_ELEMENTS, (from, to) -> fill(self.storage(), o + from, o + to, value));
        }
        else copy(Tensor.full(self.dtype(), value).expand(self.shape()), self);
        self.storage().bumpVersion();
        return self;
    }

    public static Tensor copyInto(Tensor self, Tensor src) {
        self.checkInPlace("copyFrom");
        int[] shape = self.shape();
        if (!Arrays.equals(Shape.broadcast("copyFrom", shape, src.shape()), shape))
            throw new IllegalArgumentException("copyFrom: a tensor of shape " + Arrays.toString(src.shape())
                    + " cannot be copied into one of shape " + Arrays.toString(shape));
        copy(src.detach().expand(shape), self);
        self.storage().bumpVersion();
        return self;
    }
}
