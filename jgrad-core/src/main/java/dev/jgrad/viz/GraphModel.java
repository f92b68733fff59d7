package dev.jgrad.viz;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Predicate;

/**
 * An immutable picture of a computation graph: nodes (tensors) and directed edges from each input
 * to the operation that consumes it. A tensor used twice simply has two out-edges.
 *
 * <p>Node and edge order is kept as given; layouts use it to break ties, so the same model always
 * gives the same picture. Computation graphs are acyclic, but a model may contain cycles after
 * {@link #collapse(Predicate) collapsing} (a module applied twice around outside code); layouts
 * draw such edges backwards instead of failing.
 */
public final class GraphModel {

    private final List<GraphNode> nodes;
    private final List<GraphEdge> edges;
    private final Map<String, String> groupDescriptions;
    private final Map<String, Integer> indexById;
    private final Map<String, List<GraphEdge>> incoming;
    private final Map<String, List<GraphEdge>> outgoing;

    private GraphModel(List<GraphNode> nodes, List<GraphEdge> edges, Map<String, String> groupDescriptions) {
        this.nodes = List.copyOf(nodes);
        this.edges = List.copyOf(edges);
        this.groupDescriptions = Collections.unmodifiableMap(new LinkedHashMap<>(groupDescriptions));
        var index = new HashMap<String, Integer>();
        var in = new HashMap<String, List<GraphEdge>>();
        var out = new HashMap<String, List<GraphEdge>>();
        for (var node : this.nodes) {
            if (index.putIfAbsent(node.id(), index.size()) != null) {
                throw new IllegalArgumentException("GraphModel: duplicate node id '" + node.id() + "'");
            }
            in.put(node.id(), new ArrayList<>());
            out.put(node.id(), new ArrayList<>());
        }
        for (var edge : this.edges) {
            for (var end : List.of(edge.from(), edge.to())) {
                if (!index.containsKey(end)) {
                    throw new IllegalArgumentException("GraphModel: edge " + edge.from() + " -> " + edge.to()
                            + " refers to unknown node '" + end + "'");
                }
            }
            if (edge.from().equals(edge.to())) {
                throw new IllegalArgumentException("GraphModel: self-loop on node '" + edge.from() + "'");
            }
            out.get(edge.from()).add(edge);
            in.get(edge.to()).add(edge);
        }
        this.indexById = Map.copyOf(index);
        this.incoming = freeze(in);
        this.outgoing = freeze(out);
    }

    private static Map<String, List<GraphEdge>> freeze(Map<String, List<GraphEdge>> lists) {
        var frozen = new HashMap<String, List<GraphEdge>>();
        lists.forEach((id, list) -> frozen.put(id, List.copyOf(list)));
        return Map.copyOf(frozen);
    }

    public static Builder builder() {
        return new Builder();
    }

    public List<GraphNode> nodes() {
        return nodes;
    }

    public List<GraphEdge> edges() {
        return edges;
    }

    /** The node with this id; throws when there is none. */
    public GraphNode node(String id) {
        return nodes.get(indexOf(id));
    }

    public Optional<GraphNode> findNode(String id) {
        var i = indexById.get(id);
        return i == null ? Optional.empty() : Optional.of(nodes.get(i));
    }

    /** Position of the node in {@link #nodes()}; throws when there is none. */
    public int indexOf(String id) {
        var i = indexById.get(id);
        if (i == null) {
            throw new IllegalArgumentException("GraphModel: no node with id '" + id + "'");
        }
        return i;
    }

    /** Edges into {@code id}, in model order. */
    public List<GraphEdge> incoming(String id) {
        indexOf(id);
        return incoming.get(id);
    }

    /** Edges out of {@code id}, in model order. */
    public List<GraphEdge> outgoing(String id) {
        indexOf(id);
        return outgoing.get(id);
    }

