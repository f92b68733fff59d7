package dev.jgrad.symbolic;

import dev.jgrad.Tensor;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.SortedSet;
import java.util.function.Supplier;

/**
 * A mathematical expression of real variables, for symbolic differentiation:
 * <pre>{@code
 * Expression f = Expression.parse("sigmoid(w*x + b)");
 * Expression dfdw = f.derivative("w");          // x * sigmoid(w * x + b) * (1 - sigmoid(w * x + b))
 * double g = dfdw.evaluate(Map.of("w", 0.5, "x", 2.0, "b", -1.0));
 * String tex = dfdw.toLatex();
 * }</pre>
 * Immutable; equality is structural (same tree). {@link #fold} turns the tree into values of any
 * type, e.g. tensors, through an {@link Algebra}, without this package knowing that type.
 */
public final class Expression {
    private final Expr root;

    private Expression(Expr root) {
        this.root = root;
    }

    /**
     * Parses text such as {@code "x^3 - 2*x + sin(x)/x"}.
     *
     * @throws ParseException with the column of the problem
     */
    public static Expression parse(String text) {
        try {
            return new Expression(Parser.parse(text));
        } catch (StackOverflowError tooDeep) {
            throw new IllegalArgumentException("parse: expression too deeply nested for this thread's stack;"
                    + " split it or give the thread a larger stack (-Xss)");
        }
    }

    /** Wraps a tree built in code. */
    public static Expression of(Expr root) {
        Objects.requireNonNull(root, "expression");
        int depth = root.depth();
        if (depth > Parser.MAX_DEPTH) {
            throw new IllegalArgumentException("expression too deep: its tree has " + depth + " levels, more than "
                    + Parser.MAX_DEPTH);
        }
        return new Expression(root);
    }

    public Expr root() {
        return root;
    }

    /** The simplified derivative with respect to {@code variable}; 0 when it does not occur. */
    public Expression derivative(String variable) {
        return rawDerivative(variable).simplify();
    }

    /** The derivative exactly as the differentiation rules produce it, before simplification. */
    public Expression rawDerivative(String variable) {
        new Expr.Var(variable); // validates the name
        return new Expression(guarded("derivative", () -> Derivative.of(root, variable)));
    }

    /** Simplified partial derivatives for every variable, in name order. */
    public Map<String, Expression> gradient() {
        Map<String, Expression> result = new LinkedHashMap<>();
        for (String v : variables()) {
            result.put(v, derivative(v));
        }
        return result;
    }

    /** Canonical simplified form; simplifying it again, or re-parsing its text, changes nothing. */
    public Expression simplify() {
        return new Expression(guarded("simplify", () -> Simplifier.simplify(root)));
    }

    /**
     * The value at a point.
     *
     * @throws IllegalArgumentException naming a variable without a value
     * @throws EvaluationException       outside a function's domain, on division by zero or overflow,
     *                                   naming the sub-expression and the point
     */
    public double evaluate(Map<String, Double> point) {
        return guarded("evaluate", () -> Evaluator.evaluate(root, point));
    }

    /** Names of the variables, sorted. */
    public SortedSet<String> variables() {
        return root.variables();
    }

    /**
     * Folds the tree bottom-up into values of type T: numbers become {@code constant}, variables
     * are looked up in {@code variables}, operators and functions call the algebra. Equal
     * sub-trees are folded once; exponents without variables use {@code pow(T, double)}.
     */
    public <T> T fold(Algebra<T> algebra, Map<String, T> variables) {
        return guarded("fold", () -> Fold.fold(root, algebra, variables));
    }

    /**
     * The expression as a computation on tensors (recorded by autograd when a variable requires
     * grad): the step from symbolic to automatic differentiation.
     */
    public Tensor toTensor(Map<String, Tensor> variables) {
        return fold(TensorAlgebra.INSTANCE, variables);
    }

    /** Plain text that {@link #parse} reads back, with minimal parentheses. */
    @Override
    public String toString() {
        return guarded("toString", () -> TextPrinter.print(root));
    }

    /** LaTeX math-mode text, e.g. {@code 3 \cdot x^{2}}. */
    public String toLatex() {
        return guarded("toLatex", () -> LatexPrinter.print(root));
    }

    /**
     * The algorithms recurse over the tree. Parsing bounds its depth, but derivatives of deep
     * expressions are deeper still and threads other than main often have small stacks: report
     * that as bad input rather than let a StackOverflowError escape.
     */
    private <T> T guarded(String operation, Supplier<T> work) {
        try {
            return work.get();
        } catch (StackOverflowError tooDeep) {
            throw new IllegalArgumentException(operation + ": expression too deep (" + root.depth()
                    + " levels) for this thread's stack; split it or give the thread a larger stack (-Xss)");
        }
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Expression e && root.equals(e.root);
    }

    @Override
    public int hashCode() {
        return root.hashCode();
    }

    /**
     * The operations an expression is built from, over some value type T (Double, a tensor, a
     * dual number, a string...). Implementations may throw {@link EvaluationException} for
     * values outside a domain; folding adds where it happened.
     */
    public interface Algebra<T> {
        T constant(double value);

        T add(T a, T b);

        T sub(T a, T b);

        T mul(T a, T b);

        T div(T a, T b);

        /** A power with a constant exponent, e.g. x^2 or x^-0.5. */
        T pow(T base, double exponent);

        T pow(T base, T exponent);

        T neg(T a);

        /**
         * One of the functions of {@link Func}, by its {@link Func#functionName() name}: exp, log,
         * sqrt, sin, cos, tanh, sigmoid, relu, abs, step, sign (one argument), max, min (two).
         */
        T function(String name, List<T> args);
    }
}
