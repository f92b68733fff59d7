package dev.jgrad.kernels;

import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorSpecies;

/**
 * BLIS-style float32 GEMM engine on the Vector API.
 */
final class PanamaFloatGemm {
    static final VectorSpecies<Float> S = FloatVector.SPECIES_PREFERRED;
    static final int L = S.length();
    static final int MR = Integer.getInteger("jgrad.mr", 6);
    static final int NR = 2 * L;
    static final int KC = Integer.getInteger("jgrad.kc", 256);
    static final int MC = Integer.getInteger("jgrad.mc", 144);
    static final int NC = Integer.getInteger("jgrad.nc", 2048);

    private PanamaFloatGemm() {}

    static void gemm(int m, int n, int k, float[] a, int aOff, int aRs, int aCs, float[] b, int bOff, int bRs, int bCs,
                     float[] c, int cOff, int ldc, boolean accumulate) {
        // Equal K blocks: a 300-deep product runs as 2 x 150, not 256 + 44. Depends on k only.
        int kBlocks = (k + KC - 1) / KC, kcMax = (k + kBlocks - 1) / kBlocks;
        int ncMax = Math.min(NC, roundUp(n, NR)), mcMax = Math.min(MC, roundUp(m, MR));
        var ws = Workspace.get();
        float[] bp = ws.floatB(kcMax * roundUp(ncMax, NR));
        float[] ap = ws.floatA(kcMax * roundUp(mcMax, MR));
        float[] tile = new float[MR * NR];
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
    private static void macro(int mc, int nc, int kc, float[] ap, float[] bp, float[] c, int cOff, int ldc,
                              boolean add, float[] tile) {
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

    private static void kernel(boolean wide, int kc, float[] a, int ao, float[] b, int bo, float[] c, int co, int ldc, boolean add) {
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
    private static void packA(int mc, int kc, float[] a, int off, int rs, int cs, float[] ap) {
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
    private static void packB(int kc, int nc, float[] b, int off, int rs, int cs, float[] bp) {
        int full = nc / NR * NR;
        if (cs == 1) {
            // Row-major B: stream each row once across all panels.
            for (int p = 0; p < kc; p++) {
                int src = off + p * rs;
                for (int jr = 0; jr < full; jr += NR) {
                    int d = jr * kc + p * NR;
                    FloatVector.fromArray(S, b, src + jr).intoArray(bp, d);
                    FloatVector.fromArray(S, b, src + jr + L).intoArray(bp, d + L);
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

    private static void packPanel(int kc, int cols, int w, float[] b, int off, int rs, int cs, float[] bp, int d) {
        if (Math.abs(rs) < Math.abs(cs)) {
            // Columns of B are the contiguous direction (a transposed operand): read them in order.
            for (int j = 0; j < cols; j++)
                for (int p = 0, s = off + j * cs, t = d + j; p < kc; p++, s += rs, t += w) bp[t] = b[s];
            if (cols < w) for (int p = 0; p < kc; p++) java.util.Arrays.fill(bp, d + p * w + cols, d + p * w + w, 0f);
        } else {
            for (int p = 0; p < kc; p++) {
                int s = off + p * rs, t = d + p * w;
                for (int j = 0; j < cols; j++) bp[t + j] = b[s + j * cs];
                for (int j = cols; j < w; j++) bp[t + j] = 0;
            }
        }
    }

    /** C[0:6, 0:2 * L] (+)= packed A panel x packed B panel, all in registers. */
    private static void kernel6x2(int kc, float[] a, int ao, float[] b, int bo, float[] c, int co, int ldc, boolean add) {
        FloatVector c00 = FloatVector.zero(S), c01 = FloatVector.zero(S);
        FloatVector c10 = FloatVector.zero(S), c11 = FloatVector.zero(S);
        FloatVector c20 = FloatVector.zero(S), c21 = FloatVector.zero(S);
        FloatVector c30 = FloatVector.zero(S), c31 = FloatVector.zero(S);
        FloatVector c40 = FloatVector.zero(S), c41 = FloatVector.zero(S);
        FloatVector c50 = FloatVector.zero(S), c51 = FloatVector.zero(S);
        for (int p = 0; p < kc; p++, ao += 6, bo += 2 * L) {
            FloatVector b0 = FloatVector.fromArray(S, b, bo);
            FloatVector b1 = FloatVector.fromArray(S, b, bo + L);
            FloatVector a0 = FloatVector.broadcast(S, a[ao]);
            c00 = a0.fma(b0, c00); c01 = a0.fma(b1, c01);
            FloatVector a1 = FloatVector.broadcast(S, a[ao + 1]);
            c10 = a1.fma(b0, c10); c11 = a1.fma(b1, c11);
            FloatVector a2 = FloatVector.broadcast(S, a[ao + 2]);
            c20 = a2.fma(b0, c20); c21 = a2.fma(b1, c21);
            FloatVector a3 = FloatVector.broadcast(S, a[ao + 3]);
            c30 = a3.fma(b0, c30); c31 = a3.fma(b1, c31);
            FloatVector a4 = FloatVector.broadcast(S, a[ao + 4]);
            c40 = a4.fma(b0, c40); c41 = a4.fma(b1, c41);
            FloatVector a5 = FloatVector.broadcast(S, a[ao + 5]);
            c50 = a5.fma(b0, c50); c51 = a5.fma(b1, c51);
        }
        if (add) {
            FloatVector.fromArray(S, c, co).add(c00).intoArray(c, co);
            FloatVector.fromArray(S, c, co + L).add(c01).intoArray(c, co + L);
            FloatVector.fromArray(S, c, co + ldc).add(c10).intoArray(c, co + ldc);
            FloatVector.fromArray(S, c, co + ldc + L).add(c11).intoArray(c, co + ldc + L);
            FloatVector.fromArray(S, c, co + 2 * ldc).add(c20).intoArray(c, co + 2 * ldc);
            FloatVector.fromArray(S, c, co + 2 * ldc + L).add(c21).intoArray(c, co + 2 * ldc + L);
            FloatVector.fromArray(S, c, co + 3 * ldc).add(c30).intoArray(c, co + 3 * ldc);
            FloatVector.fromArray(S, c, co + 3 * ldc + L).add(c31).intoArray(c, co + 3 * ldc + L);
            FloatVector.fromArray(S, c, co + 4 * ldc).add(c40).intoArray(c, co + 4 * ldc);
            FloatVector.fromArray(S, c, co + 4 * ldc + L).add(c41).intoArray(c, co + 4 * ldc + L);
            FloatVector.fromArray(S, c, co + 5 * ldc).add(c50).intoArray(c, co + 5 * ldc);
            FloatVector.fromArray(S, c, co + 5 * ldc + L).add(c51).intoArray(c, co + 5 * ldc + L);
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
    private static void kernel6x1(int kc, float[] a, int ao, float[] b, int bo, float[] c, int co, int ldc, boolean add) {
        FloatVector c00 = FloatVector.zero(S);
        FloatVector c10 = FloatVector.zero(S);
        FloatVector c20 = FloatVector.zero(S);
        FloatVector c30 = FloatVector.zero(S);
        FloatVector c40 = FloatVector.zero(S);
        FloatVector c50 = FloatVector.zero(S);
        for (int p = 0; p < kc; p++, ao += 6, bo += L) {
            FloatVector b0 = FloatVector.fromArray(S, b, bo);
            FloatVector a0 = FloatVector.broadcast(S, a[ao]);
            c00 = a0.fma(b0, c00);
            FloatVector a1 = FloatVector.broadcast(S, a[ao + 1]);
            c10 = a1.fma(b0, c10);
            FloatVector a2 = FloatVector.broadcast(S, a[ao + 2]);
            c20 = a2.fma(b0, c20);
            FloatVector a3 = FloatVector.broadcast(S, a[ao + 3]);
            c30 = a3.fma(b0, c30);
            FloatVector a4 = FloatVector.broadcast(S, a[ao + 4]);
            c40 = a4.fma(b0, c40);
            FloatVector a5 = FloatVector.broadcast(S, a[ao + 5]);
            c50 = a5.fma(b0, c50);
        }
        if (add) {
            FloatVector.fromArray(S, c, co).add(c00).intoArray(c, co);
            FloatVector.fromArray(S, c, co + ldc).add(c10).intoArray(c, co + ldc);
            FloatVector.fromArray(S, c, co + 2 * ldc).add(c20).intoArray(c, co + 2 * ldc);
            FloatVector.fromArray(S, c, co + 3 * ldc).add(c30).intoArray(c, co + 3 * ldc);
            FloatVector.fromArray(S, c, co + 4 * ldc).add(c40).intoArray(c, co + 4 * ldc);
            FloatVector.fromArray(S, c, co + 5 * ldc).add(c50).intoArray(c, co + 5 * ldc);
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
    private static void kernel12x2(int kc, float[] a, int ao, float[] b, int bo, float[] c, int co, int ldc, boolean add) {
        FloatVector c00 = FloatVector.zero(S), c01 = FloatVector.zero(S);
        FloatVector c10 = FloatVector.zero(S), c11 = FloatVector.zero(S);
        FloatVector c20 = FloatVector.zero(S), c21 = FloatVector.zero(S);
        FloatVector c30 = FloatVector.zero(S), c31 = FloatVector.zero(S);
        FloatVector c40 = FloatVector.zero(S), c41 = FloatVector.zero(S);
        FloatVector c50 = FloatVector.zero(S), c51 = FloatVector.zero(S);
        FloatVector c60 = FloatVector.zero(S), c61 = FloatVector.zero(S);
        FloatVector c70 = FloatVector.zero(S), c71 = FloatVector.zero(S);
        FloatVector c80 = FloatVector.zero(S), c81 = FloatVector.zero(S);
        FloatVector c90 = FloatVector.zero(S), c91 = FloatVector.zero(S);
        FloatVector c100 = FloatVector.zero(S), c101 = FloatVector.zero(S);
        FloatVector c110 = FloatVector.zero(S), c111 = FloatVector.zero(S);
        for (int p = 0; p < kc; p++, ao += 12, bo += 2 * L) {
            FloatVector b0 = FloatVector.fromArray(S, b, bo);
            FloatVector b1 = FloatVector.fromArray(S, b, bo + L);
            FloatVector a0 = FloatVector.broadcast(S, a[ao]);
            c00 = a0.fma(b0, c00); c01 = a0.fma(b1, c01);
            FloatVector a1 = FloatVector.broadcast(S, a[ao + 1]);
            c10 = a1.fma(b0, c10); c11 = a1.fma(b1, c11);
            FloatVector a2 = FloatVector.broadcast(S, a[ao + 2]);
            c20 = a2.fma(b0, c20); c21 = a2.fma(b1, c21);
            FloatVector a3 = FloatVector.broadcast(S, a[ao + 3]);
            c30 = a3.fma(b0, c30); c31 = a3.fma(b1, c31);
            FloatVector a4 = FloatVector.broadcast(S, a[ao + 4]);
            c40 = a4.fma(b0, c40); c41 = a4.fma(b1, c41);
            FloatVector a5 = FloatVector.broadcast(S, a[ao + 5]);
            c50 = a5.fma(b0, c50); c51 = a5.fma(b1, c51);
            FloatVector a6 = FloatVector.broadcast(S, a[ao + 6]);
            c60 = a6.fma(b0, c60); c61 = a6.fma(b1, c61);
            FloatVector a7 = FloatVector.broadcast(S, a[ao + 7]);
            c70 = a7.fma(b0, c70); c71 = a7.fma(b1, c71);
            FloatVector a8 = FloatVector.broadcast(S, a[ao + 8]);
            c80 = a8.fma(b0, c80); c81 = a8.fma(b1, c81);
            FloatVector a9 = FloatVector.broadcast(S, a[ao + 9]);
            c90 = a9.fma(b0, c90); c91 = a9.fma(b1, c91);
            FloatVector a10 = FloatVector.broadcast(S, a[ao + 10]);
            c100 = a10.fma(b0, c100); c101 = a10.fma(b1, c101);
            FloatVector a11 = FloatVector.broadcast(S, a[ao + 11]);
            c110 = a11.fma(b0, c110); c111 = a11.fma(b1, c111);
        }
        if (add) {
            FloatVector.fromArray(S, c, co).add(c00).intoArray(c, co);
            FloatVector.fromArray(S, c, co + L).add(c01).intoArray(c, co + L);
            FloatVector.fromArray(S, c, co + ldc).add(c10).intoArray(c, co + ldc);
            FloatVector.fromArray(S, c, co + ldc + L).add(c11).intoArray(c, co + ldc + L);
            FloatVector.fromArray(S, c, co + 2 * ldc).add(c20).intoArray(c, co + 2 * ldc);
            FloatVector.fromArray(S, c, co + 2 * ldc + L).add(c21).intoArray(c, co + 2 * ldc + L);
            FloatVector.fromArray(S, c, co + 3 * ldc).add(c30).intoArray(c, co + 3 * ldc);
            FloatVector.fromArray(S, c, co + 3 * ldc + L).add(c31).intoArray(c, co + 3 * ldc + L);
            FloatVector.fromArray(S, c, co + 4 * ldc).add(c40).intoArray(c, co + 4 * ldc);
            FloatVector.fromArray(S, c, co + 4 * ldc + L).add(c41).intoArray(c, co + 4 * ldc + L);
            FloatVector.fromArray(S, c, co + 5 * ldc).add(c50).intoArray(c, co + 5 * ldc);
            FloatVector.fromArray(S, c, co + 5 * ldc + L).add(c51).intoArray(c, co + 5 * ldc + L);
            FloatVector.fromArray(S, c, co + 6 * ldc).add(c60).intoArray(c, co + 6 * ldc);
            FloatVector.fromArray(S, c, co + 6 * ldc + L).add(c61).intoArray(c, co + 6 * ldc + L);
            FloatVector.fromArray(S, c, co + 7 * ldc).add(c70).intoArray(c, co + 7 * ldc);
            FloatVector.fromArray(S, c, co + 7 * ldc + L).add(c71).intoArray(c, co + 7 * ldc + L);
            FloatVector.fromArray(S, c, co + 8 * ldc).add(c80).intoArray(c, co + 8 * ldc);
            FloatVector.fromArray(S, c, co + 8 * ldc + L).add(c81).intoArray(c, co + 8 * ldc + L);
            FloatVector.fromArray(S, c, co + 9 * ldc).add(c90).intoArray(c, co + 9 * ldc);
            FloatVector.fromArray(S, c, co + 9 * ldc + L).add(c91).intoArray(c, co + 9 * ldc + L);
            FloatVector.fromArray(S, c, co + 10 * ldc).add(c100).intoArray(c, co + 10 * ldc);
            FloatVector.fromArray(S, c, co + 10 * ldc + L).add(c101).intoArray(c, co + 10 * ldc + L);
            FloatVector.fromArray(S, c, co + 11 * ldc).add(c110).intoArray(c, co + 11 * ldc);
            FloatVector.fromArray(S, c, co + 11 * ldc + L).add(c111).intoArray(c, co + 11 * ldc + L);
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
    private static void kernel12x1(int kc, float[] a, int ao, float[] b, int bo, float[] c, int co, int ldc, boolean add) {
        FloatVector c00 = FloatVector.zero(S);
        FloatVector c10 = FloatVector.zero(S);
        FloatVector c20 = FloatVector.zero(S);
        FloatVector c30 = FloatVector.zero(S);
        FloatVector c40 = FloatVector.zero(S);
        FloatVector c50 = FloatVector.zero(S);
        FloatVector c60 = FloatVector.zero(S);
        FloatVector c70 = FloatVector.zero(S);
        FloatVector c80 = FloatVector.zero(S);
        FloatVector c90 = FloatVector.zero(S);
        FloatVector c100 = FloatVector.zero(S);
        FloatVector c110 = FloatVector.zero(S);
        for (int p = 0; p < kc; p++, ao += 12, bo += L) {
            FloatVector b0 = FloatVector.fromArray(S, b, bo);
            FloatVector a0 = FloatVector.broadcast(S, a[ao]);
            c00 = a0.fma(b0, c00);
            FloatVector a1 = FloatVector.broadcast(S, a[ao + 1]);
            c10 = a1.fma(b0, c10);
            FloatVector a2 = FloatVector.broadcast(S, a[ao + 2]);
            c20 = a2.fma(b0, c20);
            FloatVector a3 = FloatVector.broadcast(S, a[ao + 3]);
            c30 = a3.fma(b0, c30);
            FloatVector a4 = FloatVector.broadcast(S, a[ao + 4]);
            c40 = a4.fma(b0, c40);
            FloatVector a5 = FloatVector.broadcast(S, a[ao + 5]);
            c50 = a5.fma(b0, c50);
            FloatVector a6 = FloatVector.broadcast(S, a[ao + 6]);
            c60 = a6.fma(b0, c60);
            FloatVector a7 = FloatVector.broadcast(S, a[ao + 7]);
            c70 = a7.fma(b0, c70);
            FloatVector a8 = FloatVector.broadcast(S, a[ao + 8]);
            c80 = a8.fma(b0, c80);
            FloatVector a9 = FloatVector.broadcast(S, a[ao + 9]);
            c90 = a9.fma(b0, c90);
            FloatVector a10 = FloatVector.broadcast(S, a[ao + 10]);
            c100 = a10.fma(b0, c100);
            FloatVector a11 = FloatVector.broadcast(S, a[ao + 11]);
            c110 = a11.fma(b0, c110);
        }
        if (add) {
            FloatVector.fromArray(S, c, co).add(c00).intoArray(c, co);
            FloatVector.fromArray(S, c, co + ldc).add(c10).intoArray(c, co + ldc);
            FloatVector.fromArray(S, c, co + 2 * ldc).add(c20).intoArray(c, co + 2 * ldc);
            FloatVector.fromArray(S, c, co + 3 * ldc).add(c30).intoArray(c, co + 3 * ldc);
            FloatVector.fromArray(S, c, co + 4 * ldc).add(c40).intoArray(c, co + 4 * ldc);
            FloatVector.fromArray(S, c, co + 5 * ldc).add(c50).intoArray(c, co + 5 * ldc);
            FloatVector.fromArray(S, c, co + 6 * ldc).add(c60).intoArray(c, co + 6 * ldc);
            FloatVector.fromArray(S, c, co + 7 * ldc).add(c70).intoArray(c, co + 7 * ldc);
            FloatVector.fromArray(S, c, co + 8 * ldc).add(c80).intoArray(c, co + 8 * ldc);
            FloatVector.fromArray(S, c, co + 9 * ldc).add(c90).intoArray(c, co + 9 * ldc);
            FloatVector.fromArray(S, c, co + 10 * ldc).add(c100).intoArray(c, co + 10 * ldc);
            FloatVector.fromArray(S, c, co + 11 * ldc).add(c110).intoArray(c, co + 11 * ldc);
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
