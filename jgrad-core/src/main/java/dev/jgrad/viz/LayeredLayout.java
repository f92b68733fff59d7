package dev.jgrad.viz;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;

/**
 * Layered (Sugiyama-style) drawing of a computation graph, left to right: inputs on the left, the
 * loss on the right.
 *
 * <ol>
 *   <li>Cycle removal: edges closing a cycle (only possible after collapsing) are reversed.</li>
 *   <li>Layering: longest path from the sources; the loss ({@link NodeKind#OUTPUT} sinks) is pulled
 *       to the last column; a node with more outputs than inputs (a weight, an input batch) moves
 *       right next to its first consumer, which shortens the total edge length.</li>
 *   <li>Edges spanning several columns get one virtual node per column they cross.</li>
 *   <li>Crossing reduction: alternating down/up sweeps ordering each column by the barycenter (then
 *       the weighted median) of its neighbours, each followed by adjacent transpositions; the best
 *       ordering seen is kept.</li>
 *   <li>Coordinates: each column is placed at the weighted least-squares optimum of its edges'
 *       vertical lengths under the ordering and minimum gaps (solved exactly per column by pool
 *       adjacent violators), sweeping back and forth; chains of virtual nodes weigh more, so long
 *       edges come out straight.</li>
 * </ol>
 *
 * <p>Box sizes are estimated from character counts of the monospace text. Everything is
 * deterministic: ties are broken by model order.
 */
public final class LayeredLayout {

    /**
     * Sizes and effort.
     *
     * @param layerGap      horizontal space between columns
     * @param nodeGap       vertical space between boxes in a column
     * @param edgeGap       vertical space between edges passing through a column
     * @param charWidth     estimated width of one character (monospace 12px is about 7.2)
     * @param lineHeight    height of one text line
     * @param paddingX      horizontal space between text and box border
     * @param paddingY      vertical space between text and box border
     * @param margin        empty border around the drawing
     * @param maxLineChars  longer lines are cut with an ellipsis
     * @param maxValueLines value or grad texts with more lines are cut
     * @param maxSweeps     crossing-reduction sweeps per heuristic (each stops early when stuck)
     */
    public record Options(double layerGap, double nodeGap, double edgeGap, double charWidth, double lineHeight,
                          double paddingX, double paddingY, double margin, int maxLineChars, int maxValueLines,
                          int maxSweeps) {

        public Options {
            for (var v : new double[] {layerGap, nodeGap, edgeGap, charWidth, lineHeight, paddingX, paddingY, margin}) {
                if (!(v >= 0) || Double.isInfinite(v)) {
                    throw new IllegalArgumentException("LayeredLayout.Options: sizes must be finite and >= 0, got " + v);
                }
            }
            if (maxLineChars < 4 || maxValueLines < 1 || maxSweeps < 0) {
                throw new IllegalArgumentException("LayeredLayout.Options: need maxLineChars >= 4, maxValueLines >= 1,"
                        + " maxSweeps >= 0; got " + maxLineChars + ", " + maxValueLines + ", " + maxSweeps);
            }
        }

        public static Options defaults() {
            return new Options(56, 18, 8, 7.2, 15, 9, 6, 16, 42, 4, 24);
        }
    }

    /** Rounded corners of operation boxes eat into the text area; this much extra width compensates. */
    private static final double OPERATION_EXTRA_WIDTH = 14;
    private static final double MIN_BOX_WIDTH = 44;
    private static final int COORDINATE_ROUNDS = 12;
    private static final int STALE_SWEEPS = 4;
    private static final double CONVERGENCE = 0.995;
    private static final long SWEEP_WORK_BUDGET = 20_000_000;
    private static final long MIN_SWEEPS = 4;
    private static final double SETTLED = 0.25;
    /** Vertical distance between edge ends on one box side: room for a 9px input-position label. */
    private static final double PORT_STEP = 11;
    private static final int TRANSPOSE_PASSES = 6;

