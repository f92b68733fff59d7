package dev.jgrad.kernels;

import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;

/**
 * exp and the logistic sigmoid over whole vectors. The lanewise EXP of the Vector API computes
 * lane by lane through {@code Math.exp} on JDK 17 (about 15 ns an element here); these loops
 * use plain IEEE arithmetic instead, about ten times faster, within 1 ulp (float) or a few
 * ulps (double) of {@code Math.exp}, and bit-identical whether interpreted or compiled.
 *
 * <p>exp(x) = 2^n e^r with n = round(x / ln 2) and r = x - n ln 2 (ln 2 split in two parts so
 * that n ln2_hi is exact), |r| &lt;= ln 2 / 2, where the Taylor series of e^r to degree 7 (float)
 * or 13 (double) is below half an ulp. 2^n is built in the exponent bits, as two factors so
 * that underflow to subnormals and overflow to infinity come out right. Inputs are clamped to
 * where exp is neither 0 nor infinite after rounding; NaN passes through the clamp.
 *
 * <p>Loops take whole vectors only: {@code end} is a multiple of the lane count.
 */
final class VectorMath {
    private static final VectorSpecies<Float> F = FloatVector.SPECIES_PREFERRED;
    private static final VectorSpecies<Double> D = DoubleVector.SPECIES_PREFERRED;
    private static final int FL = F.length(), DL = D.length();

    private static final float F_LN2_HI = 0.693145751953125f, F_LN2_LO = 1.4286068203094172e-6f;
    /** 1.5 * 2^23: adding it rounds to an integer held in the low mantissa bits. */
    private static final float F_SHIFTER = 12582912f;
    private static final double D_LN2_HI = 0.6931471803691238, D_LN2_LO = 1.9082149292705877e-10;
    private static final double D_SHIFTER = 6755399441055744.0;

    private VectorMath() {}

    /** y[yo + i] = exp(x[xo + i]) for i in [0, end). */
    static void exp(float[] x, int xo, float[] y, int yo, int end) {
        var shifter = FloatVector.broadcast(F, F_SHIFTER);
        var log2e = FloatVector.broadcast(F, 1.4426950408889634f);
        var ln2hi = FloatVector.broadcast(F, -F_LN2_HI);
        var ln2lo = FloatVector.broadcast(F, -F_LN2_LO);
        var c7 = FloatVector.broadcast(F, 1f / 5040);
        var c6 = FloatVector.broadcast(F, 1f / 720);
        var c5 = FloatVector.broadcast(F, 1f / 120);
        var c4 = FloatVector.broadcast(F, 1f / 24);
        var c3 = FloatVector.broadcast(F, 1f / 6);
        var c2 = FloatVector.broadcast(F, 0.5f);
        var one = FloatVector.broadcast(F, 1f);
        int shifterBits = Float.floatToRawIntBits(F_SHIFTER);
        for (int i = 0; i < end; i += FL) {
            var v = FloatVector.fromArray(F, x, xo + i).max(-104f).min(89f);
            var t = v.fma(log2e, shifter);
            var n = t.sub(shifter);
            var r = n.fma(ln2hi, v);
            r = n.fma(ln2lo, r);
            var p = r.fma(c7, c6);
            p = p.fma(r, c5);
            p = p.fma(r, c4);
            p = p.fma(r, c3);
            p = p.fma(r, c2);
            p = p.fma(r, one);
            p = p.fma(r, one);
            var ni = t.reinterpretAsInts().sub(shifterBits);
            var n1 = ni.lanewise(VectorOperators.ASHR, 1);
            var n2 = ni.sub(n1);
            var e = p.mul(n1.add(127).lanewise(VectorOperators.LSHL, 23).reinterpretAsFloats())
                    .mul(n2.add(127).lanewise(VectorOperators.LSHL, 23).reinterpretAsFloats());
            e.intoArray(y, yo + i);
        }
    }

