package dev.jgrad.kernels;

/** Plain-Java matrix multiply (i-p-j order so the inner loop streams rows of B and C). */
final class Gemm {
    private Gemm() {}

    static void gemm(int m, int n, int k, float[] a, int aOff, int aRs, int aCs, float[] b, int bOff, int bRs, int bCs,
                     float[] c, int cOff, int ldc, boolean accumulate) {
        for (int i = 0; i < m; i++) {
            int ci = cOff + i * ldc;
            if (!accumulate) java.util.Arrays.fill(c, ci, ci + n, 0f);
            for (int p = 0; p < k; p++) {
                float av = a[aOff + i * aRs + p * aCs];
                if (av == 0) continue;
                int bp = bOff + p * bRs;
                for (int j = 0; j < n; j++) c[ci + j] += av * b[bp + j * bCs];
            }
        }
    }

    static void gemm(int m, int n, int k, double[] a, int aOff, int aRs, int aCs, double[] b, int bOff, int bRs, int bCs,
                     double[] c, int cOff, int ldc, boolean accumulate) {
        for (int i = 0; i < m; i++) {
            int ci = cOff + i * ldc;
            if (!accumulate) java.util.Arrays.fill(c, ci, ci + n, 0d);
            for (int p = 0; p < k; p++) {
                double av = a[aOff + i * aRs + p * aCs];
                if (av == 0) continue;
                int bp = bOff + p * bRs;
                for (int j = 0; j < n; j++) c[ci + j] += av * b[bp + j * bCs];
            }
        }
    }
}
