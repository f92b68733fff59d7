package dev.jgrad.io;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class TensorDataTest {

    @Test
    void factoriesSetDtypeAndShape() {
        var t = TensorData.ofFloats(new float[] {1, 2, 3, 4, 5, 6}, 2, 3);
        assertEquals(SafeDType.F32, t.dtype());
        assertArrayEquals(new int[] {2, 3}, t.shape());
        assertEquals(6, t.size());
        assertEquals(24, t.byteSize());
        assertEquals(SafeDType.F64, TensorData.ofDoubles(new double[1]).dtype()); // scalar: shape []
        assertEquals(SafeDType.I64, TensorData.ofLongs(new long[0], 0, 5).dtype());
        assertEquals(SafeDType.I32, TensorData.ofInts(new int[2], 2).dtype());
    }

    @Test
    void shapeMustMatchValues() {
        var e = assertThrows(IllegalArgumentException.class, () -> TensorData.ofFloats(new float[5], 2, 3));
        assertEquals("shape [2, 3] does not match 5 values", e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> TensorData.ofFloats(new float[0], 2, -3));
        assertEquals("negative dimension in shape [2, -3]", e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> TensorData.ofFloats(new float[1], 65536, 65536, 65536, 65536));
        assertEquals(0, TensorData.ofFloats(new float[0], 70000, 70000, 70000, 0).size());
        assertThrows(IllegalArgumentException.class, () -> TensorData.ofFloats(null, 1));
    }

    @Test
    void shapeIsCopiedInAndOut() {
        int[] shape = {2};
        var t = TensorData.ofInts(new int[] {1, 2}, shape);
        shape[0] = 99;
        t.shape()[0] = 42;
        assertArrayEquals(new int[] {2}, t.shape());
    }

    @Test
    void carriersCheckDtypeAndRange() {
        assertThrows(IllegalArgumentException.class, () -> new TensorData.Floats(SafeDType.F64, new int[] {1}, new float[1]));
        var e = assertThrows(IllegalArgumentException.class,
                () -> new TensorData.Ints(SafeDType.U8, new int[] {3}, new int[] {0, 255, 256}));
        assertEquals("value 256 at index 2 is out of range for U8 [0, 255]", e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> new TensorData.Ints(SafeDType.BOOL, new int[] {1}, new int[] {2}));
        assertThrows(IllegalArgumentException.class, () -> new TensorData.Ints(SafeDType.I8, new int[] {1}, new int[] {-129}));
        assertThrows(IllegalArgumentException.class, () -> new TensorData.Longs(SafeDType.U32, new int[] {1}, new long[] {-1}));
        new TensorData.Longs(SafeDType.U32, new int[] {1}, new long[] {0xffff_ffffL});
    }

    @Test
    void sixteenBitFloatsAreRoundedOnConstruction() {
        float[] values = {1f + 0x1p-12f, 0.1f};
        var half = new TensorData.Floats(SafeDType.F16, new int[] {2}, values);
        assertArrayEquals(new float[] {1f, HalfFloats.f16ToFloat((short) 0x2e66)}, half.values());
        assertEquals(1f + 0x1p-12f, values[0], "the caller's array is not modified");
        var bf = new TensorData.Floats(SafeDType.BF16, new int[] {1}, new float[] {0.1f});
        assertArrayEquals(new float[] {HalfFloats.bf16ToFloat((short) 0x3dcd)}, bf.values());
    }

    @Test
    void conversionsWidenAndCheckExactness() {
        var f = TensorData.ofFloats(new float[] {1, -2, 3e9f}, 3);
        assertArrayEquals(new double[] {1, -2, 3e9}, f.toDoubleArray());
        assertArrayEquals(new long[] {1, -2, 3_000_000_000L}, f.toLongArray());
        var e = assertThrows(ArithmeticException.class, f::toIntArray);
        assertEquals("F32 value 3.0E9 at index 2 is not an integer in the int range", e.getMessage());
        e = assertThrows(ArithmeticException.class, () -> TensorData.ofDoubles(new double[] {0, 0.5}, 2).toLongArray());
        assertEquals("F64 value 0.5 at index 1 is not an integer in the long range", e.getMessage());
        assertThrows(ArithmeticException.class, () -> TensorData.ofDoubles(new double[] {Double.NaN}, 1).toLongArray());
        assertThrows(ArithmeticException.class, () -> TensorData.ofDoubles(new double[] {0x1p63}, 1).toLongArray());
        assertArrayEquals(new long[] {Long.MIN_VALUE}, TensorData.ofDoubles(new double[] {-0x1p63}, 1).toLongArray());
        var l = TensorData.ofLongs(new long[] {5, 1L << 40}, 2);
        assertArrayEquals(new float[] {5, 0x1p40f}, l.toFloatArray());
        e = assertThrows(ArithmeticException.class, l::toIntArray);
        assertEquals("I64 value 1099511627776 at index 1 does not fit in an int", e.getMessage());
        assertArrayEquals(new float[] {7, -1}, TensorData.ofInts(new int[] {7, -1}, 2).toFloatArray());
    }

    @Test
    void toArrayReturnsCopies() {
        float[] values = {1, 2};
        var t = TensorData.ofFloats(values, 2);
        t.toFloatArray()[0] = 100;
        assertEquals(1, values[0]);
    }

    @Test
    void equalityIsByContent() {
        var a = TensorData.ofFloats(new float[] {1, 2}, 2);
        var b = TensorData.ofFloats(new float[] {1, 2}, 2);
        assertEquals(a, b);
        assertEquals(a.hashCode(), b.hashCode());
        assertNotEquals(a, TensorData.ofFloats(new float[] {1, 2}, 1, 2));
        assertNotEquals(a, new TensorData.Floats(SafeDType.F16, new int[] {2}, new float[] {1, 2}));
        assertEquals("Floats[F32, shape=[2]]", a.toString());
    }
}