    /**
     * y = 1 / (1 + e^-x), computed as 1 / (1 + e^-|x|) or e^-|x| / (1 + e^-|x|) so that
     * nothing overflows. (The exp body is repeated here: a helper returning a vector would have
     * to be inlined to stay in registers, which the JIT does not promise.)
     */
    static void sigmoid(float[] x, int xo, float[] y, int yo, int end) {
        var shifter = FloatVector.broadcast(F, F_SHIFTER);
        var log2e = FloatVector.broadcast(F, 1.4426950408889634f);
        var ln2hi = FloatVector.broadcast(F, -F_LN2_HI);
        var ln2lo = FloatVector.broadcast(F, -F_LN2_LO);
        var c7 = FloatVector.broadcast(F, 1f / 5040);
        var c6 = FloatVector.broadcast(F, 1f / 720);
        var c5 = FloatVector.broadcast(F, 1f / 120);
        var c4 = FloatVector.broadcast(F, 1f / 24);
        var c3 = FloatVector.broadcast(F, 1f / 6);
        var c2 = FloatVector.broadcast(F, 0.5f);
        var one = FloatVector.broadcast(F, 1f);
        int shifterBits = Float.floatToRawIntBits(F_SHIFTER);
        for (int i = 0; i < end; i += FL) {
            var xv = FloatVector.fromArray(F, x, xo + i);
            var v = FloatVector.fromArray(F, x, xo + i).abs().neg().max(-104f).min(89f);
            var t = v.fma(log2e, shifter);
            var n = t.sub(shifter);
            var r = n.fma(ln2hi, v);
            r = n.fma(ln2lo, r);
            var p = r.fma(c7, c6);
            p = p.fma(r, c5);
            p = p.fma(r, c4);
            p = p.fma(r, c3);
            p = p.fma(r, c2);
            p = p.fma(r, one);
            p = p.fma(r, one);
            var ni = t.reinterpretAsInts().sub(shifterBits);
            var n1 = ni.lanewise(VectorOperators.ASHR, 1);
            var n2 = ni.sub(n1);
            var e = p.mul(n1.add(127).lanewise(VectorOperators.LSHL, 23).reinterpretAsFloats())
                    .mul(n2.add(127).lanewise(VectorOperators.LSHL, 23).reinterpretAsFloats());
            one.blend(e, xv.compare(VectorOperators.LT, 0f)).div(e.add(one)).intoArray(y, yo + i);
        }
    }

    /** y[yo + i] = exp(x[xo + i]) for i in [0, end). */
    static void exp(double[] x, int xo, double[] y, int yo, int end) {
        var shifter = DoubleVector.broadcast(D, D_SHIFTER);
        var log2e = DoubleVector.broadcast(D, 1.4426950408889634);
        var ln2hi = DoubleVector.broadcast(D, -D_LN2_HI);
        var ln2lo = DoubleVector.broadcast(D, -D_LN2_LO);
        var c13 = DoubleVector.broadcast(D, 1.6059043836821613e-10); // 1/13!
        var c12 = DoubleVector.broadcast(D, 2.08767569878681e-09); // 1/12!
        var c11 = DoubleVector.broadcast(D, 2.505210838544172e-08); // 1/11!
        var c10 = DoubleVector.broadcast(D, 2.755731922398589e-07); // 1/10!
        var c9 = DoubleVector.broadcast(D, 2.7557319223985893e-06); // 1/9!
        var c8 = DoubleVector.broadcast(D, 2.48015873015873e-05); // 1/8!
        var c7 = DoubleVector.broadcast(D, 0.0001984126984126984); // 1/7!
        var c6 = DoubleVector.broadcast(D, 0.001388888888888889); // 1/6!
        var c5 = DoubleVector.broadcast(D, 0.008333333333333333); // 1/5!
        var c4 = DoubleVector.broadcast(D, 0.041666666666666664); // 1/4!
        var c3 = DoubleVector.broadcast(D, 0.16666666666666666); // 1/3!
        var c2 = DoubleVector.broadcast(D, 0.5); // 1/2!
        var one = DoubleVector.broadcast(D, 1d);
        long shifterBits = Double.doubleToRawLongBits(D_SHIFTER);
        for (int i = 0; i < end; i += DL) {
            var v = DoubleVector.fromArray(D, x, xo + i).max(-746d).min(710d);
            var t = v.fma(log2e, shifter);
            var n = t.sub(shifter);
            var r = n.fma(ln2hi, v);
            r = n.fma(ln2lo, r);
            var p = r.fma(c13, c12);
            p = p.fma(r, c11);
            p = p.fma(r, c10);
            p = p.fma(r, c9);
            p = p.fma(r, c8);
            p = p.fma(r, c7);
            p = p.fma(r, c6);
            p = p.fma(r, c5);
            p = p.fma(r, c4);
            p = p.fma(r, c3);
            p = p.fma(r, c2);
            p = p.fma(r, one);
            p = p.fma(r, one);
            var ni = t.reinterpretAsLongs().sub(shifterBits);
            var n1 = ni.lanewise(VectorOperators.ASHR, 1);
            var n2 = ni.sub(n1);
            var e = p.mul(n1.add(1023).lanewise(VectorOperators.LSHL, 52).reinterpretAsDoubles())
                    .mul(n2.add(1023).lanewise(VectorOperators.LSHL, 52).reinterpretAsDoubles());
            e.intoArray(y, yo + i);
        }
    }

