package dev.jgrad.bench;

import dev.jgrad.kernels.BinaryOp;
import dev.jgrad.kernels.Kernels;
import dev.jgrad.kernels.ReduceOp;
import dev.jgrad.kernels.UnaryOp;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;

/**
 * A few float32 elementwise kernels on the shapes of an MLP layer: 64 x 256 (fits in L1/L2)
 * and 1024 x 1024 (memory). Average time per call; plain-Java kernels with
 * {@code -jvmArgsAppend -Djgrad.kernels=scalar}.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 1, jvmArgsAppend = {"--add-modules", "jdk.incubator.vector"})
@State(Scope.Thread)
public class ElementwiseBench {
    @Param({"64x256", "1024x1024"})
    public String shape;

    private int rows, cols;
    private float[] x, y, z, bias, out;
    private final Kernels kernels = Kernels.get();

    @Setup
    public void setUp() {
        String[] s = shape.split("x");
        rows = Integer.parseInt(s[0]);
        cols = Integer.parseInt(s[1]);
        var rnd = new SplittableRandom(1);
        x = new float[rows * cols];
        y = new float[rows * cols];
        z = new float[rows * cols];
        bias = new float[cols];
        out = new float[Math.max(rows, cols)];
        for (int i = 0; i < x.length; i++) {
            x[i] = (float) rnd.nextDouble(-1, 1);
            y[i] = (float) rnd.nextDouble(-1, 1);
        }
        for (int j = 0; j < cols; j++) bias[j] = (float) rnd.nextDouble(-1, 1);
    }

    @Benchmark
    public float[] relu() {
        kernels.unary(UnaryOp.RELU, x, 0, z, 0, x.length, 0, 0);
        return z;
    }

    @Benchmark
    public float[] exp() {
        kernels.unary(UnaryOp.EXP, x, 0, z, 0, x.length, 0, 0);
        return z;
    }

    @Benchmark
    public float[] add() {
        kernels.binary(BinaryOp.ADD, x, 0, 1, y, 0, 1, z, 0, x.length);
        return z;
    }

    /** Bias add: one broadcast row per row of x. */
    @Benchmark
    public float[] addBias() {
        for (int r = 0; r < rows; r++) kernels.binary(BinaryOp.ADD, x, r * cols, 1, bias, 0, 1, z, r * cols, cols);
        return z;
    }

    @Benchmark
    public float[] mulScalar() {
        kernels.binary(BinaryOp.MUL, x, 0, 1, bias, 0, 0, z, 0, x.length);
        return z;
    }

    @Benchmark
    public float[] sumRows() {
        kernels.reduceRows(ReduceOp.SUM, x, 0, rows, cols, out, 0);
        return out;
    }

    /** The bias gradient: sum over the batch. */
    @Benchmark
    public float[] sumCols() {
        kernels.reduceCols(ReduceOp.SUM, x, 0, rows, cols, out, 0);
        return out;
    }

    @Benchmark
    public float[] axpy() {
        kernels.axpy(x.length, 1e-3f, x, 0, y, 0);
        return y;
    }
}
