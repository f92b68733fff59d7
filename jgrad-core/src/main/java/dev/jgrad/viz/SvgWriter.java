package dev.jgrad.viz;

import dev.jgrad.io.AtomicFiles;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;

/**
 * Draws a computation graph as a standalone SVG document: no scripts, no external fonts or style
 * sheets, only inline presentation attributes and generic font families, so the file renders the
 * same in any browser, editor or slide.
 *
 * <p>Data (inputs, parameters, constants) are square boxes, operations rounded ones, the loss has a
 * heavy outline and collapsed modules a double one. Inside each box: label, shape, then the forward
 * value in green above the gradient in red. Hovering a box shows its untruncated text.
 */
public final class SvgWriter {

    private static final String ARROW_ID = "jgrad-arrow";
    private static final double LEGEND_HEIGHT = 30;
    private static final double LEGEND_CHAR_WIDTH = 6.6;

    private final LayeredLayout layout;

    public SvgWriter() {
        this(new LayeredLayout());
    }

    /** Uses {@code layout} for placement and for the text inside boxes. */
    public SvgWriter(LayeredLayout layout) {
        this.layout = Objects.requireNonNull(layout, "SvgWriter: layout is null");
    }

    /** The layout this writer places nodes with. */
    public LayeredLayout layout() {
        return layout;
    }

    public String render(GraphModel model) {
        return render(layout.layout(Objects.requireNonNull(model, "SvgWriter.render: model is null")));
    }

    /** Draws an existing layout, which should come from this writer's {@link LayeredLayout}. */
    public String render(GraphLayout graph) {
        Objects.requireNonNull(graph, "SvgWriter.render: layout is null");
        var out = new XmlOut();
        write(out, graph);
        return out.finish();
    }

    /** Writes the SVG to {@code file} atomically (temporary file in the same directory, then rename). */
    public void write(GraphModel model, Path file) throws IOException {
        AtomicFiles.writeString(file, render(model));
    }

    /** Emits the {@code <svg>} element into a larger document (the training report embeds it). */
    void write(XmlOut out, GraphLayout graph) {
        var legend = legendItems(graph);
        var legendWidth = 16.0;
        for (var item : legend) {
            legendWidth += item.width();
        }
        var width = Math.max(graph.width(), legendWidth);
        var height = graph.height() + LEGEND_HEIGHT;
        out.start("svg", "xmlns", "http://www.w3.org/2000/svg", "width", width, "height", height,
                "viewBox", "0 0 " + Fmt.coord(width) + " " + Fmt.coord(height),
                "font-family", "monospace", "font-size", "12").newline();
        out.element("title", "Computation graph: " + graph.nodes().size() + " nodes, " + graph.edges().size() + " edges");
        out.start("defs").start("marker", "id", ARROW_ID, "viewBox", "0 0 10 10", "refX", "9", "refY", "5",
                "markerWidth", "7", "markerHeight", "7", "orient", "auto-start-reverse")
                .empty("path", "d", "M0,0 L10,5 L0,10 z", "fill", KindStyle.EDGE_COLOR).end().end().newline();
        out.empty("rect", "width", width, "height", height, "fill", "#ffffff").newline();
        drawLegend(out, legend);
        out.start("g", "transform", "translate(0," + Fmt.coord(LEGEND_HEIGHT) + ")").newline();
        for (var edge : graph.edges()) {
            drawEdge(out, edge);
        }
        for (var node : graph.nodes()) {
            drawNode(out, node);
        }
        for (var edge : graph.edges()) {
            drawEdgeLabel(out, edge);
        }
        out.end().newline().end().newline();
    }

    private void drawEdge(XmlOut out, GraphLayout.RoutedEdge edge) {
        var p = edge.points();
        // Cubic pieces with horizontal tangents at every bend: smooth, and flat where edges enter boxes.
        var d = new StringBuilder("M").append(Fmt.coord(p.get(0).x())).append(',').append(Fmt.coord(p.get(0).y()));
        for (var i = 1; i < p.size(); i++) {
            var a = p.get(i - 1);
            var b = p.get(i);
            var mid = (a.x() + b.x()) / 2;
            d.append(" C").append(Fmt.coord(mid)).append(',').append(Fmt.coord(a.y()))
                    .append(' ').append(Fmt.coord(mid)).append(',').append(Fmt.coord(b.y()))
                    .append(' ').append(Fmt.coord(b.x())).append(',').append(Fmt.coord(b.y()));
        }
        var attrs = new ArrayList<Object>(List.of("d", d.toString(), "fill", "none", "stroke", KindStyle.EDGE_COLOR,
                "stroke-width", "1.3", "marker-end", "url(#" + ARROW_ID + ")"));
        if (edge.reversed()) {
            attrs.addAll(List.of("stroke-dasharray", "5 3"));
        }
        out.start("path", attrs.toArray());
        out.element("title", edge.edge().from() + " \u2192 " + edge.edge().to()
                + edge.edge().label().map(l -> " (" + l + ")").orElse(""));
        out.end().newline();
    }

    private void drawEdgeLabel(XmlOut out, GraphLayout.RoutedEdge edge) {
        edge.edge().label().ifPresent(label -> {
            var end = edge.points().get(edge.points().size() - 1);
            var leftward = edge.points().get(edge.points().size() - 2).x() > end.x();
            out.element("text", label, "x", end.x() + (leftward ? 11 : -11), "y", end.y() - 2,
                    "text-anchor", leftward ? "start" : "end", "font-size", "9", "fill", KindStyle.MUTED_COLOR).newline();
        });
    }

