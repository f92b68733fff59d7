package dev.jgrad.optim;

import dev.jgrad.Tensor;
import dev.jgrad.nn.Loss;
import dev.jgrad.nn.Models;
import dev.jgrad.nn.Module;
import dev.jgrad.tensor.DType;
import org.junit.jupiter.api.Test;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Saving and restoring optimizer state: a restored run continues exactly like the original. */
class OptimizerStateTest {
    static final Tensor X = Tensor.randn(1, 8, 5);
    static final Tensor Y = Tensor.of(new int[] {0, 1, 2, 0, 1, 2, 2, 1});

    static void train(Module net, Optimizer opt, int steps) {
        for (int s = 0; s < steps; s++) {
            opt.zeroGrad();
            Loss.crossEntropy(net.forward(X), Y).backward();
            opt.step();
        }
    }

    static void assertResumesExactly(Function<List<Tensor>, Optimizer> make) {
        Module original = Models.mlp(5, new int[] {6}, 3, "tanh", 3);
        Optimizer opt = make.apply(original.parameters());
        train(original, opt, 3);
        Map<String, Tensor> weights = new LinkedHashMap<>();
        original.stateDict().forEach((k, v) -> weights.put(k, v.contiguousCopy()));
        Map<String, Tensor> saved = opt.stateDict();
        train(original, opt, 4);

        Module resumed = Models.mlp(5, new int[] {6}, 3, "tanh", 99);
        resumed.loadStateDict(weights);
        Optimizer fresh = make.apply(resumed.parameters());
        fresh.setLearningRate(123);
        fresh.loadStateDict(saved);
        assertEquals(opt.learningRate(), fresh.learningRate());
        assertEquals(3, fresh.stepCount());
        train(resumed, fresh, 4);
        assertEquals(7, fresh.stepCount());
        for (String name : weights.keySet())
            assertArrayEquals(original.namedParameters().get(name).toFloatArray(), resumed.namedParameters().get(name).toFloatArray(),
                    fresh + ": " + name + " differs after resuming");
        assertEquals(opt.stateDict().keySet(), fresh.stateDict().keySet());
    }

    @Test
    void sgdResumes() {
        assertResumesExactly(ps -> new SGD(ps, 0.1, 0.9, 0, true, 1e-3));
        assertResumesExactly(ps -> new SGD(ps, 0.1));
    }

    @Test
    void adamResumes() {
        assertResumesExactly(ps -> new Adam(ps, 0.01, 0.9, 0.99, 1e-8, 1e-3));
    }

    @Test
    void adamWResumes() {
        assertResumesExactly(ps -> new AdamW(ps, 0.01));
    }

    @Test
    void rmspropResumes() {
        assertResumesExactly(ps -> new RMSProp(ps, 0.01, 0.9, 1e-8, 1e-3, 0.5, true));
    }

    @Test
    void stateDictLayout() {
        Tensor p = Tensor.zeros(DType.FLOAT64, 2, 3).requiresGrad(true);
        Adam adam = new Adam(List.of(p), 0.01);
        Tensor.ones(DType.FLOAT64, 2, 3).mul(p).sum().backward();
        adam.step();
        adam.step();
        Map<String, Tensor> sd = adam.stateDict();
        assertEquals(List.of("lr", "step", "state.0.step", "state.0.exp_avg", "state.0.exp_avg_sq"), List.copyOf(sd.keySet()));
        assertEquals(0, sd.get("lr").dim());
        assertEquals(DType.FLOAT64, sd.get("lr").dtype());
        assertEquals(DType.INT64, sd.get("step").dtype());
        assertEquals(2, sd.get("step").item());
        assertEquals(2, sd.get("state.0.step").item());
        assertArrayEquals(new int[] {2, 3}, sd.get("state.0.exp_avg").shape());
        // a snapshot: later steps leave it alone
        double m = sd.get("state.0.exp_avg").get(0, 0);
        adam.step();
        assertEquals(m, sd.get("state.0.exp_avg").get(0, 0));

        SGD sgd = new SGD(List.of(p), 0.1, 0.9);
        sgd.step();
        assertEquals(List.of("lr", "step", "state.0.momentum_buffer"), List.copyOf(sgd.stateDict().keySet()));
        assertEquals(List.of("lr", "step"), List.copyOf(new SGD(List.of(p), 0.1).stateDict().keySet()));
    }

    @Test
    void loadStateDictReportsProblemsAndChangesNothing() {
        Tensor p = Tensor.zeros(DType.FLOAT64, 3).requiresGrad(true);
        Tensor.ones(DType.FLOAT64, 3).mul(p).sum().backward();
        Adam adam = new Adam(List.of(p), 0.01);
        adam.step();
        SGD sgd = new SGD(List.of(p), 0.5, 0.9);
        var e = assertThrows(IllegalArgumentException.class, () -> sgd.loadStateDict(adam.stateDict()));
        assertTrue(e.getMessage().startsWith("SGD.loadStateDict: unexpected [state.0.exp_avg, state.0.exp_avg_sq, state.0.step]"), e.getMessage());
        assertEquals(0.5, sgd.learningRate(), "a failed load changes nothing");

        Map<String, Tensor> wrongShape = adam.stateDict();
        wrongShape.put("state.0.exp_avg", Tensor.zeros(DType.FLOAT64, 4));
        wrongShape.remove("state.0.exp_avg_sq");
        wrongShape.put("state.7.exp_avg", Tensor.zeros(DType.FLOAT64, 3));
        wrongShape.remove("lr");
        Adam other = new Adam(List.of(p), 0.01);
        e = assertThrows(IllegalArgumentException.class, () -> other.loadStateDict(wrongShape));
        String msg = e.getMessage();
        assertTrue(msg.contains("'lr' must be a one-element tensor"), msg);
        assertTrue(msg.contains("'state.0.exp_avg' has shape [4], expected [3]"), msg);
        assertTrue(msg.contains("unexpected [state.7.exp_avg]"), msg);
        assertTrue(msg.contains("parameter 0 lacks [exp_avg, exp_avg_sq]"), msg);
    }
}
