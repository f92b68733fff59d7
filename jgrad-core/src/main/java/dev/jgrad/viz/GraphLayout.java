package dev.jgrad.viz;

import java.util.List;
import java.util.Objects;

/**
 * Where every node box and edge of a {@link GraphModel} goes, as computed by {@link LayeredLayout}.
 * Coordinates are in pixels with y growing downwards; data flows left to right.
 *
 * @param nodes      one placed box per model node, in model order
 * @param edges      one route per model edge, in model order
 * @param width      total drawing width including margins
 * @param height     total drawing height including margins
 * @param layerCount number of columns
 * @param crossings  edge crossings between adjacent columns after crossing reduction
 */
public record GraphLayout(List<PlacedNode> nodes, List<RoutedEdge> edges, double width, double height,
                          int layerCount, long crossings) {

    public GraphLayout {
        nodes = List.copyOf(nodes);
        edges = List.copyOf(edges);
    }

    /** The box of the node with this id; throws when there is none. */
    public PlacedNode node(String id) {
        for (var placed : nodes) {
            if (placed.node().id().equals(id)) {
                return placed;
            }
        }
        throw new IllegalArgumentException("GraphLayout: no node with id '" + id + "'");
    }

    public record Point(double x, double y) {
    }

    /**
     * A node box.
     *
     * @param layer column index, 0 = leftmost
     * @param order position within the column, 0 = topmost
     * @param x     left edge
     * @param y     top edge
     * @param lines the text drawn inside, already shortened; the box size was estimated from it
     */
    public record PlacedNode(GraphNode node, int layer, int order, double x, double y,
                             double width, double height, List<NodeLine> lines) {

        public PlacedNode {
            Objects.requireNonNull(node, "PlacedNode: node is null");
            lines = List.copyOf(lines);
        }

        public double right() {
            return x + width;
        }

        public double bottom() {
            return y + height;
        }

        public double centerY() {
            return y + height / 2;
        }
    }

    /**
     * The polyline an edge follows from its input's box to its consumer's box; renderers may smooth
     * it. It has at least two points.
     *
     * @param reversed true when the edge closes a cycle and therefore runs right to left
     */
    public record RoutedEdge(GraphEdge edge, List<Point> points, boolean reversed) {

        public RoutedEdge {
            points = List.copyOf(points);
            if (points.size() < 2) {
                throw new IllegalArgumentException("RoutedEdge " + edge.from() + " -> " + edge.to() + ": needs 2+ points");
            }
        }
    }
}
