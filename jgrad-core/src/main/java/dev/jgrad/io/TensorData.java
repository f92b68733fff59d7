package dev.jgrad.io;

import java.util.Arrays;

/**
 * A named-tensor payload for safetensors files: dtype, shape and row-major values held in the
 * primitive array that fits the dtype. This is deliberately independent of jgrad's Tensor class
 * so that file formats do not depend on the autograd engine.
 *
 * <p>Each carrier record owns its values array without copying it (checkpoints can be large):
 * callers must not modify an array after handing it over, and {@code values()} returns that
 * same array. The {@code toXxxArray()} methods always return new arrays, converting as needed;
 * conversions to integer types throw {@link ArithmeticException} for values that are not exact
 * integers in range.
 */
public sealed interface TensorData permits TensorData.Floats, TensorData.Doubles, TensorData.Longs, TensorData.Ints {

    /** Largest element count jgrad accepts: the usual safe limit of a Java array. */
    int MAX_ELEMENTS = Integer.MAX_VALUE - 8;

    SafeDType dtype();

    /** A copy of the shape; {@code []} is a scalar with one element. */
    int[] shape();

    /** Number of elements, the product of the shape. */
    int size();

    /** Number of bytes the values occupy in a file. */
    default long byteSize() {
        return (long) size() * dtype().byteSize();
    }

    float[] toFloatArray();

    double[] toDoubleArray();

    long[] toLongArray();

    int[] toIntArray();

    /** F32 values (the array is shared, not copied). */
    static Floats ofFloats(float[] values, int... shape) {
        return new Floats(SafeDType.F32, shape, values);
    }

    /** F64 values (the array is shared, not copied). */
    static Doubles ofDoubles(double[] values, int... shape) {
        return new Doubles(SafeDType.F64, shape, values);
    }

    /** I64 values (the array is shared, not copied). */
    static Longs ofLongs(long[] values, int... shape) {
        return new Longs(SafeDType.I64, shape, values);
    }

    /** I32 values (the array is shared, not copied). */
    static Ints ofInts(int[] values, int... shape) {
        return new Ints(SafeDType.I32, shape, values);
    }

    /**
     * F32, F16 or BF16 values. For the 16-bit types the values are rounded to the nearest
     * representable number (into a new array) so that what is held is exactly what is stored.
     */
    record Floats(SafeDType dtype, int[] shape, float[] values) implements TensorData {

        public Floats {
            requireDtype(dtype, "Floats", SafeDType.F32, SafeDType.F16, SafeDType.BF16);
            shape = checkedShape(shape, values == null ? -1 : values.length);
            if (dtype == SafeDType.F16 || dtype == SafeDType.BF16) {
                float[] rounded = new float[values.length];
                for (int i = 0; i < rounded.length; i++) {
                    rounded[i] = dtype == SafeDType.F16
                            ? HalfFloats.f16ToFloat(HalfFloats.floatToF16(values[i]))
                            : HalfFloats.bf16ToFloat(HalfFloats.floatToBf16(values[i]));
                }
                values = rounded;
            }
        }

        @Override
        public int[] shape() {
            return shape.clone();
        }

        @Override
        public int size() {
            return values.length;
        }

        @Override
        public float[] toFloatArray() {
            return values.clone();
        }

        @Override
        public double[] toDoubleArray() {
            double[] out = new double[values.length];
            for (int i = 0; i < out.length; i++) {
                out[i] = values[i];
            }
            return out;
        }

        @Override
        public long[] toLongArray() {
            long[] out = new long[values.length];
            for (int i = 0; i < out.length; i++) {
                out[i] = exactLong(values[i], i, dtype);
            }
            return out;
        }

        @Override
        public int[] toIntArray() {
            int[] out = new int[values.length];
            for (int i = 0; i < out.length; i++) {
                out[i] = exactInt(values[i], i, dtype);
            }
            return out;
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Floats other && dtype == other.dtype
                    && Arrays.equals(shape, other.shape) && Arrays.equals(values, other.values);
        }

        @Override
        public int hashCode() {
            return 31 * (31 * dtype.hashCode() + Arrays.hashCode(shape)) + Arrays.hashCode(values);
        }