    private final Options options;

    public LayeredLayout() {
        this(Options.defaults());
    }

    public LayeredLayout(Options options) {
        this.options = Objects.requireNonNull(options, "LayeredLayout: options is null");
    }

    public Options options() {
        return options;
    }

    /** Text lines of a node box under these options (what {@link #layout} sizes boxes from). */
    public List<NodeLine> lines(GraphNode node) {
        return NodeText.lines(node, options.maxLineChars(), options.maxValueLines());
    }

    public GraphLayout layout(GraphModel model) {
        Objects.requireNonNull(model, "LayeredLayout.layout: model is null");
        return new Run(model).run();
    }

    /** State of one layout computation; real nodes are 0..n-1, virtual nodes follow. */
    private final class Run {
        private final GraphModel model;
        private final int n;
        private final int m;
        private final int[] src;
        private final int[] dst;
        private final boolean[] reversed;

        private int total;
        private int[] layerOf;
        private int[][] chains;
        private int segments;
        private int[][] up;
        private int[][] down;
        private int[][] layers;
        private int[] pos;
        private double[] boxWidth;
        private double[] boxHeight;
        private double[] y;
        private List<List<NodeLine>> text;

        Run(GraphModel model) {
            this.model = model;
            this.n = model.nodes().size();
            this.m = model.edges().size();
            this.src = new int[m];
            this.dst = new int[m];
            for (var e = 0; e < m; e++) {
                var edge = model.edges().get(e);
                src[e] = model.indexOf(edge.from());
                dst[e] = model.indexOf(edge.to());
            }
            this.reversed = backEdges();
        }

        GraphLayout run() {
            if (n == 0) {
                return new GraphLayout(List.of(), List.of(), 2 * options.margin(), 2 * options.margin(), 0, 0);
            }
            var layer = assignLayers();
            insertVirtualNodes(layer);
            var crossings = reduceCrossings();
            measure();
            assignY();
            return build(crossings);
        }

        private int tail(int e) {
            return reversed[e] ? dst[e] : src[e];
        }

        private int head(int e) {
            return reversed[e] ? src[e] : dst[e];
        }

        /** Iterative DFS in model order; an edge into a node still on the stack closes a cycle. */
        private boolean[] backEdges() {
            var out = adjacency(n, src, m);
            var rev = new boolean[m];
            var state = new byte[n];
            var stack = new int[n];
            var next = new int[n];
            for (var root = 0; root < n; root++) {
                if (state[root] != 0) {
                    continue;
                }
                var sp = 0;
                stack[sp++] = root;
                state[root] = 1;
                while (sp > 0) {
                    var v = stack[sp - 1];
                    if (next[v] < out[v].length) {
                        var e = out[v][next[v]++];
                        var w = dst[e];
                        if (state[w] == 1) {
                            rev[e] = true;
                        } else if (state[w] == 0) {
                            state[w] = 1;
                            stack[sp++] = w;
                        }
                    } else {
                        state[v] = 2;
                        sp--;
                    }
                }
            }
            return rev;
        }

