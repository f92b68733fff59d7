package dev.jgrad.autograd;

import dev.jgrad.Tensor;
import dev.jgrad.tensor.DType;
import dev.jgrad.tensor.Generator;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;

/**
 * Compares analytic gradients (backward) with central finite differences in float64:
 * "derive analytically, check numerically". A non-scalar output is reduced with a fixed random
 * projection, which checks J^T r for every input that requires grad.
 */
public final class GradCheck {
    private GradCheck() {}

    /** Finite-difference step, tolerance on the relative error, absolute floor, projection seed. */
    public record Options(double eps, double tolerance, double atol, long seed) {
        public static Options defaults() {
            return new Options(1e-6, 1e-6, 1e-8, 1234);
        }

        public Options withTolerance(double tol) {
            return new Options(eps, tol, atol, seed);
        }
    }

    /** The worst element of one input: its index, both derivatives and their errors. */
    public record InputReport(int input, int[] worstIndex, double analytic, double numeric,
                              double relativeError, double absoluteError, boolean passed) {
        @Override
        public String toString() {
            return String.format(Locale.ROOT, "input %d%s: analytic %.10g, numerical %.10g, relative error %.3g %s",
                    input, Arrays.toString(worstIndex), analytic, numeric, relativeError, passed ? "ok" : "FAILED");
        }
    }

    public record Result(List<InputReport> inputs, boolean passed, double tolerance) {
        public double maxRelativeError() {
            return inputs.stream().mapToDouble(InputReport::relativeError).max().orElse(0);
        }

        @Override
        public String toString() {
            StringBuilder sb = new StringBuilder(passed ? "gradcheck passed" : "gradcheck FAILED")
                    .append(String.format(Locale.ROOT, " (tolerance %.1g)", tolerance));
            for (InputReport r : inputs) sb.append("\n  ").append(r);
            return sb.toString();
        }
    }

    public static Result check(Function<List<Tensor>, Tensor> f, Tensor... inputs) {
        return check(f, List.of(inputs), Options.defaults());
    }

    /** First derivatives of f at the given inputs (float64, those requiring grad are checked). */
    public static Result check(Function<List<Tensor>, Tensor> f, List<Tensor> inputs, Options options) {
        Tensor projection = projection(f, inputs, options.seed());
        Function<List<Tensor>, Tensor> scalar = xs -> project(f.apply(xs), projection);
        return compare(scalar, inputs, options, false);
    }

    public static Result checkSecondOrder(Function<List<Tensor>, Tensor> f, Tensor... inputs) {
        return checkSecondOrder(f, List.of(inputs), Options.defaults().withTolerance(1e-5));
    }

    /**
     * Second derivatives: the analytic gradient, computed with createGraph, is itself checked
     * against finite differences of the analytic gradient (a Hessian-vector product check).
     */
    public static Result checkSecondOrder(Function<List<Tensor>, Tensor> f, List<Tensor> inputs, Options options) {
        Tensor projection = projection(f, inputs, options.seed());
        List<Tensor> wrt = differentiable(inputs);
        Generator gen = new Generator(options.seed() + 1);
        List<Tensor> directions = new ArrayList<>();
        for (Tensor t : wrt) directions.add(Tensor.randn(DType.FLOAT64, gen, t.shape()));
        Function<List<Tensor>, Tensor> gradDotV = xs -> {
            Tensor out = project(f.apply(xs), projection);
            List<Tensor> grads = Autograd.grad(List.of(out), null, differentiable(xs), true, true, true);
            Tensor total = Tensor.scalar(0.0);
            for (int i = 0; i < grads.size(); i++)
                if (grads.get(i) != null) total = total.add(grads.get(i).mul(directions.get(i)).sum());
            return total;
        };
        return compare(gradDotV, inputs, options, true);
    }

    private static List<Tensor> differentiable(List<Tensor> inputs) {
        List<Tensor> out = new ArrayList<>();
        for (Tensor t : inputs) if (t.requiresGrad()) out.add(t);
        return out;
    }

