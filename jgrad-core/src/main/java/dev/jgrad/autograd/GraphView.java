package dev.jgrad.autograd;

import dev.jgrad.Tensor;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

/**
 * A read-only snapshot of the recorded graph behind a tensor: every tensor that contributed to it
 * (leaves, constants and operation results) in topological order, inputs first, and the edges
 * from each input to the operation result that used it. Pictures and printouts are drawn from
 * this; the graph itself is not changed.
 */
public record GraphView(List<Vertex> vertices, List<Edge> edges) {

    /** A tensor in the graph; {@code op} is null for a leaf or constant. */
    public record Vertex(int id, Tensor tensor, String op) {
        public boolean isLeaf() {
            return op == null;
        }
    }

    /** {@code from} is argument number {@code position} of the operation that produced {@code to}. */
    public record Edge(int from, int to, int position) {}

    public static GraphView of(Tensor root) {
        Map<Tensor, Integer> ids = new IdentityHashMap<>();
        List<Tensor> order = new ArrayList<>();
        ArrayDeque<Tensor> stack = new ArrayDeque<>();
        ArrayDeque<int[]> cursor = new ArrayDeque<>();
        Map<Tensor, Boolean> entered = new IdentityHashMap<>();
        stack.push(root);
        cursor.push(new int[1]);
        entered.put(root, Boolean.TRUE);
        while (!stack.isEmpty()) {
            Tensor t = stack.peek();
            int[] c = cursor.peek();
            Node node = t.gradFn();
            if (node != null && c[0] < node.inputCount()) {
                Tensor child = node.input(c[0]++);
                if (entered.put(child, Boolean.TRUE) == null) {
                    stack.push(child);
                    cursor.push(new int[1]);
                }
            } else {
                stack.pop();
                cursor.pop();
                ids.put(t, order.size());
                order.add(t);
            }
        }
        List<Vertex> vertices = new ArrayList<>(order.size());
        List<Edge> edges = new ArrayList<>();
        for (int i = 0; i < order.size(); i++) {
            Tensor t = order.get(i);
            Node node = t.gradFn();
            vertices.add(new Vertex(i, t, node == null ? null : node.name()));
            if (node != null)
                for (int p = 0; p < node.inputCount(); p++) edges.add(new Edge(ids.get(node.input(p)), i, p));
        }
        return new GraphView(List.copyOf(vertices), List.copyOf(edges));
    }

    /** Asks every intermediate result to keep its gradient, so a picture after backward shows them all. */
    public static void retainAllGrads(Tensor root) {
        for (Vertex v : of(root).vertices()) if (!v.isLeaf()) v.tensor().retainGrad();
    }
}
