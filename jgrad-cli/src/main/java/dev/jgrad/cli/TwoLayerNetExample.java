package dev.jgrad.cli;

import dev.jgrad.Tensor;
import dev.jgrad.nn.Loss;
import dev.jgrad.tensor.DType;
import dev.jgrad.tensor.Generator;

import java.io.IOException;
import java.io.PrintWriter;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** A 64-32-10 ReLU network: backpropagation written out by hand, checked against autograd, then trained. */
final class TwoLayerNetExample implements Example {
    private static final int HIDDEN = 32, STEPS = 500;
    private static final double LR = 0.5;

    @Override
    public String name() {
        return "two-layer-net";
    }

    @Override
    public String title() {
        return "a 64-32-10 ReLU network with backpropagation by hand, checked against autograd, then trained";
    }

    @Override
    public void run(PrintWriter out) throws IOException {
        ExampleDigits d = ExampleDigits.load();
        Tensor x = d.trainX(), y = ExampleDigits.oneHot(d.trainLabels(), 10), labels = Tensor.of(d.trainLabels());
        int n = x.size(0);
        var gen = new Generator(3);
        Tensor w1 = Tensor.randn(DType.FLOAT64, gen, 64, HIDDEN).mul(Math.sqrt(2.0 / 64)), b1 = Tensor.zeros(DType.FLOAT64, HIDDEN);
        Tensor w2 = Tensor.randn(DType.FLOAT64, gen, HIDDEN, 10).mul(Math.sqrt(1.0 / HIDDEN)), b2 = Tensor.zeros(DType.FLOAT64, 10);

        out.printf("data: %d training and %d test digits; network: Z1 = X W1 + b1, H = relu(Z1), Z2 = H W2 + b2%n", n, d.testX().size(0));
        out.println("backward by hand, from the loss down:");
        out.println("  dZ2 = (softmax(Z2) - Y) / N      dW2 = H^T dZ2     db2 = column sums of dZ2");
        out.println("  dH  = dZ2 W2^T                   dZ1 = dH * [Z1 > 0] (relu passes the gradient where it was active)");
        out.println("  dW1 = X^T dZ1                    db1 = column sums of dZ1");

        List<Tensor> params = List.of(w1, b1, w2, b2);
        Map<String, Tensor> hand = handGradients(x, y, params);
        List<Tensor> leaves = params.stream().map(p -> p.detach().requiresGrad(true)).toList();
        Loss.crossEntropy(forward(x, leaves), labels).backward();
        out.println("compared with autograd at the initial weights (largest absolute difference):");
        int i = 0;
        for (var e : hand.entrySet())
            out.printf(Locale.ROOT, "  %-4s %s  %.2e%n", e.getKey(), Arrays.toString(e.getValue().shape()),
                    ExampleDigits.maxDifference(e.getValue(), leaves.get(i++).grad()));
        out.println();

        out.printf("training with the hand-derived gradients, full batch, learning rate %s%n", Numbers.num(LR));
        out.printf("%6s %10s %10s%n", "step", "loss", "train acc");
        for (int step = 0; step <= STEPS; step++) {
            Map<String, Tensor> g = handGradients(x, y, params);
            if (step % 100 == 0) {
                Tensor z = forward(x, params);
                out.printf(Locale.ROOT, "%6d %10.5f %9.2f%%%n", step, Loss.crossEntropy(z, labels).item(),
                        100 * ExampleDigits.accuracy(z, d.trainLabels()));
            }
            int k = 0;
            Tensor[] next = new Tensor[4];
            for (Tensor grad : g.values()) next[k] = params.get(k++).sub(grad.mul(LR));
            params = List.of(next);
        }
        double test = ExampleDigits.accuracy(forward(d.testX(), params), d.testLabels());
        out.printf(Locale.ROOT, "%ntest accuracy: %.2f%% on %d digits%n", 100 * test, d.testX().size(0));
    }

    private static Tensor forward(Tensor x, List<Tensor> p) {
        return x.matmul(p.get(0)).add(p.get(1)).relu().matmul(p.get(2)).add(p.get(3));
    }

    private static Map<String, Tensor> handGradients(Tensor x, Tensor y, List<Tensor> p) {
        int n = x.size(0);
        Tensor z1 = x.matmul(p.get(0)).add(p.get(1));
        Tensor h = z1.relu();
        Tensor z2 = h.matmul(p.get(2)).add(p.get(3));
        Tensor dz2 = z2.softmax(1).sub(y).div(n);
        Tensor dh = dz2.matmul(p.get(2).t());
        Tensor dz1 = dh.mul(z1.gt(0.0));
        Map<String, Tensor> g = new LinkedHashMap<>();
        g.put("dW1", x.t().matmul(dz1));
        g.put("db1", dz1.sum(0, false));
        g.put("dW2", h.t().matmul(dz2));
        g.put("db2", dz2.sum(0, false));
        return g;
    }
}