        @Override
        public String toString() {
            return describe(this);
        }
    }

    /** F64 values. */
    record Doubles(SafeDType dtype, int[] shape, double[] values) implements TensorData {

        public Doubles {
            requireDtype(dtype, "Doubles", SafeDType.F64);
            shape = checkedShape(shape, values == null ? -1 : values.length);
        }

        @Override
        public int[] shape() {
            return shape.clone();
        }

        @Override
        public int size() {
            return values.length;
        }

        @Override
        public float[] toFloatArray() {
            float[] out = new float[values.length];
            for (int i = 0; i < out.length; i++) {
                out[i] = (float) values[i];
            }
            return out;
        }

        @Override
        public double[] toDoubleArray() {
            return values.clone();
        }

        @Override
        public long[] toLongArray() {
            long[] out = new long[values.length];
            for (int i = 0; i < out.length; i++) {
                out[i] = exactLong(values[i], i, dtype);
            }
            return out;
        }

        @Override
        public int[] toIntArray() {
            int[] out = new int[values.length];
            for (int i = 0; i < out.length; i++) {
                out[i] = exactInt(values[i], i, dtype);
            }
            return out;
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Doubles other && dtype == other.dtype
                    && Arrays.equals(shape, other.shape) && Arrays.equals(values, other.values);
        }

        @Override
        public int hashCode() {
            return 31 * (31 * dtype.hashCode() + Arrays.hashCode(shape)) + Arrays.hashCode(values);
        }

        @Override
        public String toString() {
            return describe(this);
        }
    }

    /** I64 values, or U32 values (each in [0, 2^32)). */
    record Longs(SafeDType dtype, int[] shape, long[] values) implements TensorData {

        public Longs {
            requireDtype(dtype, "Longs", SafeDType.I64, SafeDType.U32);
            shape = checkedShape(shape, values == null ? -1 : values.length);
            if (dtype == SafeDType.U32) {
                for (int i = 0; i < values.length; i++) {
                    checkRange(values[i], 0, 0xffff_ffffL, i, dtype);
                }
            }
        }

        @Override
        public int[] shape() {
            return shape.clone();
        }

        @Override
        public int size() {
            return values.length;
        }

        @Override
        public float[] toFloatArray() {
            float[] out = new float[values.length];
            for (int i = 0; i < out.length; i++) {
                out[i] = values[i];
            }
            return out;
        }

        @Override
        public double[] toDoubleArray() {
            double[] out = new double[values.length];
            for (int i = 0; i < out.length; i++) {
                out[i] = values[i];
            }
            return out;
        }

        @Override
        public long[] toLongArray() {
            return values.clone();
        }

        @Override
        public int[] toIntArray() {
            int[] out = new int[values.length];
            for (int i = 0; i < out.length; i++) {
                long v = values[i];
                if ((int) v != v) {
                    throw new ArithmeticException(dtype + " value " + v + " at index " + i + " does not fit in an int");
                }
                out[i] = (int) v;
            }
            return out;
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Longs other && dtype == other.dtype
                    && Arrays.equals(shape, other.shape) && Arrays.equals(values, other.values);
        }

        @Override
        public int hashCode() {
            return 31 * (31 * dtype.hashCode() + Arrays.hashCode(shape)) + Arrays.hashCode(values);
        }

        @Override
        public String toString() {
            return describe(this);
        }
    }

    /** I32, I16, U16, I8, U8 or BOOL values, each in the dtype's range (BOOL: 0 or 1). */
    record Ints(SafeDType dtype, int[] shape, int[] values) implements TensorData {

