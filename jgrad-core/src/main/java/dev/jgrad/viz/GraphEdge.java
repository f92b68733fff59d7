package dev.jgrad.viz;

import java.util.Objects;
import java.util.Optional;

/**
 * Data flow from an input tensor to the operation that consumes it.
 *
 * @param from  id of the input node
 * @param to    id of the consuming node
 * @param label optional text drawn at the consumer end, typically the input position ("0", "1")
 */
public record GraphEdge(String from, String to, Optional<String> label) {

    public GraphEdge {
        Objects.requireNonNull(from, "GraphEdge: from is null");
        Objects.requireNonNull(to, "GraphEdge: to is null");
        Objects.requireNonNull(label, () -> "GraphEdge " + from + " -> " + to + ": label is null (use Optional.empty())");
    }

    public static GraphEdge of(String from, String to) {
        return new GraphEdge(from, to, Optional.empty());
    }

    public static GraphEdge of(String from, String to, String label) {
        return new GraphEdge(from, to, Optional.of(label));
    }
}
