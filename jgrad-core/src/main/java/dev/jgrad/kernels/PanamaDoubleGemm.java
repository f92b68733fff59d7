package dev.jgrad.kernels;

import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.VectorSpecies;

import java.util.Arrays;

/**
 * The float64 twin of {@link PanamaFloatGemm}, line for line with the types changed: the same
 * loops, packing and 6 x 2-vector register tile (6 x 16 doubles with AVX-512). Doubles take twice
 * the bytes, so NC is halved to keep the packed B panel (256 x 256 x 8 = 512 KB) and the A block
 * (144 x 256 x 8 = 288 KB) together in the 1 MB L2; the B micro-panel is 32 KB, as for float.
 */
final class PanamaDoubleGemm {
    static final VectorSpecies<Double> S = DoubleVector.SPECIES_PREFERRED;
    static final int L = S.length();
    static final int MR = 6, NR = 2 * L;
    static final int KC = 256, MC = 24 * MR, NC = 256;

    private PanamaDoubleGemm() {}

    static void gemm(int m, int n, int k, double[] a, int aOff, int aRs, int aCs, double[] b, int bOff, int bRs, int bCs,
                     double[] c, int cOff, int ldc, boolean accumulate) {
        if (Gemm.swapPays(m, n, k, NR, aRs, aCs, bRs, bCs, accumulate)) {
            // C^T = B^T A^T into a scratch block, then transposed into C. The kernel does the same
            // multiply-adds in the same order either way, so the bits do not change.
            double[] t = Workspace.get().doubleC(m * n);
            if (accumulate) Transpose.copy(m, n, c, cOff, ldc, t, 0, m);
            blocked(n, m, k, b, bOff, bCs, bRs, a, aOff, aCs, aRs, t, 0, m, accumulate);
            Transpose.copy(n, m, t, 0, m, c, cOff, ldc);
        } else {
            blocked(m, n, k, a, aOff, aRs, aCs, b, bOff, bRs, bCs, c, cOff, ldc, accumulate);
        }
    }

    static void blocked(int m, int n, int k, double[] a, int aOff, int aRs, int aCs, double[] b, int bOff, int bRs,
                        int bCs, double[] c, int cOff, int ldc, boolean accumulate) {
        int kcMax = Gemm.blockDepth(k, KC);
        int ncMax = Math.min(NC, roundUp(n, NR)), mcMax = Math.min(MC, roundUp(m, MR));
        var ws = Workspace.get();
        double[] bp = ws.doubleB(kcMax * roundUp(ncMax, NR));
        double[] ap = ws.doubleA(kcMax * roundUp(mcMax, MR));
        double[] tile = new double[MR * NR];
        boolean aRows = Gemm.rowsContiguous(aRs, aCs);
        for (int jc = 0; jc < n; jc += NC) {
            int nc = Math.min(NC, n - jc);
            for (int pc = 0; pc < k; pc += kcMax) {
                int kc = Math.min(kcMax, k - pc);
                packB(kc, nc, b, bOff + pc * bRs + jc * bCs, bRs, bCs, bp);
                boolean add = accumulate || pc > 0;
                for (int ic = 0; ic < m; ic += MC) {
                    int mc = Math.min(MC, m - ic);
                    packA(mc, kc, a, aOff + ic * aRs + pc * aCs, aRs, aCs, ap, aRows);
                    macro(mc, nc, kc, ap, aRows, bp, c, cOff + ic * ldc + jc, ldc, add, tile);
                }
            }
        }
    }

    private static int roundUp(int x, int q) {
        return (x + q - 1) / q * q;
    }

