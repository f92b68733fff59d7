package dev.jgrad.viz;

import dev.jgrad.Tensor;
import dev.jgrad.autograd.GraphView;
import dev.jgrad.nn.Module;

import java.util.IdentityHashMap;
import java.util.Map;

/**
 * The recorded graph behind a tensor as a picture model for the viz writers: leaves that
 * require grad are inputs (or parameters, when named in {@code parameters}), other leaves are
 * constants, the root is the output. Values and gradients are printed in full for tensors of up
 * to four elements, as statistics otherwise. Parameters are grouped by the module that owns them
 * ({@code 0.weight} in group 0), operations by the module whose forward recorded them.
 */
public final class AutogradGraph {
    private static final int SHOWN_ELEMENTS = 4;

    private AutogradGraph() {}

    /** The graph behind {@code root}, with no parameter names. */
    public static GraphModel of(Tensor root) {
        return of(root, Map.of());
    }

    /** The graph behind {@code root}; {@code parameters} names the leaves that are module parameters. */
    public static GraphModel of(Tensor root, Map<Tensor, String> parameters) {
        return builder(root, parameters).build();
    }

    /**
     * The graph behind {@code root} computed by {@code module}: parameters carry their state-dict
     * names, and each submodule's group is described by the submodule (e.g. "Linear(784 -> 256)"),
     * ready for {@link GraphModel#collapseGroups(int)}.
     */
    public static GraphModel of(Tensor root, Module module) {
        Map<Tensor, String> names = new IdentityHashMap<>();
        module.namedParameters().forEach((name, t) -> names.put(t, name));
        var b = builder(root, names);
        module.namedModules().forEach((path, m) -> {
            if (!path.isEmpty()) b.describeGroup(path, m.toString());
        });
        return b.build();
    }

    private static GraphModel.Builder builder(Tensor root, Map<Tensor, String> parameters) {
        GraphView view = GraphView.of(root);
        var b = GraphModel.builder();
        Map<Tensor, String> names = new IdentityHashMap<>(parameters);
        for (GraphView.Vertex v : view.vertices()) {
            Tensor t = v.tensor();
            String param = names.get(t);
            NodeKind kind = t == root ? NodeKind.OUTPUT
                    : !v.isLeaf() ? NodeKind.OPERATION
                    : param != null ? NodeKind.PARAMETER
                    : t.requiresGrad() ? NodeKind.INPUT : NodeKind.CONSTANT;
            String label = param != null ? param
                    : !v.isLeaf() ? v.op() + (t.label() != null ? " " + t.label() : "")
                    : t.label() != null ? t.label() : t.numel() == 1 ? Fmt.num(t.item()) : "tensor";
            GraphNode node = GraphNode.of(id(v), kind, label, TensorText.shape(t.shape()))
                    .withValue(TensorText.values(t.toDoubleArray(), t.shape(), SHOWN_ELEMENTS));
            Tensor grad = t.grad();
            if (grad != null) node = node.withGrad(TensorText.values(grad.toDoubleArray(), grad.shape(), SHOWN_ELEMENTS));
            String group = param != null && param.contains(".") ? param.substring(0, param.lastIndexOf('.'))
                    : !v.isLeaf() ? t.gradFn().scope() : "";
            if (!group.isEmpty()) node = node.inGroup(group);
            b.node(node);
        }
        for (GraphView.Edge e : view.edges())
            b.edge(id(view.vertices().get(e.from())), id(view.vertices().get(e.to())));
        return b;
    }

    private static String id(GraphView.Vertex v) {
        return "t" + v.id();
    }
}
