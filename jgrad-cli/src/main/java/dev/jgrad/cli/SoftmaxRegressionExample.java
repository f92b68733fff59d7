package dev.jgrad.cli;

import dev.jgrad.Tensor;
import dev.jgrad.nn.Loss;
import dev.jgrad.tensor.DType;

import java.io.IOException;
import java.io.PrintWriter;
import java.util.Locale;

/** Softmax regression on the ten digit classes with the hand-derived gradient (P - Y) / N. */
final class SoftmaxRegressionExample implements Example {
    private static final int STEPS = 300;
    private static final double LR = 0.5;

    @Override
    public String name() {
        return "softmax-regression";
    }

    @Override
    public String title() {
        return "softmax regression on the 10 digit classes; dL/dZ = (softmax(Z) - Y) / N, dL/dW = X^T dL/dZ";
    }

    @Override
    public void run(PrintWriter out) throws IOException {
        ExampleDigits d = ExampleDigits.load();
        Tensor x = d.trainX(), y = ExampleDigits.oneHot(d.trainLabels(), 10), labels = Tensor.of(d.trainLabels());
        int n = x.size(0);
        out.printf("data: %d training and %d test digits, 64 pixels scaled to [0, 1]%n", n, d.testX().size(0));
        out.println("model: scores Z = X W + b, W 64x10; loss: cross-entropy of softmax(Z)");
        out.println("by hand: dL/dZ = (softmax(Z) - Y) / N with Y one-hot; dL/dW = X^T dL/dZ; dL/db = column sums of dL/dZ");
        out.println();

        Tensor w = Tensor.zeros(DType.FLOAT64, 64, 10), b = Tensor.zeros(DType.FLOAT64, 10);
        out.printf("%6s %10s %10s %16s%n", "step", "loss", "train acc", "|hand - auto|");
        for (int step = 0; step <= STEPS; step++) {
            Tensor wg = w.detach().requiresGrad(true), bg = b.detach().requiresGrad(true);
            Tensor z = x.matmul(wg).add(bg);
            Tensor loss = Loss.crossEntropy(z, labels);
            loss.backward();
            Tensor dz = z.detach().softmax(1).sub(y).div(n);
            Tensor gw = x.t().matmul(dz), gb = dz.sum(0, false);
            double deviation = Math.max(ExampleDigits.maxDifference(gw, wg.grad()), ExampleDigits.maxDifference(gb, bg.grad()));
            if (step % 50 == 0)
                out.printf(Locale.ROOT, "%6d %10.5f %9.2f%% %16.2e%n", step, loss.item(),
                        100 * ExampleDigits.accuracy(z.detach(), d.trainLabels()), deviation);
            w = w.sub(gw.mul(LR));
            b = b.sub(gb.mul(LR));
        }
        double test = ExampleDigits.accuracy(d.testX().matmul(w).add(b), d.testLabels());
        out.printf(Locale.ROOT, "%ntest accuracy: %.2f%% on %d digits%n", 100 * test, d.testX().size(0));
    }
}
