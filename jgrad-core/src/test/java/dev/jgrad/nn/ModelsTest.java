package dev.jgrad.nn;

import dev.jgrad.Tensor;
import dev.jgrad.autograd.GradCheck;
import dev.jgrad.tensor.DType;
import dev.jgrad.tensor.Generator;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Model specs, descriptions that rebuild the same architecture, and a gradcheck through an MLP. */
class ModelsTest {

    @Test
    void mlpHasTheRequestedLayers() {
        Module net = Models.mlp(784, new int[] {256, 128}, 10, "relu", 42);
        assertEquals("""
                Sequential(
                  (0): Linear(784 -> 256)
                  (1): ReLU()
                  (2): Linear(256 -> 128)
                  (3): ReLU()
                  (4): Linear(128 -> 10)
                )""", net.toString());
        assertEquals(List.of("0.weight", "0.bias", "2.weight", "2.bias", "4.weight", "4.bias"), List.copyOf(net.namedParameters().keySet()));
        // He init on the hidden layers, Xavier on the output layer
        double heBound = Math.sqrt(6.0 / 784), xavierBound = Math.sqrt(6.0 / (128 + 10));
        double hidden = net.namedParameters().get("0.weight").abs().amax().item();
        assertTrue(hidden <= heBound && hidden > 0.99 * heBound);
        double out = net.namedParameters().get("4.weight").abs().amax().item();
        assertTrue(out <= xavierBound && out > 0.9 * xavierBound);

        Module withDropout = Models.mlp(20, new int[] {8}, 3, "tanh", 0.25, 1);
        assertEquals("Sequential(\n  (0): Linear(20 -> 8)\n  (1): Tanh()\n  (2): Dropout(p=0.25)\n  (3): Linear(8 -> 3)\n)", withDropout.toString());
        assertInstanceOf(Linear.class, Models.mlp(5, new int[0], 3, "relu", 1));
    }

    @Test
    void sameSeedSameWeights() {
        Module a = Models.fromSpec("mlp:16,8", 10, 3, "relu", 5), b = Models.fromSpec("mlp:16,8", 10, 3, "relu", 5);
        Module c = Models.fromSpec("mlp:16,8", 10, 3, "relu", 6);
        for (String name : a.namedParameters().keySet()) {
            assertTrue(a.namedParameters().get(name).allClose(b.namedParameters().get(name), 0, 0), name);
        }
        assertFalse(a.namedParameters().get("0.weight").allClose(c.namedParameters().get("0.weight")));
    }

    @Test
    void specs() {
        Module softmax = Models.fromSpec("softmax", 784, 10, "relu", 1);
        assertInstanceOf(Linear.class, softmax);
        assertEquals("Linear(784 -> 10)", softmax.toString());
        assertEquals("Linear(4 -> 3)", Models.fromSpec(" Linear ", 4, 3, "relu", 1).toString());
        Sequential mlp = (Sequential) Models.fromSpec("mlp:256,128", 784, 10, "LeakyReLU", 1);
        assertEquals(5, mlp.size());
        assertInstanceOf(LeakyReLU.class, mlp.get(1));
        assertEquals(128, ((Linear) mlp.get(2)).outFeatures());

        assertTrue(assertThrows(IllegalArgumentException.class, () -> Models.fromSpec("mlp:", 4, 3, "relu", 1))
                .getMessage().contains("an mlp needs hidden sizes"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> Models.fromSpec("mlp:12,x", 4, 3, "relu", 1))
                .getMessage().contains("'x' is not an integer"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> Models.fromSpec("mlp:12,-3", 4, 3, "relu", 1))
                .getMessage().contains("hidden sizes must be positive"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> Models.fromSpec("cnn:3", 4, 3, "relu", 1))
                .getMessage().startsWith("unknown model spec 'cnn:3'"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> Models.fromSpec("mlp:8", 4, 3, "swish", 1))
                .getMessage().startsWith("unknown activation 'swish'"));
    }