    /** C block (mc x nc) (+)= packed A block x packed B panel, one register tile at a time. */
    static void macro(int mc, int nc, int kc, double[] ap, boolean aRows, double[] bp, double[] c, int cOff, int ldc,
                      boolean add, double[] tile) {
        for (int jr = 0; jr < nc; jr += NR) {
            int nr = Math.min(NR, nc - jr);
            boolean wide = nr > L;
            int width = wide ? NR : L;
            int bo = jr * kc;
            for (int ir = 0; ir < mc; ir += MR) {
                int mr = Math.min(MR, mc - ir), ao = ir * kc, co = cOff + ir * ldc + jr;
                if (mr == MR && nr == width) {
                    kernel(wide, aRows, kc, ap, ao, bp, bo, c, co, ldc, add);
                } else {
                    kernel(wide, aRows, kc, ap, ao, bp, bo, tile, 0, width, false);
                    for (int i = 0; i < mr; i++) {
                        int t = i * width, ci = co + i * ldc;
                        if (add) for (int j = 0; j < nr; j++) c[ci + j] += tile[t + j];
                        else System.arraycopy(tile, t, c, ci, nr);
                    }
                }
            }
        }
    }

    private static void kernel(boolean wide, boolean aRows, int kc, double[] a, int ao, double[] b, int bo,
                               double[] c, int co, int ldc, boolean add) {
        if (aRows) {
            if (wide) kernelRows2(kc, a, ao, b, bo, c, co, ldc, add);
            else kernelRows1(kc, a, ao, b, bo, c, co, ldc, add);
        } else {
            if (wide) kernel2(kc, a, ao, b, bo, c, co, ldc, add);
            else kernel1(kc, a, ao, b, bo, c, co, ldc, add);
        }
    }

    /**
     * Packs an mc x kc block of A as panels of MR rows (rows past mc are zero), each MR*kc long.
     * A panel is either MR rows of kc (A(r*MR + i, p) at [r*MR*kc + i*kc + p]) or kc columns of
     * MR ([r*MR*kc + p*MR + i]), whichever copies A in its memory order: packing then never
     * transposes A. The kernels read both.
     */
    static void packA(int mc, int kc, double[] a, int off, int rs, int cs, double[] ap, boolean rows) {
        for (int ir = 0; ir < mc; ir += MR) {
            int mr = Math.min(MR, mc - ir), d = ir * kc, src = off + ir * rs;
            if (rows) {
                for (int i = 0; i < mr; i++, d += kc) {
                    int s = src + i * rs;
                    if (cs == 1) System.arraycopy(a, s, ap, d, kc);
                    else for (int p = 0; p < kc; p++, s += cs) ap[d + p] = a[s];
                }
                if (mr < MR) Arrays.fill(ap, d, d + (MR - mr) * kc, 0d);
            } else {
                for (int p = 0; p < kc; p++, d += MR) {
                    int s = src + p * cs;
                    for (int i = 0; i < mr; i++, s += rs) ap[d + i] = a[s];
                    for (int i = mr; i < MR; i++) ap[d + i] = 0;
                }
            }
        }
    }

    /**
     * Packs a kc x nc panel of B as NR-column panels: the panel at column jr holds B(p, jr + j) at
     * [jr*kc + p*w + j] with w = NR, except a last panel of at most L columns, which has w = L.
     * Columns past nc are zero.
     */
    static void packB(int kc, int nc, double[] b, int off, int rs, int cs, double[] bp) {
        int full = nc / NR * NR;
        if (cs == 1) {
            // Row-major B: stream each row once across all panels.
            for (int p = 0; p < kc; p++) {
                int src = off + p * rs;
                for (int jr = 0; jr < full; jr += NR) {
                    int d = jr * kc + p * NR;
                    DoubleVector.fromArray(S, b, src + jr).intoArray(bp, d);
                    DoubleVector.fromArray(S, b, src + jr + L).intoArray(bp, d + L);
                }
            }
        } else {
            for (int jr = 0; jr < full; jr += NR) packPanel(kc, NR, NR, b, off + jr * cs, rs, cs, bp, jr * kc);
        }
        if (full < nc) {
            int cols = nc - full;
            packPanel(kc, cols, cols <= L ? L : NR, b, off + full * cs, rs, cs, bp, full * kc);
        }
    }

