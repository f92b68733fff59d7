package dev.jgrad.viz;

/**
 * Colours and outline of each node kind, shared by the SVG and DOT writers so both pictures
 * read the same: data in square boxes, operations in rounded ones, the loss with a heavy outline.
 */
record KindStyle(String fill, String stroke, double strokeWidth, boolean dashed, String caption) {

    /** Forward values are green and gradients red, as in the usual backpropagation diagrams. */
    static final String VALUE_COLOR = "#15803d";
    static final String GRAD_COLOR = "#b91c1c";
    static final String TEXT_COLOR = "#0f172a";
    static final String MUTED_COLOR = "#475569";
    static final String EDGE_COLOR = "#64748b";

    static KindStyle of(NodeKind kind) {
        return switch (kind) {
            case INPUT -> new KindStyle("#e0f2fe", "#0369a1", 1.2, false, "input");
            case PARAMETER -> new KindStyle("#fef9c3", "#a16207", 1.6, false, "parameter");
            case CONSTANT -> new KindStyle("#f1f5f9", "#64748b", 1.2, true, "constant");
            case OPERATION -> new KindStyle("#ede9fe", "#6d28d9", 1.2, false, "operation");
            case OUTPUT -> new KindStyle("#ffedd5", "#c2410c", 2.6, false, "output / loss");
            case MODULE -> new KindStyle("#e2e8f0", "#334155", 2.0, false, "module");
        };
    }
}
