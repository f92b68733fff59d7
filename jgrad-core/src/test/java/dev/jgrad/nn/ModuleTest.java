package dev.jgrad.nn;

import dev.jgrad.Tensor;
import dev.jgrad.tensor.DType;
import dev.jgrad.tensor.Generator;
import org.junit.jupiter.api.Test;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Parameter registry, names, modes, state dicts, dtype conversion, printing and summaries. */
class ModuleTest {

    static Sequential small(long seed) {
        Generator gen = new Generator(seed);
        return new Sequential(new Linear(4, 8, gen), new ReLU(), new Linear(8, 3, gen));
    }

    @Test
    void stateDictNamesFollowPyTorch() {
        Sequential net = small(1);
        Map<String, Tensor> sd = net.stateDict();
        assertEquals(List.of("0.weight", "0.bias", "2.weight", "2.bias"), List.copyOf(sd.keySet()));
        assertArrayEquals(new int[] {8, 4}, sd.get("0.weight").shape());
        assertArrayEquals(new int[] {8}, sd.get("0.bias").shape());
        assertArrayEquals(new int[] {3, 8}, sd.get("2.weight").shape());
        assertArrayEquals(new int[] {3}, sd.get("2.bias").shape());
        assertEquals(4 * 8 + 8 + 8 * 3 + 3, net.numParameters());
        assertEquals(4, net.parameters().size());
        for (Tensor p : net.parameters()) assertTrue(p.requiresGrad() && p.isLeaf());
        for (Tensor t : sd.values()) assertFalse(t.requiresGrad(), "state dict entries are detached");
        // detached aliases: they see later parameter updates
        try (var g = Tensor.noGrad()) {
            net.parameters().get(1).fill(7);
        }
        assertEquals(7.0, sd.get("0.bias").get(0));
    }

    @Test
    void nestedModulesGetDottedNames() {
        Generator gen = new Generator(3);
        Sequential net = new Sequential(new Sequential(new Linear(2, 3, gen), new Tanh()), new Linear(3, 1, gen));
        assertEquals(List.of("0.0.weight", "0.0.bias", "1.weight", "1.bias"), List.copyOf(net.namedParameters().keySet()));
        assertEquals(List.of("", "0", "0.0", "0.1", "1"), List.copyOf(net.namedModules().keySet()));
    }

    @Test
    void tiedParametersAreListedOnce() {
        Linear shared = new Linear(3, 3, 1L);
        Sequential net = new Sequential(shared, new Tanh(), shared);
        assertEquals(List.of("0.weight", "0.bias"), List.copyOf(net.namedParameters().keySet()));
        assertEquals(12, net.numParameters());
    }

    @Test
    void loadStateDictCopiesValues() {
        Sequential a = small(1), b = small(2);
        Tensor x = Tensor.randn(5, 5, 4);
        assertFalse(a.forward(x).allClose(b.forward(x)));
        b.loadStateDict(a.stateDict());
        assertTrue(a.forward(x).allClose(b.forward(x), 0, 0));
        // a copy, not a share: changing a afterwards leaves b alone
        try (var g = Tensor.noGrad()) {
            a.parameters().get(0).fill(0);
        }
        assertFalse(a.forward(x).allClose(b.forward(x)));
    }

    @Test
    void loadStateDictNamesEveryProblemAndChangesNothing() {
        Sequential net = small(1);
        Tensor before = net.parameters().get(0).detach().contiguousCopy();
        Map<String, Tensor> bad = new LinkedHashMap<>(small(2).stateDict());
        bad.remove("2.bias");
        bad.put("3.weight", Tensor.zeros(3, 3));
        bad.put("0.weight", Tensor.zeros(4, 8));
        var e = assertThrows(IllegalArgumentException.class, () -> net.loadStateDict(bad));
        String msg = e.getMessage();
        assertTrue(msg.contains("missing [2.bias]"), msg);
        assertTrue(msg.contains("unexpected [3.weight]"), msg);
        assertTrue(msg.contains("'0.weight' has shape [4, 8], the model expects [8, 4]"), msg);
        assertTrue(net.parameters().get(0).allClose(before, 0, 0), "a failed load must not change the model");
    }

