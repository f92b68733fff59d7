package dev.jgrad.io;

/**
 * Conversions between float and the two 16-bit float formats found in checkpoints: IEEE 754
 * binary16 (F16) and bfloat16 (BF16). Narrowing rounds to nearest, ties to even, like a hardware
 * conversion; NaN stays NaN (quiet) and overflow gives infinity. (Float.float16ToFloat exists only
 * from JDK 20; jgrad targets 17.)
 */
public final class HalfFloats {

    private HalfFloats() {
    }

    /** The float with the value of the binary16 number {@code bits} (exact). */
    public static float f16ToFloat(short bits) {
        int h = bits & 0xffff;
        int sign = (h & 0x8000) << 16;
        int exponent = (h >>> 10) & 0x1f;
        int mantissa = h & 0x3ff;
        if (exponent == 0x1f) {
            return Float.intBitsToFloat(sign | 0x7f800000 | (mantissa << 13));
        }
        if (exponent == 0) {
            // Zero or subnormal: mantissa * 2^-24, exact in float.
            float magnitude = mantissa * 0x1p-24f;
            return sign == 0 ? magnitude : -magnitude;
        }
        // Rebias the exponent from 15 to 127.
        return Float.intBitsToFloat(sign | ((exponent + 112) << 23) | (mantissa << 13));
    }

    /** The binary16 number nearest to {@code value} (ties to even). */
    public static short floatToF16(float value) {
        int bits = Float.floatToRawIntBits(value);
        int sign = (bits >>> 16) & 0x8000;
        int exponent = (bits >>> 23) & 0xff;
        int mantissa = bits & 0x7fffff;
        if (exponent == 0xff) {
            return (short) (mantissa == 0 ? sign | 0x7c00 : sign | 0x7e00 | (mantissa >>> 13));
        }
        int halfExponent = exponent - 112;
        if (halfExponent >= 0x1f) {
            return (short) (sign | 0x7c00);
        }
        if (halfExponent <= 0) {
            // Result is subnormal (or zero): count units of 2^-24, i.e. shift the 24-bit
            // significand right by 14 - halfExponent and round.
            int shift = 14 - halfExponent;
            if (shift > 24) {
                return (short) sign; // below half the smallest subnormal
            }
            int significand = mantissa | 0x800000;
            return (short) (sign | roundShift(significand, shift));
        }
        // A carry out of the mantissa correctly bumps the exponent (up to infinity).
        int rounded = roundShift((halfExponent << 23) | mantissa, 13);
        return (short) (sign | rounded);
    }

    /** The float with the value of the bfloat16 number {@code bits} (exact). */
    public static float bf16ToFloat(short bits) {
        return Float.intBitsToFloat((bits & 0xffff) << 16);
    }

    /** The bfloat16 number nearest to {@code value} (ties to even). */
    public static short floatToBf16(float value) {
        int bits = Float.floatToRawIntBits(value);
        if (Float.isNaN(value)) {
            // Truncation could clear all payload bits and turn NaN into infinity.
            return (short) ((bits >>> 16) | 0x40);
        }
        return (short) roundShift(bits, 16);
    }

    /** {@code value >>> shift} rounded to nearest, ties to even; value is taken as unsigned. */
    private static int roundShift(int value, int shift) {
        int result = value >>> shift;
        int remainder = value & ((1 << shift) - 1);
        int half = 1 << (shift - 1);
        if (remainder > half || (remainder == half && (result & 1) != 0)) {
            result++;
        }
        return result;
    }
}