    private static Tensor projection(Function<List<Tensor>, Tensor> f, List<Tensor> inputs, long seed) {
        for (int i = 0; i < inputs.size(); i++) {
            Tensor t = inputs.get(i);
            if (t.requiresGrad() && t.dtype() != DType.FLOAT64)
                throw new IllegalArgumentException("gradcheck: input " + i + " is " + t.dtype()
                        + "; finite differences need float64 inputs (convert with to(DType.FLOAT64))");
        }
        if (differentiable(inputs).isEmpty()) throw new IllegalArgumentException("gradcheck: no input requires grad");
        Tensor out;
        try (var g = GradMode.set(false)) {
            out = f.apply(inputs);
        }
        return out.numel() == 1 ? null : Tensor.randn(DType.FLOAT64, new Generator(seed), out.shape());
    }

    private static Tensor project(Tensor out, Tensor projection) {
        Tensor o = out.to(DType.FLOAT64);
        return projection == null ? o.sum() : o.mul(projection).sum();
    }

    private static Result compare(Function<List<Tensor>, Tensor> scalar, List<Tensor> inputs, Options options, boolean evalWithGrad) {
        List<Tensor> wrt = differentiable(inputs);
        Tensor value = scalar.apply(inputs);
        // a value that does not depend on the inputs through the graph (e.g. the second derivative
        // of a linear op) has zero analytic derivatives
        List<Tensor> analytic = value.requiresGrad()
                ? Autograd.grad(List.of(value), null, wrt, false, false, true)
                : java.util.Collections.nCopies(wrt.size(), null);
        List<InputReport> reports = new ArrayList<>();
        boolean allPassed = true;
        int inputNumber = -1;
        for (int w = 0; w < wrt.size(); w++) {
            Tensor x = wrt.get(w);
            inputNumber = indexOf(inputs, x, inputNumber);
            double[] a = analytic.get(w) == null ? new double[x.numel()] : analytic.get(w).toDoubleArray();
            int[] shape = x.shape(), strides = x.stride();
            int[] pos = new int[shape.length];
            InputReport worst = null;
            boolean passed = true;
            for (int j = 0; j < a.length; j++) {
                int offset = x.storageOffset();
                for (int d = 0; d < shape.length; d++) offset += pos[d] * strides[d];
                double original = x.storage().get(offset);
                x.storage().set(offset, original + options.eps());
                double plus = evaluate(scalar, inputs, evalWithGrad);
                x.storage().set(offset, original - options.eps());
                double minus = evaluate(scalar, inputs, evalWithGrad);
                x.storage().set(offset, original);
                double numeric = (plus - minus) / (2 * options.eps());
                double abs = Math.abs(a[j] - numeric);
                double rel = relativeError(a[j], numeric);
                boolean ok = rel <= options.tolerance() || abs <= options.atol();
                passed &= ok;
                if (worst == null || (!ok && worst.passed()) || (ok == worst.passed() && rel > worst.relativeError()))
                    worst = new InputReport(inputNumber, pos.clone(), a[j], numeric, rel, abs, ok);
                for (int d = shape.length - 1; d >= 0 && ++pos[d] == shape[d]; d--) pos[d] = 0;
            }
            if (worst == null) worst = new InputReport(inputNumber, new int[0], 0, 0, 0, 0, true);
            reports.add(worst);
            allPassed &= passed;
        }
        return new Result(reports, allPassed, options.tolerance());
    }

    /** The measure the checks use: |a - n| / max(|a| + |n|, tiny), 0 when both are 0. */
    public static double relativeError(double analytic, double numeric) {
        return Math.abs(analytic - numeric) / Math.max(Math.abs(analytic) + Math.abs(numeric), Double.MIN_NORMAL);
    }

    private static int indexOf(List<Tensor> inputs, Tensor x, int after) {
        for (int i = after + 1; i < inputs.size(); i++) if (inputs.get(i) == x) return i;
        return after + 1;
    }

    private static double evaluate(Function<List<Tensor>, Tensor> scalar, List<Tensor> inputs, boolean withGrad) {
        try (var g = GradMode.set(withGrad)) {
            return scalar.apply(inputs).item();
        }
    }
}