    private static void packPanel(int kc, int cols, int w, double[] b, int off, int rs, int cs, double[] bp, int d) {
        if (Math.abs(rs) < Math.abs(cs)) {
            // Columns of B are the contiguous direction (a transposed operand): read them in order.
            if (rs == 1) Transpose.copy(cols, kc, b, off, cs, bp, d, w);
            else for (int j = 0; j < cols; j++)
                for (int p = 0, s = off + j * cs, t = d + j; p < kc; p++, s += rs, t += w) bp[t] = b[s];
            if (cols < w) for (int p = 0; p < kc; p++) Arrays.fill(bp, d + p * w + cols, d + p * w + w, 0d);
        } else {
            for (int p = 0; p < kc; p++) {
                int s = off + p * rs, t = d + p * w;
                for (int j = 0; j < cols; j++) bp[t + j] = b[s + j * cs];
                for (int j = cols; j < w; j++) bp[t + j] = 0;
            }
        }
    }

    /**
     * C[0:MR, 0:2 * L] = (or +=) A panel x B panel with the whole C tile in registers; A(i, p) at
     * a[ao + p*MR + i], B(p, j) at b[bo + p*2 * L + j].
     */
    private static void kernel2(int kc, double[] a, int ao, double[] b, int bo, double[] c, int co, int ldc, boolean add) {
        DoubleVector c00 = DoubleVector.zero(S), c01 = DoubleVector.zero(S);
        DoubleVector c10 = DoubleVector.zero(S), c11 = DoubleVector.zero(S);
        DoubleVector c20 = DoubleVector.zero(S), c21 = DoubleVector.zero(S);
        DoubleVector c30 = DoubleVector.zero(S), c31 = DoubleVector.zero(S);
        DoubleVector c40 = DoubleVector.zero(S), c41 = DoubleVector.zero(S);
        DoubleVector c50 = DoubleVector.zero(S), c51 = DoubleVector.zero(S);
        // index = offset + p * step, so the JIT proves every access in range once, before the loop
        for (int p = 0; p < kc; p++) {
            DoubleVector b0 = DoubleVector.fromArray(S, b, bo + p * (2 * L));
            DoubleVector b1 = DoubleVector.fromArray(S, b, bo + p * (2 * L) + L);
            DoubleVector a0 = DoubleVector.broadcast(S, a[ao + p * MR]);
            c00 = a0.fma(b0, c00); c01 = a0.fma(b1, c01);
            DoubleVector a1 = DoubleVector.broadcast(S, a[ao + p * MR + 1]);
            c10 = a1.fma(b0, c10); c11 = a1.fma(b1, c11);
            DoubleVector a2 = DoubleVector.broadcast(S, a[ao + p * MR + 2]);
            c20 = a2.fma(b0, c20); c21 = a2.fma(b1, c21);
            DoubleVector a3 = DoubleVector.broadcast(S, a[ao + p * MR + 3]);
            c30 = a3.fma(b0, c30); c31 = a3.fma(b1, c31);
            DoubleVector a4 = DoubleVector.broadcast(S, a[ao + p * MR + 4]);
            c40 = a4.fma(b0, c40); c41 = a4.fma(b1, c41);
            DoubleVector a5 = DoubleVector.broadcast(S, a[ao + p * MR + 5]);
            c50 = a5.fma(b0, c50); c51 = a5.fma(b1, c51);
        }
        if (add) {
            DoubleVector.fromArray(S, c, co).add(c00).intoArray(c, co);
            DoubleVector.fromArray(S, c, co + L).add(c01).intoArray(c, co + L);
            DoubleVector.fromArray(S, c, co + ldc).add(c10).intoArray(c, co + ldc);
            DoubleVector.fromArray(S, c, co + ldc + L).add(c11).intoArray(c, co + ldc + L);
            DoubleVector.fromArray(S, c, co + 2 * ldc).add(c20).intoArray(c, co + 2 * ldc);
            DoubleVector.fromArray(S, c, co + 2 * ldc + L).add(c21).intoArray(c, co + 2 * ldc + L);
            DoubleVector.fromArray(S, c, co + 3 * ldc).add(c30).intoArray(c, co + 3 * ldc);
            DoubleVector.fromArray(S, c, co + 3 * ldc + L).add(c31).intoArray(c, co + 3 * ldc + L);
            DoubleVector.fromArray(S, c, co + 4 * ldc).add(c40).intoArray(c, co + 4 * ldc);
            DoubleVector.fromArray(S, c, co + 4 * ldc + L).add(c41).intoArray(c, co + 4 * ldc + L);
            DoubleVector.fromArray(S, c, co + 5 * ldc).add(c50).intoArray(c, co + 5 * ldc);
            DoubleVector.fromArray(S, c, co + 5 * ldc + L).add(c51).intoArray(c, co + 5 * ldc + L);
        } else {
            c00.intoArray(c, co); c01.intoArray(c, co + L);
            c10.intoArray(c, co + ldc); c11.intoArray(c, co + ldc + L);
            c20.intoArray(c, co + 2 * ldc); c21.intoArray(c, co + 2 * ldc + L);
            c30.intoArray(c, co + 3 * ldc); c31.intoArray(c, co + 3 * ldc + L);
            c40.intoArray(c, co + 4 * ldc); c41.intoArray(c, co + 4 * ldc + L);
            c50.intoArray(c, co + 5 * ldc); c51.intoArray(c, co + 5 * ldc + L);
        }
    }

