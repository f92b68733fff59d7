package dev.jgrad.kernels;

/**
 * Per-thread packing buffers for GEMM. Allocating (and zeroing) megabytes per call would cost
 * as much as a mid-size multiply, so each thread keeps its buffers and only grows them.
 */
final class Workspace {
    private static final ThreadLocal<Workspace> LOCAL = ThreadLocal.withInitial(Workspace::new);

    private float[] floatA = new float[0], floatB = new float[0], floatC = new float[0];
    private double[] doubleA = new double[0], doubleB = new double[0], doubleC = new double[0];
    private float[][] floatRows = new float[0][];
    private double[][] doubleRows = new double[0][];

    static Workspace get() {
        return LOCAL.get();
    }

    float[] floatA(int size) {
        if (floatA.length < size) floatA = new float[size];
        return floatA;
    }

    float[] floatB(int size) {
        if (floatB.length < size) floatB = new float[size];
        return floatB;
    }

    float[] floatC(int size) {
        if (floatC.length < size) floatC = new float[size];
        return floatC;
    }

    double[] doubleA(int size) {
        if (doubleA.length < size) doubleA = new double[size];
        return doubleA;
    }

    double[] doubleB(int size) {
        if (doubleB.length < size) doubleB = new double[size];
        return doubleB;
    }

    double[] doubleC(int size) {
        if (doubleC.length < size) doubleC = new double[size];
        return doubleC;
    }

    /** At least {@code rows} separate rows of at least {@code width}: see {@link ScalarGemm}. */
    float[][] floatRows(int rows, int width) {
        if (floatRows.length < rows || floatRows[0].length < width)
            floatRows = new float[Math.max(rows, floatRows.length)][Math.max(width, floatRows.length == 0 ? 0 : floatRows[0].length)];
        return floatRows;
    }

    double[][] doubleRows(int rows, int width) {
        if (doubleRows.length < rows || doubleRows[0].length < width)
            doubleRows = new double[Math.max(rows, doubleRows.length)][Math.max(width, doubleRows.length == 0 ? 0 : doubleRows[0].length)];
        return doubleRows;
    }
}