    @Test
    void loadStateDictConvertsDtype() {
        Sequential a = small(1), b = small(2);
        a.to(DType.FLOAT64);
        b.loadStateDict(a.stateDict());
        assertEquals(DType.FLOAT32, b.dtype());
        assertTrue(b.parameters().get(0).allClose(a.parameters().get(0).to(DType.FLOAT32), 0, 0));
    }

    @Test
    void trainAndEvalReachEveryDescendant() {
        Sequential net = new Sequential(new Linear(2, 2, 1L), new Sequential(new Dropout(0.5, 1), new ReLU()));
        for (Module m : net.namedModules().values()) assertTrue(m.isTraining());
        net.eval();
        for (Module m : net.namedModules().values()) assertFalse(m.isTraining());
        net.train();
        for (Module m : net.namedModules().values()) assertTrue(m.isTraining());
    }

    @Test
    void zeroGradClearsAllGradients() {
        Sequential net = small(1);
        Loss.crossEntropy(net.forward(Tensor.randn(2, 6, 4)), Tensor.of(new int[] {0, 1, 2, 0, 1, 2})).backward();
        for (Tensor p : net.parameters()) assertNotNull(p.grad());
        net.zeroGrad();
        for (Tensor p : net.parameters()) assertNull(p.grad());
    }

    @Test
    void toDtypeConvertsParametersAndKeepsThemTrainable() {
        Sequential net = small(1);
        Tensor w32 = net.parameters().get(0).detach().contiguousCopy();
        assertSame(net, net.to(DType.FLOAT64));
        assertEquals(DType.FLOAT64, net.dtype());
        for (Tensor p : net.parameters()) {
            assertEquals(DType.FLOAT64, p.dtype());
            assertTrue(p.requiresGrad() && p.isLeaf());
        }
        assertTrue(net.parameters().get(0).to(DType.FLOAT32).allClose(w32, 0, 0));
        Tensor y = net.forward(Tensor.randn(DType.FLOAT64, new Generator(1), 2, 4));
        assertEquals(DType.FLOAT64, y.dtype());
        assertTrue(((Linear) net.get(0)).weight() == net.parameters().get(0), "layers read the converted tensors");
    }

    @Test
    void registrationRejectsBadNames() {
        class Custom extends Module {
            Custom(String first, String second) {
                registerParameter(first, Tensor.zeros(2));
                registerParameter(second, Tensor.zeros(2));
            }

            @Override
            public Tensor forward(Tensor x) {
                return x;
            }
        }
        assertTrue(assertThrows(IllegalArgumentException.class, () -> new Custom("w", "w")).getMessage().contains("'w' is already taken"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> new Custom("w", "a.b")).getMessage().contains("invalid name 'a.b'"));
        var intParam = assertThrows(IllegalArgumentException.class, () -> new Custom("w", "v") {
            {
                registerParameter("labels", Tensor.of(new int[] {1}));
            }
        });
        assertTrue(intParam.getMessage().contains("must be a floating-point tensor"), intParam.getMessage());
    }

    @Test
    void toStringIsReadable() {
        Sequential net = new Sequential(new Linear(784, 256, 1L), new ReLU(), new Dropout(0.2, 1), new Linear(256, 10, 2L));
        assertEquals("""
                Sequential(
                  (0): Linear(784 -> 256)
                  (1): ReLU()
                  (2): Dropout(p=0.2)
                  (3): Linear(256 -> 10)
                )""", net.toString());
        assertEquals("Linear(3 -> 2, bias=false)", new Linear(3, 2, false, Init.XAVIER, DType.FLOAT32, new Generator(1)).toString());
        assertEquals("LeakyReLU(slope=0.2)", new LeakyReLU(0.2).toString());
        assertEquals("Sequential(\n  (0): Sequential(\n    (0): Tanh()\n  )\n)", new Sequential(new Sequential(new Tanh())).toString());
    }

