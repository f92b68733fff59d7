package dev.jgrad.tensor;

import java.util.SplittableRandom;

/**
 * A seeded source of random numbers: the same seed gives the same numbers on every JDK (the
 * normal deviates use Box-Muller on SplitMix64, both fixed algorithms).
 */
public final class Generator {
    private final SplittableRandom random;
    private double spare = Double.NaN;

    public Generator(long seed) {
        this.random = new SplittableRandom(seed);
    }

    /** Uniform in [0, 1). */
    public double nextDouble() {
        return random.nextDouble();
    }

    /** Uniform integer in [0, bound). */
    public int nextInt(int bound) {
        return random.nextInt(bound);
    }

    public double nextGaussian() {
        if (!Double.isNaN(spare)) {
            double s = spare;
            spare = Double.NaN;
            return s;
        }
        double u1;
        do u1 = random.nextDouble(); while (u1 == 0);
        double u2 = random.nextDouble();
        double r = Math.sqrt(-2 * Math.log(u1));
        spare = r * Math.sin(2 * Math.PI * u2);
        return r * Math.cos(2 * Math.PI * u2);
    }

    /** A Fisher-Yates permutation of 0..n-1. */
    public int[] permutation(int n) {
        int[] p = new int[n];
        for (int i = 0; i < n; i++) p[i] = i;
        for (int i = n - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            int t = p[i];
            p[i] = p[j];
            p[j] = t;
        }
        return p;
    }
}
