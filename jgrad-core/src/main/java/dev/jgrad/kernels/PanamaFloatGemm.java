package dev.jgrad.kernels;

import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorSpecies;

import java.util.Arrays;

/**
 * BLIS-style float32 GEMM engine on the Vector API (one thread; {@link Gemm} splits the work).
 *
 * <p>Loops, outermost first: NC columns of B are packed into panels of NR columns for each KC
 * deep slice; MC rows of A are packed into panels of MR rows; then every MR x NR tile of C gets
 * one {@link #kernel2 register-tiled kernel} call over the KC slice. The kernel keeps the whole
 * 6 x 32 tile in 12 vector registers and does 12 FMAs per step, against 2 vector loads of B and
 * 6 broadcasts of A.
 *
 * <p>Sizes for AMD Zen 5 (per core: 48 KB L1d, 1 MB L2; AVX-512 with 32 vector registers):
 * <ul>
 * <li>MR = 6, NR = 2 vectors (32 floats): 12 accumulators + 2 B vectors + 1 broadcast = 15
 *     registers, so the same tile also fits the 16 registers of AVX2; 12 independent FMA chains
 *     cover the FMA latency of both pipes. A 12 x 32 tile measured no faster.
 * <li>KC = 256: one packed B micro-panel (KC x NR = 32 KB) stays in L1 while the A panels stream
 *     past it from L2.
 * <li>MC = 288 (48 panels): the packed A block is 288 KB, reused from L2 for every B micro-panel,
 *     and the B panel streams past half as many A blocks as with 144 rows. Against MC = 144,
 *     both builds in one process (SideBySideRunner, 5 rounds, four runs in both orders, 1
 *     thread): 512^3 0.97-1.08x (median 1.02x), 1024^3 0.98-1.03x (1.01x), 2048^3 0.94-1.07x
 *     (1.05x); one run on 2 threads 1.04x, 1.02x, 1.03x, the 784 -> 1024 forward of a 256-row
 *     batch 1.01x, W3 training 1.04x. The same build against itself spreads 0.985-1.02x.
 * <li>NC = 1024: the packed B panel (1 MB) is read once per A block, 288 rows of C for every
 *     load of it, so it need not stay in L2; fewer column blocks mean fewer repacks of A, which
 *     matter when A is transposed (a weight gradient G^T X). Measured in one process against NC =
 *     512, both builds loaded side by side and called in turn (5 rounds, median ratio): 1 thread,
 *     1024^3 1.01-1.05x and 1024 x 784 x 256 with A transposed 1.06-1.12x; 2 threads 1024^3
 *     1.09x and the weight-gradient shapes 1.02-1.06x; 512^3 and the 784 -> 1024 forward 0.99-1.01x.
 *     NC = 256 lost 7% on the weight gradient.
 * </ul>
 * Each element of C is summed over k in KC-sized blocks in a fixed order (per block:
 * 0 + a0 b0 + a1 b1 ... with FMA, then added to C), whatever the M/N split between threads.
 *
 * <p>The four kernels spell out their loads, FMAs and stores. Vector values only stay in
 * registers inside one compiled method: a shared epilogue taking the twelve accumulators was
 * not inlined, boxed them, and took GEMM at n = 512 from about 180 to 22-57 GFLOPS. And C is
 * added after the k loop, not loaded before it, because 12 accumulators plus 12 loaded C
 * vectors made the JIT spill registers in some processes (a 64 x 784 x 256 product took 430
 * instead of 175 us). The column-panel and row-panel kernels stay separate too: one kernel
 * addressing A as a[ao + i*ais + p*aps] for both ran 3-8% slower on every shape tried
 * (SideBySideRunner, 1 and 2 threads, 3 processes).
 */
final class PanamaFloatGemm {
    static final VectorSpecies<Float> S = FloatVector.SPECIES_PREFERRED;
    static final int L = S.length();
    static final int MR = 6, NR = 2 * L;
    static final int KC = 256, MC = 48 * MR, NC = 1024;
    /** Columns per panel of a {@link PackedMatrix} for one-row products: eight vectors. */
    static final int PW = 8 * L;