    /**
     * C[0:MR, 0:L] = (or +=) A panel x B panel with the whole C tile in registers; A(i, p) at
     * a[ao + p*MR + i], B(p, j) at b[bo + p*L + j].
     */
    private static void kernel1(int kc, double[] a, int ao, double[] b, int bo, double[] c, int co, int ldc, boolean add) {
        DoubleVector c00 = DoubleVector.zero(S);
        DoubleVector c10 = DoubleVector.zero(S);
        DoubleVector c20 = DoubleVector.zero(S);
        DoubleVector c30 = DoubleVector.zero(S);
        DoubleVector c40 = DoubleVector.zero(S);
        DoubleVector c50 = DoubleVector.zero(S);
        // index = offset + p * step, so the JIT proves every access in range once, before the loop
        for (int p = 0; p < kc; p++) {
            DoubleVector b0 = DoubleVector.fromArray(S, b, bo + p * L);
            DoubleVector a0 = DoubleVector.broadcast(S, a[ao + p * MR]);
            c00 = a0.fma(b0, c00);
            DoubleVector a1 = DoubleVector.broadcast(S, a[ao + p * MR + 1]);
            c10 = a1.fma(b0, c10);
            DoubleVector a2 = DoubleVector.broadcast(S, a[ao + p * MR + 2]);
            c20 = a2.fma(b0, c20);
            DoubleVector a3 = DoubleVector.broadcast(S, a[ao + p * MR + 3]);
            c30 = a3.fma(b0, c30);
            DoubleVector a4 = DoubleVector.broadcast(S, a[ao + p * MR + 4]);
            c40 = a4.fma(b0, c40);
            DoubleVector a5 = DoubleVector.broadcast(S, a[ao + p * MR + 5]);
            c50 = a5.fma(b0, c50);
        }
        if (add) {
            DoubleVector.fromArray(S, c, co).add(c00).intoArray(c, co);
            DoubleVector.fromArray(S, c, co + ldc).add(c10).intoArray(c, co + ldc);
            DoubleVector.fromArray(S, c, co + 2 * ldc).add(c20).intoArray(c, co + 2 * ldc);
            DoubleVector.fromArray(S, c, co + 3 * ldc).add(c30).intoArray(c, co + 3 * ldc);
            DoubleVector.fromArray(S, c, co + 4 * ldc).add(c40).intoArray(c, co + 4 * ldc);
            DoubleVector.fromArray(S, c, co + 5 * ldc).add(c50).intoArray(c, co + 5 * ldc);
        } else {
            c00.intoArray(c, co);
            c10.intoArray(c, co + ldc);
            c20.intoArray(c, co + 2 * ldc);
            c30.intoArray(c, co + 3 * ldc);
            c40.intoArray(c, co + 4 * ldc);
            c50.intoArray(c, co + 5 * ldc);
        }
    }

