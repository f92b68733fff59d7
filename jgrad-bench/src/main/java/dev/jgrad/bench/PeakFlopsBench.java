package dev.jgrad.bench;

import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

import java.util.concurrent.TimeUnit;

/**
 * The float32 FMA ceiling of one core as seen from the Vector API: twelve independent
 * multiply-add chains in registers, no memory traffic. Twelve chains cover the FMA latency
 * times the two FMA pipes of current x86 cores. The score is in FLOP per nanosecond, that is
 * GFLOPS per benchmark thread ({@code -t 2} measures two cores together).
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 1, jvmArgsAppend = {"--add-modules", "jdk.incubator.vector"})
@State(Scope.Thread)
public class PeakFlopsBench {
    private static final VectorSpecies<Float> S = FloatVector.SPECIES_PREFERRED;
    private static final int STEPS = 1 << 16, CHAINS = 12;

    public float seed = 1f, mul = 0.999999f, add = 1e-7f;

    @Benchmark
    @OperationsPerInvocation(STEPS * CHAINS * 2 * 16)
    public float fma() {
        if (S.length() != 16) throw new IllegalStateException("the flop count assumes 16 float lanes, this JVM has " + S.length());
        var m = FloatVector.broadcast(S, mul);
        var a = FloatVector.broadcast(S, add);
        var c0 = FloatVector.broadcast(S, seed);
        var c1 = c0.add(1f);
        var c2 = c0.add(2f);
        var c3 = c0.add(3f);
        var c4 = c0.add(4f);
        var c5 = c0.add(5f);
        var c6 = c0.add(6f);
        var c7 = c0.add(7f);
        var c8 = c0.add(8f);
        var c9 = c0.add(9f);
        var c10 = c0.add(10f);
        var c11 = c0.add(11f);
        for (int i = 0; i < STEPS; i++) {
            c0 = c0.fma(m, a);
            c1 = c1.fma(m, a);
            c2 = c2.fma(m, a);
            c3 = c3.fma(m, a);
            c4 = c4.fma(m, a);
            c5 = c5.fma(m, a);
            c6 = c6.fma(m, a);
            c7 = c7.fma(m, a);
            c8 = c8.fma(m, a);
            c9 = c9.fma(m, a);
            c10 = c10.fma(m, a);
            c11 = c11.fma(m, a);
        }
        return c0.add(c1).add(c2).add(c3).add(c4).add(c5).add(c6).add(c7).add(c8).add(c9).add(c10).add(c11)
                .reduceLanes(VectorOperators.ADD);
    }
}
