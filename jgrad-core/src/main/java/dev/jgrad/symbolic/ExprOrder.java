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
import java.util.Comparator;
import java.util.List;

/**
 * A total order on expressions, consistent with {@code equals}: the simplifier sorts terms and
 * factors with it so that equal inputs always print the same way ({@code y*x} and {@code x*y}
 * both become {@code x * y}).
 */
final class ExprOrder implements Comparator<Expr> {
    static final ExprOrder INSTANCE = new ExprOrder();

    private ExprOrder() {
    }

    @Override
    public int compare(Expr a, Expr b) {
        int byKind = Integer.compare(kind(a), kind(b));
        if (byKind != 0) {
            return byKind;
        }
        if (a instanceof Num x && b instanceof Num y) {
            return Double.compare(x.value(), y.value());
        }
        if (a instanceof Var x && b instanceof Var y) {
            return x.name().compareTo(y.name());
        }
        if (a instanceof Call x && b instanceof Call y && x.function() != y.function()) {
            return x.function().functionName().compareTo(y.function().functionName());
        }
        return compareLists(a.children(), b.children());
    }

    private int compareLists(List<Expr> a, List<Expr> b) {
        for (int i = 0; i < Math.min(a.size(), b.size()); i++) {
            int c = compare(a.get(i), b.get(i));
            if (c != 0) {
                return c;
            }
        }
        return Integer.compare(a.size(), b.size());
    }

    private static int kind(Expr e) {
        if (e instanceof Num) {
            return 0;
        }
        if (e instanceof Var) {
            return 1;
        }
        if (e instanceof Call) {
            return 2;
        }
        if (e instanceof Pow) {
            return 3;
        }
        if (e instanceof Mul) {
            return 4;
        }
        if (e instanceof Div) {
            return 5;
        }
        if (e instanceof Neg) {
            return 6;
        }
        if (e instanceof Add) {
            return 7;
        }
        if (e instanceof Sub) {
            return 8;
        }
        throw new IllegalStateException("unknown node " + e);
    }
}
