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
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

/**
 * Algebraic simplification to a canonical form, bottom-up. Every sum is collected into
 * {@code constant + sum of coefficient * monomial} (like terms merge, {@code x - x} vanishes)
 * and every product into {@code coefficient * product of base^exponent} (powers of the same base
 * merge, {@code x/x} vanishes), then rebuilt in a fixed order with subtraction and division
 * where they read better. Because each pass is a function of that normal form, re-simplifying
 * the result, or its printed and re-parsed text, gives the same tree.
 *
 * <p>Rewrites that hold only where both sides are defined are the usual ones (x/x = 1, x^a * x^b =
 * x^(a+b), (x^a)^n = x^(an) for integer n). Products of sums are never expanded, so
 * {@code sigmoid(u) * (1 - sigmoid(u))} keeps its shape; a numeric multiple of a sum is spread
 * over its terms only inside another sum ({@code 2*(x + 1) + y} is {@code 2 * x + y + 2}, so
 * that like terms meet) and for a negation ({@code -(x - y)} is {@code y - x}).
 */
final class Simplifier {
    private static final int MAX_PASSES = 32;
    private static final Expr ZERO = new Num(0);
    private static final Expr ONE = new Num(1);
    private static final Expr MINUS_ONE = new Num(-1);

    /** Variables first (x * y), then everything else in the canonical order. */
    private static final Comparator<Expr> FACTOR_ORDER =
            Comparator.<Expr>comparingInt(e -> e instanceof Var ? 0 : 1).thenComparing(ExprOrder.INSTANCE);

    static Expr simplify(Expr e) {
        Expr current = e;
        for (int i = 0; i < MAX_PASSES; i++) {
            Expr next = new Simplifier().pass(current);
            if (next.equals(current)) {
                return next;
            }
            current = next;
        }
        return current;
    }

    /** Derivatives reuse the same sub-tree objects many times (u in sigmoid(u) * (1 - sigmoid(u)) * u'). */
    private final Map<Expr, Expr> done = new IdentityHashMap<>();

    private Expr pass(Expr e) {
        Expr known = done.get(e);
        if (known == null) {
            known = compute(e);
            done.put(e, known);
        }
        return known;
    }

    private Expr compute(Expr e) {
        try {
            return normalize(e);
        } catch (Coefficient.Overflow overflow) {
            return withSimplifiedChildren(e);
        }
    }

    /** Fallback when folding would overflow (1e300 * 1e300): same node, simplified operands. */
    private Expr withSimplifiedChildren(Expr e) {
        List<Expr> c = e.children().stream().map(this::pass).toList();
        if (e instanceof Neg) {
            return new Neg(c.get(0));
        }
        if (e instanceof Add) {
            return new Add(c.get(0), c.get(1));
        }
        if (e instanceof Sub) {
            return new Sub(c.get(0), c.get(1));
        }
        if (e instanceof Mul) {
            return new Mul(c.get(0), c.get(1));
        }
        if (e instanceof Div) {
            return new Div(c.get(0), c.get(1));
        }
        if (e instanceof Pow) {
            return new Pow(c.get(0), c.get(1));
        }
        if (e instanceof Call call) {
            return new Call(call.function(), c);
        }
        return e;
    }

    private Expr normalize(Expr e) {
        if (e instanceof Num || e instanceof Var) {
            return e;
        }
        if (e instanceof Neg n) {
            Expr operand = pass(n.operand());
            if (isSum(operand)) {
                return Sum.of(operand).times(Coefficient.MINUS_ONE).toExpr();
            }
            Product p = Product.of(operand);
            p.coefficient = p.coefficient.negate();
            return p.toExpr();
        }
        if (e instanceof Add a) {
            return Sum.of(pass(a.left())).plus(Sum.of(pass(a.right()))).toExpr();
        }
        if (e instanceof Sub s) {
            return Sum.of(pass(s.left())).plus(Sum.of(pass(s.right())).times(Coefficient.MINUS_ONE)).toExpr();
        }
        if (e instanceof Mul m) {
            Product p = Product.of(pass(m.left()));
            p.multiply(pass(m.right()));
            return p.toExpr();
        }
        if (e instanceof Div d) {
            Product p = Product.of(pass(d.left()));
            p.multiplyPower(pass(d.right()), MINUS_ONE);
            return p.toExpr();
        }
        if (e instanceof Pow p) {
            return power(pass(p.base()), pass(p.exponent()));
        }
        if (e instanceof Call c) {
            return call(c.function(), c.args().stream().map(this::pass).toList());
        }
        throw new IllegalStateException("unknown node " + e);
    }

