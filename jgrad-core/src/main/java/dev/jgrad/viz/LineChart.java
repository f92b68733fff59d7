package dev.jgrad.viz;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.StringJoiner;
import java.util.function.DoubleUnaryOperator;

/**
 * A per-epoch line chart as inline SVG: axes with "nice" ticks, grid, axis titles, legend, one
 * line per series. Non-finite values (a diverged loss) break the line and are flagged at the top of
 * the plot; a single epoch is drawn as points.
 */
final class LineChart {

    /**
     * One line; {@code values[i]} belongs to the i-th epoch. Where {@code recorded[i]} is false the
     * line just has a gap; a recorded NaN or infinity is flagged as such.
     */
    record Series(String name, String color, double[] values, boolean[] recorded, boolean dashed) {

        Series {
            if (values.length != recorded.length) {
                throw new IllegalArgumentException("LineChart.Series " + name + ": " + values.length + " values, "
                        + recorded.length + " flags");
            }
        }
    }

    enum Format {
        NUMBER, PERCENT
    }

    static final double WIDTH = 560;
    static final double HEIGHT = 300;
    private static final double LEFT = 68;
    private static final double RIGHT = 20;
    private static final double TOP = 52;
    private static final double BOTTOM = 46;
    private static final int MAX_POINT_MARKERS = 60;
    private static final double CHAR_WIDTH = 6.2;

    private LineChart() {
    }

    /**
     * Draws the chart and returns sentences about values that could not be drawn (NaN, infinite), for
     * the caller to print next to it.
     *
     * @param logIfWide use a log scale when all values are positive and span two decades or more
     */
    static List<String> render(XmlOut out, String title, String yLabel, int[] epochs, List<Series> series,
                               Format format, boolean logIfWide) {
        var lo = Double.POSITIVE_INFINITY;
        var hi = Double.NEGATIVE_INFINITY;
        for (var s : series) {
            for (var i = 0; i < s.values().length; i++) {
                if (s.recorded()[i] && Double.isFinite(s.values()[i])) {
                    lo = Math.min(lo, s.values()[i]);
                    hi = Math.max(hi, s.values()[i]);
                }
            }
        }
        var log = logIfWide && lo > 0 && hi / lo >= 100;
        out.start("svg", "width", WIDTH, "height", HEIGHT, "viewBox", "0 0 " + Fmt.coord(WIDTH) + " " + Fmt.coord(HEIGHT),
                "role", "img", "font-family", "sans-serif", "font-size", "11").newline();
        out.element("title", title);
        out.empty("rect", "x", 0.5, "y", 0.5, "width", WIDTH - 1, "height", HEIGHT - 1, "rx", 6,
                "fill", "#ffffff", "stroke", "#e2e8f0");
        out.element("text", title, "x", 14, "y", 22, "font-size", "14", "font-weight", "bold", "fill", KindStyle.TEXT_COLOR);
        legend(out, series);
        var x0 = LEFT;
        var x1 = WIDTH - RIGHT;
        var y0 = TOP;
        var y1 = HEIGHT - BOTTOM;
        out.element("text", "epoch", "x", (x0 + x1) / 2, "y", HEIGHT - 8, "text-anchor", "middle", "fill", KindStyle.MUTED_COLOR);
        var labelY = (y0 + y1) / 2;
        out.element("text", yLabel + (log ? " (log scale)" : ""), "x", 16, "y", labelY, "text-anchor", "middle",
                "transform", "rotate(-90 16 " + Fmt.coord(labelY) + ")", "fill", KindStyle.MUTED_COLOR);
        if (epochs.length == 0 || lo > hi) {
            out.empty("rect", "x", x0, "y", y0, "width", x1 - x0, "height", y1 - y0, "fill", "#f8fafc", "stroke", "#cbd5e1");
            out.element("text", epochs.length == 0 ? "no epochs recorded" : "no finite values to plot",
                    "x", (x0 + x1) / 2, "y", (y0 + y1) / 2, "text-anchor", "middle", "fill", KindStyle.MUTED_COLOR);
            out.end().newline();
            return notes(epochs, series);
        }
        var yTicks = log ? logTicks(lo, hi) : niceTicks(lo, hi, 5);
        var yMin = yTicks[0];
        var yMax = yTicks[yTicks.length - 1];
        var firstEpoch = epochs[0];
        var lastEpoch = epochs[epochs.length - 1];
        var xMin = epochs.length == 1 ? firstEpoch - 1.0 : firstEpoch;
        var xMax = epochs.length == 1 ? lastEpoch + 1.0 : lastEpoch;
        var scaleX = (x1 - x0) / (xMax - xMin);
        DoubleUnaryOperator sx = e -> x0 + (e - xMin) * scaleX;
        DoubleUnaryOperator sy = v -> log
                ? y1 - (Math.log10(v) - Math.log10(yMin)) / (Math.log10(yMax) - Math.log10(yMin)) * (y1 - y0)
                : y1 - (v - yMin) / (yMax - yMin) * (y1 - y0);

        out.start("g", "stroke", "#eef2f7").newline();
        for (var t : yTicks) {
            out.empty("line", "x1", x0, "x2", x1, "y1", sy.applyAsDouble(t), "y2", sy.applyAsDouble(t));
        }
        out.end().newline();
        out.start("g", "fill", KindStyle.MUTED_COLOR).newline();
        for (var t : yTicks) {
            out.element("text", tickLabel(t, format), "x", x0 - 6, "y", sy.applyAsDouble(t) + 4, "text-anchor", "end");
        }
        for (var e : epochTicks(firstEpoch, lastEpoch)) {
            out.empty("line", "x1", sx.applyAsDouble(e), "x2", sx.applyAsDouble(e), "y1", y1, "y2", y1 + 4,
                    "stroke", KindStyle.MUTED_COLOR);
            out.element("text", Integer.toString(e), "x", sx.applyAsDouble(e), "y", y1 + 17, "text-anchor", "middle");
        }
        out.end().newline();
        out.empty("path", "d", "M" + Fmt.coord(x0) + "," + Fmt.coord(y0) + " V" + Fmt.coord(y1) + " H" + Fmt.coord(x1),
                "fill", "none", "stroke", KindStyle.MUTED_COLOR);

        for (var i = 0; i < series.size(); i++) {
            // Flags of different series at the same epoch are stacked instead of overprinted.
            drawSeries(out, series.get(i), epochs, sx, sy, format, y0 + 12 * i);
        }
        out.end().newline();
        return notes(epochs, series);
    }