    /** Descriptions given with {@link Builder#describeGroup}, e.g. "0" -> "Linear 784->256". */
    public Map<String, String> groupDescriptions() {
        return groupDescriptions;
    }

    /** Every group path used by a node, together with all its prefixes, sorted. */
    public Set<String> groups() {
        var all = new TreeSet<String>();
        for (var node : nodes) {
            node.group().ifPresent(g -> all.addAll(prefixes(g)));
        }
        return Collections.unmodifiableSet(all);
    }

    /**
     * Replaces whole modules by single {@link NodeKind#MODULE} boxes. A node whose group path has a
     * prefix accepted by {@code collapseGroup} joins the box of the shortest such prefix; edges are
     * re-routed to the boxes, edges inside a box disappear, and parallel re-routed edges are merged
     * (they lose their input-position labels, which only meant something for the inner operation).
     * The box is labelled with its path and the group description, or a summary of its operations.
     */
    public GraphModel collapse(Predicate<String> collapseGroup) {
        Objects.requireNonNull(collapseGroup, "GraphModel.collapse: predicate is null");
        var boxOf = new HashMap<String, String>();
        var members = new LinkedHashMap<String, List<GraphNode>>();
        for (var node : nodes) {
            node.group().flatMap(g -> prefixes(g).stream().filter(collapseGroup).findFirst()).ifPresent(path -> {
                boxOf.put(node.id(), path);
                members.computeIfAbsent(path, p -> new ArrayList<>()).add(node);
            });
        }
        if (members.isEmpty()) {
            return this;
        }
        var boxId = new HashMap<String, String>();
        var usedIds = new HashSet<>(indexById.keySet());
        for (var path : members.keySet()) {
            var id = "module:" + path;
            while (!usedIds.add(id)) {
                id = id + "'";
            }
            boxId.put(path, id);
        }
        var newNodes = new ArrayList<GraphNode>();
        for (var node : nodes) {
            var path = boxOf.get(node.id());
            if (path == null) {
                newNodes.add(node);
            } else if (members.get(path).get(0) == node) {
                newNodes.add(moduleNode(boxId.get(path), path, members.get(path), boxOf));
            }
        }
        var newEdges = new ArrayList<GraphEdge>();
        var rerouted = new LinkedHashSet<List<String>>();
        for (var edge : edges) {
            var fromBox = boxOf.get(edge.from());
            var toBox = boxOf.get(edge.to());
            if (fromBox == null && toBox == null) {
                newEdges.add(edge);
                continue;
            }
            var from = fromBox == null ? edge.from() : boxId.get(fromBox);
            var to = toBox == null ? edge.to() : boxId.get(toBox);
            if (!from.equals(to) && rerouted.add(List.of(from, to))) {
                newEdges.add(GraphEdge.of(from, to));
            }
        }
        return new GraphModel(newNodes, newEdges, groupDescriptions);
    }

    /**
     * Collapses every module at nesting depth {@code depth}: 1 turns "encoder" and "decoder" into
     * boxes, 2 turns "encoder.0", "encoder.1", ... into boxes. Nodes in shallower groups stay.
     */
    public GraphModel collapseGroups(int depth) {
        if (depth < 1) {
            throw new IllegalArgumentException("GraphModel.collapseGroups: depth must be >= 1, got " + depth);
        }
        return collapse(path -> path.split("\\.", -1).length == depth);
    }

