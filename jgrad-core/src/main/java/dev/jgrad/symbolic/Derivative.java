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

/**
 * Textbook differentiation rules applied literally, without any tidying: the result shows the
 * "expression swell" of symbolic differentiation (1 * x + w * 0 ...) until it is simplified.
 *
 * <p>At the kinks the conventions match PyTorch: relu'(0) = step(0) = 0, abs'(0) = sign(0) = 0,
 * and max/min give each argument half of the gradient at a tie, through
 * (1 ± sign(a - b)) / 2.
 */
final class Derivative {
    private static final Expr ZERO = new Num(0);
    private static final Expr ONE = new Num(1);
    private static final Expr TWO = new Num(2);

    private Derivative() {
    }

    static Expr of(Expr e, String x) {
        if (e instanceof Num) {
            return ZERO;
        }
        if (e instanceof Var v) {
            return v.name().equals(x) ? ONE : ZERO;
        }
        if (e instanceof Neg n) {
            return new Neg(of(n.operand(), x));
        }
        if (e instanceof Add a) {
            return new Add(of(a.left(), x), of(a.right(), x));
        }
        if (e instanceof Sub s) {
            return new Sub(of(s.left(), x), of(s.right(), x));
        }
        if (e instanceof Mul m) {
            return new Add(new Mul(of(m.left(), x), m.right()), new Mul(m.left(), of(m.right(), x)));
        }
        if (e instanceof Div d) {
            Expr numerator = new Sub(new Mul(of(d.left(), x), d.right()), new Mul(d.left(), of(d.right(), x)));
            return new Div(numerator, new Pow(d.right(), TWO));
        }
        if (e instanceof Pow p) {
            return power(p, x);
        }
        if (e instanceof Call c) {
            return call(c, x);
        }
        throw new IllegalStateException("unknown node " + e);
    }

    private static Expr power(Pow p, String x) {
        Expr base = p.base();
        Expr exponent = p.exponent();
        if (!exponent.contains(x)) {
            // d(u^c) = c * u^(c-1) * u'
            Expr lowered = exponent instanceof Num n ? new Num(n.value() - 1) : new Sub(exponent, ONE);
            return new Mul(new Mul(exponent, new Pow(base, lowered)), of(base, x));
        }
        if (!base.contains(x)) {
            // d(a^v) = a^v * log(a) * v'
            return new Mul(new Mul(p, new Call(Func.LOG, base)), of(exponent, x));
        }
        // d(u^v) = u^v * (v' * log(u) + v * u' / u)
        Expr inner = new Add(new Mul(of(exponent, x), new Call(Func.LOG, base)),
                new Div(new Mul(exponent, of(base, x)), base));
        return new Mul(p, inner);
    }

    private static Expr call(Call c, String x) {
        Expr u = c.args().get(0);
        return switch (c.function()) {
            case EXP -> new Mul(c, of(u, x));
            case LOG -> new Div(of(u, x), u);
            case SQRT -> new Div(of(u, x), new Mul(TWO, c));
            case SIN -> new Mul(new Call(Func.COS, u), of(u, x));
            case COS -> new Mul(new Neg(new Call(Func.SIN, u)), of(u, x));
            case TANH -> new Mul(new Sub(ONE, new Pow(c, TWO)), of(u, x));
            case SIGMOID -> new Mul(new Mul(c, new Sub(ONE, c)), of(u, x));
            case RELU -> new Mul(new Call(Func.STEP, u), of(u, x));
            case ABS -> new Mul(new Call(Func.SIGN, u), of(u, x));
            case STEP, SIGN -> ZERO;
            case MAX, MIN -> {
                Expr v = c.args().get(1);
                Expr sign = new Call(Func.SIGN, new Sub(u, v));
                // share of the gradient that goes to u: 1 if u wins, 1/2 at a tie, 0 if it loses
                Expr uWins = new Div(new Add(ONE, sign), TWO);
                Expr vWins = new Div(new Sub(ONE, sign), TWO);
                boolean isMax = c.function() == Func.MAX;
                yield new Add(new Mul(of(u, x), isMax ? uWins : vWins), new Mul(of(v, x), isMax ? vWins : uWins));
            }
        };
    }
}
