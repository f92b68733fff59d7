package dev.jgrad.kernels;

import jdk.incubator.vector.FloatVector;

/** Vector API kernels; anything not overridden here runs the plain-Java loop. */
final class PanamaKernels extends ScalarKernels {
    @Override
    public String name() {
        return "panama (" + FloatVector.SPECIES_PREFERRED.length() + " float lanes)";
    }

    @Override
    public void gemm(int m, int n, int k, float[] a, int aOff, int aRs, int aCs, float[] b, int bOff, int bRs, int bCs,
                     float[] c, int cOff, int ldc, boolean accumulate) {
        Gemm.gemm(PanamaFloatGemm::gemm, PanamaFloatGemm.MR, PanamaFloatGemm.NR,
                m, n, k, a, aOff, aRs, aCs, b, bOff, bRs, bCs, c, cOff, ldc, accumulate);
    }
}
