package dev.jgrad.bench;

import dev.jgrad.Tensor;
import dev.jgrad.bench.Workloads.Dataset;
import dev.jgrad.bench.Workloads.Mlp;
import dev.jgrad.bench.Workloads.Options;
import dev.jgrad.bench.Workloads.Summary;
import dev.jgrad.bench.Workloads.UsageException;
import dev.jgrad.tensor.Generator;
import org.junit.jupiter.api.Test;

import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class WorkloadsTest {

    @Test
    void optionsReadDeclaredValuesAndFallBackToDefaults() {
        var opts = Options.parse("mlp", new String[] {"--hidden", "1024,1024", "--lr", "0.05"},
                Set.of("hidden", "lr", "batch"));
        assertArrayEquals(new int[] {1024, 1024}, opts.sizes("hidden", 256));
        assertEquals(0.05, opts.real("lr", 0.1));
        assertEquals(64, opts.positive("batch", 64));
    }

    @Test
    void optionsRejectTyposMissingValuesAndBadNumbersByName() {
        var known = Set.of("batch");
        var typo = assertThrows(UsageException.class, () -> Options.parse("mlp", new String[] {"--bach", "64"}, known));
        assertTrue(typo.getMessage().contains("--bach"), typo.getMessage());
        assertThrows(UsageException.class, () -> Options.parse("mlp", new String[] {"--batch"}, known));
        var bad = Options.parse("mlp", new String[] {"--batch", "0"}, known);
        var zero = assertThrows(UsageException.class, () -> bad.positive("batch", 64));
        assertTrue(zero.getMessage().startsWith("mlp: --batch"), zero.getMessage());
        var sizes = Options.parse("mlp", new String[] {"--batch", "3,x"}, known);
        assertThrows(UsageException.class, () -> sizes.sizes("batch", 1));
    }

    @Test
    void summaryTakesTheMiddleOfOddAndEvenCounts() {
        assertEquals(new Summary(2, 1, 9), Summary.of(new double[] {9, 1, 2}));
        assertEquals(new Summary(2.5, 1, 9), Summary.of(new double[] {9, 1, 2, 3}));
        assertThrows(IllegalArgumentException.class, () -> Summary.of(new double[0]));
    }

    @Test
    void syntheticDataIsSeededMnistShapedAndInRange() {
        var a = Dataset.synthetic(7, 50);
        var b = Dataset.synthetic(7, 50);
        assertArrayEquals(new int[] {50, Workloads.FEATURES}, a.images().shape());
        assertArrayEquals(a.images().toFloatArray(), b.images().toFloatArray());
        assertArrayEquals(a.labels().toLongArray(), b.labels().toLongArray());
        for (float v : a.images().toFloatArray()) assertTrue(v >= 0 && v < 1, "pixel " + v);
        for (long y : a.labels().toLongArray()) assertTrue(y >= 0 && y < Workloads.CLASSES, "label " + y);
    }

    @Test
    void sgdStepsFitAFixedBatchAndLeaveZeroedGradientBuffers() {
        var data = Dataset.synthetic(3, 32);
        var model = new Mlp(4, 32);
        double first = model.sgdStep(data.images(), data.labels(), 0.1);
        double last = first;
        for (int i = 0; i < 60; i++) last = model.sgdStep(data.images(), data.labels(), 0.1);
        // Random labels can only be memorized, which a working backward pass and update do quickly.
        assertTrue(last < 0.5 * first, "loss went from " + first + " to " + last);
        for (Tensor p : model.parameters()) {
            assertNotNull(p.grad(), "the step keeps its gradient buffers");
            assertEquals(0.0, p.grad().abs().sum().item(), "and leaves them zeroed");
        }
    }

    @Test
    void anEpochVisitsWholeBatchesOfTheRequestedSamples() {
        var data = Dataset.synthetic(5, 100);
        var model = new Mlp(6, 8, 8);
        double loss = model.epoch(data, 100, 32, 0.1, new Generator(1));
        assertTrue(Double.isFinite(loss) && loss > 0, "mean loss " + loss);
        assertThrows(IllegalArgumentException.class, () -> model.epoch(data, 101, 32, 0.1, new Generator(1)));
        assertNotNull(model.forward(data.images()));
        assertArrayEquals(new int[] {100, Workloads.CLASSES}, model.forward(data.images()).shape());
    }
}