        public Ints {
            requireDtype(dtype, "Ints", SafeDType.I32, SafeDType.I16, SafeDType.U16, SafeDType.I8, SafeDType.U8,
                    SafeDType.BOOL);
            shape = checkedShape(shape, values == null ? -1 : values.length);
            long min = switch (dtype) {
                case I16 -> Short.MIN_VALUE;
                case I8 -> Byte.MIN_VALUE;
                case U16, U8, BOOL -> 0;
                default -> Integer.MIN_VALUE;
            };
            long max = switch (dtype) {
                case I16 -> Short.MAX_VALUE;
                case U16 -> 0xffff;
                case I8 -> Byte.MAX_VALUE;
                case U8 -> 0xff;
                case BOOL -> 1;
                default -> Integer.MAX_VALUE;
            };
            if (dtype != SafeDType.I32) {
                for (int i = 0; i < values.length; i++) {
                    checkRange(values[i], min, max, i, dtype);
                }
            }
        }

        @Override
        public int[] shape() {
            return shape.clone();
        }

        @Override
        public int size() {
            return values.length;
        }

        @Override
        public float[] toFloatArray() {
            float[] out = new float[values.length];
            for (int i = 0; i < out.length; i++) {
                out[i] = values[i];
            }
            return out;
        }

        @Override
        public double[] toDoubleArray() {
            double[] out = new double[values.length];
            for (int i = 0; i < out.length; i++) {
                out[i] = values[i];
            }
            return out;
        }

        @Override
        public long[] toLongArray() {
            long[] out = new long[values.length];
            for (int i = 0; i < out.length; i++) {
                out[i] = values[i];
            }
            return out;
        }

        @Override
        public int[] toIntArray() {
            return values.clone();
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Ints other && dtype == other.dtype
                    && Arrays.equals(shape, other.shape) && Arrays.equals(values, other.values);
        }

        @Override
        public int hashCode() {
            return 31 * (31 * dtype.hashCode() + Arrays.hashCode(shape)) + Arrays.hashCode(values);
        }

        @Override
        public String toString() {
            return describe(this);
        }
    }

    private static void requireDtype(SafeDType dtype, String carrier, SafeDType... allowed) {
        for (SafeDType a : allowed) {
            if (a == dtype) {
                return;
            }
        }
        throw new IllegalArgumentException(carrier + " cannot hold dtype " + dtype + " (allowed: " + Arrays.toString(allowed) + ")");
    }

    /** Validates the shape against the element count (-1: values missing) and returns a copy. */
    private static int[] checkedShape(int[] shape, int valueCount) {
        if (shape == null) {
            throw new IllegalArgumentException("tensor shape is null");
        }
        if (valueCount < 0) {
            throw new IllegalArgumentException("tensor values are null");
        }
        long product = 1;
        for (int d : shape) {
            if (d < 0) {
                throw new IllegalArgumentException("negative dimension in shape " + Arrays.toString(shape));
            }
            // Stop once past valueCount: the product then cannot overflow (<= 2^31 * 2^31), and a
            // later zero dimension is caught below.
            if (product <= valueCount) {
                product *= d;
            }
        }
        for (int d : shape) {
            if (d == 0) {
                product = 0;
            }
        }
        if (product != valueCount) {
            throw new IllegalArgumentException("shape " + Arrays.toString(shape) + " does not match "
                    + valueCount + " values");
        }
        return shape.clone();
    }

    private static void checkRange(long value, long min, long max, int index, SafeDType dtype) {
        if (value < min || value > max) {
            throw new IllegalArgumentException("value " + value + " at index " + index + " is out of range for "
                    + dtype + " [" + min + ", " + max + "]");
        }
    }

    private static long exactLong(double value, int index, SafeDType dtype) {
        // 2^63 is exactly representable; every double below it that is integral fits in a long.
        if (value != Math.rint(value) || value < -0x1p63 || value >= 0x1p63) {
            throw new ArithmeticException(dtype + " value " + value + " at index " + index + " is not an integer in the long range");
        }
        return (long) value;
    }

    private static int exactInt(double value, int index, SafeDType dtype) {
        if (value != Math.rint(value) || value < Integer.MIN_VALUE || value > Integer.MAX_VALUE) {
            throw new ArithmeticException(dtype + " value " + value + " at index " + index + " is not an integer in the int range");
        }
        return (int) value;
    }

    private static String describe(TensorData t) {
        return t.getClass().getSimpleName() + "[" + t.dtype() + ", shape=" + Arrays.toString(t.shape()) + "]";
    }
}
