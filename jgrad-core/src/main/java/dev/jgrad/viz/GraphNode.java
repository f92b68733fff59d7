package dev.jgrad.viz;

import java.util.Objects;
import java.util.Optional;

/**
 * One tensor of a computation graph as it should be shown: what it is, its shape, and (when small
 * enough to be worth printing) its forward value and its gradient after backward.
 *
 * @param id    unique within its graph
 * @param kind  leaf, parameter, operation, loss, ...
 * @param label what to print as the title, e.g. {@code "mul"} or {@code "W1"}
 * @param shape shape text, e.g. {@code "[2, 3]"} or {@code "scalar"}; may be empty
 * @param value the forward value as text; may span several lines
 * @param grad  the gradient as text (for a tensor used twice: the summed gradient)
 * @param group dot-separated module path such as {@code "0"} or {@code "encoder.1"}
 */
public record GraphNode(String id, NodeKind kind, String label, String shape,
                        Optional<String> value, Optional<String> grad, Optional<String> group) {

    public GraphNode {
        if (id == null || id.isBlank()) {
            throw new IllegalArgumentException("GraphNode: id must not be blank");
        }
        Objects.requireNonNull(kind, () -> "GraphNode '" + id + "': kind is null");
        Objects.requireNonNull(label, () -> "GraphNode '" + id + "': label is null");
        Objects.requireNonNull(shape, () -> "GraphNode '" + id + "': shape is null");
        Objects.requireNonNull(value, () -> "GraphNode '" + id + "': value is null (use Optional.empty())");
        Objects.requireNonNull(grad, () -> "GraphNode '" + id + "': grad is null (use Optional.empty())");
        Objects.requireNonNull(group, () -> "GraphNode '" + id + "': group is null (use Optional.empty())");
        group.ifPresent(g -> checkGroupPath(g, "GraphNode '" + id + "'"));
    }

    /** A node without value, gradient or group. */
    public static GraphNode of(String id, NodeKind kind, String label, String shape) {
        return new GraphNode(id, kind, label, shape, Optional.empty(), Optional.empty(), Optional.empty());
    }

    public GraphNode withValue(String valueText) {
        return new GraphNode(id, kind, label, shape, Optional.of(valueText), grad, group);
    }

    public GraphNode withGrad(String gradText) {
        return new GraphNode(id, kind, label, shape, value, Optional.of(gradText), group);
    }

    /** This node as a member of the module at {@code groupPath}, e.g. {@code "encoder.1"}. */
    public GraphNode inGroup(String groupPath) {
        return new GraphNode(id, kind, label, shape, value, grad, Optional.of(groupPath));
    }

    public GraphNode withoutGroup() {
        return new GraphNode(id, kind, label, shape, value, grad, Optional.empty());
    }

    /** Rejects empty paths and empty segments ("a..b", ".a", "a."), which would make prefixes ambiguous. */
    static void checkGroupPath(String path, String where) {
        if (path.isEmpty() || path.startsWith(".") || path.endsWith(".") || path.contains("..")) {
            throw new IllegalArgumentException(where + ": invalid group path '" + path
                    + "' (expected non-empty dot-separated segments such as \"encoder.1\")");
        }
    }
}