    @Test
    void descriptionsRoundTrip() {
        List<Module> models = List.of(
                Models.fromSpec("softmax", 784, 10, "relu", 1),
                Models.mlp(784, new int[] {256, 128}, 10, "relu", 1),
                Models.mlp(64, new int[] {32}, 10, "leakyrelu:0.2", 1),
                Models.mlp(64, new int[] {32}, 10, "leaky_relu", 1),
                Models.mlp(4, new int[] {8, 8, 8}, 3, "sigmoid", 0.3, 1),
                Models.mlp(4, new int[] {5}, 2, "tanh", 1));
        List<String> expected = List.of(
                "in=784;hidden=;classes=10;activation=none",
                "in=784;hidden=256,128;classes=10;activation=relu",
                "in=64;hidden=32;classes=10;activation=leakyrelu:0.2",
                "in=64;hidden=32;classes=10;activation=leakyrelu",
                "in=4;hidden=8,8,8;classes=3;activation=sigmoid;dropout=0.3",
                "in=4;hidden=5;classes=2;activation=tanh");
        for (int i = 0; i < models.size(); i++) {
            Module m = models.get(i);
            String d = Models.describe(m);
            assertEquals(expected.get(i), d);
            Module rebuilt = Models.fromDescription(d);
            assertEquals(m.toString(), rebuilt.toString());
            assertEquals(d, Models.describe(rebuilt));
            rebuilt.loadStateDict(m.stateDict());
            Tensor x = Tensor.randn(i, 3, m.parameters().get(0).size(1));
            m.eval();
            rebuilt.eval();
            assertTrue(m.forward(x).allClose(rebuilt.forward(x), 0, 0));
        }
    }

    @Test
    void describeRejectsOtherStructures() {
        Generator gen = new Generator(1);
        List<Module> others = List.of(
                new Sequential(new Linear(4, 5, gen), new ReLU(), new Tanh(), new Linear(5, 3, gen)),
                new Sequential(new Linear(4, 5, gen), new ReLU(), new Linear(5, 5, gen), new Tanh(), new Linear(5, 3, gen)),
                new Sequential(new Linear(4, 5, gen), new ReLU(), new Linear(6, 3, gen)),
                new Sequential(new Linear(4, 5, gen), new ReLU()),
                new Sequential(new Linear(4, 3, gen)),
                new Linear(4, 3, false, Init.DEFAULT, DType.FLOAT32, gen),
                new ReLU());
        List<String> reasons = List.of("expected Linear", "earlier layers use relu", "does not take the 5 outputs",
                "expected a final Linear", "holding only a Linear", "has no bias", "is not a model built by Models");
        for (int i = 0; i < others.size(); i++) {
            Module m = others.get(i);
            var e = assertThrows(IllegalArgumentException.class, () -> Models.describe(m), m.toString());
            assertTrue(e.getMessage().startsWith("describe: ") && e.getMessage().contains(reasons.get(i)), e.getMessage());
        }
    }

    @Test
    void badDescriptions() {
        String[][] cases = {
                {"in=4;hidden=5;classes=3;activation=relu;depth=2", "unknown key 'depth'"},
                {"in=4;hidden=5;activation=relu", "missing 'classes'"},
                {"in=4;hidden=5;classes=3", "missing 'activation'"},
                {"in=four;hidden=;classes=3", "'four' is not an integer"},
                {"in=4;hidden=;classes=3;in=5", "key 'in' appears twice"},
                {"in=4;hidden=;classes=3;dropout=0.5", "needs at least one hidden layer"},
                {"in=4;hidden;classes=3", "'hidden' is not key=value"},
        };
        for (String[] c : cases) {
            var e = assertThrows(IllegalArgumentException.class, () -> Models.fromDescription(c[0]), c[0]);
            assertTrue(e.getMessage().contains(c[1]), e.getMessage());
        }
    }

    @Test
    void gradCheckThroughAnMlpInFloat64() {
        for (String activation : new String[] {"tanh", "relu", "sigmoid"}) {
            Module net = Models.mlp(4, new int[] {5, 3}, 3, activation, 7).to(DType.FLOAT64);
            Tensor x = Tensor.randn(DType.FLOAT64, new Generator(8), 6, 4).requiresGrad(true);
            Tensor labels = Tensor.of(new int[] {0, 2, 1, 1, 0, 2});
            List<Tensor> inputs = new ArrayList<>(net.parameters());
            inputs.add(x);
            GradCheck.Result r = GradCheck.check(xs -> Loss.crossEntropy(net.forward(x), labels), inputs, GradCheck.Options.defaults());
            assertTrue(r.passed(), activation + ": " + r);
            assertEquals(7, r.inputs().size(), "every weight, bias and the input were checked");
        }
    }
}