    @Test
    void summaryListsLayersShapesAndCounts() {
        Module net = Models.mlp(784, new int[] {256}, 10, "relu", 1);
        String s = net.summary(784);
        assertTrue(s.startsWith("Sequential: 3 layers\n"), s);
        assertTrue(s.contains("Layer  Type"), s);
        assertTrue(s.matches("(?s).*\\binput\\s+\\[N, 784].*"), s);
        assertTrue(s.matches("(?s).*\\n0\\s+Linear\\(784 -> 256\\)\\s+\\[N, 256]\\s+200,960\\n.*"), s);
        assertTrue(s.matches("(?s).*\\n1\\s+ReLU\\(\\)\\s+\\[N, 256]\\s+0\\n.*"), s);
        assertTrue(s.matches("(?s).*\\n2\\s+Linear\\(256 -> 10\\)\\s+\\[N, 10]\\s+2,570\\n.*"), s);
        assertTrue(s.contains("Total params: 203,530\n"), s);
        assertTrue(s.contains("Trainable params: 203,530\n"), s);
        assertTrue(s.contains("Non-trainable params: 0\n"), s);
        assertTrue(s.contains("Parameter memory: 795.0 KiB"), s); // 203,530 * 4 bytes

        Summary table = Summary.of(net, 784);
        assertEquals(3, table.rows().size());
        assertArrayEquals(new int[] {1, 10}, table.rows().get(2).outputShape());
    }

    @Test
    void summaryOfNestedModelsAndFlatten() {
        Generator gen = new Generator(1);
        Sequential net = new Sequential(new Flatten(), new Sequential(new Linear(12, 5, gen), new Sigmoid()), new Linear(5, 2, gen));
        Summary table = Summary.of(net, 3, 4);
        assertEquals(List.of("0", "1.0", "1.1", "2"), table.rows().stream().map(Summary.Row::name).toList());
        assertArrayEquals(new int[] {1, 12}, table.rows().get(0).outputShape());
        assertEquals(12 * 5 + 5, table.rows().get(1).parameters());
        assertEquals(12 * 5 + 5 + 5 * 2 + 2, table.totalParameters());
        assertTrue(net.summary(3, 4).contains("[N, 3, 4]"));
    }

    @Test
    void summaryLeavesModesAndRandomStreamsAlone() {
        Module a = Models.mlp(6, new int[] {5}, 3, "relu", 0.5, 9), b = Models.mlp(6, new int[] {5}, 3, "relu", 0.5, 9);
        a.summary(6);
        for (Module m : a.namedModules().values()) assertTrue(m.isTraining(), "summary restores training mode");
        Tensor x = Tensor.randn(4, 3, 6);
        assertTrue(a.forward(x).allClose(b.forward(x), 0, 0), "summary must not draw from the dropout generator");
        b.eval();
        b.summary(6);
        assertFalse(b.isTraining());
    }

    @Test
    void summaryReportsTheFailingLayer() {
        Module net = small(1);
        var e = assertThrows(IllegalArgumentException.class, () -> net.summary(5));
        assertTrue(e.getMessage().contains("summary: the forward pass of Sequential on zeros of shape [1, 5] failed"), e.getMessage());
        assertTrue(e.getMessage().contains("Sequential layer 0 (Linear): Linear(4 -> 8): input of shape [1, 5] must have 4 features"), e.getMessage());
    }

    @Test
    void sequentialForwardNamesTheFailingLayer() {
        Sequential net = small(1);
        var e = assertThrows(IllegalArgumentException.class, () -> net.forward(Tensor.zeros(2, 7)));
        assertTrue(e.getMessage().startsWith("Sequential layer 0 (Linear): Linear(4 -> 8): input of shape [2, 7]"), e.getMessage());
        assertEquals(3, net.size());
        assertTrue(net.get(1) instanceof ReLU);
        assertThrows(IndexOutOfBoundsException.class, () -> net.get(3));
    }
}