    private PanamaFloatGemm() {}

    static void gemm(int m, int n, int k, float[] a, int aOff, int aRs, int aCs, float[] b, int bOff, int bRs, int bCs,
                     float[] c, int cOff, int ldc, boolean accumulate) {
        if (m == 1 && aCs == 1 && bRs == 1) {
            // one row times a B stored by columns (batch-1 inference through W^T): n contiguous dot
            // products, where packing B would copy all of it for a single use
            gemv(n, k, a, aOff, b, bOff, bCs, c, cOff, accumulate);
            return;
        }
        if (Gemm.swapPays(m, n, k, NR, aRs, aCs, bRs, bCs, accumulate)) {
            // C^T = B^T A^T into a scratch block, then transposed into C. The kernel does the same
            // multiply-adds in the same order either way, so the bits do not change.
            float[] t = Workspace.get().floatC(m * n);
            if (accumulate) Transpose.copy(m, n, c, cOff, ldc, t, 0, m);
            blocked(n, m, k, b, bOff, bCs, bRs, a, aOff, aCs, aRs, t, 0, m, accumulate);
            Transpose.copy(n, m, t, 0, m, c, cOff, ldc);
        } else {
            blocked(m, n, k, a, aOff, aRs, aCs, b, bOff, bRs, bCs, c, cOff, ldc, accumulate);
        }
    }

    /**
     * c[j] (+)= x . B(:, j) for n columns of B, each contiguous. Four columns go together, so
     * eight independent FMA chains hide the FMA latency that a lone dot product waits on (784 x
     * 256: 13.4 us one by one, 10.3 us four at a time). Every dot product sums in the order of
     * {@link #dot}, whether it is one of four or alone.
     *
     * <p>What bounds it is the compiled loop, not the cache: with four rows of W in L1 it still
     * takes 12-15 cycles per 8 FMAs, because C2 spends about 30 integer instructions per
     * iteration on five offsets and two array bases it cannot keep in registers (JDK 17,
     * disassembled). One induction variable, 2 x 4 and 1 x 4 tiles and 256-bit vectors ran at
     * 12-18 cycles.
     */
    static void gemv(int n, int k, float[] x, int xo, float[] b, int bo, int bCs, float[] c, int co, boolean accumulate) {
        float[] lanes = new float[L];
        float[] out = new float[4];
        int j = 0;
        for (; j + 4 <= n; j += 4) {
            dot4(x, xo, b, bo + j * bCs, bCs, k, lanes, out);
            for (int t = 0; t < 4; t++) c[co + j + t] = accumulate ? c[co + j + t] + out[t] : out[t];
        }
        for (; j < n; j++) {
            float v = dot(x, xo, b, bo + j * bCs, k, lanes);
            c[co + j] = accumulate ? c[co + j] + v : v;
        }
    }

    /**
     * One panel of {@link #PW} columns of c (+)= x B for a B packed by {@link PackedMatrix#of}: for
     * every p, x[p] times the panel's row p, eight vectors from one contiguous stream, with no
     * reductions. Each column is summed in KC blocks exactly as {@link #blocked} sums an element
     * of C (0 + x0 b0 + x1 b1 ... with FMA per block, then added to c), so a row gives the same
     * bits here as in a product of many rows. 784 x 256 on one thread: 4.6-7.0 us, against 9.7-10.6 us
     * for {@link #gemv} reading W in place (each alone in one process, JDK 17).
     */
    static void gemvPanel(PackedMatrix b, int panel, float[] x, int xo, float[] c, int co, boolean accumulate) {
        int k = b.k, w = b.width, j0 = panel * w, cols = Math.min(w, b.n - j0), base = j0 * k;
        int kcMax = Gemm.blockDepth(k, KC);
        float[] tile = new float[w];
        for (int pc = 0; pc < k; pc += kcMax) {
            int kc = Math.min(kcMax, k - pc);
            if (w == L) narrowBlock(kc, x, xo + pc, b.data, base + pc * w, tile);
            else wideBlock(kc, x, xo + pc, b.data, base + pc * w, w, tile);
            addTile(tile, cols, c, co + j0, accumulate || pc > 0);
        }
    }

