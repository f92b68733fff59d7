package dev.jgrad.cli;

import dev.jgrad.Tensor;

import java.io.PrintWriter;

import static dev.jgrad.cli.Numbers.num;

/** f = (x + y) z: the forward pass, the chain rule by hand, and the same numbers from autograd. */
final class AddMulExample implements Example {
    @Override
    public String name() {
        return "add-mul";
    }

    @Override
    public String title() {
        return "f = (x + y) * z at x=-2, y=5, z=-4: forward, chain rule by hand, autograd";
    }

    @Override
    public void run(PrintWriter out) {
        double xv = -2, yv = 5, zv = -4;
        out.println("f(x, y, z) = (x + y) * z at x = -2, y = 5, z = -4, as the graph q = x + y, f = q * z");
        out.println();
        double q = xv + yv, f = q * zv;
        out.println("forward pass");
        out.printf("  q = x + y = %s%n", num(q));
        out.printf("  f = q * z = %s%n", num(f));
        out.println("backward pass, by hand: each gradient is the upstream gradient times the local gradient");
        out.println("  df/df = 1");
        out.printf("  df/dz = q                 = %s%n", num(q));
        out.printf("  df/dq = z                 = %s%n", num(zv));
        out.printf("  df/dx = df/dq * dq/dx = %s * 1 = %s%n", num(zv), num(zv));
        out.printf("  df/dy = df/dq * dq/dy = %s * 1 = %s%n", num(zv), num(zv));

        Tensor x = Tensor.scalar(xv).requiresGrad(true).label("x");
        Tensor y = Tensor.scalar(yv).requiresGrad(true).label("y");
        Tensor z = Tensor.scalar(zv).requiresGrad(true).label("z");
        Tensor qt = x.add(y).label("q").retainGrad();
        Tensor ft = qt.mul(z).label("f");
        ft.backward();
        out.println("autograd: the same graph recorded by Tensor operations, then f.backward()");
        out.printf("  f = %s, df/dq = %s, df/dx = %s, df/dy = %s, df/dz = %s%n", num(ft.item()), num(qt.grad().item()),
                num(x.grad().item()), num(y.grad().item()), num(z.grad().item()));
        boolean same = ft.item() == f && qt.grad().item() == zv && x.grad().item() == zv && y.grad().item() == zv
                && z.grad().item() == q;
        out.println(same ? "  agrees with the hand computation" : "  DIFFERS from the hand computation");
    }
}