    private static Expr power(Expr base, Expr exponent) {
        Coefficient b = numeric(base);
        Coefficient k = numeric(exponent);
        if (b != null && k != null) {
            Coefficient folded = b.pow(k);
            if (folded != null) {
                return constant(folded);
            }
        }
        var p = new Product();
        p.multiplyPower(base, exponent);
        return p.toExpr();
    }

    private static Expr call(Func f, List<Expr> args) {
        List<Coefficient> values = args.stream().map(Simplifier::numeric).toList();
        if (!values.contains(null)) {
            Coefficient folded = foldCall(f, values);
            if (folded != null) {
                return constant(folded);
            }
        }
        if (f == Func.LOG && args.get(0) instanceof Call inner && inner.function() == Func.EXP) {
            return inner.args().get(0);
        }
        return new Call(f, args);
    }

    /** Piecewise-linear functions stay exact; the others fold only to short results. */
    private static Coefficient foldCall(Func f, List<Coefficient> v) {
        Coefficient a = v.get(0);
        return switch (f) {
            case ABS -> a.abs();
            case RELU -> a.signum() > 0 ? a : Coefficient.ZERO;
            case STEP -> a.signum() > 0 ? Coefficient.ONE : Coefficient.ZERO;
            case SIGN -> Coefficient.of(a.signum());
            case MAX -> a.compareTo(v.get(1)) >= 0 ? a : v.get(1);
            case MIN -> a.compareTo(v.get(1)) <= 0 ? a : v.get(1);
            default -> {
                try {
                    double r = Evaluator.DoubleAlgebra.INSTANCE.function(f.functionName(), List.of(a.value()));
                    yield Coefficient.ofShort(r);
                } catch (EvaluationException outsideDomain) {
                    yield null; // log(-1) stays as written; evaluating it reports the problem
                }
            }
        };
    }

    /** The value of a canonical numeric constant (n, -n, p/q), or null. */
    static Coefficient numeric(Expr e) {
        if (e instanceof Num n) {
            return Coefficient.of(n.value());
        }
        if (e instanceof Neg n) {
            Coefficient c = numeric(n.operand());
            return c == null ? null : c.negate();
        }
        if (e instanceof Div d) {
            Coefficient p = numeric(d.left());
            Coefficient q = numeric(d.right());
            Coefficient inverse = q == null ? null : q.reciprocal();
            return p == null || inverse == null ? null : p.times(inverse);
        }
        return null;
    }

    /**
     * A constant as an expression: integers and terminating decimals as numbers (0.25), other
     * fractions as a quotient of integers (1 / 3), so that printing and re-parsing is exact.
     */
    static Expr constant(Coefficient c) {
        if (!c.isExact()) {
            return new Num(c.value());
        }
        if (c.denominator() == 1) {
            return new Num(c.numerator());
        }
        if (c.isTerminating()) {
            double decimal = new BigDecimal(c.numerator()).divide(new BigDecimal(c.denominator())).doubleValue();
            if (Coefficient.of(decimal).equals(c)) {
                return new Num(decimal);
            }
        }
        return new Div(new Num(c.numerator()), new Num(c.denominator()));
    }

    private static Expr plus(Expr a, Expr b) {
        return Sum.of(a).plus(Sum.of(b)).toExpr();
    }

    private static Expr scale(Expr e, Coefficient c) {
        return Sum.of(e).times(c).toExpr();
    }

    private static boolean isSum(Expr e) {
        return e instanceof Add || e instanceof Sub;
    }

    /** constant + sum of coefficient * monomial, with monomials in canonical form. */
    private static final class Sum {
        private Coefficient constant = Coefficient.ZERO;
        private final Map<Expr, Coefficient> terms = new HashMap<>();

        static Sum of(Expr e) {
            var s = new Sum();
            s.absorb(e, Coefficient.ONE);
            return s;
        }

