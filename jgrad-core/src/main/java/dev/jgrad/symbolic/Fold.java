package dev.jgrad.symbolic;

import dev.jgrad.symbolic.Expr.Add;
import dev.jgrad.symbolic.Expr.Call;
import dev.jgrad.symbolic.Expr.Div;
import dev.jgrad.symbolic.Expr.Mul;
import dev.jgrad.symbolic.Expr.Neg;
import dev.jgrad.symbolic.Expr.Num;
import dev.jgrad.symbolic.Expr.Pow;
import dev.jgrad.symbolic.Expr.Sub;
import dev.jgrad.symbolic.Expr.Var;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.TreeSet;

/**
 * Folds a tree into any value type through an {@link Expression.Algebra}, bottom-up. Equal
 * sub-trees are folded once (derivatives repeat sigmoid(u) and the like), and an exponent
 * without variables is reduced to a double first so that the algebra can use its cheaper
 * {@code pow(T, double)}.
 */
final class Fold<T> {
    private final Expression.Algebra<T> algebra;
    private final Map<String, T> variables;
    private final Map<Expr, T> done = new HashMap<>();

    private Fold(Expression.Algebra<T> algebra, Map<String, T> variables) {
        this.algebra = Objects.requireNonNull(algebra, "algebra");
        this.variables = Objects.requireNonNull(variables, "variables");
    }

    static <T> T fold(Expr e, Expression.Algebra<T> algebra, Map<String, T> variables) {
        return new Fold<>(algebra, variables).apply(e);
    }

    private T apply(Expr e) {
        T known = done.get(e);
        if (known != null) {
            return known;
        }
        T value;
        try {
            value = compute(e);
        } catch (EvaluationException problem) {
            throw problem.locatedIn(e);
        }
        if (value == null) {
            throw new IllegalStateException("algebra " + algebra.getClass().getName() + " returned null for "
                    + TextPrinter.print(e));
        }
        done.put(e, value);
        return value;
    }

    private T compute(Expr e) {
        if (e instanceof Num n) {
            return algebra.constant(n.value());
        }
        if (e instanceof Var v) {
            T value = variables.get(v.name());
            if (value == null) {
                throw new IllegalArgumentException("undefined variable '" + v.name() + "' (values given for: "
                        + (variables.isEmpty() ? "none" : String.join(", ", new TreeSet<>(variables.keySet())))
                        + ")");
            }
            return value;
        }
        if (e instanceof Neg n) {
            return algebra.neg(apply(n.operand()));
        }
        if (e instanceof Add a) {
            return algebra.add(apply(a.left()), apply(a.right()));
        }
        if (e instanceof Sub s) {
            return algebra.sub(apply(s.left()), apply(s.right()));
        }
        if (e instanceof Mul m) {
            return algebra.mul(apply(m.left()), apply(m.right()));
        }
        if (e instanceof Div d) {
            return algebra.div(apply(d.left()), apply(d.right()));
        }
        if (e instanceof Pow p) {
            if (p.exponent().variables().isEmpty()) {
                double k = Fold.fold(p.exponent(), Evaluator.DoubleAlgebra.INSTANCE, Map.of());
                return algebra.pow(apply(p.base()), k);
            }
            return algebra.pow(apply(p.base()), apply(p.exponent()));
        }
        if (e instanceof Call c) {
            return algebra.function(c.function().functionName(), c.args().stream().map(this::apply).toList());
        }
        throw new IllegalStateException("unknown node " + e);
    }
}