        private int[] assignLayers() {
            var tails = new int[m];
            var heads = new int[m];
            for (var e = 0; e < m; e++) {
                tails[e] = tail(e);
                heads[e] = head(e);
            }
            var out = adjacency(n, tails, m);
            var in = adjacency(n, heads, m);
            var indeg = new int[n];
            for (var v = 0; v < n; v++) {
                indeg[v] = in[v].length;
            }
            var topo = new int[n];
            var size = 0;
            for (var v = 0; v < n; v++) {
                if (indeg[v] == 0) {
                    topo[size++] = v;
                }
            }
            var layer = new int[n];
            for (var i = 0; i < size; i++) {
                var v = topo[i];
                for (var e : out[v]) {
                    var w = heads[e];
                    layer[w] = Math.max(layer[w], layer[v] + 1);
                    if (--indeg[w] == 0) {
                        topo[size++] = w;
                    }
                }
            }
            if (size != n) {
                throw new IllegalStateException("LayeredLayout: cycle left after cycle removal");
            }
            var last = 0;
            for (var v = 0; v < n; v++) {
                last = Math.max(last, layer[v]);
            }
            // Only the loss goes to the far right: dragging every dead end (a metric, an unused
            // intermediate) there too would add long edges and hide where it was computed.
            for (var v = 0; v < n; v++) {
                if (out[v].length == 0 && in[v].length > 0 && model.nodes().get(v).kind() == NodeKind.OUTPUT) {
                    layer[v] = last;
                }
            }
            // Consumers first, so a chain of producers can follow its consumer rightwards.
            for (var i = n - 1; i >= 0; i--) {
                var v = topo[i];
                if (out[v].length > in[v].length) {
                    var limit = Integer.MAX_VALUE;
                    for (var e : out[v]) {
                        limit = Math.min(limit, layer[heads[e]] - 1);
                    }
                    layer[v] = Math.max(layer[v], limit);
                }
            }
            return compact(layer);
        }

        /** Renumbers the used layers 0..k-1, so no column is empty. */
        private int[] compact(int[] layer) {
            var max = 0;
            for (var l : layer) {
                max = Math.max(max, l);
            }
            var used = new int[max + 1];
            for (var l : layer) {
                used[l] = 1;
            }
            var next = 0;
            for (var l = 0; l <= max; l++) {
                used[l] = used[l] == 1 ? next++ : -1;
            }
            var result = new int[n];
            for (var v = 0; v < n; v++) {
                result[v] = used[layer[v]];
            }
            return result;
        }

        private void insertVirtualNodes(int[] layer) {
            total = n;
            for (var e = 0; e < m; e++) {
                total += layer[head(e)] - layer[tail(e)] - 1;
            }
            layerOf = Arrays.copyOf(layer, total);
            chains = new int[m][];
            segments = 0;
            var next = n;
            for (var e = 0; e < m; e++) {
                var from = tail(e);
                var span = layer[head(e)] - layer[from];
                var chain = new int[span + 1];
                chain[0] = from;
                for (var k = 1; k < span; k++) {
                    layerOf[next] = layer[from] + k;
                    chain[k] = next++;
                }
                chain[span] = head(e);
                chains[e] = chain;
                segments += span;
            }
            var segFrom = new int[segments];
            var segTo = new int[segments];
            var s = 0;
            for (var chain : chains) {
                for (var k = 0; k + 1 < chain.length; k++) {
                    segFrom[s] = chain[k];
                    segTo[s++] = chain[k + 1];
                }
            }
            down = neighbours(total, segFrom, segTo);
            up = neighbours(total, segTo, segFrom);
            var layerCount = 0;
            for (var l : layerOf) {
                layerCount = Math.max(layerCount, l + 1);
            }
            var sizes = new int[layerCount];
            for (var v = 0; v < total; v++) {
                sizes[layerOf[v]]++;
            }
            layers = new int[layerCount][];
            for (var l = 0; l < layerCount; l++) {
                layers[l] = new int[sizes[l]];
                sizes[l] = 0;
            }
            pos = new int[total];
            for (var v = 0; v < total; v++) {
                var l = layerOf[v];
                pos[v] = sizes[l];
                layers[l][sizes[l]++] = v;
            }
        }

        // ---- crossing reduction ----

