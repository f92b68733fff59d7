package dev.jgrad.viz;

import java.util.Locale;

/**
 * A confusion matrix as an SVG heat map: rows are true classes, columns predictions. The diagonal
 * is shaded blue by recall, mistakes red by their share of the row (square-root scaled, so that a 1%
 * confusion is still visible); each cell shows its count and explains itself on hover.
 */
final class ConfusionHeatMap {

    private static final int MAX_LABEL_CHARS = 14;
    private static final double CHAR_WIDTH = 6.6;
    private static final String DIAGONAL = "#1d4ed8";
    private static final String MISTAKE = "#dc2626";

    private ConfusionHeatMap() {
    }

    static void render(XmlOut out, ConfusionMatrix matrix) {
        var k = matrix.size();
        var cell = Math.max(12, Math.min(46, Math.floor(460.0 / k)));
        var names = new String[k];
        var longest = 1;
        for (var c = 0; c < k; c++) {
            names[c] = NodeText.shorten(matrix.classNames().get(c), MAX_LABEL_CHARS);
            longest = Math.max(longest, names[c].codePointCount(0, names[c].length()));
        }
        var labelWidth = longest * CHAR_WIDTH + 10;
        var rotate = labelWidth - 10 > cell - 4;
        var left = 26 + labelWidth;
        var top = 30 + (rotate ? labelWidth * 0.72 + 8 : 18);
        var width = left + k * cell + 12;
        var height = top + k * cell + 12;
        out.start("svg", "width", width, "height", height, "viewBox", "0 0 " + Fmt.coord(width) + " " + Fmt.coord(height),
                "role", "img", "font-family", "sans-serif", "font-size", "11").newline();
        out.element("title", "Confusion matrix: rows are true classes, columns predicted classes");
        out.element("text", "predicted \u2192", "x", left, "y", 14, "fill", KindStyle.MUTED_COLOR, "font-weight", "bold");
        var trueY = top + k * cell / 2;
        out.element("text", "true \u2192", "x", 12, "y", trueY, "text-anchor", "middle", "fill", KindStyle.MUTED_COLOR,
                "font-weight", "bold", "transform", "rotate(90 12 " + Fmt.coord(trueY) + ")");
        for (var c = 0; c < k; c++) {
            var cx = left + c * cell + cell / 2;
            if (rotate) {
                var ly = top - 6;
                out.element("text", names[c], "x", cx, "y", ly, "transform", "rotate(-45 " + Fmt.coord(cx) + " " + Fmt.coord(ly) + ")",
                        "fill", KindStyle.TEXT_COLOR);
            } else {
                out.element("text", names[c], "x", cx, "y", top - 6, "text-anchor", "middle", "fill", KindStyle.TEXT_COLOR);
            }
            out.element("text", names[c], "x", left - 6, "y", top + c * cell + cell / 2 + 4, "text-anchor", "end",
                    "fill", KindStyle.TEXT_COLOR);
        }
        for (var a = 0; a < k; a++) {
            var support = matrix.support(a);
            for (var p = 0; p < k; p++) {
                var count = matrix.count(a, p);
                var share = support == 0 ? 0 : (double) count / support;
                var intensity = a == p ? share : Math.sqrt(share);
                var fill = mix("#ffffff", a == p ? DIAGONAL : MISTAKE, intensity);
                var x = left + p * cell;
                var y = top + a * cell;
                out.start("g");
                out.element("title", "true " + matrix.classNames().get(a) + ", predicted " + matrix.classNames().get(p)
                        + ": " + Fmt.count(count) + (support == 0 ? "" : " (" + Fmt.percent(share) + " of the row)"));
                out.empty("rect", "x", x, "y", y, "width", cell, "height", cell, "fill", fill, "stroke", "#e2e8f0");
                var text = Long.toString(count);
                var fontSize = Math.min(12, cell / (text.length() * 0.62 + 0.6));
                if (fontSize >= 7) {
                    out.element("text", text, "x", x + cell / 2, "y", y + cell / 2 + fontSize * 0.36, "text-anchor", "middle",
                            "font-size", Fmt.coord(fontSize), "fill", intensity > 0.55 ? "#ffffff" : KindStyle.TEXT_COLOR);
                }
                out.end();
            }
            out.newline();
        }
        out.end().newline();
    }

    /** Linear blend of two #rrggbb colours. */
    static String mix(String from, String to, double t) {
        var f = Integer.parseInt(from.substring(1), 16);
        var g = Integer.parseInt(to.substring(1), 16);
        var clamped = Math.max(0, Math.min(1, t));
        var rgb = new int[3];
        for (var i = 0; i < 3; i++) {
            var shift = 16 - 8 * i;
            var a = (f >> shift) & 0xff;
            var b = (g >> shift) & 0xff;
            rgb[i] = (int) Math.round(a + (b - a) * clamped);
        }
        return String.format(Locale.ROOT, "#%02x%02x%02x", rgb[0], rgb[1], rgb[2]);
    }
}
