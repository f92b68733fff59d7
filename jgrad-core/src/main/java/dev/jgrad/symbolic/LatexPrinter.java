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
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * LaTeX math-mode notation: {@code \frac{}{}} for quotients, {@code ^{}} for powers,
 * {@code \cdot} for products, {@code \sigma} for the sigmoid. Variables such as {@code w1} and
 * {@code x_i} get subscripts, Greek letter names become letters ({@code alpha} is {@code \alpha}).
 */
final class LatexPrinter {
    private static final Set<String> GREEK = Set.of("alpha", "beta", "gamma", "delta", "epsilon", "zeta",
            "eta", "theta", "iota", "kappa", "lambda", "mu", "nu", "xi", "pi", "rho", "sigma", "tau",
            "upsilon", "phi", "chi", "psi", "omega", "Gamma", "Delta", "Theta", "Lambda", "Xi", "Pi",
            "Sigma", "Upsilon", "Phi", "Psi", "Omega");
    private static final Pattern TRAILING_DIGITS = Pattern.compile("([A-Za-z]+)([0-9]+)");

    private LatexPrinter() {
    }

    static String print(Expr e) {
        if (e instanceof Num n) {
            return number(n.value());
        }
        if (e instanceof Var v) {
            return variable(v.name());
        }
        if (e instanceof Neg n) {
            return "-" + operand(n.operand(), TextPrinter.NEGATION, true);
        }
        if (e instanceof Add a) {
            return binary(a.left(), " + ", a.right(), TextPrinter.SUM);
        }
        if (e instanceof Sub s) {
            return binary(s.left(), " - ", s.right(), TextPrinter.SUM);
        }
        if (e instanceof Mul m) {
            return binary(m.left(), " \\cdot ", m.right(), TextPrinter.PRODUCT);
        }
        if (e instanceof Div d) {
            Expr positive = withoutLeadingMinus(d.left());
            String fraction = "\\frac{" + print(positive == null ? d.left() : positive) + "}{" + print(d.right()) + "}";
            return positive == null ? fraction : "-" + fraction;
        }
        if (e instanceof Pow p) {
            return operand(p.base(), TextPrinter.ATOM, true) + "^{" + print(p.exponent()) + "}";
        }
        if (e instanceof Call c) {
            return call(c);
        }
        throw new IllegalStateException("unknown node " + e);
    }

    /** -a / b is written -\\frac{a}{b}: the same expression with the leading minus removed, or null. */
    private static Expr withoutLeadingMinus(Expr e) {
        if (e instanceof Neg n) {
            return n.operand();
        }
        if (e instanceof Num n && n.value() < 0) {
            return new Num(-n.value());
        }
        if (e instanceof Mul m) {
            Expr left = withoutLeadingMinus(m.left());
            return left == null ? null : new Mul(left, m.right());
        }
        return null;
    }

    private static String call(Call c) {
        String args = c.args().stream().map(LatexPrinter::print).collect(Collectors.joining(", "));
        return switch (c.function()) {
            case SQRT -> "\\sqrt{" + args + "}";
            case ABS -> "\\left|" + args + "\\right|";
            case SIGMOID -> "\\sigma\\left(" + args + "\\right)";
            case EXP, LOG, SIN, COS, TANH, MAX, MIN ->
                    "\\" + c.function().functionName() + "\\left(" + args + "\\right)";
            case RELU, STEP, SIGN ->
                    "\\operatorname{" + c.function().functionName() + "}\\left(" + args + "\\right)";
        };
    }

    private static String binary(Expr left, String op, Expr right, int level) {
        return operand(left, level, false) + op + operand(right, level + 1, true);
    }

    private static String operand(Expr e, int minLevel, boolean wrapLeadingMinus) {
        String text = print(e);
        boolean wrap = level(e) < minLevel || (wrapLeadingMinus && text.startsWith("-"));
        return wrap ? "\\left(" + text + "\\right)" : text;
    }

    /** As in plain text, except that a fraction is a self-contained block, not a product. */
    private static int level(Expr e) {
        if (e instanceof Div) {
            return TextPrinter.POWER;
        }
        return TextPrinter.level(e);
    }

    /** 1e-07 becomes 1 \cdot 10^{-7}. */
    private static String number(double v) {
        String text = TextPrinter.number(v);
        int e = text.indexOf('e');
        return e < 0 ? text : text.substring(0, e) + " \\cdot 10^{" + text.substring(e + 1) + "}";
    }

    /** x, w_{1}, x_{i}, \alpha, \mathrm{lr}. */
    static String variable(String name) {
        int underscore = name.indexOf('_');
        if (underscore > 0 && underscore < name.length() - 1) {
            return variable(name.substring(0, underscore)) + "_{" + subscript(name.substring(underscore + 1)) + "}";
        }
        Matcher m = TRAILING_DIGITS.matcher(name);
        if (m.matches()) {
            return letters(m.group(1)) + "_{" + m.group(2) + "}";
        }
        return letters(name);
    }

    private static String subscript(String text) {
        return text.chars().allMatch(Character::isLetterOrDigit) ? letters(text) : escape(text);
    }

    private static String letters(String name) {
        if (name.length() == 1 || name.chars().allMatch(Character::isDigit)) {
            return name;
        }
        if (GREEK.contains(name)) {
            return "\\" + name;
        }
        return "\\mathrm{" + escape(name) + "}";
    }

    private static String escape(String text) {
        return text.replace("_", "\\_");
    }
}
