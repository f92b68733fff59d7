package dev.jgrad.cli;

import java.util.Locale;

/** Number formatting shared by the examples. */
final class ExamplePrint {
    private ExamplePrint() {}

    /** Integers without a fraction, other values with up to 6 significant digits. */
    static String num(double v) {
        if (v == Math.rint(v) && Math.abs(v) < 1e15) return Long.toString((long) v);
        String s = String.format(Locale.ROOT, "%.6g", v);
        if (s.contains("e")) return s.replaceAll("\\.?0+e", "e");
        return s.contains(".") ? s.replaceAll("0+$", "").replaceAll("\\.$", "") : s;
    }

    /** A relative error |a - b| / max(|a| + |b|, tiny), the measure GradCheck uses. */
    static double relativeError(double a, double b) {
        return Math.abs(a - b) / Math.max(Math.abs(a) + Math.abs(b), Double.MIN_NORMAL);
    }

    /** The largest relative error between two arrays. */
    static double maxRelativeError(double[] a, double[] b) {
        double worst = 0;
        for (int i = 0; i < a.length; i++) worst = Math.max(worst, relativeError(a[i], b[i]));
        return worst;
    }
}