    /**
     * y = 1 / (1 + e^-x), computed as 1 / (1 + e^-|x|) or e^-|x| / (1 + e^-|x|) so that
     * nothing overflows. (The exp body is repeated here: a helper returning a vector would have
     * to be inlined to stay in registers, which the JIT does not promise.)
     */
    static void sigmoid(double[] x, int xo, double[] y, int yo, int end) {
        var shifter = DoubleVector.broadcast(D, D_SHIFTER);
        var log2e = DoubleVector.broadcast(D, 1.4426950408889634);
        var ln2hi = DoubleVector.broadcast(D, -D_LN2_HI);
        var ln2lo = DoubleVector.broadcast(D, -D_LN2_LO);
        var c13 = DoubleVector.broadcast(D, 1.6059043836821613e-10); // 1/13!
        var c12 = DoubleVector.broadcast(D, 2.08767569878681e-09); // 1/12!
        var c11 = DoubleVector.broadcast(D, 2.505210838544172e-08); // 1/11!
        var c10 = DoubleVector.broadcast(D, 2.755731922398589e-07); // 1/10!
        var c9 = DoubleVector.broadcast(D, 2.7557319223985893e-06); // 1/9!
        var c8 = DoubleVector.broadcast(D, 2.48015873015873e-05); // 1/8!
        var c7 = DoubleVector.broadcast(D, 0.0001984126984126984); // 1/7!
        var c6 = DoubleVector.broadcast(D, 0.001388888888888889); // 1/6!
        var c5 = DoubleVector.broadcast(D, 0.008333333333333333); // 1/5!
        var c4 = DoubleVector.broadcast(D, 0.041666666666666664); // 1/4!
        var c3 = DoubleVector.broadcast(D, 0.16666666666666666); // 1/3!
        var c2 = DoubleVector.broadcast(D, 0.5); // 1/2!
        var one = DoubleVector.broadcast(D, 1d);
        long shifterBits = Double.doubleToRawLongBits(D_SHIFTER);
        for (int i = 0; i < end; i += DL) {
            var xv = DoubleVector.fromArray(D, x, xo + i);
            var v = DoubleVector.fromArray(D, x, xo + i).abs().neg().max(-746d).min(710d);
            var t = v.fma(log2e, shifter);
            var n = t.sub(shifter);
            var r = n.fma(ln2hi, v);
            r = n.fma(ln2lo, r);
            var p = r.fma(c13, c12);
            p = p.fma(r, c11);
            p = p.fma(r, c10);
            p = p.fma(r, c9);
            p = p.fma(r, c8);
            p = p.fma(r, c7);
            p = p.fma(r, c6);
            p = p.fma(r, c5);
            p = p.fma(r, c4);
            p = p.fma(r, c3);
            p = p.fma(r, c2);
            p = p.fma(r, one);
            p = p.fma(r, one);
            var ni = t.reinterpretAsLongs().sub(shifterBits);
            var n1 = ni.lanewise(VectorOperators.ASHR, 1);
            var n2 = ni.sub(n1);
            var e = p.mul(n1.add(1023).lanewise(VectorOperators.LSHL, 52).reinterpretAsDoubles())
                    .mul(n2.add(1023).lanewise(VectorOperators.LSHL, 52).reinterpretAsDoubles());
            one.blend(e, xv.compare(VectorOperators.LT, 0d)).div(e.add(one)).intoArray(y, yo + i);
        }
    }
}
