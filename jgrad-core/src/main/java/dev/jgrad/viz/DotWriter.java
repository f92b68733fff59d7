package dev.jgrad.viz;

import dev.jgrad.io.AtomicFiles;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Writes a computation graph in Graphviz DOT, for {@code dot -Tpdf} and friends: left to right,
 * one record per node with label, shape, value and gradient fields, modules as clusters, and the
 * same colours as {@link SvgWriter}.
 */
public final class DotWriter {

    private final LayeredLayout text;

    public DotWriter() {
        this(new LayeredLayout());
    }

    /** Shortens long values and gradients with the limits of {@code layout}'s options. */
    public DotWriter(LayeredLayout layout) {
        this.text = Objects.requireNonNull(layout, "DotWriter: layout is null");
    }

    public String render(GraphModel model) {
        Objects.requireNonNull(model, "DotWriter.render: model is null");
        var out = new StringBuilder();
        out.append("digraph \"jgrad\" {\n");
        out.append("  graph [rankdir=LR, fontname=\"monospace\", fontsize=10, nodesep=0.25, ranksep=0.5];\n");
        out.append("  node [fontname=\"monospace\", fontsize=10, style=\"filled\"];\n");
        out.append("  edge [color=\"").append(KindStyle.EDGE_COLOR).append("\", arrowsize=0.7, fontname=\"monospace\", fontsize=9];\n");
        var root = new Cluster("");
        for (var node : model.nodes()) {
            var cluster = root;
            if (node.group().isPresent()) {
                for (var path : GraphModel.prefixes(node.group().get())) {
                    cluster = cluster.children.computeIfAbsent(path, Cluster::new);
                }
            }
            cluster.nodes.add(node);
        }
        writeCluster(out, root, model, "  ");
        for (var edge : model.edges()) {
            out.append("  ").append(quote(edge.from())).append(" -> ").append(quote(edge.to()));
            edge.label().ifPresent(l -> out.append(" [label=").append(quote(l)).append(']'));
            out.append(";\n");
        }
        return out.append("}\n").toString();
    }

    /** Writes the DOT text to {@code file} atomically (temporary file in the same directory, then rename). */
    public void write(GraphModel model, Path file) throws IOException {
        AtomicFiles.writeString(file, render(model));
    }

    private static final class Cluster {
        final String path;
        final List<GraphNode> nodes = new ArrayList<>();
        final Map<String, Cluster> children = new LinkedHashMap<>();

        Cluster(String path) {
            this.path = path;
        }
    }

    private void writeCluster(StringBuilder out, Cluster cluster, GraphModel model, String indent) {
        for (var node : cluster.nodes) {
            out.append(indent).append(quote(node.id())).append(' ').append(attributes(node)).append(";\n");
        }
        for (var child : cluster.children.values()) {
            var description = model.groupDescriptions().get(child.path);
            out.append(indent).append("subgraph ").append(quote("cluster_" + child.path)).append(" {\n");
            out.append(indent).append("  label=").append(quote(description == null ? child.path : child.path + ": " + description))
                    .append("; style=\"rounded,dashed\"; color=\"#94a3b8\"; fontcolor=\"").append(KindStyle.MUTED_COLOR).append("\";\n");
            writeCluster(out, child, model, indent + "  ");
            out.append(indent).append("}\n");
        }
    }

    private String attributes(GraphNode node) {
        var style = KindStyle.of(node.kind());
        var shape = switch (node.kind()) {
            case OPERATION, MODULE -> "Mrecord";
            default -> "record";
        };
        // With rankdir=LR, top-level record fields stack vertically: label, shape, value, grad.
        var fields = new ArrayList<StringBuilder>();
        NodeLine.Role previous = null;
        for (var line : text.lines(node)) {
            if (line.role() != previous) {
                fields.add(new StringBuilder());
                previous = line.role();
            }
            var field = fields.get(fields.size() - 1).append(recordText(line.text()));
            // \l ends a left-justified line, keeping a multi-line value's monospace columns aligned.
            if (line.role() == NodeLine.Role.VALUE || line.role() == NodeLine.Role.GRAD) {
                field.append("\\l");
            }
        }
        var attrs = new StringBuilder("[shape=").append(shape)
                .append(", label=\"").append(String.join("|", fields)).append('"')
                .append(", fillcolor=\"").append(style.fill()).append('"')
                .append(", color=\"").append(style.stroke()).append('"')
                .append(", penwidth=").append(Fmt.coord(style.strokeWidth()));
        if (style.dashed()) {
            attrs.append(", style=\"filled,dashed\"");
        }
        if (node.kind() == NodeKind.OUTPUT) {
            attrs.append(", peripheries=2");
        }
        node.grad().ifPresent(g -> attrs.append(", tooltip=").append(quote("grad " + g)));
        return attrs.append(']').toString();
    }

    /** A double-quoted DOT string: only the quote and the backslash need escaping; newlines become \n. */
    static String quote(String text) {
        var out = new StringBuilder("\"");
        for (var c : printable(text).toCharArray()) {
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                default -> out.append(c);
            }
        }
        return out.append('"').toString();
    }

    /**
     * Text of one record field: record syntax characters are escaped, or they would split the field;
     * spaces too, since records otherwise collapse them and values lose their column alignment.
     */
    static String recordText(String text) {
        var out = new StringBuilder();
        for (var c : printable(text).replace('\n', ' ').toCharArray()) {
            switch (c) {
                case '"', '\\', '{', '}', '|', '<', '>', ' ' -> out.append('\\').append(c);
                default -> out.append(c);
            }
        }
        return out.toString();
    }

    /** Control characters (except newline) have no business in a label; they would confuse Graphviz. */
    private static String printable(String text) {
        var cleaned = XmlOut.clean(text).replace("\r\n", "\n").replace('\r', '\n');
        var out = new StringBuilder(cleaned.length());
        for (var c : cleaned.toCharArray()) {
            out.append(c == '\n' || c >= 0x20 ? c : ' ');
        }
        return out.toString();
    }
}
