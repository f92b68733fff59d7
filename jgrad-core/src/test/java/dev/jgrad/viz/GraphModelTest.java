package dev.jgrad.viz;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

class GraphModelTest {

    @Test
    void keepsNodesAndEdgesInOrderAndIndexesThem() {
        var g = Graphs.scalarExpression();
        assertEquals(List.of("a", "b", "c", "e", "d", "f"), g.nodes().stream().map(GraphNode::id).toList());
        assertEquals(2, g.outgoing("a").size(), "a tensor used twice has two out-edges");
        assertEquals(List.of("e", "f"), g.outgoing("a").stream().map(GraphEdge::to).toList());
        assertEquals(List.of("d", "a"), g.incoming("f").stream().map(GraphEdge::from).toList());
        assertEquals("-3.0", g.node("a").grad().orElseThrow());
        assertEquals(4, g.indexOf("d"));
        assertTrue(g.findNode("zzz").isEmpty());
    }

    @Test
    void rejectsBadGraphsWithMessagesNamingTheProblem() {
        var duplicate = assertThrows(IllegalArgumentException.class, () -> GraphModel.builder()
                .node("x", NodeKind.INPUT, "x", "").node("x", NodeKind.INPUT, "x", "").build());
        assertTrue(duplicate.getMessage().contains("duplicate node id 'x'"), duplicate.getMessage());
        var unknown = assertThrows(IllegalArgumentException.class, () -> GraphModel.builder()
                .node("x", NodeKind.INPUT, "x", "").edge("x", "y").build());
        assertTrue(unknown.getMessage().contains("unknown node 'y'"), unknown.getMessage());
        var loop = assertThrows(IllegalArgumentException.class, () -> GraphModel.builder()
                .node("x", NodeKind.INPUT, "x", "").edge("x", "x").build());
        assertTrue(loop.getMessage().contains("self-loop"), loop.getMessage());
        var group = assertThrows(IllegalArgumentException.class,
                () -> GraphNode.of("w", NodeKind.PARAMETER, "w", "").inGroup("encoder..1"));
        assertTrue(group.getMessage().contains("invalid group path 'encoder..1'"), group.getMessage());
        assertThrows(IllegalArgumentException.class, () -> GraphNode.of(" ", NodeKind.INPUT, "x", ""));
        var missing = assertThrows(IllegalArgumentException.class, () -> Graphs.mlp().node("nope"));
        assertTrue(missing.getMessage().contains("'nope'"), missing.getMessage());
    }

    @Test
    void listsGroupsWithTheirPrefixes() {
        var g = GraphModel.builder()
                .node(GraphNode.of("a", NodeKind.OPERATION, "a", "").inGroup("encoder.1.attn"))
                .node(GraphNode.of("b", NodeKind.OPERATION, "b", "").inGroup("decoder"))
                .build();
        assertEquals(Set.of("encoder", "encoder.1", "encoder.1.attn", "decoder"), g.groups());
    }

    @Test
    void collapsingTopLevelModulesLeavesAChainOfBoxes() {
        var collapsed = Graphs.mlp().collapseGroups(1);
        assertEquals(List.of("x", "y", "module:0", "module:1", "module:2", "loss"),
                collapsed.nodes().stream().map(GraphNode::id).toList());
        var linear = collapsed.node("module:0");
        assertEquals(NodeKind.MODULE, linear.kind());
        assertEquals("0: Linear 784->16", linear.label(), "described groups use the description");
        assertEquals("[4, 16]", linear.shape(), "the box's shape is what leaves it");
        assertEquals("1: relu", collapsed.node("module:1").label());
        assertEquals("2: matmul, add + 2 params", collapsed.node("module:2").label(), "undescribed groups are summarized");
        assertEquals(List.of(
                        GraphEdge.of("x", "module:0"), GraphEdge.of("module:0", "module:1"), GraphEdge.of("module:1", "module:2"),
                        GraphEdge.of("module:2", "loss"), GraphEdge.of("y", "loss", "1")),
                collapsed.edges(), "inner edges vanish; re-routed edges lose input positions; untouched edges keep them");
    }

    @Test
    void parallelEdgesIntoABoxAreMerged() {
        var g = GraphModel.builder()
                .node("x", NodeKind.INPUT, "x", "[3]")
                .node(GraphNode.of("sq", NodeKind.OPERATION, "mul", "[3]").inGroup("square"))
                .node(GraphNode.of("s", NodeKind.OPERATION, "sum", "scalar").inGroup("square"))
                .edge("x", "sq", "0").edge("x", "sq", "1").edge("x", "s").edge("sq", "s")
                .build();
        var collapsed = g.collapse("square"::equals);
        assertEquals(List.of(GraphEdge.of("x", "module:square")), collapsed.edges());
        assertEquals("square: mul, sum", collapsed.node("module:square").label());
        assertEquals("scalar", collapsed.node("module:square").shape(), "nothing leaves the box: the shape of its sink");
    }