    private static void drawSeries(XmlOut out, Series s, int[] epochs, DoubleUnaryOperator sx,
                                   DoubleUnaryOperator sy, Format format, double plotTop) {
        var values = s.values();
        var run = new StringJoiner(" ");
        var runLength = 0;
        for (var i = 0; i <= values.length; i++) {
            var finite = i < values.length && s.recorded()[i] && Double.isFinite(values[i]);
            if (finite) {
                run.add(Fmt.coord(sx.applyAsDouble(epochs[i])) + "," + Fmt.coord(sy.applyAsDouble(values[i])));
                runLength++;
            } else {
                if (runLength > 1) {
                    var attrs = new ArrayList<Object>(List.of("points", run.toString(), "fill", "none", "stroke", s.color(),
                            "stroke-width", "2", "stroke-linejoin", "round"));
                    if (s.dashed()) {
                        attrs.addAll(List.of("stroke-dasharray", "6 4"));
                    }
                    out.empty("polyline", attrs.toArray());
                }
                run = new StringJoiner(" ");
                runLength = 0;
            }
            if (i < values.length && s.recorded()[i] && !finite) {
                var x = sx.applyAsDouble(epochs[i]);
                out.start("g");
                out.element("title", s.name() + ", epoch " + epochs[i] + ": " + Fmt.num(values[i]));
                out.element("text", Fmt.num(values[i]), "x", x, "y", plotTop + 12, "text-anchor", "middle", "font-size", "10",
                        "font-weight", "bold", "fill", s.color());
                out.end();
            }
        }
        if (values.length <= MAX_POINT_MARKERS) {
            for (var i = 0; i < values.length; i++) {
                if (s.recorded()[i] && Double.isFinite(values[i])) {
                    out.start("circle", "cx", sx.applyAsDouble(epochs[i]), "cy", sy.applyAsDouble(values[i]), "r", 3,
                            "fill", s.color());
                    out.element("title", s.name() + ", epoch " + epochs[i] + ": " + tickLabel(values[i], format));
                    out.end();
                }
            }
        }
        out.newline();
    }

