package dev.jgrad.viz;

import java.util.Arrays;
import java.util.Objects;
import java.util.function.IntToDoubleFunction;

/**
 * Shape and value texts for {@link GraphNode}s, computed from raw row-major data so that any tensor
 * implementation can feed a graph. Small tensors print in full (one line per row); large ones as
 * summary statistics, which is what fits in a box and still shows a vanishing or exploding gradient.
 */
public final class TensorText {

    private TensorText() {
    }

    /** {@code "scalar"} for rank 0, else e.g. {@code "[2, 3]"}. */
    public static String shape(int... shape) {
        Objects.requireNonNull(shape, "TensorText.shape: shape is null");
        return shape.length == 0 ? "scalar" : Arrays.toString(shape);
    }

    /** Values of a row-major tensor: printed in full up to {@code maxElements}, else as statistics. */
    public static String values(float[] data, int[] shape, int maxElements) {
        Objects.requireNonNull(data, "TensorText.values: data is null");
        return values(data.length, i -> data[i], shape, maxElements);
    }

    /** {@link #values(float[], int[], int)} for double data. */
    public static String values(double[] data, int[] shape, int maxElements) {
        Objects.requireNonNull(data, "TensorText.values: data is null");
        return values(data.length, i -> data[i], shape, maxElements);
    }

    private static String values(int length, IntToDoubleFunction data, int[] shape, int maxElements) {
        Objects.requireNonNull(shape, "TensorText.values: shape is null");
        long size = 1;
        for (var d : shape) {
            if (d < 0) {
                throw new IllegalArgumentException("TensorText.values: negative dimension in " + Arrays.toString(shape));
            }
            size *= d;
        }
        if (size != length) {
            throw new IllegalArgumentException("TensorText.values: shape " + Arrays.toString(shape) + " has " + size
                    + " elements but the data has " + length);
        }
        if (shape.length == 0) {
            return Fmt.num(data.applyAsDouble(0));
        }
        if (length == 0) {
            return "[]";
        }
        if (length > maxElements) {
            return statistics(length, data);
        }
        var out = new StringBuilder();
        nested(out, data, shape, 0, 0, 1);
        return out.toString();
    }

    /** Prints one dimension; the innermost rows go on separate lines, indented under their bracket. */
    private static int nested(StringBuilder out, IntToDoubleFunction data, int[] shape, int dim, int offset, int indent) {
        out.append('[');
        var last = dim == shape.length - 1;
        for (var i = 0; i < shape[dim]; i++) {
            if (i > 0) {
                out.append(last ? ", " : ",\n" + " ".repeat(indent));
            }
            if (last) {
                out.append(Fmt.num(data.applyAsDouble(offset++)));
            } else {
                offset = nested(out, data, shape, dim + 1, offset, indent + 1);
            }
        }
        out.append(']');
        return offset;
    }

    /** Two lines: mean and standard deviation, then the range; non-finite values are counted apart. */
    private static String statistics(int length, IntToDoubleFunction data) {
        var min = Double.POSITIVE_INFINITY;
        var max = Double.NEGATIVE_INFINITY;
        var sum = 0.0;
        var squares = 0.0;
        var finite = 0;
        for (var i = 0; i < length; i++) {
            var v = data.applyAsDouble(i);
            if (Double.isFinite(v)) {
                min = Math.min(min, v);
                max = Math.max(max, v);
                sum += v;
                squares += v * v;
                finite++;
            }
        }
        if (finite == 0) {
            return "all " + length + " values non-finite";
        }
        var mean = sum / finite;
        var std = Math.sqrt(Math.max(0, squares / finite - mean * mean));
        var text = "mean " + Fmt.num(mean) + " std " + Fmt.num(std) + "\nmin " + Fmt.num(min) + " max " + Fmt.num(max);
        return finite == length ? text : text + "\n" + (length - finite) + " non-finite";
    }
}
