package dev.jgrad.kernels;

import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.VectorSpecies;

/**
 * BLIS-style float64 GEMM engine on the Vector API.
 */
final class PanamaDoubleGemm {
    static final VectorSpecies<Double> S = DoubleVector.SPECIES_PREFERRED;
    static final int L = S.length();
    static final int MR = Integer.getInteger("jgrad.mr", 6);
    static final int NR = 2 * L;
    static final int KC = Integer.getInteger("jgrad.kc", 256);
    static final int MC = Integer.getInteger("jgrad.mc", 144);
    static final int NC = Integer.getInteger("jgrad.nc", 2048);

    private PanamaDoubleGemm() {}

    static void gemm(int m, int n, int k, double[] a, int aOff, int aRs, int aCs, double[] b, int bOff, int bRs, int bCs,
                     double[] c, int cOff, int ldc, boolean accumulate) {
        // Equal K blocks: a 300-deep product runs as 2 x 150, not 256 + 44. Depends on k only.
        int kBlocks = (k + KC - 1) / KC, kcMax = (k + kBlocks - 1) / kBlocks;
        int ncMax = Math.min(NC, roundUp(n, NR)), mcMax = Math.min(MC, roundUp(m, MR));
        var ws = Workspace.get();
        double[] bp = ws.doubleB(kcMax * roundUp(ncMax, NR));
        double[] ap = ws.doubleA(kcMax * roundUp(mcMax, MR));
        double[] tile = new double[MR * NR];
        for (int jc = 0; jc < n; jc += NC) {
            int nc = Math.min(NC, n - jc);
            for (int pc = 0; pc < k; pc += kcMax) {
                int kc = Math.min(kcMax, k - pc);
                packB(kc, nc, b, bOff + pc * bRs + jc * bCs, bRs, bCs, bp);
                boolean add = accumulate || pc > 0;
                for (int ic = 0; ic < m; ic += MC) {
                    int mc = Math.min(MC, m - ic);
                    packA(mc, kc, a, aOff + ic * aRs + pc * aCs, aRs, aCs, ap);
                    macro(mc, nc, kc, ap, bp, c, cOff + ic * ldc + jc, ldc, add, tile);
                }
            }
        }
    }

    private static int roundUp(int x, int q) {
        return (x + q - 1) / q * q;
    }

    /** C block (mc x nc) (+)= packed A block x packed B panel, one register tile at a time. */
    private static void macro(int mc, int nc, int kc, double[] ap, double[] bp, double[] c, int cOff, int ldc,
                              boolean add, double[] tile) {
        for (int jr = 0; jr < nc; jr += NR) {
            int nr = Math.min(NR, nc - jr);
            boolean wide = nr > L;
            int width = wide ? NR : L;
            int bo = jr * kc;
            for (int ir = 0; ir < mc; ir += MR) {
                int mr = Math.min(MR, mc - ir), ao = ir * kc, co = cOff + ir * ldc + jr;
                if (mr == MR && nr == width) {
                    kernel(wide, kc, ap, ao, bp, bo, c, co, ldc, add);
                } else {
                    kernel(wide, kc, ap, ao, bp, bo, tile, 0, width, false);
                    for (int i = 0; i < mr; i++) {
                        int t = i * width, ci = co + i * ldc;
                        if (add) for (int j = 0; j < nr; j++) c[ci + j] += tile[t + j];
                        else System.arraycopy(tile, t, c, ci, nr);
                    }
                }
            }
        }
    }

    private static void kernel(boolean wide, int kc, double[] a, int ao, double[] b, int bo, double[] c, int co, int ldc, boolean add) {
        if (MR == 12) {
            if (wide) kernel12x2(kc, a, ao, b, bo, c, co, ldc, add);
            else kernel12x1(kc, a, ao, b, bo, c, co, ldc, add);
        } else {
            if (wide) kernel6x2(kc, a, ao, b, bo, c, co, ldc, add);
            else kernel6x1(kc, a, ao, b, bo, c, co, ldc, add);
        }
    }

