package dev.jgrad;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The lecture's worked example and the gate rules, by hand-checked numbers. */
class LectureExampleTest {

    @Test
    void addThenMultiplyGraph() {
        Tensor x = Tensor.scalar(-2.0).requiresGrad(true);
        Tensor y = Tensor.scalar(5.0).requiresGrad(true);
        Tensor z = Tensor.scalar(-4.0).requiresGrad(true);
        Tensor f = x.add(y).mul(z);
        assertEquals(-12.0, f.item());
        f.backward();
        assertEquals(-4.0, x.grad().item());
        assertEquals(-4.0, y.grad().item());
        assertEquals(3.0, z.grad().item());
    }

    @Test
    void addGateDistributesTheGradient() {
        Tensor a = Tensor.scalar(3.0).requiresGrad(true);
        Tensor b = Tensor.scalar(-1.0).requiresGrad(true);
        a.add(b).backward(Tensor.scalar(2.5));
        assertEquals(2.5, a.grad().item());
        assertEquals(2.5, b.grad().item());
    }

    @Test
    void maxGateRoutesTheGradientToTheLargerInput() {
        Tensor a = Tensor.scalar(3.0).requiresGrad(true);
        Tensor b = Tensor.scalar(-1.0).requiresGrad(true);
        a.maximum(b).backward(Tensor.scalar(2.0));
        assertEquals(2.0, a.grad().item());
        assertEquals(0.0, b.grad().item());
    }

    @Test
    void mulGateSwapsTheInputs() {
        Tensor a = Tensor.scalar(3.0).requiresGrad(true);
        Tensor b = Tensor.scalar(-1.0).requiresGrad(true);
        a.mul(b).backward(Tensor.scalar(2.0));
        assertEquals(-2.0, a.grad().item());
        assertEquals(6.0, b.grad().item());
    }

    @Test
    void gradientsAddWhereAValueFansOut() {
        Tensor x = Tensor.scalar(3.0).requiresGrad(true);
        Tensor f = x.mul(x).add(x); // f' = 2x + 1
        f.backward();
        assertEquals(7.0, x.grad().item());
    }
}
