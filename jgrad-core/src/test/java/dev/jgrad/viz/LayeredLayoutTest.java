package dev.jgrad.viz;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.geom.Line2D;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import org.junit.jupiter.api.Test;

class LayeredLayoutTest {

    private static final LayeredLayout LAYOUT = new LayeredLayout();
    /** Same sizes, but no crossing reduction: the order the nodes were added in. */
    private static final LayeredLayout NAIVE = new LayeredLayout(withSweeps(0));

    private static LayeredLayout.Options withSweeps(int sweeps) {
        var d = LayeredLayout.Options.defaults();
        return new LayeredLayout.Options(d.layerGap(), d.nodeGap(), d.edgeGap(), d.charWidth(), d.lineHeight(),
                d.paddingX(), d.paddingY(), d.margin(), d.maxLineChars(), d.maxValueLines(), sweeps);
    }

    @Test
    void boxesNeverOverlapAndKeepTheirGap() {
        for (var g : List.of(Graphs.mlp(), Graphs.scalarExpression(), Graphs.mlp().collapseGroups(1),
                Graphs.randomDag(150, 12, 20, 7))) {
            assertNoOverlap(LAYOUT.layout(g));
        }
    }

    @Test
    void edgesRunLeftToRightFromBoxSideToBoxSide() {
        for (var g : List.of(Graphs.mlp(), Graphs.scalarExpression(), Graphs.randomDag(150, 12, 20, 7))) {
            var layout = LAYOUT.layout(g);
            for (var route : layout.edges()) {
                var from = layout.node(route.edge().from());
                var to = layout.node(route.edge().to());
                assertFalse(route.reversed(), "a DAG needs no reversed edge");
                assertTrue(from.layer() < to.layer(), route.edge() + " goes to a later column");
                var points = route.points();
                assertEquals(from.right(), points.get(0).x(), 1e-9, "starts at the input's right side");
                assertEquals(to.x(), points.get(points.size() - 1).x(), 1e-9, "ends at the consumer's left side");
                assertTrue(points.get(0).y() >= from.y() && points.get(0).y() <= from.bottom(), "starts within the box");
                assertTrue(points.get(points.size() - 1).y() >= to.y() && points.get(points.size() - 1).y() <= to.bottom());
                for (var i = 1; i < points.size(); i++) {
                    assertTrue(points.get(i).x() >= points.get(i - 1).x(), route.edge() + " never turns back");
                }
            }
        }
    }

    @Test
    void longEdgesBendThroughEveryColumnTheyCross() {
        var layout = LAYOUT.layout(Graphs.scalarExpression());
        // a feeds e (next column) and f, three columns later: that route passes two virtual nodes.
        var longRoute = layout.edges().stream().filter(r -> r.edge().equals(GraphEdge.of("a", "f", "1"))).findFirst().orElseThrow();
        var span = layout.node("f").layer() - layout.node("a").layer();
        assertEquals(3, span);
        assertEquals(2 + 2 * (span - 1), longRoute.points().size(), "entry and exit point in each crossed column");
    }

    @Test
    void weightsSitNextToTheirConsumerAndTheLossIsRightmost() {
        var layout = LAYOUT.layout(Graphs.mlp());
        for (var pair : List.of(List.of("W0", "mm0"), List.of("b0", "add0"), List.of("W2", "mm2"), List.of("b2", "add2"))) {
            assertEquals(layout.node(pair.get(1)).layer() - 1, layout.node(pair.get(0)).layer(), pair + " adjacent");
        }
        assertEquals(layout.layerCount() - 1, layout.node("loss").layer());
        assertEquals(0, layout.node("x").layer());
        assertEquals(layout.node("loss").layer() - 1, layout.node("y").layer(), "the target input waits next to the loss");
        var random = LAYOUT.layout(Graphs.randomDag(300, 20, 30, 3));
        assertEquals(random.layerCount() - 1, random.node("n299").layer(), "the OUTPUT node is in the last column");
    }

