package dev.jgrad.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

class HalfFloatsTest {

    private static short f16(float f) {
        return HalfFloats.floatToF16(f);
    }

    @Test
    void knownF16Encodings() {
        assertEquals((short) 0x3c00, f16(1f));
        assertEquals((short) 0xc000, f16(-2f));
        assertEquals((short) 0x0000, f16(0f));
        assertEquals((short) 0x8000, f16(-0f));
        assertEquals((short) 0x7bff, f16(65504f)); // largest finite
        assertEquals((short) 0x7bff, f16(65519.99f)); // rounds down to max
        assertEquals((short) 0x7c00, f16(65520f)); // tie rounds to even = infinity
        assertEquals((short) 0x7c00, f16(Float.POSITIVE_INFINITY));
        assertEquals((short) 0xfc00, f16(-1e10f));
        assertEquals((short) 0x0400, f16(0x1p-14f)); // smallest normal
        assertEquals((short) 0x0001, f16(0x1p-24f)); // smallest subnormal
        assertEquals((short) 0x0000, f16(0x1p-25f)); // tie between 0 and 2^-24 -> even (0)
        assertEquals((short) 0x0001, f16(0x1.8p-25f)); // above the tie
        assertEquals((short) 0x0002, f16(0x1.8p-24f)); // 1.5 units of 2^-24 -> tie -> even (2)
        assertEquals((short) 0x0002, f16(0x1.4p-23f)); // 2.5 units -> tie -> even (2)
        assertEquals((short) 0x0003, f16(0x1.8p-23f)); // exactly 3 units
        assertEquals((short) 0x3c00, f16(1f + 0x1p-11f)); // tie -> even mantissa 0
        assertEquals((short) 0x3c02, f16(1f + 3 * 0x1p-11f)); // tie -> even mantissa 2
        assertEquals((short) 0x3c01, f16(1f + 0x1.004p-11f)); // just above the tie
        assertEquals((short) 0x3555, f16(1f / 3));
        assertTrue(Float.isNaN(HalfFloats.f16ToFloat(f16(Float.NaN))));
        assertEquals(0x1p-24f, HalfFloats.f16ToFloat((short) 0x0001));
        assertEquals(65504f, HalfFloats.f16ToFloat((short) 0x7bff));
        assertEquals(Float.NEGATIVE_INFINITY, HalfFloats.f16ToFloat((short) 0xfc00));
    }

    @Test
    void everyF16ValueRoundTripsThroughFloat() {
        for (int i = 0; i < 0x10000; i++) {
            int h = i;
            float f = HalfFloats.f16ToFloat((short) h);
            if (Float.isNaN(f)) {
                assertTrue((h & 0x7c00) == 0x7c00 && (h & 0x3ff) != 0, "NaN from non-NaN " + Integer.toHexString(h));
                assertTrue(Float.isNaN(HalfFloats.f16ToFloat(f16(f))));
            } else {
                assertEquals((short) h, f16(f), () -> "f16 0x" + Integer.toHexString(h));
            }
        }
    }

    @Test
    void narrowingPicksTheNearestF16() {
        var random = new SplittableRandom(7);
        for (int i = 0; i < 200_000; i++) {
            float f = Float.intBitsToFloat(random.nextInt());
            if (Float.isNaN(f) || Math.abs(f) >= 65520f) {
                continue;
            }
            short h = f16(f);
            double chosen = Math.abs((double) f - HalfFloats.f16ToFloat(h));
            // Neighbours in magnitude; no representable value may be strictly closer.
            for (int delta = -1; delta <= 1; delta += 2) {
                int other = (h & 0x7fff) + delta;
                if (other < 0 || other > 0x7bff) {
                    continue;
                }
                double alt = Math.abs((double) f - HalfFloats.f16ToFloat((short) ((h & 0x8000) | other)));
                assertTrue(chosen <= alt, () -> f + " -> 0x" + Integer.toHexString(h & 0xffff));
            }
        }
    }

    @Test
    void knownBf16Encodings() {
        assertEquals((short) 0x3f80, HalfFloats.floatToBf16(1f));
        assertEquals((short) 0xc000, HalfFloats.floatToBf16(-2f));
        assertEquals((short) 0x3f80, HalfFloats.floatToBf16(Float.intBitsToFloat(0x3f808000))); // tie -> even
        assertEquals((short) 0x3f82, HalfFloats.floatToBf16(Float.intBitsToFloat(0x3f818000))); // tie -> even
        assertEquals((short) 0x3f81, HalfFloats.floatToBf16(Float.intBitsToFloat(0x3f808001)));
        assertEquals((short) 0x7f80, HalfFloats.floatToBf16(Float.MAX_VALUE)); // rounds up to infinity
        assertTrue(Float.isNaN(HalfFloats.bf16ToFloat(HalfFloats.floatToBf16(Float.intBitsToFloat(0x7f800001)))));
        for (int b = 0; b < 0x10000; b++) {
            float f = HalfFloats.bf16ToFloat((short) b);
            if (!Float.isNaN(f)) {
                assertEquals((short) b, HalfFloats.floatToBf16(f));
            }
        }
    }

    /** On JDK 20+ the JDK has its own binary16 conversions: ours must agree bit for bit. */
    @Test
    void agreesWithTheJdkWhereAvailable() throws Throwable {
        MethodHandle toFloat;
        MethodHandle toHalf;
        try {
            var lookup = MethodHandles.publicLookup();
            toFloat = lookup.findStatic(Float.class, "float16ToFloat", MethodType.methodType(float.class, short.class));
            toHalf = lookup.findStatic(Float.class, "floatToFloat16", MethodType.methodType(short.class, float.class));
        } catch (NoSuchMethodException e) {
            Assumptions.abort("Float.float16ToFloat needs JDK 20+, running " + Runtime.version());
            return;
        }
        for (int h = 0; h < 0x10000; h++) {
            float expected = (float) toFloat.invokeExact((short) h);
            float actual = HalfFloats.f16ToFloat((short) h);
            if (!Float.isNaN(expected)) {
                assertEquals(Float.floatToIntBits(expected), Float.floatToIntBits(actual), "0x" + Integer.toHexString(h));
            }
        }
        var random = new SplittableRandom(11);
        for (int i = 0; i < 1_000_000; i++) {
            float f = Float.intBitsToFloat(random.nextInt());
            if (!Float.isNaN(f)) {
                assertEquals((short) toHalf.invokeExact(f), HalfFloats.floatToF16(f), () -> Float.toString(f));
            }
        }
    }
}