        private long reduceCrossings() {
            var best = copy(layers);
            var bestCrossings = crossings();
            // Each sweep costs about one visit per node and segment; huge graphs get fewer sweeps.
            var budget = Math.max(MIN_SWEEPS, SWEEP_WORK_BUDGET / (total + segments));
            for (var median : new boolean[] {false, true}) {
                restore(best);
                var stale = 0;
                for (var sweep = 0; sweep < options.maxSweeps() && bestCrossings > 0 && stale < STALE_SWEEPS
                        && budget > 0; sweep++, budget--) {
                    var downward = sweep % 2 == 0;
                    if (downward) {
                        for (var l = 1; l < layers.length; l++) {
                            reorder(layers[l], up, median);
                        }
                    } else {
                        for (var l = layers.length - 2; l >= 0; l--) {
                            reorder(layers[l], down, median);
                        }
                    }
                    transpose();
                    var c = crossings();
                    // Creeping gains (under 0.5%) on big tangled graphs are not worth more sweeps.
                    stale = c < bestCrossings * CONVERGENCE ? 0 : stale + 1;
                    if (c < bestCrossings) {
                        bestCrossings = c;
                        best = copy(layers);
                    }
                }
            }
            restore(best);
            return bestCrossings;
        }

        private static int[][] copy(int[][] layers) {
            var result = new int[layers.length][];
            for (var l = 0; l < layers.length; l++) {
                result[l] = layers[l].clone();
            }
            return result;
        }

        private void restore(int[][] saved) {
            for (var l = 0; l < layers.length; l++) {
                layers[l] = saved[l].clone();
                for (var i = 0; i < layers[l].length; i++) {
                    pos[layers[l][i]] = i;
                }
            }
        }

        /** Sorts a column by the barycenter or median of each node's neighbours; isolated nodes keep their slot. */
        private void reorder(int[] layer, int[][] nbr, boolean median) {
            var k = layer.length;
            // Sort keys packed with the slot index into longs: float bits of a non-negative float order
            // like the float, and the slot index in the low half makes ties keep their current order.
            var packed = new long[k];
            var movable = 0;
            for (var i = 0; i < k; i++) {
                var v = layer[i];
                if (nbr[v].length > 0) {
                    var key = (float) (median ? medianPosition(nbr[v]) : meanPosition(nbr[v]));
                    packed[movable++] = ((long) Float.floatToIntBits(key) << 32) | i;
                }
            }
            Arrays.sort(packed, 0, movable);
            var sorted = new int[movable];
            for (var j = 0; j < movable; j++) {
                sorted[j] = layer[(int) packed[j]];
            }
            var next = 0;
            for (var i = 0; i < k; i++) {
                if (nbr[layer[i]].length > 0) {
                    layer[i] = sorted[next++];
                }
            }
            for (var i = 0; i < k; i++) {
                pos[layer[i]] = i;
            }
        }

        private double meanPosition(int[] nbr) {
            var sum = 0.0;
            for (var w : nbr) {
                sum += pos[w];
            }
            return sum / nbr.length;
        }

        /** Weighted median: with an even count, leans towards the side whose neighbours are packed tighter. */
        private double medianPosition(int[] nbr) {
            var p = sortedPositions(nbr);
            var mid = p.length / 2;
            if (p.length % 2 == 1) {
                return p[mid];
            }
            if (p.length == 2) {
                return (p[0] + p[1]) / 2.0;
            }
            double left = p[mid - 1] - p[0];
            double right = p[p.length - 1] - p[mid];
            return left + right == 0 ? (p[mid - 1] + p[mid]) / 2.0 : (p[mid - 1] * right + p[mid] * left) / (left + right);
        }

        private int[] sortedPositions(int[] nbr) {
            var p = new int[nbr.length];
            for (var i = 0; i < nbr.length; i++) {
                p[i] = pos[nbr[i]];
            }
            Arrays.sort(p);
            return p;
        }