    private static void legend(XmlOut out, List<Series> series) {
        var width = 0.0;
        for (var s : series) {
            width += 34 + s.name().length() * CHAR_WIDTH;
        }
        var x = WIDTH - RIGHT - width;
        for (var s : series) {
            var attrs = new ArrayList<Object>(List.of("x1", x, "x2", x + 22, "y1", 37.0, "y2", 37.0, "stroke", s.color(),
                    "stroke-width", "2.5"));
            if (s.dashed()) {
                attrs.addAll(List.of("stroke-dasharray", "6 4"));
            }
            out.empty("line", attrs.toArray());
            out.element("text", s.name(), "x", x + 27, "y", 41, "fill", KindStyle.TEXT_COLOR);
            x += 34 + s.name().length() * CHAR_WIDTH;
        }
    }

    /** E.g. "validation loss is NaN at epochs 3, 4" for every series with values that cannot be drawn. */
    private static List<String> notes(int[] epochs, List<Series> series) {
        var notes = new ArrayList<String>();
        for (var s : series) {
            var byValue = new LinkedHashMap<String, List<Integer>>();
            for (var i = 0; i < s.values().length; i++) {
                if (s.recorded()[i] && !Double.isFinite(s.values()[i])) {
                    byValue.computeIfAbsent(Fmt.num(s.values()[i]), k -> new ArrayList<>()).add(epochs[i]);
                }
            }
            for (Map.Entry<String, List<Integer>> entry : byValue.entrySet()) {
                var list = entry.getValue();
                notes.add(s.name() + " is " + entry.getKey() + " at epoch" + (list.size() > 1 ? "s " : " ")
                        + joinShort(list));
            }
        }
        return notes;
    }

    private static String joinShort(List<Integer> epochs) {
        var joiner = new StringJoiner(", ");
        for (var i = 0; i < Math.min(epochs.size(), 10); i++) {
            joiner.add(epochs.get(i).toString());
        }
        return joiner + (epochs.size() > 10 ? " and " + (epochs.size() - 10) + " more" : "");
    }

    static String tickLabel(double v, Format format) {
        if (format == Format.PERCENT) {
            return Fmt.num(v * 100) + "%";
        }
        return Fmt.num(v);
    }

    /** Ticks at 1, 2 or 5 times a power of ten, covering [lo, hi] with about {@code target} intervals. */
    static double[] niceTicks(double lo, double hi, int target) {
        if (lo == hi) {
            var pad = lo == 0 ? 1 : Math.abs(lo) * 0.1;
            lo -= pad;
            hi += pad;
        }
        var step = niceStep((hi - lo) / target);
        var first = Math.floor(lo / step);
        var last = Math.ceil(hi / step);
        var ticks = new double[(int) (last - first) + 1];
        for (var i = 0; i < ticks.length; i++) {
            // Multiply instead of accumulating, so 0.1 + 0.1 + 0.1 drift never shows up in labels.
            ticks[i] = (first + i) * step;
        }
        return ticks;
    }

    static double niceStep(double raw) {
        var exponent = Math.floor(Math.log10(raw));
        var magnitude = Math.pow(10, exponent);
        var fraction = raw / magnitude;
        var nice = fraction <= 1 ? 1 : fraction <= 2 ? 2 : fraction <= 5 ? 5 : 10;
        return nice * magnitude;
    }

    /** Powers of ten around [lo, hi], every second or third one when there are many decades. */
    static double[] logTicks(double lo, double hi) {
        var from = (int) Math.floor(Math.log10(lo));
        var to = (int) Math.ceil(Math.log10(hi));
        var stride = Math.max(1, (int) Math.ceil((to - from) / 6.0));
        to = from + (int) Math.ceil((to - from) / (double) stride) * stride;
        var ticks = new double[(to - from) / stride + 1];
        for (var i = 0; i < ticks.length; i++) {
            ticks[i] = Math.pow(10, from + i * stride);
        }
        return ticks;
    }

    /** Integer epoch ticks at a nice stride, at most about ten of them. */
    static List<Integer> epochTicks(int first, int last) {
        var ticks = new ArrayList<Integer>();
        var stride = last == first ? 1 : Math.max(1, (int) niceStep((last - first) / 8.0));
        for (var e = (int) Math.ceil(first / (double) stride) * stride; e <= last; e += stride) {
            if (e >= first) {
                ticks.add(e);
            }
        }
        if (ticks.isEmpty()) {
            ticks.add(first);
        }
        return ticks;
    }
}
