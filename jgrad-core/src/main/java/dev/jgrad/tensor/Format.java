package dev.jgrad.tensor;

import java.util.Locale;

/** NumPy-style printing; large tensors show their first and last few entries per dim. */
public final class Format {
    private Format() {}

    public static String format(Storage s, int[] shape, int[] strides, int offset, int edge) {
        int n = Shape.numel(shape);
        boolean abbreviate = n > 1000;
        boolean integral = s.dtype() == DType.INT64 || allIntegral(s, shape, strides, offset);
        StringBuilder sb = new StringBuilder();
        append(sb, s, shape, strides, offset, 0, abbreviate ? edge / 2 + 1 : Integer.MAX_VALUE, integral, s.dtype());
        return sb.toString();
    }

    private static boolean allIntegral(Storage s, int[] shape, int[] strides, int offset) {
        int n = Shape.numel(shape);
        if (n > 1000) return false;
        int[] pos = new int[shape.length];
        for (int i = 0; i < n; i++) {
            int o = offset;
            for (int d = 0; d < shape.length; d++) o += pos[d] * strides[d];
            double v = s.get(o);
            if (v != Math.rint(v) || Math.abs(v) > 1e15) return false;
            for (int d = shape.length - 1; d >= 0 && ++pos[d] == shape[d]; d--) pos[d] = 0;
        }
        return true;
    }

    private static void append(StringBuilder sb, Storage s, int[] shape, int[] strides, int off, int dim, int edge,
                               boolean integral, DType dtype) {
        if (dim == shape.length) {
            double v = s.get(off);
            if (dtype == DType.INT64) sb.append((long) v);
            else if (integral) sb.append((long) v).append('.');
            else if (Double.isNaN(v) || Double.isInfinite(v)) sb.append(v > 0 ? "inf" : v < 0 ? "-inf" : "nan");
            else sb.append(String.format(Locale.ROOT, "%.4f", v));
            return;
        }
        sb.append('[');
        int size = shape[dim];
        for (int i = 0; i < size; i++) {
            if (size > 2 * edge && i == edge) {
                sb.append("...");
                i = size - edge - 1;
                sb.append(dim == shape.length - 1 ? ", " : ",\n" + " ".repeat(dim + 8));
                continue;
            }
            append(sb, s, shape, strides, off + i * strides[dim], dim + 1, edge, integral, dtype);
            if (i < size - 1) sb.append(dim == shape.length - 1 ? ", " : ",\n" + " ".repeat(dim + 8));
        }
        sb.append(']');
    }
}