        /** Swaps neighbours in a column whenever that lowers the crossings with both adjacent columns. */
        private void transpose() {
            for (var l = 0; l < layers.length; l++) {
                var layer = layers[l];
                if (layer.length < 2) {
                    continue;
                }
                // Indexed by slot and swapped along with the nodes; neighbour columns stay fixed meanwhile.
                var above = new int[layer.length][];
                var below = new int[layer.length][];
                for (var i = 0; i < layer.length; i++) {
                    above[i] = sortedPositions(up[layer[i]]);
                    below[i] = sortedPositions(down[layer[i]]);
                }
                for (var pass = 0; pass < TRANSPOSE_PASSES; pass++) {
                    var swapped = false;
                    for (var i = 0; i + 1 < layer.length; i++) {
                        var keep = pairCrossings(above[i], above[i + 1]) + pairCrossings(below[i], below[i + 1]);
                        var swap = pairCrossings(above[i + 1], above[i]) + pairCrossings(below[i + 1], below[i]);
                        if (swap < keep) {
                            var u = layer[i];
                            layer[i] = layer[i + 1];
                            layer[i + 1] = u;
                            pos[layer[i]] = i;
                            pos[u] = i + 1;
                            var a = above[i];
                            above[i] = above[i + 1];
                            above[i + 1] = a;
                            var b = below[i];
                            below[i] = below[i + 1];
                            below[i + 1] = b;
                            swapped = true;
                        }
                    }
                    if (!swapped) {
                        break;
                    }
                }
            }
        }

        /** Crossings between the edges of a node placed first (neighbour positions a) and of the next one (b). */
        private static long pairCrossings(int[] a, int[] b) {
            long count = 0;
            var p = 0;
            for (var x : b) {
                while (p < a.length && a[p] <= x) {
                    p++;
                }
                count += a.length - p;
            }
            return count;
        }

        /** Total crossings between adjacent columns: inversions of the lower endpoints, counted with a Fenwick tree. */
        private long crossings() {
            long count = 0;
            for (var l = 0; l + 1 < layers.length; l++) {
                var lower = layers[l + 1].length;
                var tree = new int[lower + 1];
                var seen = 0;
                for (var u : layers[l]) {
                    var targets = sortedPositions(down[u]);
                    // Count earlier edges ending strictly below each target before inserting this node's edges.
                    for (var t : targets) {
                        count += seen - prefix(tree, t + 1);
                    }
                    for (var t : targets) {
                        for (var i = t + 1; i <= lower; i += i & -i) {
                            tree[i]++;
                        }
                        seen++;
                    }
                }
            }
            return count;
        }

        private static int prefix(int[] tree, int i) {
            var sum = 0;
            for (; i > 0; i -= i & -i) {
                sum += tree[i];
            }
            return sum;
        }

        // ---- coordinates ----

        private void measure() {
            boxWidth = new double[total];
            boxHeight = new double[total];
            text = new ArrayList<>(n);
            for (var v = 0; v < n; v++) {
                var node = model.nodes().get(v);
                var lines = lines(node);
                text.add(lines);
                var w = NodeText.widestLine(lines) * options.charWidth() + 2 * options.paddingX();
                if (node.kind() == NodeKind.OPERATION) {
                    w += OPERATION_EXTRA_WIDTH;
                }
                boxWidth[v] = Math.max(MIN_BOX_WIDTH, w);
                boxHeight[v] = lines.size() * options.lineHeight() + 2 * options.paddingY();
            }
        }

        private double gap(int u, int v) {
            var virtual = (u >= n ? 1 : 0) + (v >= n ? 1 : 0);
            return switch (virtual) {
                case 0 -> options.nodeGap();
                case 1 -> (options.nodeGap() + options.edgeGap()) / 2;
                default -> options.edgeGap();
            };
        }

        /** Gansner's weights: straight long edges matter most, then edges touching one virtual node. */
        private double weight(int u, int v) {
            var virtual = (u >= n ? 1 : 0) + (v >= n ? 1 : 0);
            return switch (virtual) {
                case 0 -> 1;
                case 1 -> 2;
                default -> 8;
            };
        }