    /** {@link #kernel2} with A packed as rows: A(i, p) at a[ao + i*kc + p]. */
    private static void kernelRows2(int kc, double[] a, int ao, double[] b, int bo, double[] c, int co, int ldc, boolean add) {
        DoubleVector c00 = DoubleVector.zero(S), c01 = DoubleVector.zero(S);
        DoubleVector c10 = DoubleVector.zero(S), c11 = DoubleVector.zero(S);
        DoubleVector c20 = DoubleVector.zero(S), c21 = DoubleVector.zero(S);
        DoubleVector c30 = DoubleVector.zero(S), c31 = DoubleVector.zero(S);
        DoubleVector c40 = DoubleVector.zero(S), c41 = DoubleVector.zero(S);
        DoubleVector c50 = DoubleVector.zero(S), c51 = DoubleVector.zero(S);
        // index = offset + p * step, so the JIT proves every access in range once, before the loop
        for (int p = 0; p < kc; p++) {
            DoubleVector b0 = DoubleVector.fromArray(S, b, bo + p * (2 * L));
            DoubleVector b1 = DoubleVector.fromArray(S, b, bo + p * (2 * L) + L);
            DoubleVector a0 = DoubleVector.broadcast(S, a[ao + p]);
            c00 = a0.fma(b0, c00); c01 = a0.fma(b1, c01);
            DoubleVector a1 = DoubleVector.broadcast(S, a[ao + p + kc]);
            c10 = a1.fma(b0, c10); c11 = a1.fma(b1, c11);
            DoubleVector a2 = DoubleVector.broadcast(S, a[ao + p + 2 * kc]);
            c20 = a2.fma(b0, c20); c21 = a2.fma(b1, c21);
            DoubleVector a3 = DoubleVector.broadcast(S, a[ao + p + 3 * kc]);
            c30 = a3.fma(b0, c30); c31 = a3.fma(b1, c31);
            DoubleVector a4 = DoubleVector.broadcast(S, a[ao + p + 4 * kc]);
            c40 = a4.fma(b0, c40); c41 = a4.fma(b1, c41);
            DoubleVector a5 = DoubleVector.broadcast(S, a[ao + p + 5 * kc]);
            c50 = a5.fma(b0, c50); c51 = a5.fma(b1, c51);
        }
        if (add) {
            DoubleVector.fromArray(S, c, co).add(c00).intoArray(c, co);
            DoubleVector.fromArray(S, c, co + L).add(c01).intoArray(c, co + L);
            DoubleVector.fromArray(S, c, co + ldc).add(c10).intoArray(c, co + ldc);
            DoubleVector.fromArray(S, c, co + ldc + L).add(c11).intoArray(c, co + ldc + L);
            DoubleVector.fromArray(S, c, co + 2 * ldc).add(c20).intoArray(c, co + 2 * ldc);
            DoubleVector.fromArray(S, c, co + 2 * ldc + L).add(c21).intoArray(c, co + 2 * ldc + L);
            DoubleVector.fromArray(S, c, co + 3 * ldc).add(c30).intoArray(c, co + 3 * ldc);
            DoubleVector.fromArray(S, c, co + 3 * ldc + L).add(c31).intoArray(c, co + 3 * ldc + L);
            DoubleVector.fromArray(S, c, co + 4 * ldc).add(c40).intoArray(c, co + 4 * ldc);
            DoubleVector.fromArray(S, c, co + 4 * ldc + L).add(c41).intoArray(c, co + 4 * ldc + L);
            DoubleVector.fromArray(S, c, co + 5 * ldc).add(c50).intoArray(c, co + 5 * ldc);
            DoubleVector.fromArray(S, c, co + 5 * ldc + L).add(c51).intoArray(c, co + 5 * ldc + L);
        } else {
            c00.intoArray(c, co); c01.intoArray(c, co + L);
            c10.intoArray(c, co + ldc); c11.intoArray(c, co + ldc + L);
            c20.intoArray(c, co + 2 * ldc); c21.intoArray(c, co + 2 * ldc + L);
            c30.intoArray(c, co + 3 * ldc); c31.intoArray(c, co + 3 * ldc + L);
            c40.intoArray(c, co + 4 * ldc); c41.intoArray(c, co + 4 * ldc + L);
            c50.intoArray(c, co + 5 * ldc); c51.intoArray(c, co + 5 * ldc + L);
        }
    }