        private void absorb(Expr e, Coefficient scale) {
            Coefficient c = numeric(e);
            if (c != null) {
                constant = constant.plus(c.times(scale));
            } else if (e instanceof Add a) {
                absorb(a.left(), scale);
                absorb(a.right(), scale);
            } else if (e instanceof Sub s) {
                absorb(s.left(), scale);
                absorb(s.right(), scale.negate());
            } else if (e instanceof Neg n) {
                absorb(n.operand(), scale.negate());
            } else {
                Product p = Product.of(e);
                Expr single = p.singleSum();
                if (single != null) {
                    absorb(single, scale.times(p.coefficient));
                } else if (p.factors.isEmpty()) {
                    constant = constant.plus(p.coefficient.times(scale));
                } else {
                    addTerm(p.monomial(), p.coefficient.times(scale));
                }
            }
        }

        private void addTerm(Expr monomial, Coefficient c) {
            Coefficient merged = terms.containsKey(monomial) ? terms.get(monomial).plus(c) : c;
            if (merged.isZero()) {
                terms.remove(monomial);
            } else {
                terms.put(monomial, merged);
            }
        }

        Sum plus(Sum other) {
            constant = constant.plus(other.constant);
            other.terms.forEach(this::addTerm);
            return this;
        }

        Sum times(Coefficient c) {
            if (c.isZero()) {
                terms.clear();
            }
            constant = constant.times(c);
            terms.replaceAll((m, k) -> k.times(c));
            return this;
        }

        /**
         * Highest degree first, variables in alphabetical order within a degree
         * (x^2 + x * y + y^2 + x + 1, w * x + b), a positive term in front when there is one
         * (y - x rather than -x + y, 1 - x rather than -x + 1), the constant last.
         */
        Expr toExpr() {
            if (terms.isEmpty()) {
                return constant(constant);
            }
            List<Term> ordered = new ArrayList<>();
            terms.forEach((m, c) -> ordered.add(Term.of(m, c)));
            ordered.sort(null);
            Expr result;
            boolean constantUsed = false;
            int lead = 0;
            while (lead < ordered.size() && ordered.get(lead).coefficient().signum() < 0) {
                lead++;
            }
            if (lead < ordered.size()) {
                result = ordered.remove(lead).toExpr();
            } else if (constant.signum() > 0) {
                result = constant(constant);
                constantUsed = true;
            } else {
                result = ordered.remove(0).toExpr();
            }
            for (Term t : ordered) {
                result = t.coefficient().signum() > 0
                        ? new Add(result, t.toExpr())
                        : new Sub(result, term(t.monomial(), t.coefficient().negate()));
            }
            if (!constantUsed && !constant.isZero()) {
                result = constant.signum() > 0
                        ? new Add(result, constant(constant))
                        : new Sub(result, constant(constant.negate()));
            }
            return result;
        }

        /** A monomial with its sort key: degree, then bases and exponents like a dictionary. */
        private record Term(Expr monomial, Coefficient coefficient, double degree, List<Map.Entry<Expr, Expr>> factors)
                implements Comparable<Term> {

            static Term of(Expr monomial, Coefficient coefficient) {
                var factors = new ArrayList<>(Product.of(monomial).factors.entrySet());
                factors.sort(Map.Entry.comparingByKey(FACTOR_ORDER));
                double degree = 0;
                for (var f : factors) {
                    Coefficient k = numeric(f.getValue());
                    degree += k == null ? 1 : k.value();
                }
                return new Term(monomial, coefficient, degree, factors);
            }

            Expr toExpr() {
                return term(monomial, coefficient);
            }

            @Override
            public int compareTo(Term o) {
                int c = Double.compare(o.degree, degree);
                for (int i = 0; c == 0 && i < Math.min(factors.size(), o.factors.size()); i++) {
                    c = FACTOR_ORDER.compare(factors.get(i).getKey(), o.factors.get(i).getKey());
                    if (c == 0) {
                        c = compareExponents(o.factors.get(i).getValue(), factors.get(i).getValue());
                    }
                }
                return c != 0 ? c : ExprOrder.INSTANCE.compare(monomial, o.monomial);
            }

            private static int compareExponents(Expr a, Expr b) {
                Coefficient x = numeric(a);
                Coefficient y = numeric(b);
                if (x != null && y != null) {
                    return Double.compare(x.value(), y.value());
                }
                return ExprOrder.INSTANCE.compare(a, b);
            }
        }

        private static Expr term(Expr monomial, Coefficient c) {
            Product p = Product.of(monomial);
            p.coefficient = p.coefficient.times(c);
            return p.toExpr();
        }
    }

    /** coefficient * product of base^exponent; exponents are canonical and never zero. */
    private static final class Product {
        private Coefficient coefficient = Coefficient.ONE;
        private final Map<Expr, Expr> factors = new HashMap<>();