    @Test
    void treeWithScrambledInputOrderHasNoCrossingsAfterReduction() {
        // Sum of 8 leaves in a balanced tree, but leaves paired (0,4), (1,5), ...: drawn in insertion
        // order the first column's edges cross; a tree can always be drawn without crossings.
        var b = GraphModel.builder();
        for (var i = 0; i < 8; i++) {
            b.node("x" + i, NodeKind.INPUT, "x" + i, "scalar");
        }
        for (var i = 0; i < 4; i++) {
            b.node("p" + i, NodeKind.OPERATION, "add", "scalar").edge("x" + i, "p" + i).edge("x" + (i + 4), "p" + i);
        }
        b.node("q0", NodeKind.OPERATION, "add", "scalar").edge("p0", "q0").edge("p2", "q0");
        b.node("q1", NodeKind.OPERATION, "add", "scalar").edge("p1", "q1").edge("p3", "q1");
        b.node("loss", NodeKind.OUTPUT, "add", "scalar").edge("q0", "loss").edge("q1", "loss");
        var g = b.build();
        var naive = NAIVE.layout(g);
        assertTrue(naive.crossings() >= 6, "insertion order crosses: " + naive.crossings());
        assertEquals(naive.crossings(), geometricCrossings(naive), "the counter agrees with the drawing");
        var reduced = LAYOUT.layout(g);
        assertEquals(0, reduced.crossings());
        assertEquals(0, geometricCrossings(reduced));
    }

    @Test
    void swappedPairsAcrossThreeColumnsAreUntangled() {
        // a -> d, b -> c, c -> f, d -> e: added in an order where both column gaps cross once.
        var g = GraphModel.builder()
                .node("a", NodeKind.INPUT, "a", "").node("b", NodeKind.INPUT, "b", "")
                .node("c", NodeKind.OPERATION, "c", "").node("d", NodeKind.OPERATION, "d", "")
                .node("e", NodeKind.OPERATION, "e", "").node("f", NodeKind.OPERATION, "f", "")
                .edge("a", "d").edge("b", "c").edge("c", "f").edge("d", "e")
                .build();
        assertEquals(2, NAIVE.layout(g).crossings());
        var layout = LAYOUT.layout(g);
        assertEquals(0, layout.crossings());
        assertEquals(0, geometricCrossings(layout));
    }

    @Test
    void completeBipartiteGraphsKeepTheirUnavoidableCrossings() {
        // K(3,3) on two columns crosses C(3,2) * C(3,2) = 9 times in every order; K(2,3) 3 times.
        for (var sizes : List.of(List.of(3, 3, 9), List.of(2, 3, 3))) {
            var b = GraphModel.builder();
            for (var i = 0; i < sizes.get(0); i++) {
                b.node("u" + i, NodeKind.INPUT, "u" + i, "");
            }
            for (var j = 0; j < sizes.get(1); j++) {
                b.node("v" + j, NodeKind.OPERATION, "v" + j, "");
                for (var i = 0; i < sizes.get(0); i++) {
                    b.edge("u" + i, "v" + j);
                }
            }
            var layout = LAYOUT.layout(b.build());
            assertEquals((long) sizes.get(2), layout.crossings(), "K" + sizes.subList(0, 2));
            assertEquals((long) sizes.get(2), geometricCrossings(layout), "drawn crossings of K" + sizes.subList(0, 2));
        }
    }

    @Test
    void parallelEdgesGetSeparatePorts() {
        var g = GraphModel.builder()
                .node("x", NodeKind.INPUT, "x", "").node("sq", NodeKind.OPERATION, "mul", "")
                .edge("x", "sq", "0").edge("x", "sq", "1").build();
        var routes = LAYOUT.layout(g).edges();
        assertTrue(Math.abs(routes.get(0).points().get(0).y() - routes.get(1).points().get(0).y()) >= 5,
                "x * x draws two distinguishable arrows");
    }

    @Test
    void isDeterministic() {
        var g = Graphs.randomDag(400, 25, 40, 11);
        assertEquals(LAYOUT.layout(g), LAYOUT.layout(g));
    }

    @Test
    void randomDagWithTwoThousandNodesLaysOutWithFewerCrossingsThanInsertionOrder() {
        var g = Graphs.randomDag(2000, 60, 40, 2024);
        var layout = LAYOUT.layout(g);
        assertEquals(2000, layout.nodes().size());
        assertEquals(g.edges().size(), layout.edges().size());
        assertNoOverlapPerColumn(layout);
        assertTrue(layout.edges().stream().noneMatch(GraphLayout.RoutedEdge::reversed));
        var naive = NAIVE.layout(g);
        assertTrue(layout.crossings() < naive.crossings() / 2,
                "crossings " + layout.crossings() + " vs " + naive.crossings() + " in insertion order");
    }

