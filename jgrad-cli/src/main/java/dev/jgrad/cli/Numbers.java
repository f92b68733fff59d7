package dev.jgrad.cli;

import dev.jgrad.autograd.GradCheck;

import java.util.Locale;

/** Numbers as people write them in the printouts: integers plainly, others without trailing zeros. */
final class Numbers {
    private Numbers() {}

    /** Up to 6 significant digits: -4, 0.5, 1e-05. */
    static String num(double v) {
        return format(v, 6);
    }

    /** Up to 12 significant digits, enough to see where two nearly equal values part. */
    static String precise(double v) {
        return format(v, 12);
    }

    private static String format(double v, int digits) {
        if (v == Math.rint(v) && Math.abs(v) < 1e15) return Long.toString((long) v);
        String s = String.format(Locale.ROOT, "%." + digits + "g", v);
        if (s.contains("e")) return s.replaceAll("\\.?0+e", "e");
        return s.contains(".") ? s.replaceAll("0+$", "").replaceAll("\\.$", "") : s;
    }

    /** The largest relative error between two arrays. */
    static double maxRelativeError(double[] a, double[] b) {
        double worst = 0;
        for (int i = 0; i < a.length; i++) worst = Math.max(worst, GradCheck.relativeError(a[i], b[i]));
        return worst;
    }
}