        private void assignY() {
            y = new double[total];
            for (var layer : layers) {
                var at = 0.0;
                for (var i = 0; i < layer.length; i++) {
                    if (i > 0) {
                        at += (boxHeight[layer[i - 1]] + boxHeight[layer[i]]) / 2 + gap(layer[i - 1], layer[i]);
                    }
                    y[layer[i]] = at;
                }
            }
            for (var round = 0; round < COORDINATE_ROUNDS; round++) {
                var moved = 0.0;
                for (var l = 0; l < layers.length; l++) {
                    moved = Math.max(moved, place(layers[l]));
                }
                for (var l = layers.length - 1; l >= 0; l--) {
                    moved = Math.max(moved, place(layers[l]));
                }
                if (moved < SETTLED) {
                    break;
                }
            }
        }

        /**
         * Puts one column at the minimum of sum w (y_v - target_v)^2 subject to order and gaps. With
         * offsets o_i (cumulative minimum gaps) and z_i = y_i - o_i this is isotonic regression on
         * target_i - o_i, which pool-adjacent-violators solves exactly.
         */
        private double place(int[] layer) {
            var k = layer.length;
            var offset = new double[k];
            var target = new double[k];
            var mass = new double[k];
            for (var i = 0; i < k; i++) {
                var v = layer[i];
                if (i > 0) {
                    offset[i] = offset[i - 1] + (boxHeight[layer[i - 1]] + boxHeight[v]) / 2 + gap(layer[i - 1], v);
                }
                var sum = 0.0;
                var weights = 0.0;
                for (var w : up[v]) {
                    var wt = weight(w, v);
                    sum += wt * y[w];
                    weights += wt;
                }
                for (var w : down[v]) {
                    var wt = weight(v, w);
                    sum += wt * y[w];
                    weights += wt;
                }
                if (weights == 0) {
                    target[i] = y[v];
                    mass[i] = 1e-3;
                } else {
                    target[i] = sum / weights;
                    mass[i] = weights;
                }
            }
            var blockMass = new double[k];
            var blockSum = new double[k];
            var blockStart = new int[k];
            var blocks = 0;
            for (var i = 0; i < k; i++) {
                blockMass[blocks] = mass[i];
                blockSum[blocks] = mass[i] * (target[i] - offset[i]);
                blockStart[blocks] = i;
                blocks++;
                while (blocks > 1 && blockSum[blocks - 2] / blockMass[blocks - 2] >= blockSum[blocks - 1] / blockMass[blocks - 1]) {
                    blockMass[blocks - 2] += blockMass[blocks - 1];
                    blockSum[blocks - 2] += blockSum[blocks - 1];
                    blocks--;
                }
            }
            var moved = 0.0;
            for (var b = 0; b < blocks; b++) {
                var end = b + 1 < blocks ? blockStart[b + 1] : k;
                var level = blockSum[b] / blockMass[b];
                for (var i = blockStart[b]; i < end; i++) {
                    var v = layer[i];
                    moved = Math.max(moved, Math.abs(y[v] - (level + offset[i])));
                    y[v] = level + offset[i];
                }
            }
            return moved;
        }

        // ---- output ----

