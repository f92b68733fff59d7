package dev.jgrad.symbolic;

import java.math.BigDecimal;

/**
 * A number inside the simplifier: an exact fraction while numerator and denominator stay below
 * 2^53, a double otherwise. Exactness is what keeps {@code x/3} from turning into
 * {@code 0.3333333333333333 * x} and makes {@code 0.1 + 0.2} fold to {@code 0.3}: a literal
 * such as 0.1 is read as the decimal the user wrote.
 */
final class Coefficient {
    private static final long LIMIT = 1L << 53;

    static final Coefficient ZERO = new Coefficient(0, 1);
    static final Coefficient ONE = new Coefficient(1, 1);
    static final Coefficient MINUS_ONE = new Coefficient(-1, 1);

    private final boolean exact;
    private final long num;
    private final long den;
    private final double value;

    private Coefficient(long num, long den) {
        this.exact = true;
        this.num = num;
        this.den = den;
        this.value = (double) num / den;
    }

    private Coefficient(double value) {
        if (!Double.isFinite(value)) {
            throw new Overflow();
        }
        this.exact = false;
        this.num = 0;
        this.den = 0;
        this.value = value == 0 ? 0.0 : value;
    }

    /** A folded constant would not fit in a double; the simplifier then leaves that node as it is. */
    static final class Overflow extends ArithmeticException {
        @java.io.Serial
        private static final long serialVersionUID = 1L;

        Overflow() {
            super("constant overflows a double");
        }
    }

    static Coefficient of(double v) {
        if (v == Math.rint(v) && Math.abs(v) < LIMIT) {
            return new Coefficient((long) v, 1);
        }
        BigDecimal d = BigDecimal.valueOf(v).stripTrailingZeros();
        if (d.scale() > 0 && d.scale() <= 18 && d.unscaledValue().bitLength() < 63) {
            return ratio(d.unscaledValue().longValueExact(), BigDecimal.TEN.pow(d.scale()).longValueExact());
        }
        return new Coefficient(v);
    }

    /**
     * Folds a computed result only when it is short (at most 10 significant digits): exp(0) = 1
     * and sqrt(2.25) = 1.5 fold, log(2) and sqrt(2) stay symbolic and readable. Null otherwise.
     */
    static Coefficient ofShort(double v) {
        if (!Double.isFinite(v) || BigDecimal.valueOf(v).stripTrailingZeros().precision() > 10) {
            return null;
        }
        return of(v);
    }

    static Coefficient ratio(long n, long d) {
        if (d == 0) {
            throw new ArithmeticException("zero denominator");
        }
        try {
            if (d < 0) {
                n = Math.negateExact(n);
                d = Math.negateExact(d);
            }
            long g = gcd(Math.abs(n), d);
            n /= g;
            d /= g;
            if (Math.abs(n) >= LIMIT || d >= LIMIT) {
                return new Coefficient((double) n / d);
            }
            return new Coefficient(n, d);
        } catch (ArithmeticException overflow) {
            return new Coefficient((double) n / d);
        }
    }

    private static long gcd(long a, long b) {
        while (b != 0) {
            long t = a % b;
            a = b;
            b = t;
        }
        return a == 0 ? 1 : a;
    }

    boolean isExact() {
        return exact;
    }

    long numerator() {
        return num;
    }

    long denominator() {
        return den;
    }

    double value() {
        return value;
    }

    int signum() {
        return exact ? Long.signum(num) : (int) Math.signum(value);
    }

    boolean isZero() {
        return signum() == 0;
    }

    boolean isOne() {
        return exact ? num == 1 && den == 1 : value == 1;
    }

    boolean isInteger() {
        return exact ? den == 1 : value == Math.rint(value);
    }

    /** True when the exact value has a finite decimal expansion (denominator 2^a 5^b). */
    boolean isTerminating() {
        if (!exact) {
            return false;
        }
        long d = den;
        while (d % 2 == 0) {
            d /= 2;
        }
        while (d % 5 == 0) {
            d /= 5;
        }
        return d == 1;
    }

    Coefficient negate() {
        return exact ? new Coefficient(-num, den) : new Coefficient(-value);
    }

    Coefficient abs() {
        return signum() < 0 ? negate() : this;
    }

    Coefficient plus(Coefficient o) {
        if (exact && o.exact) {
            try {
                return ratio(Math.addExact(Math.multiplyExact(num, o.den), Math.multiplyExact(o.num, den)),
                        Math.multiplyExact(den, o.den));
            } catch (ArithmeticException overflow) {
                // falls through to double arithmetic
            }
        }
        return new Coefficient(value + o.value);
    }

    Coefficient times(Coefficient o) {
        if (exact && o.exact) {
            try {
                return ratio(Math.multiplyExact(num, o.num), Math.multiplyExact(den, o.den));
            } catch (ArithmeticException overflow) {
                // falls through to double arithmetic
            }
        }
        return new Coefficient(value * o.value);
    }

    /** Null for zero: the caller keeps the division visible. */
    Coefficient reciprocal() {
        if (isZero()) {
            return null;
        }
        return exact ? ratio(den, num) : new Coefficient(1 / value);
    }

    /**
     * this^k, or null when it is undefined (0 to a negative power, a negative base with a
     * non-integer exponent), overflows, or is irrational-looking (2^0.5 stays symbolic).
     */
    Coefficient pow(Coefficient k) {
        if (k.isInteger()) {
            if (k.isZero()) {
                return ONE;
            }
            if (isZero() && k.signum() < 0) {
                return null;
            }
            double approx = Math.pow(value, k.value);
            if (!Double.isFinite(approx) || approx == 0) {
                return null;
            }
            if (Math.abs(k.value) <= 64) {
                Coefficient base = k.signum() < 0 ? reciprocal() : this;
                Coefficient result = ONE;
                for (int i = 0; i < (int) Math.abs(k.value); i++) {
                    result = result.times(base);
                }
                return result;
            }
            return new Coefficient(approx);
        }
        if (signum() < 0) {
            return null;
        }
        return ofShort(Math.pow(value, k.value));
    }

    int compareTo(Coefficient o) {
        if (exact && o.exact) {
            try {
                return Long.compare(Math.multiplyExact(num, o.den), Math.multiplyExact(o.num, den));
            } catch (ArithmeticException overflow) {
                // falls through to double comparison
            }
        }
        return Double.compare(value, o.value);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Coefficient c && exact == c.exact
                && (exact ? num == c.num && den == c.den : Double.compare(value, c.value) == 0);
    }

    @Override
    public int hashCode() {
        return exact ? Long.hashCode(num) * 31 + Long.hashCode(den) : Double.hashCode(value);
    }

    @Override
    public String toString() {
        return exact ? (den == 1 ? Long.toString(num) : num + "/" + den) : Double.toString(value);
    }
}
