package dev.jgrad.symbolic;

import java.util.ArrayDeque;
import java.util.List;
import java.util.Objects;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * The expression tree. Nodes are immutable records with structural equality, so two
 * expressions are equal exactly when they have the same shape and the same numbers and names.
 * {@code toString()} shows the structure; {@link TextPrinter} gives the usual notation.
 */
public sealed interface Expr
        permits Expr.Num, Expr.Var, Expr.Neg, Expr.Add, Expr.Sub, Expr.Mul, Expr.Div, Expr.Pow, Expr.Call {

    /** A finite number. -0.0 is stored as 0.0 so that "0" has a single representation. */
    record Num(double value) implements Expr {
        public Num {
            if (!Double.isFinite(value)) {
                throw new IllegalArgumentException("expression number must be finite, got " + value);
            }
            if (value == 0) {
                value = 0.0;
            }
        }
    }

    record Var(String name) implements Expr {
        private static final Pattern IDENTIFIER = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");

        public Var {
            Objects.requireNonNull(name, "variable name");
            if (!IDENTIFIER.matcher(name).matches()) {
                throw new IllegalArgumentException("invalid variable name '" + name
                        + "': use letters, digits and '_', starting with a letter or '_'");
            }
            if (Func.byName(name).isPresent()) {
                throw new IllegalArgumentException("invalid variable name '" + name + "': it is a function name");
            }
        }
    }

    record Neg(Expr operand) implements Expr {
        public Neg {
            Objects.requireNonNull(operand, "operand");
        }
    }

    record Add(Expr left, Expr right) implements Expr {
        public Add {
            Objects.requireNonNull(left, "left");
            Objects.requireNonNull(right, "right");
        }
    }

    record Sub(Expr left, Expr right) implements Expr {
        public Sub {
            Objects.requireNonNull(left, "left");
            Objects.requireNonNull(right, "right");
        }
    }

    record Mul(Expr left, Expr right) implements Expr {
        public Mul {
            Objects.requireNonNull(left, "left");
            Objects.requireNonNull(right, "right");
        }
    }

    record Div(Expr left, Expr right) implements Expr {
        public Div {
            Objects.requireNonNull(left, "left");
            Objects.requireNonNull(right, "right");
        }
    }

    record Pow(Expr base, Expr exponent) implements Expr {
        public Pow {
            Objects.requireNonNull(base, "base");
            Objects.requireNonNull(exponent, "exponent");
        }
    }

    record Call(Func function, List<Expr> args) implements Expr {
        public Call {
            Objects.requireNonNull(function, "function");
            args = List.copyOf(args);
            if (args.size() != function.arity()) {
                throw new IllegalArgumentException("function '" + function.functionName() + "' takes "
                        + function.arity() + " argument(s), got " + args.size());
            }
        }

        public Call(Func function, Expr... args) {
            this(function, List.of(args));
        }
    }

    /** The direct sub-expressions, left to right. */
    default List<Expr> children() {
        if (this instanceof Neg n) {
            return List.of(n.operand());
        }
        if (this instanceof Add a) {
            return List.of(a.left(), a.right());
        }
        if (this instanceof Sub s) {
            return List.of(s.left(), s.right());
        }
        if (this instanceof Mul m) {
            return List.of(m.left(), m.right());
        }
        if (this instanceof Div d) {
            return List.of(d.left(), d.right());
        }
        if (this instanceof Pow p) {
            return List.of(p.base(), p.exponent());
        }
        if (this instanceof Call c) {
            return c.args();
        }
        return List.of();
    }

    /** Names of the variables that occur, sorted. Iterative, so it works on any depth. */
    default SortedSet<String> variables() {
        var names = new TreeSet<String>();
        var pending = new ArrayDeque<Expr>();
        pending.push(this);
        while (!pending.isEmpty()) {
            Expr e = pending.pop();
            if (e instanceof Var v) {
                names.add(v.name());
            }
            e.children().forEach(pending::push);
        }
        return names;
    }

    default boolean contains(String variable) {
        return variables().contains(variable);
    }

    /** Length of the longest root-to-leaf path (a leaf has depth 1). Iterative. */
    default int depth() {
        int max = 0;
        var nodes = new ArrayDeque<Expr>();
        var depths = new ArrayDeque<Integer>();
        nodes.push(this);
        depths.push(1);
        while (!nodes.isEmpty()) {
            Expr e = nodes.pop();
            int d = depths.pop();
            max = Math.max(max, d);
            for (Expr child : e.children()) {
                nodes.push(child);
                depths.push(d + 1);
            }
        }
        return max;
    }
}
