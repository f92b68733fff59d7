package dev.jgrad.cli;

import dev.jgrad.Tensor;
import dev.jgrad.tensor.DType;

import java.io.IOException;
import java.io.PrintWriter;
import java.util.Locale;

/** One sigmoid neuron telling 3s from 8s, trained with the hand-derived logistic-regression gradient. */
final class PerceptronExample implements Example {
    private static final int STEPS = 200;
    private static final double LR = 1.0;

    @Override
    public String name() {
        return "perceptron";
    }

    @Override
    public String title() {
        return "a sigmoid neuron p = sigmoid(x.w + b) telling 3 from 8 in the digits; dL/dw = X^T (p - y) / N";
    }

    @Override
    public void run(PrintWriter out) throws IOException {
        ExampleDigits d = ExampleDigits.binary(ExampleDigits.load(), 3, 8);
        Tensor x = d.trainX(), y = ExampleDigits.column(d.trainLabels());
        int n = x.size(0);
        out.printf("data: %d training and %d test images of 3 (y = 0) and 8 (y = 1), 64 pixels scaled to [0, 1]%n",
                n, d.testX().size(0));
        out.println("model: p = sigmoid(x . w + b); loss: binary cross-entropy L = -mean(y log p + (1 - y) log(1 - p))");
        out.println("by hand: dL/dz = p - y (sigmoid' = p (1 - p) cancels against the log), so");
        out.println("         dL/dw = X^T (p - y) / N,  dL/db = mean(p - y)");
        out.println();

        Tensor w = Tensor.zeros(DType.FLOAT64, 64, 1), b = Tensor.zeros(DType.FLOAT64, 1);
        out.printf("%6s %10s %10s %16s%n", "step", "loss", "train acc", "|hand - auto|");
        for (int step = 0; step <= STEPS; step++) {
            Tensor wg = w.detach().requiresGrad(true), bg = b.detach().requiresGrad(true);
            Tensor p = x.matmul(wg).add(bg).sigmoid();
            Tensor loss = y.mul(p.log()).add(y.rsub(1).mul(p.rsub(1).log())).mean().neg();
            loss.backward();
            Tensor residual = p.detach().sub(y);
            Tensor gw = x.t().matmul(residual).div(n), gb = residual.mean(0, false);
            double deviation = Math.max(ExampleDigits.maxDifference(gw, wg.grad()), ExampleDigits.maxDifference(gb, bg.grad()));
            if (step % 40 == 0)
                out.printf(Locale.ROOT, "%6d %10.5f %9.2f%% %16.2e%n", step, loss.item(), 100 * accuracy(p.detach(), d.trainLabels()), deviation);
            w = w.sub(gw.mul(LR));
            b = b.sub(gb.mul(LR));
        }
        Tensor testP = d.testX().matmul(w).add(b).sigmoid();
        out.printf(Locale.ROOT, "%ntest accuracy: %.2f%% on %d images%n", 100 * accuracy(testP, d.testLabels()), d.testX().size(0));
    }

    private static double accuracy(Tensor p, int[] labels) {
        double[] v = p.toDoubleArray();
        int correct = 0;
        for (int i = 0; i < labels.length; i++) if ((v[i] > 0.5 ? 1 : 0) == labels[i]) correct++;
        return (double) correct / labels.length;
    }
}