        private GraphLayout build(long crossings) {
            var columns = layers.length;
            var columnWidth = new double[columns];
            for (var v = 0; v < n; v++) {
                columnWidth[layerOf[v]] = Math.max(columnWidth[layerOf[v]], boxWidth[v]);
            }
            var columnLeft = new double[columns];
            var x = options.margin();
            for (var l = 0; l < columns; l++) {
                columnLeft[l] = x;
                x += columnWidth[l] + options.layerGap();
            }
            var width = x - options.layerGap() + options.margin();
            var top = Double.POSITIVE_INFINITY;
            var bottom = Double.NEGATIVE_INFINITY;
            for (var v = 0; v < total; v++) {
                top = Math.min(top, y[v] - boxHeight[v] / 2);
                bottom = Math.max(bottom, y[v] + boxHeight[v] / 2);
            }
            var shift = options.margin() - top;
            var height = bottom - top + 2 * options.margin();

            var placed = new ArrayList<GraphLayout.PlacedNode>(n);
            for (var v = 0; v < n; v++) {
                var l = layerOf[v];
                placed.add(new GraphLayout.PlacedNode(model.nodes().get(v), l, pos[v],
                        columnLeft[l] + (columnWidth[l] - boxWidth[v]) / 2, y[v] + shift - boxHeight[v] / 2,
                        boxWidth[v], boxHeight[v], text.get(v)));
            }
            var outPort = ports(true, shift);
            var inPort = ports(false, shift);
            var routes = new ArrayList<GraphLayout.RoutedEdge>(m);
            for (var e = 0; e < m; e++) {
                var chain = chains[e];
                var points = new ArrayList<GraphLayout.Point>(2 * chain.length);
                var first = placed.get(chain[0]);
                points.add(new GraphLayout.Point(first.right(), outPort[e]));
                for (var k = 1; k + 1 < chain.length; k++) {
                    var d = chain[k];
                    var l = layerOf[d];
                    points.add(new GraphLayout.Point(columnLeft[l], y[d] + shift));
                    if (columnWidth[l] > 0) {
                        points.add(new GraphLayout.Point(columnLeft[l] + columnWidth[l], y[d] + shift));
                    }
                }
                points.add(new GraphLayout.Point(placed.get(chain[chain.length - 1]).x(), inPort[e]));
                if (reversed[e]) {
                    Collections.reverse(points);
                }
                routes.add(new GraphLayout.RoutedEdge(model.edges().get(e), points, reversed[e]));
            }
            return new GraphLayout(placed, routes, width, height, columns, crossings);
        }

        /**
         * Spreads the edges leaving (or entering) a box over its height, ordered by where their
         * other end lies, so parallel edges (x * x) stay distinguishable and do not cross at the box.
         */
        private double[] ports(boolean outgoing, double shift) {
            var port = new double[m];
            var byNode = new ArrayList<List<Integer>>(n);
            for (var v = 0; v < n; v++) {
                byNode.add(new ArrayList<>());
            }
            for (var e = 0; e < m; e++) {
                var chain = chains[e];
                byNode.get(outgoing ? chain[0] : chain[chain.length - 1]).add(e);
            }
            for (var v = 0; v < n; v++) {
                var list = byNode.get(v);
                list.sort(Comparator.<Integer>comparingDouble(e -> y[other(e, outgoing)])
                        .thenComparingInt(e -> pos[other(e, outgoing)])
                        .thenComparingInt(e -> e));
                var count = list.size();
                var step = count > 1 ? Math.min(PORT_STEP, boxHeight[v] * 0.7 / (count - 1)) : 0;
                for (var i = 0; i < count; i++) {
                    port[list.get(i)] = y[v] + shift + (i - (count - 1) / 2.0) * step;
                }
            }
            return port;
        }

        private int other(int e, boolean outgoing) {
            var chain = chains[e];
            return outgoing ? chain[1] : chain[chain.length - 2];
        }
    }

    private static int[][] adjacency(int n, int[] from, int m) {
        var counts = new int[n];
        for (var e = 0; e < m; e++) {
            counts[from[e]]++;
        }
        var result = new int[n][];
        for (var v = 0; v < n; v++) {
            result[v] = new int[counts[v]];
            counts[v] = 0;
        }
        for (var e = 0; e < m; e++) {
            result[from[e]][counts[from[e]]++] = e;
        }
        return result;
    }

    /** For each node, the far ends of its segments (with multiplicity). */
    private static int[][] neighbours(int total, int[] from, int[] to) {
        var edgeIds = adjacency(total, from, from.length);
        var result = new int[total][];
        for (var v = 0; v < total; v++) {
            result[v] = new int[edgeIds[v].length];
            for (var i = 0; i < edgeIds[v].length; i++) {
                result[v][i] = to[edgeIds[v][i]];
            }
        }
        return result;
    }
}
