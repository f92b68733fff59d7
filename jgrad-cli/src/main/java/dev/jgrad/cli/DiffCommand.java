package dev.jgrad.cli;

import dev.jgrad.Tensor;
import dev.jgrad.symbolic.Expression;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

import java.io.PrintWriter;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;

/**
 * Symbolic derivatives of an expression, checked at a point against autograd (the expression
 * folded into tensor operations) and central finite differences.
 */
@Command(name = "diff", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Differentiates an expression symbolically and compares the result with autograd and",
                "numerical central differences at a point.",
                "Example: jgrad diff \"sigmoid(w*x + b)\" --wrt w,b --at w=0.5,x=2,b=-1"})
final class DiffCommand implements Callable<Integer> {
    @ParentCommand
    private Main main;

    @Parameters(index = "0", paramLabel = "EXPRESSION",
            description = "e.g. \"x^3 - 2*x\"; functions: exp log sqrt sin cos tanh sigmoid relu abs max min")
    private String text;

    @Option(names = "--wrt", split = ",", paramLabel = "VAR", description = "Variables to differentiate by (default: all).")
    private List<String> wrt;

    @Option(names = "--at", split = ",", paramLabel = "VAR=VALUE",
            description = "The point at which to compare symbolic, autograd and numerical values.")
    private Map<String, Double> at = new LinkedHashMap<>();

    @Option(names = "--eps", paramLabel = "H", defaultValue = "1e-6",
            description = "Relative step of the central differences (default: ${DEFAULT-VALUE}).")
    private double eps;

    @Option(names = "--latex", description = "Also print the derivatives as LaTeX.")
    private boolean latex;

    @Override
    public Integer call() {
        var out = main.out();
        Expression f = Symbolic.parse(text);
        List<String> vars = wrt == null ? List.copyOf(f.variables()) : wrt;
        if (vars.isEmpty()) throw new BadInputException("expression '" + text + "' has no variables to differentiate by");
        Map<String, Expression> derivatives = new LinkedHashMap<>();
        for (String v : vars) derivatives.put(v, Symbolic.derivative(f, v));

        out.println("f = " + f);
        derivatives.forEach((v, d) -> out.println("df/d" + v + " = " + d));
        if (latex) {
            out.println("f = " + f.toLatex());
            derivatives.forEach((v, d) -> out.println("\\frac{\\partial f}{\\partial " + v + "} = " + d.toLatex()));
        }
        if (at.isEmpty()) return Main.OK;

        Symbolic.requireValues(f, at);
        for (String v : vars)
            if (!at.containsKey(v)) throw new BadInputException("--at: no value for '" + v + "', which --wrt names");
        out.println();
        out.printf(Locale.ROOT, "at %s: f = %s%n", Symbolic.point(at), Numbers.precise(Symbolic.evaluate(f, at)));
        table(out, f, derivatives, autograd(f, vars));
        return Main.OK;
    }

    private Map<String, Double> autograd(Expression f, List<String> vars) {
        Map<String, Tensor> leaves = new HashMap<>();
        at.forEach((name, value) -> leaves.put(name, Tensor.scalar(value).requiresGrad(vars.contains(name)).label(name)));
        Tensor value = Symbolic.fold(f, leaves);
        Map<String, Double> grads = new HashMap<>();
        if (value.requiresGrad()) value.backward();
        for (String v : vars) {
            Tensor g = leaves.get(v).grad();
            grads.put(v, g == null ? 0.0 : g.item());
        }
        return grads;
    }

    private void table(PrintWriter out, Expression f, Map<String, Expression> derivatives, Map<String, Double> autograd) {
        out.printf(Locale.ROOT, "%-10s %-22s %-22s %-22s %-12s %s%n",
                "", "symbolic", "autograd", "numerical", "|sym-auto|", "|sym-num|");
        for (var entry : derivatives.entrySet()) {
            String v = entry.getKey();
            double symbolic = Symbolic.evaluate(entry.getValue(), at);
            double auto = autograd.get(v);
            double numeric = centralDifference(f, v);
            out.printf(Locale.ROOT, "%-10s %-22s %-22s %-22s %-12s %s%n", "df/d" + v,
                    Numbers.precise(symbolic), Numbers.precise(auto), Numbers.precise(numeric),
                    difference(symbolic, auto), difference(symbolic, numeric));
        }
    }

    private static String difference(double a, double b) {
        double d = Math.abs(a - b);
        return d == 0 ? "0" : String.format(Locale.ROOT, "%.2e", d);
    }

    private double centralDifference(Expression f, String v) {
        double x = at.get(v);
        double h = eps * Math.max(1, Math.abs(x));
        var plus = new HashMap<>(at);
        var minus = new HashMap<>(at);
        plus.put(v, x + h);
        minus.put(v, x - h);
        return (Symbolic.evaluate(f, plus) - Symbolic.evaluate(f, minus)) / (2 * h);
    }
}
