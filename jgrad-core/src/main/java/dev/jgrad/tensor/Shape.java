package dev.jgrad.tensor;

import java.util.Arrays;

/** Shape arithmetic: sizes, row-major strides, broadcasting, dim normalization. */
public final class Shape {
    private Shape() {}

    public static int numel(int[] shape) {
        long n = 1;
        for (int s : shape) {
            if (s < 0) throw new IllegalArgumentException("negative dimension in shape " + format(shape));
            n *= s;
            if (n > Integer.MAX_VALUE - 16)
                throw new IllegalArgumentException("shape " + format(shape) + " has more than 2^31 elements");
        }
        return (int) n;
    }

    public static int[] contiguousStrides(int[] shape) {
        int[] strides = new int[shape.length];
        int s = 1;
        for (int i = shape.length - 1; i >= 0; i--) {
            strides[i] = s;
            s *= Math.max(shape[i], 1);
        }
        return strides;
    }

    public static boolean isContiguous(int[] shape, int[] strides) {
        int expected = 1;
        for (int i = shape.length - 1; i >= 0; i--) {
            if (shape[i] != 1 && strides[i] != expected) return false;
            expected *= shape[i];
        }
        return true;
    }

    /** NumPy broadcasting of two shapes; the message names the operation. */
    public static int[] broadcast(String op, int[] a, int[] b) {
        int n = Math.max(a.length, b.length);
        int[] out = new int[n];
        for (int i = 0; i < n; i++) {
            int da = i < n - a.length ? 1 : a[i - (n - a.length)];
            int db = i < n - b.length ? 1 : b[i - (n - b.length)];
            if (da != db && da != 1 && db != 1)
                throw new IllegalArgumentException(op + ": shapes " + format(a) + " and " + format(b)
                        + " cannot be broadcast (dimension " + i + ": " + da + " vs " + db + ")");
            out[i] = da == 1 ? db : da;
        }
        return out;
    }

    /** Strides that read a tensor of (shape, strides) as if it had the larger broadcast shape. */
    public static int[] broadcastStrides(int[] shape, int[] strides, int[] target) {
        int[] out = new int[target.length];
        int shift = target.length - shape.length;
        for (int i = shape.length - 1; i >= 0; i--) out[i + shift] = shape[i] == 1 ? 0 : strides[i];
        return out;
    }

    /** Accepts negative dims like Python; names the op and the rank in the error. */
    public static int normalizeDim(String op, int dim, int rank) {
        int d = dim < 0 ? dim + rank : dim;
        if (d < 0 || d >= Math.max(rank, 1) || (rank == 0 && dim != 0 && dim != -1))
            throw new IllegalArgumentException(op + ": dimension " + dim + " is out of range for a tensor of rank " + rank);
        return d;
    }

    public static String format(int[] shape) {
        return Arrays.toString(shape);
    }
}
