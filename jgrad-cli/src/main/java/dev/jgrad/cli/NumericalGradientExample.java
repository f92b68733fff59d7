package dev.jgrad.cli;

import dev.jgrad.Tensor;
import dev.jgrad.nn.Loss;
import dev.jgrad.tensor.DType;
import dev.jgrad.tensor.Generator;

import java.io.IOException;
import java.io.PrintWriter;
import java.util.List;
import java.util.Locale;

import static dev.jgrad.cli.Numbers.num;

/**
 * The gradient of a loss with 650 parameters, numerically (two loss evaluations per parameter)
 * and analytically (one backward pass): same numbers, very different cost.
 */
final class NumericalGradientExample implements Example {
    private static final int SAMPLES = 200;
    private static final double H = 1e-5;

    @Override
    public String name() {
        return "numerical-gradient";
    }

    @Override
    public String title() {
        return "numerical vs analytic gradient of a softmax-regression loss (650 parameters), with timings";
    }

    @Override
    public void run(PrintWriter out) throws IOException {
        ExampleDigits d = ExampleDigits.load();
        Tensor x = d.trainX().narrow(0, 0, SAMPLES);
        Tensor labels = Tensor.of(d.trainLabels()).narrow(0, 0, SAMPLES);
        var gen = new Generator(11);
        Tensor w = Tensor.randn(DType.FLOAT64, gen, 64, 10).mul(0.01).requiresGrad(true);
        Tensor b = Tensor.zeros(DType.FLOAT64, 10).requiresGrad(true);
        List<Tensor> params = List.of(w, b);
        int count = w.numel() + b.numel();
        out.printf("loss: cross-entropy of softmax(X W + b) on %d digits; W is 64x10 and b has 10 entries: %d parameters%n",
                SAMPLES, count);
        out.printf("numerical: df/dp ~ (f(p + h) - f(p - h)) / 2h with h = %s, two loss evaluations per parameter%n", num(H));
        out.println("analytic: one forward and one backward pass (autograd)");
        out.println();

        long t0 = System.nanoTime();
        Loss.crossEntropy(x.matmul(w).add(b), labels).backward();
        double analyticMs = (System.nanoTime() - t0) / 1e6;

        double[][] numeric = new double[2][];
        long t1 = System.nanoTime();
        try (var g = Tensor.noGrad()) {
            for (int k = 0; k < 2; k++) {
                Tensor p = params.get(k);
                double[] grad = new double[p.numel()];
                for (int i = 0; i < grad.length; i++) {
                    double original = p.storage().get(i);
                    p.storage().set(i, original + H);
                    double plus = Loss.crossEntropy(x.matmul(w).add(b), labels).item();
                    p.storage().set(i, original - H);
                    double minus = Loss.crossEntropy(x.matmul(w).add(b), labels).item();
                    p.storage().set(i, original);
                    grad[i] = (plus - minus) / (2 * H);
                }
                numeric[k] = grad;
            }
        }
        double numericMs = (System.nanoTime() - t1) / 1e6;

        double errW = Numbers.maxRelativeError(w.grad().toDoubleArray(), numeric[0]);
        double errB = Numbers.maxRelativeError(b.grad().toDoubleArray(), numeric[1]);
        out.printf(Locale.ROOT, "numerical: %d loss evaluations in %.1f ms%n", 2 * count, numericMs);
        out.printf(Locale.ROOT, "analytic:  1 forward + 1 backward in %.1f ms (%.0f times faster)%n", analyticMs,
                numericMs / Math.max(analyticMs, 1e-3));
        out.printf(Locale.ROOT, "largest relative difference: W %.2e, b %.2e (relative error |a - n| / (|a| + |n|))%n", errW, errB);
        double[] analyticW = w.grad().toDoubleArray();
        int largest = 0;
        for (int i = 1; i < analyticW.length; i++) if (Math.abs(analyticW[i]) > Math.abs(analyticW[largest])) largest = i;
        out.printf(Locale.ROOT, "the largest entry, dL/dW[%d][%d]: analytic %.10f, numerical %.10f%n", largest / 10, largest % 10,
                analyticW[largest], numeric[0][largest]);
        out.println("so: derive analytically, check numerically (jgrad gradcheck does this for whole models)");
    }
}
