package dev.jgrad.viz;

import java.util.ArrayList;
import java.util.List;

/** Turns a node into the lines drawn in its box, shortened so that big tensors keep boxes readable. */
final class NodeText {

    static final String VALUE_PREFIX = "value ";
    static final String GRAD_PREFIX = "grad  ";
    static final String ELLIPSIS = "\u2026";

    private NodeText() {
    }

    static List<NodeLine> lines(GraphNode node, int maxChars, int maxValueLines) {
        var lines = new ArrayList<NodeLine>();
        lines.add(new NodeLine(shorten(node.label(), maxChars), NodeLine.Role.LABEL));
        if (!node.shape().isBlank()) {
            lines.add(new NodeLine(shorten(node.shape(), maxChars), NodeLine.Role.SHAPE));
        }
        node.value().ifPresent(v -> addBlock(lines, v, VALUE_PREFIX, NodeLine.Role.VALUE, maxChars, maxValueLines));
        node.grad().ifPresent(g -> addBlock(lines, g, GRAD_PREFIX, NodeLine.Role.GRAD, maxChars, maxValueLines));
        return List.copyOf(lines);
    }

    /** Prefixes the first line ("value 1.5") and indents the rest by as much, for monospace alignment. */
    private static void addBlock(List<NodeLine> lines, String text, String prefix, NodeLine.Role role,
                                 int maxChars, int maxLines) {
        var parts = text.strip().split("\\R");
        var indent = " ".repeat(prefix.length());
        var shown = Math.min(parts.length, Math.max(1, maxLines));
        for (var i = 0; i < shown; i++) {
            var last = i == shown - 1 && shown < parts.length;
            var body = last ? ELLIPSIS + " (" + (parts.length - i) + " more lines)" : parts[i];
            lines.add(new NodeLine(shorten((i == 0 ? prefix : indent) + body, maxChars), role));
        }
    }

    /** Cuts to {@code maxChars} code points, ending with an ellipsis when something was cut. */
    static String shorten(String text, int maxChars) {
        var oneLine = text.replaceAll("\\R", " ");
        var count = oneLine.codePointCount(0, oneLine.length());
        if (count <= maxChars) {
            return oneLine;
        }
        return oneLine.substring(0, oneLine.offsetByCodePoints(0, Math.max(0, maxChars - 1))) + ELLIPSIS;
    }

    /** Width in characters of the widest line: the layout's text-size estimate for monospace fonts. */
    static int widestLine(List<NodeLine> lines) {
        var widest = 0;
        for (var line : lines) {
            widest = Math.max(widest, line.text().codePointCount(0, line.text().length()));
        }
        return widest;
    }
}
