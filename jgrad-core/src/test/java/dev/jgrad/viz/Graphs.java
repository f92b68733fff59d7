package dev.jgrad.viz;

import java.util.Random;

/** Graphs shared by the tests. */
final class Graphs {

    private Graphs() {
    }

    /**
     * One training step of a two-layer MLP: x -> [0: matmul, add] -> [1: relu] -> [2: matmul, add]
     * -> cross_entropy(., y) -> loss, with values and gradients on the small tensors.
     */
    static GraphModel mlp() {
        return GraphModel.builder()
                .node(GraphNode.of("x", NodeKind.INPUT, "x", "[4, 784]"))
                .node(GraphNode.of("y", NodeKind.INPUT, "y", "[4]").withValue("[3, 1, 4, 1]"))
                .node(GraphNode.of("W0", NodeKind.PARAMETER, "weight", "[784, 16]").withGrad("[[0.01, ...]]").inGroup("0"))
                .node(GraphNode.of("b0", NodeKind.PARAMETER, "bias", "[16]").withGrad("[0.5, -0.25, ...]").inGroup("0"))
                .node(GraphNode.of("mm0", NodeKind.OPERATION, "matmul", "[4, 16]").inGroup("0"))
                .node(GraphNode.of("add0", NodeKind.OPERATION, "add", "[4, 16]").inGroup("0"))
                .node(GraphNode.of("relu", NodeKind.OPERATION, "relu", "[4, 16]").inGroup("1"))
                .node(GraphNode.of("W2", NodeKind.PARAMETER, "weight", "[16, 10]").inGroup("2"))
                .node(GraphNode.of("b2", NodeKind.PARAMETER, "bias", "[10]").inGroup("2"))
                .node(GraphNode.of("mm2", NodeKind.OPERATION, "matmul", "[4, 10]").inGroup("2"))
                .node(GraphNode.of("add2", NodeKind.OPERATION, "add", "[4, 10]").inGroup("2"))
                .node(GraphNode.of("loss", NodeKind.OUTPUT, "cross_entropy", "scalar").withValue("2.3026").withGrad("1"))
                .edge("x", "mm0", "0").edge("W0", "mm0", "1").edge("mm0", "add0", "0").edge("b0", "add0", "1")
                .edge("add0", "relu").edge("relu", "mm2", "0").edge("W2", "mm2", "1").edge("mm2", "add2", "0")
                .edge("b2", "add2", "1").edge("add2", "loss", "0").edge("y", "loss", "1")
                .describeGroup("0", "Linear 784->16")
                .build();
    }

    /**
     * A micrograd-style scalar expression where a is used twice:
     * e = a * b, d = e + c, f = d * a, loss = f.
     */
    static GraphModel scalarExpression() {
        return GraphModel.builder()
                .node(GraphNode.of("a", NodeKind.INPUT, "a", "scalar").withValue("2.0").withGrad("-3.0"))
                .node(GraphNode.of("b", NodeKind.PARAMETER, "b", "scalar").withValue("-3.0").withGrad("4.0"))
                .node(GraphNode.of("c", NodeKind.CONSTANT, "c", "scalar").withValue("10.0").withGrad("2.0"))
                .node(GraphNode.of("e", NodeKind.OPERATION, "mul", "scalar").withValue("-6.0").withGrad("2.0"))
                .node(GraphNode.of("d", NodeKind.OPERATION, "add", "scalar").withValue("4.0").withGrad("2.0"))
                .node(GraphNode.of("f", NodeKind.OUTPUT, "mul", "scalar").withValue("8.0").withGrad("1.0"))
                .edge("a", "e", "0").edge("b", "e", "1").edge("e", "d", "0").edge("c", "d", "1")
                .edge("d", "f", "0").edge("a", "f", "1")
                .build();
    }

    /** A random DAG: each node after the first {@code sources} consumes one or two of the previous {@code window}. */
    static GraphModel randomDag(int n, int sources, int window, long seed) {
        var random = new Random(seed);
        var builder = GraphModel.builder();
        for (var i = 0; i < n; i++) {
            var kind = i < sources ? (i % 3 == 0 ? NodeKind.PARAMETER : NodeKind.INPUT)
                    : i == n - 1 ? NodeKind.OUTPUT : NodeKind.OPERATION;
            builder.node("n" + i, kind, (i < sources ? "leaf" : "op") + i, "[" + (1 + i % 7) + ", 3]");
        }
        for (var i = sources; i < n; i++) {
            var inputs = 1 + random.nextInt(2);
            for (var k = 0; k < inputs; k++) {
                builder.edge("n" + (i - 1 - random.nextInt(Math.min(i, window))), "n" + i, Integer.toString(k));
            }
        }
        return builder.build();
    }
}
