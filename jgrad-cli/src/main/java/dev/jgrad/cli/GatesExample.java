package dev.jgrad.cli;

import dev.jgrad.Tensor;

import java.io.PrintWriter;
import java.util.function.BinaryOperator;

import static dev.jgrad.cli.Numbers.num;

/** How the common gates pass an upstream gradient to their inputs. */
final class GatesExample implements Example {
    @Override
    public String name() {
        return "gates";
    }

    @Override
    public String title() {
        return "patterns of backward flow: the add gate distributes, mul swaps, max routes, fan-out sums";
    }

    @Override
    public void run(PrintWriter out) {
        double a = 3, b = -1, upstream = 2;
        out.printf("inputs a = %s, b = %s; upstream gradient %s%n%n", num(a), num(b), num(upstream));
        gate(out, "add", "distributes: both inputs get the upstream gradient", a, b, upstream, Tensor::add);
        gate(out, "mul", "swaps: each input gets upstream times the other input", a, b, upstream, Tensor::mul);
        gate(out, "max", "routes: the larger input gets it all, the other gets 0", a, b, upstream, Tensor::maximum);

        Tensor x = Tensor.scalar(a).requiresGrad(true);
        Tensor f = x.mul(x).add(x);
        f.backward(Tensor.scalar(upstream));
        out.println("fan-out: f = x*x + x uses x three times; the gradients of the uses add up");
        out.printf("  df/dx = upstream * (x + x + 1) = %s * %s = %s; autograd: %s%n%n", num(upstream), num(2 * a + 1),
                num(upstream * (2 * a + 1)), num(x.grad().item()));
    }

    private static void gate(PrintWriter out, String name, String rule, double av, double bv, double upstream,
                             BinaryOperator<Tensor> op) {
        Tensor a = Tensor.scalar(av).requiresGrad(true);
        Tensor b = Tensor.scalar(bv).requiresGrad(true);
        Tensor f = op.apply(a, b);
        f.backward(Tensor.scalar(upstream));
        out.printf("%s gate %s%n", name, rule);
        out.printf("  forward %s; backward: da = %s, db = %s%n%n", num(f.item()), num(a.grad().item()), num(b.grad().item()));
    }
}