    private void drawNode(XmlOut out, GraphLayout.PlacedNode placed) {
        var node = placed.node();
        var style = KindStyle.of(node.kind());
        var radius = switch (node.kind()) {
            case OPERATION -> Math.min(placed.height() / 2, 14);
            case MODULE -> 8.0;
            default -> 3.0;
        };
        out.start("g");
        out.element("title", tooltip(node));
        var box = new ArrayList<Object>(List.of("x", placed.x(), "y", placed.y(), "width", placed.width(),
                "height", placed.height(), "rx", radius, "fill", style.fill(), "stroke", style.stroke(),
                "stroke-width", style.strokeWidth()));
        if (style.dashed()) {
            box.addAll(List.of("stroke-dasharray", "4 3"));
        }
        out.empty("rect", box.toArray());
        if (node.kind() == NodeKind.MODULE) {
            out.empty("rect", "x", placed.x() + 3, "y", placed.y() + 3, "width", placed.width() - 6,
                    "height", placed.height() - 6, "rx", radius - 2, "fill", "none", "stroke", style.stroke(),
                    "stroke-width", "0.8");
        }
        var options = layout.options();
        var inset = options.paddingX() + (node.kind() == NodeKind.OPERATION ? 7 : 0);
        var lineTop = placed.y() + options.paddingY();
        for (var line : placed.lines()) {
            var baseline = lineTop + options.lineHeight() * 0.78;
            switch (line.role()) {
                case LABEL -> out.element("text", line.text(), "x", placed.x() + placed.width() / 2, "y", baseline,
                        "text-anchor", "middle", "font-weight", "bold", "fill", KindStyle.TEXT_COLOR);
                case SHAPE -> out.element("text", line.text(), "x", placed.x() + placed.width() / 2, "y", baseline,
                        "text-anchor", "middle", "font-size", "11", "fill", KindStyle.MUTED_COLOR);
                case VALUE, GRAD -> out.element("text", line.text(), "x", placed.x() + inset, "y", baseline,
                        "xml:space", "preserve", "fill",
                        line.role() == NodeLine.Role.VALUE ? KindStyle.VALUE_COLOR : KindStyle.GRAD_COLOR);
            }
            lineTop += options.lineHeight();
        }
        out.end().newline();
    }

    private static String tooltip(GraphNode node) {
        var text = new StringBuilder(node.label()).append(" (").append(node.kind().name().toLowerCase()).append(')');
        if (!node.shape().isBlank()) {
            text.append("\nshape ").append(node.shape());
        }
        node.value().ifPresent(v -> text.append("\nvalue ").append(v));
        node.grad().ifPresent(g -> text.append("\ngrad ").append(g));
        node.group().ifPresent(g -> text.append("\nmodule ").append(g));
        return text.toString();
    }

    private record LegendItem(String caption, NodeKind kind, String textColor, double width) {
    }

    /** Only the kinds that occur, then the value/grad colour key and the edge meaning. */
    private static List<LegendItem> legendItems(GraphLayout graph) {
        var kinds = EnumSet.noneOf(NodeKind.class);
        var hasValue = false;
        var hasGrad = false;
        for (var placed : graph.nodes()) {
            kinds.add(placed.node().kind());
            hasValue |= placed.node().value().isPresent();
            hasGrad |= placed.node().grad().isPresent();
        }
        var items = new ArrayList<LegendItem>();
        for (var kind : kinds) {
            var caption = KindStyle.of(kind).caption();
            items.add(new LegendItem(caption, kind, KindStyle.TEXT_COLOR, 26 + caption.length() * LEGEND_CHAR_WIDTH + 14));
        }
        if (hasValue) {
            items.add(new LegendItem("value (forward)", null, KindStyle.VALUE_COLOR, 15 * LEGEND_CHAR_WIDTH + 14));
        }
        if (hasGrad) {
            items.add(new LegendItem("grad (backward)", null, KindStyle.GRAD_COLOR, 15 * LEGEND_CHAR_WIDTH + 14));
        }
        items.add(new LegendItem("data flow", null, KindStyle.MUTED_COLOR, 34 + 9 * LEGEND_CHAR_WIDTH + 14));
        return items;
    }

    private static void drawLegend(XmlOut out, List<LegendItem> items) {
        out.start("g", "font-size", "11").newline();
        var x = 16.0;
        var mid = LEGEND_HEIGHT / 2 + 2;
        for (var item : items) {
            var textX = x;
            if (item.kind() != null) {
                var style = KindStyle.of(item.kind());
                out.empty("rect", "x", x, "y", mid - 7, "width", 20, "height", 14,
                        "rx", item.kind() == NodeKind.OPERATION ? 7 : 3, "fill", style.fill(), "stroke", style.stroke(),
                        "stroke-width", style.strokeWidth());
                textX = x + 26;
            } else if (item.caption().equals("data flow")) {
                out.empty("path", "d", "M" + Fmt.coord(x) + "," + Fmt.coord(mid) + " H" + Fmt.coord(x + 26),
                        "stroke", KindStyle.EDGE_COLOR, "stroke-width", "1.3", "marker-end", "url(#" + ARROW_ID + ")");
                textX = x + 34;
            }
            out.element("text", item.caption(), "x", textX, "y", mid + 4, "fill", item.textColor());
            x += item.width();
        }
        out.end().newline();
    }
}