    @Test
    void nestedGroupsCollapseAtTheRequestedDepthAndStayNested() {
        var g = GraphModel.builder()
                .node("x", NodeKind.INPUT, "x", "[2]")
                .node(GraphNode.of("a", NodeKind.OPERATION, "tanh", "[2]").inGroup("encoder.0"))
                .node(GraphNode.of("b", NodeKind.OPERATION, "sigmoid", "[2]").inGroup("encoder.1"))
                .node(GraphNode.of("c", NodeKind.OPERATION, "add", "[2]").inGroup("encoder"))
                .edge("x", "a").edge("a", "b").edge("b", "c").edge("x", "c")
                .build();
        var depth2 = g.collapseGroups(2);
        assertEquals(List.of("x", "module:encoder.0", "module:encoder.1", "c"), depth2.nodes().stream().map(GraphNode::id).toList());
        assertEquals(Optional.of("encoder"), depth2.node("module:encoder.1").group(), "a box belongs to its parent module");
        var depth1 = depth2.collapseGroups(1);
        assertEquals(List.of("x", "module:encoder"), depth1.nodes().stream().map(GraphNode::id).toList());
        assertEquals(depth1.nodes(), g.collapseGroups(1).nodes(), "collapsing step by step equals collapsing at once");
        assertSame(g, g.collapseGroups(3), "nothing at depth 3: same model");
        assertThrows(IllegalArgumentException.class, () -> g.collapseGroups(0));
    }

    @Test
    void thePredicateChoosesTheShortestAcceptedPrefix() {
        var g = GraphModel.builder()
                .node(GraphNode.of("a", NodeKind.OPERATION, "a", "").inGroup("blocks.0.mlp"))
                .node(GraphNode.of("b", NodeKind.OPERATION, "b", "").inGroup("blocks.1.mlp"))
                .node(GraphNode.of("c", NodeKind.OPERATION, "c", "").inGroup("head"))
                .edge("a", "b").edge("b", "c")
                .build();
        var collapsed = g.collapse(path -> path.startsWith("blocks."));
        assertEquals(List.of("module:blocks.0", "module:blocks.1", "c"), collapsed.nodes().stream().map(GraphNode::id).toList());
    }

    @Test
    void generatedIdsNeverClashWithExistingOnes() {
        var g = GraphModel.builder()
                .node("module:m", NodeKind.INPUT, "x", "")
                .node(GraphNode.of("a", NodeKind.OPERATION, "a", "").inGroup("m"))
                .edge("module:m", "a")
                .build();
        var collapsed = g.collapse("m"::equals);
        assertEquals(List.of("module:m", "module:m'"), collapsed.nodes().stream().map(GraphNode::id).toList());
        assertEquals(List.of(GraphEdge.of("module:m", "module:m'")), collapsed.edges());
    }

    @Test
    void collapsingAModuleUsedAroundOutsideCodeYieldsACycleThatStillLaysOut() {
        // h = f(g(f(x))) with both f calls in module "f": the box feeds g and consumes g's result.
        var g = GraphModel.builder()
                .node("x", NodeKind.INPUT, "x", "")
                .node(GraphNode.of("f1", NodeKind.OPERATION, "tanh", "").inGroup("f"))
                .node("g", NodeKind.OPERATION, "neg", "")
                .node(GraphNode.of("f2", NodeKind.OPERATION, "tanh", "").inGroup("f"))
                .node("loss", NodeKind.OUTPUT, "sum", "")
                .edge("x", "f1").edge("f1", "g").edge("g", "f2").edge("f2", "loss")
                .build();
        var collapsed = g.collapse("f"::equals);
        assertEquals(List.of(GraphEdge.of("x", "module:f"), GraphEdge.of("module:f", "g"), GraphEdge.of("g", "module:f"),
                GraphEdge.of("module:f", "loss")), collapsed.edges());
        var layout = new LayeredLayout().layout(collapsed);
        assertEquals(1, layout.edges().stream().filter(GraphLayout.RoutedEdge::reversed).count(), "one edge closes the cycle");
        assertFalse(new SvgWriter().render(collapsed).isEmpty());
    }
}
