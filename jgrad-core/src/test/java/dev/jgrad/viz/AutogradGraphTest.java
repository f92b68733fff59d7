package dev.jgrad.viz;

import dev.jgrad.Tensor;
import dev.jgrad.autograd.GraphView;
import dev.jgrad.nn.Linear;
import dev.jgrad.nn.Loss;
import dev.jgrad.nn.ReLU;
import dev.jgrad.nn.Sequential;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.*;

class AutogradGraphTest {

    @Test
    void lectureGraphCarriesValuesAndGradients() {
        Tensor x = Tensor.scalar(-2.0).requiresGrad(true).label("x");
        Tensor y = Tensor.scalar(5.0).requiresGrad(true).label("y");
        Tensor z = Tensor.scalar(-4.0).requiresGrad(true).label("z");
        Tensor f = x.add(y).mul(z);
        GraphView.retainAllGrads(f);
        f.backward();
        GraphModel g = AutogradGraph.of(f);
        assertEquals(5, g.nodes().size());
        GraphNode add = g.nodes().stream().filter(n -> n.label().equals("add")).findFirst().orElseThrow();
        assertEquals(NodeKind.OPERATION, add.kind());
        assertEquals("3", add.value().orElseThrow());
        assertEquals("-4", add.grad().orElseThrow());
        GraphNode xn = g.nodes().stream().filter(n -> n.label().equals("x")).findFirst().orElseThrow();
        assertEquals(NodeKind.INPUT, xn.kind());
        assertEquals("-4", xn.grad().orElseThrow());
        String svg = new SvgWriter().render(g);
        assertTrue(svg.contains("mul") && svg.contains("-12"));
    }

    @Test
    void anMlpStepCollapsesIntoOneBoxPerLayer() {
        var net = new Sequential(new Linear(6, 5, 1), new ReLU(), new Linear(5, 3, 2));
        Tensor loss = Loss.crossEntropy(net.forward(Tensor.randn(3, 4, 6)), Tensor.of(new int[] {0, 2, 1, 1}));
        loss.backward();
        GraphModel full = AutogradGraph.of(loss, net);
        assertTrue(full.nodes().stream().anyMatch(n -> n.label().equals("0.weight") && n.kind() == NodeKind.PARAMETER));
        assertTrue(full.nodes().stream().anyMatch(n -> n.label().equals("linear") && n.group().orElse("").equals("0")),
                "operations are grouped by the module that recorded them");
        GraphModel collapsed = full.collapseGroups(1);
        List<String> modules = collapsed.nodes().stream().filter(n -> n.kind() == NodeKind.MODULE).map(GraphNode::label).toList();
        assertEquals(3, modules.size(), modules.toString());
        assertTrue(modules.stream().anyMatch(l -> l.contains("Linear(6 -> 5)")), modules.toString());
        assertTrue(collapsed.nodes().size() < full.nodes().size());
        assertTrue(new SvgWriter().render(collapsed).contains("Linear(5 -&gt; 3)") || new SvgWriter().render(collapsed).contains("Linear(5 -> 3)"));
    }
}