    /**
     * tile[0:8L] = sum over p < kc of x[x0 + p] d[r0 + p*w ..], eight accumulators, in order. The
     * loop is a method of its own with the row stride w passed in: written inside gemvPanel,
     * or with the constant PW as stride, the JIT compiled it 20-25% slower (same process, same
     * data, JDK 17).
     */
    private static void wideBlock(int kc, float[] x, int x0, float[] d, int r0, int w, float[] tile) {
        FloatVector s0 = FloatVector.zero(S), s1 = s0, s2 = s0, s3 = s0, s4 = s0, s5 = s0, s6 = s0, s7 = s0;
        // index = offset + p * step, so the JIT proves every access in range once, before the loop
        for (int p = 0; p < kc; p++) {
            FloatVector xp = FloatVector.broadcast(S, x[x0 + p]);
            int r = r0 + p * w;
            s0 = xp.fma(FloatVector.fromArray(S, d, r), s0);
            s1 = xp.fma(FloatVector.fromArray(S, d, r + L), s1);
            s2 = xp.fma(FloatVector.fromArray(S, d, r + 2 * L), s2);
            s3 = xp.fma(FloatVector.fromArray(S, d, r + 3 * L), s3);
            s4 = xp.fma(FloatVector.fromArray(S, d, r + 4 * L), s4);
            s5 = xp.fma(FloatVector.fromArray(S, d, r + 5 * L), s5);
            s6 = xp.fma(FloatVector.fromArray(S, d, r + 6 * L), s6);
            s7 = xp.fma(FloatVector.fromArray(S, d, r + 7 * L), s7);
        }
        s0.intoArray(tile, 0); s1.intoArray(tile, L); s2.intoArray(tile, 2 * L); s3.intoArray(tile, 3 * L);
        s4.intoArray(tile, 4 * L); s5.intoArray(tile, 5 * L); s6.intoArray(tile, 6 * L); s7.intoArray(tile, 7 * L);
    }

    /** {@link #wideBlock} for a panel one vector wide (a classifier's handful of outputs). */
    private static void narrowBlock(int kc, float[] x, int x0, float[] d, int r0, float[] tile) {
        FloatVector s = FloatVector.zero(S);
        for (int p = 0; p < kc; p++) s = FloatVector.broadcast(S, x[x0 + p]).fma(FloatVector.fromArray(S, d, r0 + p * L), s);
        s.intoArray(tile, 0);
    }

    /** c[o + j] = tile[j], or c[o + j] + tile[j] when {@code add}, for the first {@code cols} columns. */
    private static void addTile(float[] tile, int cols, float[] c, int o, boolean add) {
        int j = 0;
        for (; j + L <= cols; j += L) {
            FloatVector t = FloatVector.fromArray(S, tile, j);
            (add ? FloatVector.fromArray(S, c, o + j).add(t) : t).intoArray(c, o + j);
        }
        for (; j < cols; j++) c[o + j] = add ? c[o + j] + tile[j] : tile[j];
    }

    /**
     * x . y over k contiguous floats: two vector accumulators (even and odd vectors of the
     * pairs, then a last single vector into the first), then the lanes summed in index order
     * through {@code lanes} (reduceLanes may pick any order, and the bits must not change), then
     * the tail.
     */
    static float dot(float[] x, int xo, float[] y, int yo, int k, float[] lanes) {
        FloatVector s0 = FloatVector.zero(S), s1 = FloatVector.zero(S);
        // loops run an index from 0 to a bound fixed before the loop, so the JIT drops the range checks
        int pairs = k / (2 * L) * (2 * L), singles = k / L * L;
        for (int i = 0; i < pairs; i += 2 * L) {
            s0 = FloatVector.fromArray(S, x, xo + i).fma(FloatVector.fromArray(S, y, yo + i), s0);
            s1 = FloatVector.fromArray(S, x, xo + i + L).fma(FloatVector.fromArray(S, y, yo + i + L), s1);
        }
        for (int i = pairs; i < singles; i += L)
            s0 = FloatVector.fromArray(S, x, xo + i).fma(FloatVector.fromArray(S, y, yo + i), s0);
        return finishDot(s0.add(s1), x, xo, y, yo, singles, k, lanes);
    }