    private GraphNode moduleNode(String id, String path, List<GraphNode> inside, Map<String, String> boxOf) {
        var description = groupDescriptions.get(path);
        if (description == null) {
            description = summarize(inside);
        }
        // The box's shape is what leaves it: the shapes of members consumed outside the box.
        var shapes = new LinkedHashSet<String>();
        for (var node : inside) {
            for (var edge : outgoing.get(node.id())) {
                if (!path.equals(boxOf.get(edge.to())) && !node.shape().isEmpty()) {
                    shapes.add(node.shape());
                }
            }
        }
        if (shapes.isEmpty()) {
            // Nothing leaves the box (it holds the loss): show what its sinks produce.
            for (var node : inside) {
                if (outgoing.get(node.id()).isEmpty() && !node.shape().isEmpty()) {
                    shapes.add(node.shape());
                }
            }
        }
        var dot = path.lastIndexOf('.');
        Optional<String> parent = dot < 0 ? Optional.empty() : Optional.of(path.substring(0, dot));
        return new GraphNode(id, NodeKind.MODULE, path + ": " + description, String.join(" ", shapes),
                Optional.empty(), Optional.empty(), parent);
    }

    /** E.g. "matmul, add + 2 params": the distinct operations in order, then the parameter count. */
    private static String summarize(List<GraphNode> inside) {
        var ops = new LinkedHashSet<String>();
        var params = 0;
        for (var node : inside) {
            switch (node.kind()) {
                case OPERATION, OUTPUT -> ops.add(node.label());
                // A box collapsed earlier is labelled "path: description"; its description stands for it.
                case MODULE -> {
                    var colon = node.label().indexOf(": ");
                    ops.add(colon < 0 ? node.label() : node.label().substring(colon + 2));
                }
                case PARAMETER -> params++;
                default -> { }
            }
        }
        var text = new StringBuilder();
        var shown = 0;
        for (var op : ops) {
            if (shown == 3) {
                text.append(", ...");
                break;
            }
            text.append(shown++ == 0 ? "" : ", ").append(op);
        }
        if (params > 0) {
            text.append(text.length() == 0 ? "" : " + ").append(params).append(params == 1 ? " param" : " params");
        }
        return text.length() == 0 ? inside.size() + " nodes" : text.toString();
    }

    /** "a.b.c" -> ["a", "a.b", "a.b.c"]. */
    static List<String> prefixes(String path) {
        var result = new ArrayList<String>();
        var dot = path.indexOf('.');
        while (dot >= 0) {
            result.add(path.substring(0, dot));
            dot = path.indexOf('.', dot + 1);
        }
        result.add(path);
        return result;
    }

    @Override
    public String toString() {
        return "GraphModel[" + nodes.size() + " nodes, " + edges.size() + " edges]";
    }

    /** Collects nodes and edges; {@link #build()} validates ids and edge ends. */
    public static final class Builder {
        private final List<GraphNode> nodes = new ArrayList<>();
        private final List<GraphEdge> edges = new ArrayList<>();
        private final Map<String, String> groupDescriptions = new LinkedHashMap<>();

        private Builder() {
        }

        public Builder node(GraphNode node) {
            nodes.add(Objects.requireNonNull(node, "GraphModel.Builder.node: node is null"));
            return this;
        }

        /** Shorthand for {@code node(GraphNode.of(id, kind, label, shape))}. */
        public Builder node(String id, NodeKind kind, String label, String shape) {
            return node(GraphNode.of(id, kind, label, shape));
        }

        public Builder edge(GraphEdge edge) {
            edges.add(Objects.requireNonNull(edge, "GraphModel.Builder.edge: edge is null"));
            return this;
        }

        public Builder edge(String from, String to) {
            return edge(GraphEdge.of(from, to));
        }

        /** An edge labelled with the input position (or any short text). */
        public Builder edge(String from, String to, String label) {
            return edge(GraphEdge.of(from, to, label));
        }

        /** How a collapsed box for {@code groupPath} is described, e.g. "Linear 784->256". */
        public Builder describeGroup(String groupPath, String description) {
            GraphNode.checkGroupPath(Objects.requireNonNull(groupPath, "describeGroup: path is null"), "describeGroup");
            groupDescriptions.put(groupPath, Objects.requireNonNull(description, "describeGroup: description is null"));
            return this;
        }

        public GraphModel build() {
            return new GraphModel(nodes, edges, groupDescriptions);
        }
    }
}
