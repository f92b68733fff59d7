package dev.jgrad.kernels;

import java.util.Arrays;

/**
 * Blocked plain-Java GEMM engine, the fallback without the Vector API. A KB x NB block of B is
 * copied into separate row arrays and each row of C is built as a chain of axpys over them, in
 * a separate accumulator row. Every inner loop then reads and writes arrays from index 0, the
 * one shape that C2's auto-vectorizer on JDK 17 proves alias-free and turns into SIMD (with
 * offsets it stays scalar, about 5x slower). The B block (128 KB for float) stays in L2.
 *
 * <p>Element (i, j) is summed as c + a(i,0) b(0,j) + a(i,1) b(1,j) + ... in k order, whatever the
 * blocking: results do not depend on the block or thread split.
 */
final class ScalarGemm {
    static final int NB = 256, KB = 128;

    private ScalarGemm() {}

    static void gemm(int m, int n, int k, float[] a, int aOff, int aRs, int aCs, float[] b, int bOff, int bRs, int bCs,
                     float[] c, int cOff, int ldc, boolean accumulate) {
        float[][] rows = Workspace.get().floatRows(KB + 1, NB);
        float[] acc = rows[KB];
        for (int jc = 0; jc < n; jc += NB) {
            int nb = Math.min(NB, n - jc);
            for (int pc = 0; pc < k; pc += KB) {
                int kb = Math.min(KB, k - pc);
                packRows(kb, nb, b, bOff + pc * bRs + jc * bCs, bRs, bCs, rows);
                boolean add = accumulate || pc > 0;
                for (int i = 0; i < m; i++) {
                    int ci = cOff + i * ldc + jc, ai = aOff + i * aRs + pc * aCs;
                    if (add) System.arraycopy(c, ci, acc, 0, nb);
                    else Arrays.fill(acc, 0, nb, 0f);
                    for (int p = 0; p < kb; p++) axpy(nb, a[ai + p * aCs], rows[p], acc);
                    System.arraycopy(acc, 0, c, ci, nb);
                }
            }
        }
    }

    private static void axpy(int n, float alpha, float[] x, float[] y) {
        for (int j = 0; j < n; j++) y[j] += alpha * x[j];
    }

    /** rows[p][j] = B(p, j); walks B along its shorter stride. */
    private static void packRows(int kb, int nb, float[] b, int off, int rs, int cs, float[][] rows) {
        if (cs == 1) {
            for (int p = 0; p < kb; p++) System.arraycopy(b, off + p * rs, rows[p], 0, nb);
        } else if (Math.abs(cs) <= Math.abs(rs)) {
            for (int p = 0; p < kb; p++) {
                float[] row = rows[p];
                for (int j = 0, s = off + p * rs; j < nb; j++, s += cs) row[j] = b[s];
            }
        } else {
            for (int j = 0; j < nb; j++)
                for (int p = 0, s = off + j * cs; p < kb; p++, s += rs) rows[p][j] = b[s];
        }
    }

    static void gemm(int m, int n, int k, double[] a, int aOff, int aRs, int aCs, double[] b, int bOff, int bRs, int bCs,
                     double[] c, int cOff, int ldc, boolean accumulate) {
        double[][] rows = Workspace.get().doubleRows(KB + 1, NB);
        double[] acc = rows[KB];
        for (int jc = 0; jc < n; jc += NB) {
            int nb = Math.min(NB, n - jc);
            for (int pc = 0; pc < k; pc += KB) {
                int kb = Math.min(KB, k - pc);
                packRows(kb, nb, b, bOff + pc * bRs + jc * bCs, bRs, bCs, rows);
                boolean add = accumulate || pc > 0;
                for (int i = 0; i < m; i++) {
                    int ci = cOff + i * ldc + jc, ai = aOff + i * aRs + pc * aCs;
                    if (add) System.arraycopy(c, ci, acc, 0, nb);
                    else Arrays.fill(acc, 0, nb, 0d);
                    for (int p = 0; p < kb; p++) axpy(nb, a[ai + p * aCs], rows[p], acc);
                    System.arraycopy(acc, 0, c, ci, nb);
                }
            }
        }
    }

    private static void axpy(int n, double alpha, double[] x, double[] y) {
        for (int j = 0; j < n; j++) y[j] += alpha * x[j];
    }

    private static void packRows(int kb, int nb, double[] b, int off, int rs, int cs, double[][] rows) {
        if (cs == 1) {
            for (int p = 0; p < kb; p++) System.arraycopy(b, off + p * rs, rows[p], 0, nb);
        } else if (Math.abs(cs) <= Math.abs(rs)) {
            for (int p = 0; p < kb; p++) {
                double[] row = rows[p];
                for (int j = 0, s = off + p * rs; j < nb; j++, s += cs) row[j] = b[s];
            }
        } else {
            for (int j = 0; j < nb; j++)
                for (int p = 0, s = off + j * cs; p < kb; p++, s += rs) rows[p][j] = b[s];
        }
    }
}