    private static float finishDot(FloatVector s, float[] x, int xo, float[] y, int yo, int i, int k, float[] lanes) {
        s.intoArray(lanes, 0);
        float sum = 0;
        for (float v : lanes) sum += v;
        for (; i < k; i++) sum = Math.fma(x[xo + i], y[yo + i], sum);
        return sum;
    }

    /** {@link #dot} of x with four vectors y at yo, yo + ys, yo + 2 ys, yo + 3 ys, into out. */
    private static void dot4(float[] x, int xo, float[] y, int yo, int ys, int k, float[] lanes, float[] out) {
        int y0 = yo, y1 = yo + ys, y2 = yo + 2 * ys, y3 = yo + 3 * ys;
        FloatVector p0 = FloatVector.zero(S), p1 = p0, p2 = p0, p3 = p0, q0 = p0, q1 = p0, q2 = p0, q3 = p0;
        int pairs = k / (2 * L) * (2 * L), singles = k / L * L;
        for (int i = 0; i < pairs; i += 2 * L) {
            FloatVector xa = FloatVector.fromArray(S, x, xo + i), xb = FloatVector.fromArray(S, x, xo + i + L);
            p0 = xa.fma(FloatVector.fromArray(S, y, y0 + i), p0);
            q0 = xb.fma(FloatVector.fromArray(S, y, y0 + i + L), q0);
            p1 = xa.fma(FloatVector.fromArray(S, y, y1 + i), p1);
            q1 = xb.fma(FloatVector.fromArray(S, y, y1 + i + L), q1);
            p2 = xa.fma(FloatVector.fromArray(S, y, y2 + i), p2);
            q2 = xb.fma(FloatVector.fromArray(S, y, y2 + i + L), q2);
            p3 = xa.fma(FloatVector.fromArray(S, y, y3 + i), p3);
            q3 = xb.fma(FloatVector.fromArray(S, y, y3 + i + L), q3);
        }
        for (int i = pairs; i < singles; i += L) {
            FloatVector xa = FloatVector.fromArray(S, x, xo + i);
            p0 = xa.fma(FloatVector.fromArray(S, y, y0 + i), p0);
            p1 = xa.fma(FloatVector.fromArray(S, y, y1 + i), p1);
            p2 = xa.fma(FloatVector.fromArray(S, y, y2 + i), p2);
            p3 = xa.fma(FloatVector.fromArray(S, y, y3 + i), p3);
        }
        int i = singles;
        out[0] = finishDot(p0.add(q0), x, xo, y, y0, i, k, lanes);
        out[1] = finishDot(p1.add(q1), x, xo, y, y1, i, k, lanes);
        out[2] = finishDot(p2.add(q2), x, xo, y, y2, i, k, lanes);
        out[3] = finishDot(p3.add(q3), x, xo, y, y3, i, k, lanes);
    }