        static Product of(Expr e) {
            var p = new Product();
            p.multiply(e);
            return p;
        }

        /** Multiplies by a canonical expression, taking products and quotients apart. */
        void multiply(Expr e) {
            Coefficient c = numeric(e);
            if (c != null) {
                coefficient = coefficient.times(c);
            } else if (e instanceof Mul m) {
                multiply(m.left());
                multiply(m.right());
            } else if (e instanceof Div d) {
                multiply(d.left());
                multiplyPower(d.right(), MINUS_ONE);
            } else if (e instanceof Neg n) {
                coefficient = coefficient.negate();
                multiply(n.operand());
            } else if (e instanceof Pow p) {
                multiplyPower(p.base(), p.exponent());
            } else {
                multiplyPower(e, ONE);
            }
        }

        /** Multiplies by base^exponent for canonical base and exponent. */
        void multiplyPower(Expr base, Expr exponent) {
            Coefficient k = numeric(exponent);
            if (k != null && k.isZero()) {
                return;
            }
            // An integer power distributes over a product: (2*x*y^a)^n = 2^n * x^n * y^(a*n).
            if (k != null && k.isInteger() && decomposable(base)) {
                Product inner = Product.of(base);
                Coefficient c = inner.coefficient.pow(k);
                if (c != null) {
                    coefficient = coefficient.times(c);
                    inner.factors.forEach((b, e) -> multiplyPower(b, scale(e, k)));
                    return;
                }
                // 0^-n or an overflow: keep the power visible so that evaluation reports it.
            }
            Expr old = factors.remove(base);
            if (old == null) {
                factors.put(base, exponent);
            } else {
                multiplyPower(base, plus(old, exponent));
            }
        }

        private static boolean decomposable(Expr e) {
            return e instanceof Num || e instanceof Mul || e instanceof Div || e instanceof Neg || e instanceof Pow;
        }

        /** The sum when this is c * (a + b), null otherwise. */
        Expr singleSum() {
            if (factors.size() != 1) {
                return null;
            }
            var f = factors.entrySet().iterator().next();
            return isSum(f.getKey()) && f.getValue().equals(ONE) ? f.getKey() : null;
        }

        Expr monomial() {
            Coefficient saved = coefficient;
            coefficient = Coefficient.ONE;
            Expr m = toExpr();
            coefficient = saved;
            return m;
        }

        Expr toExpr() {
            boolean dividesByZero = factors.keySet().stream().anyMatch(b -> b instanceof Num n && n.value() == 0);
            if (coefficient.isZero() && !dividesByZero) {
                return ZERO;
            }
            if (factors.isEmpty()) {
                return constant(coefficient);
            }
            Expr single = singleSum();
            if (single != null && coefficient.equals(Coefficient.MINUS_ONE)) {
                return Sum.of(single).times(coefficient).toExpr();
            }
            List<Expr> numerator = new ArrayList<>();
            List<Expr> denominator = new ArrayList<>();
            factors.keySet().stream().sorted(FACTOR_ORDER).forEach(base -> {
                Expr exponent = factors.get(base);
                if (Product.of(exponent).coefficient.signum() < 0) {
                    denominator.add(raised(base, scale(exponent, Coefficient.MINUS_ONE)));
                } else {
                    numerator.add(raised(base, exponent));
                }
            });
            Coefficient c = coefficient;
            if (c.isExact() && c.denominator() != 1 && !c.isTerminating()) {
                denominator.add(0, new Num(c.denominator()));
                c = Coefficient.of(c.numerator());
            }
            if (c.isOne() && !numerator.isEmpty()) {
                // nothing to write in front
            } else if (c.equals(Coefficient.MINUS_ONE) && !numerator.isEmpty()) {
                numerator.set(0, new Neg(numerator.get(0)));
            } else {
                numerator.add(0, constant(c));
            }
            Expr top = chain(numerator);
            return denominator.isEmpty() ? top : new Div(top, chain(denominator));
        }

        private static Expr raised(Expr base, Expr exponent) {
            return exponent.equals(ONE) ? base : new Pow(base, exponent);
        }

        private static Expr chain(List<Expr> factors) {
            Expr result = factors.get(0);
            for (int i = 1; i < factors.size(); i++) {
                result = new Mul(result, factors.get(i));
            }
            return result;
        }
    }
}
