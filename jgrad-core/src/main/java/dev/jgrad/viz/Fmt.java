package dev.jgrad.viz;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.Locale;

/** Locale-independent number formatting for drawings and reports. */
final class Fmt {

    private Fmt() {
    }

    /** A coordinate: at most two decimals, no trailing zeros ("12", "12.5", "-0.25"). */
    static String coord(double v) {
        if (!Double.isFinite(v)) {
            throw new IllegalArgumentException("coordinate is not finite: " + v);
        }
        return BigDecimal.valueOf(Math.round(v * 100), 2).stripTrailingZeros().toPlainString();
    }

    /** A measurement for people: four significant digits, scientific when very small or large. */
    static String num(double v) {
        if (Double.isNaN(v)) {
            return "NaN";
        }
        if (Double.isInfinite(v)) {
            return v > 0 ? "\u221e" : "-\u221e";
        }
        if (v == 0) {
            return "0";
        }
        var abs = Math.abs(v);
        if (abs < 1e-4 || abs >= 1e7) {
            return String.format(Locale.ROOT, "%.3e", v);
        }
        return new BigDecimal(v).round(new MathContext(4)).stripTrailingZeros().toPlainString();
    }

    /** A fraction as a percentage with two decimals ("97.25%"). */
    static String percent(double fraction) {
        if (!Double.isFinite(fraction)) {
            return Fmt.num(fraction);
        }
        return String.format(Locale.ROOT, "%.2f%%", fraction * 100);
    }

    /** An integer with thousands separators ("60,000"). */
    static String count(long v) {
        return String.format(Locale.ROOT, "%,d", v);
    }
}