    @Test
    void boxSizeFollowsTheTextAndLongTextIsCut() {
        var longValue = "[" + "0.123456, ".repeat(40) + "]";
        var g = GraphModel.builder()
                .node(GraphNode.of("s", NodeKind.INPUT, "s", "scalar"))
                .node(GraphNode.of("m", NodeKind.INPUT, "m", "[4, 4]").withValue("[1, 2, 3, 4]\n[5, 6, 7, 8]\n[9, 10, 11, 12]\n"
                        + "[13, 14, 15, 16]\n[17]").withGrad(longValue))
                .build();
        var layout = LAYOUT.layout(g);
        var small = layout.node("s");
        var big = layout.node("m");
        assertTrue(big.height() > small.height() && big.width() > small.width());
        var options = LayeredLayout.Options.defaults();
        assertEquals(2 + options.maxValueLines() + 1, big.lines().size(), "label, shape, 4 value lines, 1 grad line");
        assertTrue(big.lines().get(5).text().contains("more lines"), big.lines().get(5).text());
        for (var line : big.lines()) {
            assertTrue(line.text().length() <= options.maxLineChars(), line.text());
        }
        assertTrue(big.lines().get(6).text().endsWith(NodeText.ELLIPSIS));
        assertEquals(options.maxLineChars() * options.charWidth() + 2 * options.paddingX(), big.width(), 1e-9);
    }

    @Test
    void emptyModelAndBadOptions() {
        var empty = LAYOUT.layout(GraphModel.builder().build());
        assertEquals(0, empty.nodes().size());
        assertTrue(empty.width() > 0 && empty.height() > 0);
        var d = LayeredLayout.Options.defaults();
        var bad = assertThrows(IllegalArgumentException.class, () -> new LayeredLayout.Options(-1, d.nodeGap(), d.edgeGap(),
                d.charWidth(), d.lineHeight(), d.paddingX(), d.paddingY(), d.margin(), d.maxLineChars(), d.maxValueLines(), 4));
        assertTrue(bad.getMessage().contains("LayeredLayout.Options"), bad.getMessage());
    }

    // ---- helpers ----

    static void assertNoOverlap(GraphLayout layout) {
        var nodes = layout.nodes();
        for (var i = 0; i < nodes.size(); i++) {
            for (var j = i + 1; j < nodes.size(); j++) {
                var a = nodes.get(i);
                var b = nodes.get(j);
                var apart = a.right() <= b.x() || b.right() <= a.x() || a.bottom() <= b.y() || b.bottom() <= a.y();
                assertTrue(apart, a.node().id() + " overlaps " + b.node().id());
            }
        }
    }

    private static void assertNoOverlapPerColumn(GraphLayout layout) {
        var columns = new HashMap<Integer, List<GraphLayout.PlacedNode>>();
        for (var node : layout.nodes()) {
            columns.computeIfAbsent(node.layer(), k -> new ArrayList<>()).add(node);
        }
        var gap = LayeredLayout.Options.defaults().nodeGap();
        double previousRight = Double.NEGATIVE_INFINITY;
        for (var l = 0; l < layout.layerCount(); l++) {
            var column = columns.get(l);
            column.sort(Comparator.comparingDouble(GraphLayout.PlacedNode::y));
            var left = column.stream().mapToDouble(GraphLayout.PlacedNode::x).min().orElseThrow();
            assertTrue(left > previousRight, "column " + l + " starts right of the previous one");
            previousRight = column.stream().mapToDouble(GraphLayout.PlacedNode::right).max().orElseThrow();
            for (var i = 1; i < column.size(); i++) {
                assertTrue(column.get(i).y() >= column.get(i - 1).bottom() + gap - 1e-6,
                        column.get(i - 1).node().id() + " and " + column.get(i).node().id() + " too close");
            }
        }
    }

    /** Crossings of the drawn polylines, counted segment by segment; segments sharing a point do not count. */
    static long geometricCrossings(GraphLayout layout) {
        var edges = layout.edges();
        long count = 0;
        for (var i = 0; i < edges.size(); i++) {
            for (var j = i + 1; j < edges.size(); j++) {
                var p = edges.get(i).points();
                var q = edges.get(j).points();
                for (var a = 1; a < p.size(); a++) {
                    for (var b = 1; b < q.size(); b++) {
                        var p1 = p.get(a - 1);
                        var p2 = p.get(a);
                        var q1 = q.get(b - 1);
                        var q2 = q.get(b);
                        if (p1.equals(q1) || p1.equals(q2) || p2.equals(q1) || p2.equals(q2)) {
                            continue;
                        }
                        if (Line2D.linesIntersect(p1.x(), p1.y(), p2.x(), p2.y(), q1.x(), q1.y(), q2.x(), q2.y())) {
                            count++;
                        }
                    }
                }
            }
        }
        return count;
    }
}