    /** {@link #kernel1} with A packed as rows: A(i, p) at a[ao + i*kc + p]. */
    private static void kernelRows1(int kc, double[] a, int ao, double[] b, int bo, double[] c, int co, int ldc, boolean add) {
        DoubleVector c00 = DoubleVector.zero(S);
        DoubleVector c10 = DoubleVector.zero(S);
        DoubleVector c20 = DoubleVector.zero(S);
        DoubleVector c30 = DoubleVector.zero(S);
        DoubleVector c40 = DoubleVector.zero(S);
        DoubleVector c50 = DoubleVector.zero(S);
        // index = offset + p * step, so the JIT proves every access in range once, before the loop
        for (int p = 0; p < kc; p++) {
            DoubleVector b0 = DoubleVector.fromArray(S, b, bo + p * L);
            DoubleVector a0 = DoubleVector.broadcast(S, a[ao + p]);
            c00 = a0.fma(b0, c00);
            DoubleVector a1 = DoubleVector.broadcast(S, a[ao + p + kc]);
            c10 = a1.fma(b0, c10);
            DoubleVector a2 = DoubleVector.broadcast(S, a[ao + p + 2 * kc]);
            c20 = a2.fma(b0, c20);
            DoubleVector a3 = DoubleVector.broadcast(S, a[ao + p + 3 * kc]);
            c30 = a3.fma(b0, c30);
            DoubleVector a4 = DoubleVector.broadcast(S, a[ao + p + 4 * kc]);
            c40 = a4.fma(b0, c40);
            DoubleVector a5 = DoubleVector.broadcast(S, a[ao + p + 5 * kc]);
            c50 = a5.fma(b0, c50);
        }
        if (add) {
            DoubleVector.fromArray(S, c, co).add(c00).intoArray(c, co);
            DoubleVector.fromArray(S, c, co + ldc).add(c10).intoArray(c, co + ldc);
            DoubleVector.fromArray(S, c, co + 2 * ldc).add(c20).intoArray(c, co + 2 * ldc);
            DoubleVector.fromArray(S, c, co + 3 * ldc).add(c30).intoArray(c, co + 3 * ldc);
            DoubleVector.fromArray(S, c, co + 4 * ldc).add(c40).intoArray(c, co + 4 * ldc);
            DoubleVector.fromArray(S, c, co + 5 * ldc).add(c50).intoArray(c, co + 5 * ldc);
        } else {
            c00.intoArray(c, co);
            c10.intoArray(c, co + ldc);
            c20.intoArray(c, co + 2 * ldc);
            c30.intoArray(c, co + 3 * ldc);
            c40.intoArray(c, co + 4 * ldc);
            c50.intoArray(c, co + 5 * ldc);
        }
    }
}
