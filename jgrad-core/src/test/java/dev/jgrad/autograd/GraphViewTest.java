package dev.jgrad.autograd;

import dev.jgrad.Tensor;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.*;

class GraphViewTest {

    @Test
    void lectureGraphInTopologicalOrderWithGradientsAfterBackward() {
        Tensor x = Tensor.scalar(-2.0).requiresGrad(true).label("x");
        Tensor y = Tensor.scalar(5.0).requiresGrad(true).label("y");
        Tensor z = Tensor.scalar(-4.0).requiresGrad(true).label("z");
        Tensor q = x.add(y);
        Tensor f = q.mul(z);
        GraphView.retainAllGrads(f);
        f.backward();
        GraphView g = GraphView.of(f);
        assertEquals(5, g.vertices().size());
        assertEquals(4, g.edges().size());
        List<String> ops = g.vertices().stream().map(v -> v.isLeaf() ? v.tensor().label() : v.op()).toList();
        assertEquals(List.of("x", "y", "add", "z", "mul"), ops);
        for (GraphView.Edge e : g.edges()) assertTrue(e.from() < e.to(), "inputs come first");
        assertEquals(-4.0, g.vertices().get(2).tensor().grad().item()); // dq = z
        assertEquals(1.0, g.vertices().get(4).tensor().grad().item());
    }

    @Test
    void aValueUsedTwiceHasTwoEdgesAndOneVertex() {
        Tensor a = Tensor.scalar(3.0).requiresGrad(true);
        Tensor f = a.mul(a);
        GraphView g = GraphView.of(f);
        assertEquals(2, g.vertices().size());
        assertEquals(List.of(new GraphView.Edge(0, 1, 0), new GraphView.Edge(0, 1, 1)), g.edges());
    }
}