    static void blocked(int m, int n, int k, float[] a, int aOff, int aRs, int aCs, float[] b, int bOff, int bRs,
                        int bCs, float[] c, int cOff, int ldc, boolean accumulate) {
        int kcMax = Gemm.blockDepth(k, KC);
        int ncMax = Math.min(NC, roundUp(n, NR)), mcMax = Math.min(MC, roundUp(m, MR));
        var ws = Workspace.get();
        float[] bp = ws.floatB(kcMax * roundUp(ncMax, NR));
        float[] ap = ws.floatA(KC * roundUp(mcMax, MR));
        float[] tile = new float[MR * NR];
        boolean aRows = Gemm.rowsContiguous(aRs, aCs);
        boolean direct = readsAInPlace(n, aCs);
        for (int jc = 0; jc < n; jc += NC) {
            int nc = Math.min(NC, n - jc);
            for (int pc = 0; pc < k; pc += kcMax) {
                int kc = Math.min(kcMax, k - pc);
                packB(kc, nc, b, bOff + pc * bRs + jc * bCs, bRs, bCs, bp);
                boolean add = accumulate || pc > 0;
                for (int ic = 0; ic < m; ic += MC) {
                    int mc = Math.min(MC, m - ic), inPlace = direct ? mc / MR * MR : 0;
                    if (inPlace > 0)
                        macro(inPlace, nc, kc, a, aOff + ic * aRs + pc, aRs, true, bp, c, cOff + ic * ldc + jc, ldc, add, tile);
                    if (inPlace < mc) {
                        int i0 = ic + inPlace;
                        packA(mc - inPlace, kc, a, aOff + i0 * aRs + pc * aCs, aRs, aCs, ap, aRows);
                        macro(mc - inPlace, nc, kc, ap, 0, aRows ? KC : kc, aRows, bp, c, cOff + i0 * ldc + jc, ldc, add, tile);
                    }
                }
            }
        }
    }

    /**
     * Whether the kernels read full panels of a row-major A where it lies instead of packing
     * them. Packing pays when each panel serves many B micro-panels; a short, wide product such
     * as W x^T (a linear layer's forward, swapped) uses each panel of W only n / NR times, so
     * copying all of W every call costs about as much as the reads it saves. Measured in one
     * process, alternating (1 thread, GFLOPS packed vs in place): 64 x 784 x 256 as x W^T 53 vs
     * 61, 128^3 80 vs 92, 512^3 107 vs 109 and 1024^3 165 vs 164 (so only n <= 4 NR reads in
     * place). Rows past the last full panel are still packed, with zeros below them.
     */
    static boolean readsAInPlace(int n, int aCs) {
        return aCs == 1 && n <= 4 * NR;
    }

    private static int roundUp(int x, int q) {
        return (x + q - 1) / q * q;
    }

    /**
     * C block (mc x nc) (+)= A block x packed B panel, one register tile at a time. The A panel
     * of rows ir.. starts at a[ao + ir*ars]: packed (ars = KC as rows, kc as columns) or A itself (ars = its row stride).
     */
    static void macro(int mc, int nc, int kc, float[] a, int ao, int ars, boolean aRows, float[] bp, float[] c, int cOff,
                      int ldc, boolean add, float[] tile) {
        for (int jr = 0; jr < nc; jr += NR) {
            int nr = Math.min(NR, nc - jr);
            boolean wide = nr > L;
            int width = wide ? NR : L;
            int bo = jr * kc;
            for (int ir = 0; ir < mc; ir += MR) {
                int mr = Math.min(MR, mc - ir), ai = ao + ir * ars, co = cOff + ir * ldc + jr;
                if (mr == MR && nr == width) {
                    kernel(wide, aRows, kc, a, ai, ars, bp, bo, c, co, ldc, add);
                } else {
                    kernel(wide, aRows, kc, a, ai, ars, bp, bo, tile, 0, width, false);
                    for (int i = 0; i < mr; i++) {
                        int t = i * width, ci = co + i * ldc;
                        if (add) for (int j = 0; j < nr; j++) c[ci + j] += tile[t + j];
                        else System.arraycopy(tile, t, c, ci, nr);
                    }
                }
            }
        }
    }

    private static void kernel(boolean wide, boolean aRows, int kc, float[] a, int ao, int ars, float[] b, int bo,
                               float[] c, int co, int ldc, boolean add) {
        if (aRows) {
            if (wide && ars == KC) kernelPackedRows2(kc, a, ao, b, bo, c, co, ldc, add);
            else if (wide) kernelRows2(kc, a, ao, ars, b, bo, c, co, ldc, add);
            else kernelRows1(kc, a, ao, ars, b, bo, c, co, ldc, add);
        } else {
            if (wide) kernel2(kc, a, ao, b, bo, c, co, ldc, add);
            else kernel1(kc, a, ao, b, bo, c, co, ldc, add);
        }
    }

