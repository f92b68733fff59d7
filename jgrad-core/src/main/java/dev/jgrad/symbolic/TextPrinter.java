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
import java.util.stream.Collectors;

/**
 * Plain-text notation that {@link Parser} reads back: {@code 3 * x^2 - sin(x) / (x + 1)}.
 * Parentheses appear only where the grammar needs them, plus around a negative right operand or
 * exponent ({@code x * (-y)}, {@code x^(-2)}) where a bare minus would be hard to read.
 */
final class TextPrinter {
    /** Binding strength, loosest first; matches the parser's grammar levels. */
    static final int SUM = 1;
    static final int PRODUCT = 2;
    static final int NEGATION = 3;
    static final int POWER = 4;
    static final int ATOM = 5;

    private TextPrinter() {
    }

    static String print(Expr e) {
        if (e instanceof Num n) {
            return number(n.value());
        }
        if (e instanceof Var v) {
            return v.name();
        }
        if (e instanceof Neg n) {
            return "-" + operand(n.operand(), NEGATION, true);
        }
        if (e instanceof Add a) {
            return binary(a.left(), " + ", a.right(), SUM);
        }
        if (e instanceof Sub s) {
            return binary(s.left(), " - ", s.right(), SUM);
        }
        if (e instanceof Mul m) {
            return binary(m.left(), " * ", m.right(), PRODUCT);
        }
        if (e instanceof Div d) {
            return binary(d.left(), " / ", d.right(), PRODUCT);
        }
        if (e instanceof Pow p) {
            // right-associative: a^b^c is a^(b^c), so only the base needs a strict atom
            return operand(p.base(), ATOM, true) + "^" + operand(p.exponent(), POWER, true);
        }
        if (e instanceof Call c) {
            return c.function().functionName()
                    + c.args().stream().map(TextPrinter::print).collect(Collectors.joining(", ", "(", ")"));
        }
        throw new IllegalStateException("unknown node " + e);
    }

    /** Left-associative operators: the right operand must bind strictly tighter. */
    private static String binary(Expr left, String op, Expr right, int level) {
        return operand(left, level, false) + op + operand(right, level + 1, true);
    }

    private static String operand(Expr e, int minLevel, boolean wrapLeadingMinus) {
        String text = print(e);
        boolean wrap = level(e) < minLevel || (wrapLeadingMinus && text.startsWith("-"));
        return wrap ? "(" + text + ")" : text;
    }

    static int level(Expr e) {
        if (e instanceof Add || e instanceof Sub) {
            return SUM;
        }
        if (e instanceof Mul || e instanceof Div) {
            return PRODUCT;
        }
        if (e instanceof Neg || (e instanceof Num n && n.value() < 0)) {
            return NEGATION;
        }
        if (e instanceof Pow) {
            return POWER;
        }
        return ATOM;
    }

    /**
     * Shortest text that reads back as the same double: 3, 2.5, 0.001, 1e-7, 1.5e20.
     * Integers below 10^15 are printed without exponent or ".0".
     */
    static String number(double v) {
        if (v == Math.rint(v) && Math.abs(v) < 1e15) {
            return Long.toString((long) v);
        }
        String s = Double.toString(v);
        int e = s.indexOf('E');
        if (e < 0) {
            return s;
        }
        String mantissa = s.substring(0, e);
        if (mantissa.endsWith(".0")) {
            mantissa = mantissa.substring(0, mantissa.length() - 2);
        }
        return mantissa + "e" + s.substring(e + 1);
    }
}