    /**
     * Packs an mc x kc block of A as MR-row panels: panel r holds A(r*MR + i, p) at
     * [r*MR*kc + p*MR + i], rows past mc are zero.
     */
    private static void packA(int mc, int kc, double[] a, int off, int rs, int cs, double[] ap) {
        for (int ir = 0; ir < mc; ir += MR) {
            int mr = Math.min(MR, mc - ir), d = ir * kc, src = off + ir * rs;
            if (mr == MR && cs == 1) {
                for (int p = 0; p < kc; p++, d += MR)
                    for (int i = 0; i < MR; i++) ap[d + i] = a[src + i * rs + p];
            } else {
                for (int p = 0; p < kc; p++, d += MR) {
                    for (int i = 0; i < mr; i++) ap[d + i] = a[src + i * rs + p * cs];
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
    private static void packB(int kc, int nc, double[] b, int off, int rs, int cs, double[] bp) {
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
            for (int j = 0; j < cols; j++)
                for (int p = 0, s = off + j * cs, t = d + j; p < kc; p++, s += rs, t += w) bp[t] = b[s];
            if (cols < w) for (int p = 0; p < kc; p++) java.util.Arrays.fill(bp, d + p * w + cols, d + p * w + w, 0d);
        } else {
            for (int p = 0; p < kc; p++) {
                int s = off + p * rs, t = d + p * w;
                for (int j = 0; j < cols; j++) bp[t + j] = b[s + j * cs];
                for (int j = cols; j < w; j++) bp[t + j] = 0;
            }
        }
    }

    /** C[0:6, 0:2 * L] (+)= packed A panel x packed B panel, all in registers. */
    private static void kernel6x2(int kc, double[] a, int ao, double[] b, int bo, double[] c, int co, int ldc, boolean add) {
        DoubleVector c00 = DoubleVector.zero(S), c01 = DoubleVector.zero(S);
        DoubleVector c10 = DoubleVector.zero(S), c11 = DoubleVector.zero(S);
        DoubleVector c20 = DoubleVector.zero(S), c21 = DoubleVector.zero(S);
        DoubleVector c30 = DoubleVector.zero(S), c31 = DoubleVector.zero(S);
        DoubleVector c40 = DoubleVector.zero(S), c41 = DoubleVector.zero(S);
        DoubleVector c50 = DoubleVector.zero(S), c51 = DoubleVector.zero(S);
        for (int p = 0; p < kc; p++, ao += 6, bo += 2 * L) {
            DoubleVector b0 = DoubleVector.fromArray(S, b, bo);
            DoubleVector b1 = DoubleVector.fromArray(S, b, bo + L);
            DoubleVector a0 = DoubleVector.broadcast(S, a[ao]);
            c00 = a0.fma(b0, c00); c01 = a0.fma(b1, c01);
            DoubleVector a1 = DoubleVector.broadcast(S, a[ao + 1]);
            c10 = a1.fma(b0, c10); c11 = a1.fma(b1, c11);
            DoubleVector a2 = DoubleVector.broadcast(S, a[ao + 2]);
            c20 = a2.fma(b0, c20); c21 = a2.fma(b1, c21);
            DoubleVector a3 = DoubleVector.broadcast(S, a[ao + 3]);
            c30 = a3.fma(b0, c30); c31 = a3.fma(b1, c31);
            DoubleVector a4 = DoubleVector.broadcast(S, a[ao + 4]);
            c40 = a4.fma(b0, c40); c41 = a4.fma(b1, c41);
            DoubleVector a5 = DoubleVector.broadcast(S, a[ao + 5]);
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

    /** C[0:6, 0:L] (+)= packed A panel x packed B panel, all in registers. */
    private static void kernel6x1(int kc, double[] a, int ao, double[] b, int bo, double[] c, int co, int ldc, boolean add) {
        DoubleVector c00 = DoubleVector.zero(S);
        DoubleVector c10 = DoubleVector.zero(S);
        DoubleVector c20 = DoubleVector.zero(S);
        DoubleVector c30 = DoubleVector.zero(S);
        DoubleVector c40 = DoubleVector.zero(S);
        DoubleVector c50 = DoubleVector.zero(S);
        for (int p = 0; p < kc; p++, ao += 6, bo += L) {
            DoubleVector b0 = DoubleVector.fromArray(S, b, bo);
            DoubleVector a0 = DoubleVector.broadcast(S, a[ao]);
            c00 = a0.fma(b0, c00);
            DoubleVector a1 = DoubleVector.broadcast(S, a[ao + 1]);
            c10 = a1.fma(b0, c10);
            DoubleVector a2 = DoubleVector.broadcast(S, a[ao + 2]);
            c20 = a2.fma(b0, c20);
            DoubleVector a3 = DoubleVector.broadcast(S, a[ao + 3]);
            c30 = a3.fma(b0, c30);
            DoubleVector a4 = DoubleVector.broadcast(S, a[ao + 4]);
            c40 = a4.fma(b0, c40);
            DoubleVector a5 = DoubleVector.broadcast(S, a[ao + 5]);
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

    /** C[0:12, 0:2 * L] (+)= packed A panel x packed B panel, all in registers. */
    private static void kernel12x2(int kc, double[] a, int ao, double[] b, int bo, double[] c, int co, int ldc, boolean add) {
        DoubleVector c00 = DoubleVector.zero(S), c01 = DoubleVector.zero(S);
        DoubleVector c10 = DoubleVector.zero(S), c11 = DoubleVector.zero(S);
        DoubleVector c20 = DoubleVector.zero(S), c21 = DoubleVector.zero(S);
        DoubleVector c30 = DoubleVector.zero(S), c31 = DoubleVector.zero(S);
        DoubleVector c40 = DoubleVector.zero(S), c41 = DoubleVector.zero(S);
        DoubleVector c50 = DoubleVector.zero(S), c51 = DoubleVector.zero(S);
        DoubleVector c60 = DoubleVector.zero(S), c61 = DoubleVector.zero(S);
        DoubleVector c70 = DoubleVector.zero(S), c71 = DoubleVector.zero(S);
        DoubleVector c80 = DoubleVector.zero(S), c81 = DoubleVector.zero(S);
        DoubleVector c90 = DoubleVector.zero(S), c91 = DoubleVector.zero(S);
        DoubleVector c100 = DoubleVector.zero(S), c101 = DoubleVector.zero(S);
        DoubleVector c110 = DoubleVector.zero(S), c111 = DoubleVector.zero(S);
        for (int p = 0; p < kc; p++, ao += 12, bo += 2 * L) {
            DoubleVector b0 = DoubleVector.fromArray(S, b, bo);
            DoubleVector b1 = DoubleVector.fromArray(S, b, bo + L);
            DoubleVector a0 = DoubleVector.broadcast(S, a[ao]);
            c00 = a0.fma(b0, c00); c01 = a0.fma(b1, c01);
            DoubleVector a1 = DoubleVector.broadcast(S, a[ao + 1]);
            c10 = a1.fma(b0, c10); c11 = a1.fma(b1, c11);
            DoubleVector a2 = DoubleVector.broadcast(S, a[ao + 2]);
            c20 = a2.fma(b0, c20); c21 = a2.fma(b1, c21);
            DoubleVector a3 = DoubleVector.broadcast(S, a[ao + 3]);
            c30 = a3.fma(b0, c30); c31 = a3.fma(b1, c31);
            DoubleVector a4 = DoubleVector.broadcast(S, a[ao + 4]);
            c40 = a4.fma(b0, c40); c41 = a4.fma(b1, c41);
            DoubleVector a5 = DoubleVector.broadcast(S, a[ao + 5]);
            c50 = a5.fma(b0, c50); c51 = a5.fma(b1, c51);
            DoubleVector a6 = DoubleVector.broadcast(S, a[ao + 6]);
            c60 = a6.fma(b0, c60); c61 = a6.fma(b1, c61);
            DoubleVector a7 = DoubleVector.broadcast(S, a[ao + 7]);
            c70 = a7.fma(b0, c70); c71 = a7.fma(b1, c71);
            DoubleVector a8 = DoubleVector.broadcast(S, a[ao + 8]);
            c80 = a8.fma(b0, c80); c81 = a8.fma(b1, c81);
            DoubleVector a9 = DoubleVector.broadcast(S, a[ao + 9]);
            c90 = a9.fma(b0, c90); c91 = a9.fma(b1, c91);
            DoubleVector a10 = DoubleVector.broadcast(S, a[ao + 10]);
            c100 = a10.fma(b0, c100); c101 = a10.fma(b1, c101);
            DoubleVector a11 = DoubleVector.broadcast(S, a[ao + 11]);
            c110 = a11.fma(b0, c110); c111 = a11.fma(b1, c111);
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
            DoubleVector.fromArray(S, c, co + 6 * ldc).add(c60).intoArray(c, co + 6 * ldc);
            DoubleVector.fromArray(S, c, co + 6 * ldc + L).add(c61).intoArray(c, co + 6 * ldc + L);
            DoubleVector.fromArray(S, c, co + 7 * ldc).add(c70).intoArray(c, co + 7 * ldc);
            DoubleVector.fromArray(S, c, co + 7 * ldc + L).add(c71).intoArray(c, co + 7 * ldc + L);
            DoubleVector.fromArray(S, c, co + 8 * ldc).add(c80).intoArray(c, co + 8 * ldc);
            DoubleVector.fromArray(S, c, co + 8 * ldc + L).add(c81).intoArray(c, co + 8 * ldc + L);
            DoubleVector.fromArray(S, c, co + 9 * ldc).add(c90).intoArray(c, co + 9 * ldc);
            DoubleVector.fromArray(S, c, co + 9 * ldc + L).add(c91).intoArray(c, co + 9 * ldc + L);
            DoubleVector.fromArray(S, c, co + 10 * ldc).add(c100).intoArray(c, co + 10 * ldc);
            DoubleVector.fromArray(S, c, co + 10 * ldc + L).add(c101).intoArray(c, co + 10 * ldc + L);
            DoubleVector.fromArray(S, c, co + 11 * ldc).add(c110).intoArray(c, co + 11 * ldc);
            DoubleVector.fromArray(S, c, co + 11 * ldc + L).add(c111).intoArray(c, co + 11 * ldc + L);
        } else {
            c00.intoArray(c, co); c01.intoArray(c, co + L);
            c10.intoArray(c, co + ldc); c11.intoArray(c, co + ldc + L);
            c20.intoArray(c, co + 2 * ldc); c21.intoArray(c, co + 2 * ldc + L);
            c30.intoArray(c, co + 3 * ldc); c31.intoArray(c, co + 3 * ldc + L);
            c40.intoArray(c, co + 4 * ldc); c41.intoArray(c, co + 4 * ldc + L);
            c50.intoArray(c, co + 5 * ldc); c51.intoArray(c, co + 5 * ldc + L);
            c60.intoArray(c, co + 6 * ldc); c61.intoArray(c, co + 6 * ldc + L);
            c70.intoArray(c, co + 7 * ldc); c71.intoArray(c, co + 7 * ldc + L);
            c80.intoArray(c, co + 8 * ldc); c81.intoArray(c, co + 8 * ldc + L);
            c90.intoArray(c, co + 9 * ldc); c91.intoArray(c, co + 9 * ldc + L);
            c100.intoArray(c, co + 10 * ldc); c101.intoArray(c, co + 10 * ldc + L);
            c110.intoArray(c, co + 11 * ldc); c111.intoArray(c, co + 11 * ldc + L);
        }
    }

    /** C[0:12, 0:L] (+)= packed A panel x packed B panel, all in registers. */
    private static void kernel12x1(int kc, double[] a, int ao, double[] b, int bo, double[] c, int co, int ldc, boolean add) {
        DoubleVector c00 = DoubleVector.zero(S);
        DoubleVector c10 = DoubleVector.zero(S);
        DoubleVector c20 = DoubleVector.zero(S);
        DoubleVector c30 = DoubleVector.zero(S);
        DoubleVector c40 = DoubleVector.zero(S);
        DoubleVector c50 = DoubleVector.zero(S);
        DoubleVector c60 = DoubleVector.zero(S);
        DoubleVector c70 = DoubleVector.zero(S);
        DoubleVector c80 = DoubleVector.zero(S);
        DoubleVector c90 = DoubleVector.zero(S);
        DoubleVector c100 = DoubleVector.zero(S);
        DoubleVector c110 = DoubleVector.zero(S);
        for (int p = 0; p < kc; p++, ao += 12, bo += L) {
            DoubleVector b0 = DoubleVector.fromArray(S, b, bo);
            DoubleVector a0 = DoubleVector.broadcast(S, a[ao]);
            c00 = a0.fma(b0, c00);
            DoubleVector a1 = DoubleVector.broadcast(S, a[ao + 1]);
            c10 = a1.fma(b0, c10);
            DoubleVector a2 = DoubleVector.broadcast(S, a[ao + 2]);
            c20 = a2.fma(b0, c20);
            DoubleVector a3 = DoubleVector.broadcast(S, a[ao + 3]);
            c30 = a3.fma(b0, c30);
            DoubleVector a4 = DoubleVector.broadcast(S, a[ao + 4]);
            c40 = a4.fma(b0, c40);
            DoubleVector a5 = DoubleVector.broadcast(S, a[ao + 5]);
            c50 = a5.fma(b0, c50);
            DoubleVector a6 = DoubleVector.broadcast(S, a[ao + 6]);
            c60 = a6.fma(b0, c60);
            DoubleVector a7 = DoubleVector.broadcast(S, a[ao + 7]);
            c70 = a7.fma(b0, c70);
            DoubleVector a8 = DoubleVector.broadcast(S, a[ao + 8]);
            c80 = a8.fma(b0, c80);
            DoubleVector a9 = DoubleVector.broadcast(S, a[ao + 9]);
            c90 = a9.fma(b0, c90);
            DoubleVector a10 = DoubleVector.broadcast(S, a[ao + 10]);
            c100 = a10.fma(b0, c100);
            DoubleVector a11 = DoubleVector.broadcast(S, a[ao + 11]);
            c110 = a11.fma(b0, c110);
        }
        if (add) {
            DoubleVector.fromArray(S, c, co).add(c00).intoArray(c, co);
            DoubleVector.fromArray(S, c, co + ldc).add(c10).intoArray(c, co + ldc);
            DoubleVector.fromArray(S, c, co + 2 * ldc).add(c20).intoArray(c, co + 2 * ldc);
            DoubleVector.fromArray(S, c, co + 3 * ldc).add(c30).intoArray(c, co + 3 * ldc);
            DoubleVector.fromArray(S, c, co + 4 * ldc).add(c40).intoArray(c, co + 4 * ldc);
            DoubleVector.fromArray(S, c, co + 5 * ldc).add(c50).intoArray(c, co + 5 * ldc);
            DoubleVector.fromArray(S, c, co + 6 * ldc).add(c60).intoArray(c, co + 6 * ldc);
            DoubleVector.fromArray(S, c, co + 7 * ldc).add(c70).intoArray(c, co + 7 * ldc);
            DoubleVector.fromArray(S, c, co + 8 * ldc).add(c80).intoArray(c, co + 8 * ldc);
            DoubleVector.fromArray(S, c, co + 9 * ldc).add(c90).intoArray(c, co + 9 * ldc);
            DoubleVector.fromArray(S, c, co + 10 * ldc).add(c100).intoArray(c, co + 10 * ldc);
            DoubleVector.fromArray(S, c, co + 11 * ldc).add(c110).intoArray(c, co + 11 * ldc);
        } else {
            c00.intoArray(c, co);
            c10.intoArray(c, co + ldc);
            c20.intoArray(c, co + 2 * ldc);
            c30.intoArray(c, co + 3 * ldc);
            c40.intoArray(c, co + 4 * ldc);
            c50.intoArray(c, co + 5 * ldc);
            c60.intoArray(c, co + 6 * ldc);
            c70.intoArray(c, co + 7 * ldc);
            c80.intoArray(c, co + 8 * ldc);
            c90.intoArray(c, co + 9 * ldc);
            c100.intoArray(c, co + 10 * ldc);
            c110.intoArray(c, co + 11 * ldc);
        }
    }
}
