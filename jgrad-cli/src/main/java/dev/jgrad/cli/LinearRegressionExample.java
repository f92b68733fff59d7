package dev.jgrad.cli;

import dev.jgrad.Tensor;
import dev.jgrad.tensor.Generator;

import java.io.PrintWriter;
import java.util.Locale;
import java.util.Set;

import static dev.jgrad.cli.Numbers.num;

/**
 * Fitting y = w x + b by gradient descent with the hand-derived update, checked against autograd
 * at every step and against the closed-form least-squares solution at the end.
 */
final class LinearRegressionExample implements Example {
    private static final int N = 50, STEPS = 200;
    private static final double LR = 0.1;

    @Override
    public String name() {
        return "linear-regression";
    }

    @Override
    public String title() {
        return "y = w x + b by gradient descent with the hand-derived update dL/dw = 2/N sum (wx + b - y) x";
    }

    @Override
    public void run(PrintWriter out) {
        var gen = new Generator(7);
        double[] x = new double[N], y = new double[N];
        for (int i = 0; i < N; i++) {
            x[i] = 2 * gen.nextDouble() - 1;
            y[i] = 3 * x[i] - 1 + 0.3 * gen.nextGaussian();
        }
        out.printf("data: %d points y = 3x - 1 + noise (sd 0.3), x uniform in [-1, 1)%n", N);
        out.println("loss L = 1/N sum (w x + b - y)^2");
        out.println("by hand: dL/dw = 2/N sum (w x + b - y) x,  dL/db = 2/N sum (w x + b - y)");
        out.printf(Locale.ROOT, "update: w -= %s dL/dw, b -= %s dL/db%n%n", num(LR), num(LR));
        out.printf("%6s %12s %10s %10s %14s%n", "step", "loss", "w", "b", "|hand - auto|");

        Tensor xs = Tensor.of(x), ys = Tensor.of(y);
        double w = 0, b = 0, worstDeviation = 0;
        for (int step = 0; step <= STEPS; step++) {
            double loss = 0, gw = 0, gb = 0;
            for (int i = 0; i < N; i++) {
                double r = w * x[i] + b - y[i];
                loss += r * r / N;
                gw += 2 * r * x[i] / N;
                gb += 2 * r / N;
            }
            Tensor wt = Tensor.scalar(w).requiresGrad(true), bt = Tensor.scalar(b).requiresGrad(true);
            xs.mul(wt).add(bt).sub(ys).pow(2).mean().backward();
            double deviation = Math.max(Math.abs(gw - wt.grad().item()), Math.abs(gb - bt.grad().item()));
            worstDeviation = Math.max(worstDeviation, deviation);
            if (Set.of(0, 1, 2, 5, 10, 20, 50, 100, STEPS).contains(step))
                out.printf(Locale.ROOT, "%6d %12.6f %10.6f %10.6f %14.2e%n", step, loss, w, b, deviation);
            w -= LR * gw;
            b -= LR * gb;
        }
        double mx = 0, my = 0;
        for (int i = 0; i < N; i++) {
            mx += x[i] / N;
            my += y[i] / N;
        }
        double sxy = 0, sxx = 0;
        for (int i = 0; i < N; i++) {
            sxy += (x[i] - mx) * (y[i] - my);
            sxx += (x[i] - mx) * (x[i] - mx);
        }
        double wStar = sxy / sxx, bStar = my - wStar * mx;
        out.printf(Locale.ROOT, "%nclosed-form least squares: w = %.6f, b = %.6f%n", wStar, bStar);
        out.printf(Locale.ROOT, "largest difference between the hand-derived and the autograd gradient: %.2e%n", worstDeviation);
    }
}