    /**
     * Packs an mc x kc block of A as panels of MR rows (rows past mc are zero). A panel is either
     * MR rows of kc, each KC apart (A(r*MR + i, p) at [r*MR*KC + i*KC + p]), or kc columns of MR
     * ([r*MR*kc + p*MR + i]), whichever copies A in its memory order: packing then never
     * transposes A. The kernels read both; rows a fixed KC apart let {@link #kernelPackedRows2}
     * address all six with constant offsets from one index.
     */
    static void packA(int mc, int kc, float[] a, int off, int rs, int cs, float[] ap, boolean rows) {
        for (int ir = 0; ir < mc; ir += MR) {
            int mr = Math.min(MR, mc - ir), d = ir * (rows ? KC : kc), src = off + ir * rs;
            if (rows) {
                for (int i = 0; i < mr; i++, d += KC) {
                    int s = src + i * rs;
                    if (cs == 1) System.arraycopy(a, s, ap, d, kc);
                    else for (int p = 0; p < kc; p++, s += cs) ap[d + p] = a[s];
                }
                for (int i = mr; i < MR; i++, d += KC) Arrays.fill(ap, d, d + kc, 0f);
            } else if (mr == MR && rs == 1) {
                // a transposed operand (G^T in a weight gradient): six contiguous floats per column
                for (int p = 0; p < kc; p++) {
                    int s = src + p * cs, t = d + p * MR;
                    ap[t] = a[s];
                    ap[t + 1] = a[s + 1];
                    ap[t + 2] = a[s + 2];
                    ap[t + 3] = a[s + 3];
                    ap[t + 4] = a[s + 4];
                    ap[t + 5] = a[s + 5];
                }
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
    static void packB(int kc, int nc, float[] b, int off, int rs, int cs, float[] bp) {
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
            if (rs == 1) Transpose.copy(cols, kc, b, off, cs, bp, d, w);
            else for (int j = 0; j < cols; j++)
                for (int p = 0, s = off + j * cs, t = d + j; p < kc; p++, s += rs, t += w) bp[t] = b[s];
            if (cols < w) for (int p = 0; p < kc; p++) Arrays.fill(bp, d + p * w + cols, d + p * w + w, 0f);
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
    private static void kernel2(int kc, float[] a, int ao, float[] b, int bo, float[] c, int co, int ldc, boolean add) {
        FloatVector c00 = FloatVector.zero(S), c01 = FloatVector.zero(S);
        FloatVector c10 = FloatVector.zero(S), c11 = FloatVector.zero(S);
        FloatVector c20 = FloatVector.zero(S), c21 = FloatVector.zero(S);
        FloatVector c30 = FloatVector.zero(S), c31 = FloatVector.zero(S);
        FloatVector c40 = FloatVector.zero(S), c41 = FloatVector.zero(S);
        FloatVector c50 = FloatVector.zero(S), c51 = FloatVector.zero(S);
        // index = offset + p * step, so the JIT proves every access in range once, before the loop
        for (int p = 0; p < kc; p++) {
            FloatVector b0 = FloatVector.fromArray(S, b, bo + p * (2 * L));
            FloatVector b1 = FloatVector.fromArray(S, b, bo + p * (2 * L) + L);
            FloatVector a0 = FloatVector.broadcast(S, a[ao + p * MR]);
            c00 = a0.fma(b0, c00); c01 = a0.fma(b1, c01);
            FloatVector a1 = FloatVector.broadcast(S, a[ao + p * MR + 1]);
            c10 = a1.fma(b0, c10); c11 = a1.fma(b1, c11);
            FloatVector a2 = FloatVector.broadcast(S, a[ao + p * MR + 2]);
            c20 = a2.fma(b0, c20); c21 = a2.fma(b1, c21);
            FloatVector a3 = FloatVector.broadcast(S, a[ao + p * MR + 3]);
            c30 = a3.fma(b0, c30); c31 = a3.fma(b1, c31);
            FloatVector a4 = FloatVector.broadcast(S, a[ao + p * MR + 4]);
            c40 = a4.fma(b0, c40); c41 = a4.fma(b1, c41);
            FloatVector a5 = FloatVector.broadcast(S, a[ao + p * MR + 5]);
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

    /**
     * C[0:MR, 0:L] = (or +=) A panel x B panel with the whole C tile in registers; A(i, p) at
     * a[ao + p*MR + i], B(p, j) at b[bo + p*L + j].
     */
    private static void kernel1(int kc, float[] a, int ao, float[] b, int bo, float[] c, int co, int ldc, boolean add) {
        FloatVector c00 = FloatVector.zero(S);
        FloatVector c10 = FloatVector.zero(S);
        FloatVector c20 = FloatVector.zero(S);
        FloatVector c30 = FloatVector.zero(S);
        FloatVector c40 = FloatVector.zero(S);
        FloatVector c50 = FloatVector.zero(S);
        // index = offset + p * step, so the JIT proves every access in range once, before the loop
        for (int p = 0; p < kc; p++) {
            FloatVector b0 = FloatVector.fromArray(S, b, bo + p * L);
            FloatVector a0 = FloatVector.broadcast(S, a[ao + p * MR]);
            c00 = a0.fma(b0, c00);
            FloatVector a1 = FloatVector.broadcast(S, a[ao + p * MR + 1]);
            c10 = a1.fma(b0, c10);
            FloatVector a2 = FloatVector.broadcast(S, a[ao + p * MR + 2]);
            c20 = a2.fma(b0, c20);
            FloatVector a3 = FloatVector.broadcast(S, a[ao + p * MR + 3]);
            c30 = a3.fma(b0, c30);
            FloatVector a4 = FloatVector.broadcast(S, a[ao + p * MR + 4]);
            c40 = a4.fma(b0, c40);
            FloatVector a5 = FloatVector.broadcast(S, a[ao + p * MR + 5]);
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

    /** {@link #kernel2} with A as rows: A(i, p) at a[ao + i*ars + p], read in place (or packed, {@link #kernelPackedRows2}). */
    private static void kernelRows2(int kc, float[] a, int ao, int ars, float[] b, int bo, float[] c, int co, int ldc, boolean add) {
        FloatVector c00 = FloatVector.zero(S), c01 = FloatVector.zero(S);
        FloatVector c10 = FloatVector.zero(S), c11 = FloatVector.zero(S);
        FloatVector c20 = FloatVector.zero(S), c21 = FloatVector.zero(S);
        FloatVector c30 = FloatVector.zero(S), c31 = FloatVector.zero(S);
        FloatVector c40 = FloatVector.zero(S), c41 = FloatVector.zero(S);
        FloatVector c50 = FloatVector.zero(S), c51 = FloatVector.zero(S);
        // index = offset + p * step, so the JIT proves every access in range once, before the loop
        for (int p = 0; p < kc; p++) {
            FloatVector b0 = FloatVector.fromArray(S, b, bo + p * (2 * L));
            FloatVector b1 = FloatVector.fromArray(S, b, bo + p * (2 * L) + L);
            FloatVector a0 = FloatVector.broadcast(S, a[ao + p]);
            c00 = a0.fma(b0, c00); c01 = a0.fma(b1, c01);
            FloatVector a1 = FloatVector.broadcast(S, a[ao + p + ars]);
            c10 = a1.fma(b0, c10); c11 = a1.fma(b1, c11);
            FloatVector a2 = FloatVector.broadcast(S, a[ao + p + 2 * ars]);
            c20 = a2.fma(b0, c20); c21 = a2.fma(b1, c21);
            FloatVector a3 = FloatVector.broadcast(S, a[ao + p + 3 * ars]);
            c30 = a3.fma(b0, c30); c31 = a3.fma(b1, c31);
            FloatVector a4 = FloatVector.broadcast(S, a[ao + p + 4 * ars]);
            c40 = a4.fma(b0, c40); c41 = a4.fma(b1, c41);
            FloatVector a5 = FloatVector.broadcast(S, a[ao + p + 5 * ars]);
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

    /**
     * {@link #kernelRows2} for rows packed {@link #KC} apart: with the stride a constant, the six
     * broadcasts address A at fixed offsets from one index, where a variable stride costs C2 two
     * more instructions per row and spills row offsets to the stack (JDK 17, disassembled: 30
     * instead of 43 instructions per 12 FMAs). The loop is then less bound by how many
     * instructions a core issues, which matters most when a vCPU shares its core: 1.10-1.16x
     * for 256^3-2048^3 on one thread in such a phase, 1.01-1.03x outside it (SideBySideRunner).
     */
    private static void kernelPackedRows2(int kc, float[] a, int ao, float[] b, int bo, float[] c, int co, int ldc, boolean add) {
        FloatVector c00 = FloatVector.zero(S), c01 = FloatVector.zero(S);
        FloatVector c10 = FloatVector.zero(S), c11 = FloatVector.zero(S);
        FloatVector c20 = FloatVector.zero(S), c21 = FloatVector.zero(S);
        FloatVector c30 = FloatVector.zero(S), c31 = FloatVector.zero(S);
        FloatVector c40 = FloatVector.zero(S), c41 = FloatVector.zero(S);
        FloatVector c50 = FloatVector.zero(S), c51 = FloatVector.zero(S);
        // index = offset + p * step, so the JIT proves every access in range once, before the loop
        for (int p = 0; p < kc; p++) {
            FloatVector b0 = FloatVector.fromArray(S, b, bo + p * (2 * L));
            FloatVector b1 = FloatVector.fromArray(S, b, bo + p * (2 * L) + L);
            FloatVector a0 = FloatVector.broadcast(S, a[ao + p]);
            c00 = a0.fma(b0, c00); c01 = a0.fma(b1, c01);
            FloatVector a1 = FloatVector.broadcast(S, a[ao + p + KC]);
            c10 = a1.fma(b0, c10); c11 = a1.fma(b1, c11);
            FloatVector a2 = FloatVector.broadcast(S, a[ao + p + 2 * KC]);
            c20 = a2.fma(b0, c20); c21 = a2.fma(b1, c21);
            FloatVector a3 = FloatVector.broadcast(S, a[ao + p + 3 * KC]);
            c30 = a3.fma(b0, c30); c31 = a3.fma(b1, c31);
            FloatVector a4 = FloatVector.broadcast(S, a[ao + p + 4 * KC]);
            c40 = a4.fma(b0, c40); c41 = a4.fma(b1, c41);
            FloatVector a5 = FloatVector.broadcast(S, a[ao + p + 5 * KC]);
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

    /** {@link #kernel1} with A as rows: A(i, p) at a[ao + i*ars + p], packed (ars = KC) or in place. */
    private static void kernelRows1(int kc, float[] a, int ao, int ars, float[] b, int bo, float[] c, int co, int ldc, boolean add) {
        FloatVector c00 = FloatVector.zero(S);
        FloatVector c10 = FloatVector.zero(S);
        FloatVector c20 = FloatVector.zero(S);
        FloatVector c30 = FloatVector.zero(S);
        FloatVector c40 = FloatVector.zero(S);
        FloatVector c50 = FloatVector.zero(S);
        // index = offset + p * step, so the JIT proves every access in range once, before the loop
        for (int p = 0; p < kc; p++) {
            FloatVector b0 = FloatVector.fromArray(S, b, bo + p * L);
            FloatVector a0 = FloatVector.broadcast(S, a[ao + p]);
            c00 = a0.fma(b0, c00);
            FloatVector a1 = FloatVector.broadcast(S, a[ao + p + ars]);
            c10 = a1.fma(b0, c10);
            FloatVector a2 = FloatVector.broadcast(S, a[ao + p + 2 * ars]);
            c20 = a2.fma(b0, c20);
            FloatVector a3 = FloatVector.broadcast(S, a[ao + p + 3 * ars]);
            c30 = a3.fma(b0, c30);
            FloatVector a4 = FloatVector.broadcast(S, a[ao + p + 4 * ars]);
            c40 = a4.fma(b0, c40);
            FloatVector a5 = FloatVector.broadcast(S, a[ao + p + 5 * ars]);
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
}
