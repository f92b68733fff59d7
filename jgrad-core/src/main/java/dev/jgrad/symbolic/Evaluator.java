package dev.jgrad.symbolic;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Collectors;

/**
 * Numeric evaluation in double precision, as a {@link Fold} with {@link DoubleAlgebra}. Instead
 * of returning NaN or an infinity, a value outside a function's domain, a division by zero or an
 * overflow throws an {@link EvaluationException} that names the sub-expression and the point.
 */
final class Evaluator {
    private Evaluator() {
    }

    static double evaluate(Expr e, Map<String, Double> point) {
        Objects.requireNonNull(point, "point");
        point.forEach((name, value) -> {
            if (value != null && !Double.isFinite(value)) {
                throw new IllegalArgumentException("evaluate: variable '" + name + "' is " + value
                        + "; values must be finite");
            }
        });
        try {
            return Fold.fold(e, DoubleAlgebra.INSTANCE, point);
        } catch (EvaluationException problem) {
            throw problem.at(describe(e, point));
        }
    }

    /** "x=1, y=2.5" for the variables of e, in name order. */
    private static String describe(Expr e, Map<String, Double> point) {
        return e.variables().stream()
                .filter(point::containsKey)
                .map(name -> name + "=" + TextPrinter.number(point.get(name)))
                .collect(Collectors.joining(", "));
    }

    /** Doubles with domain checks. The sigmoid is computed without overflow for large |x|. */
    static final class DoubleAlgebra implements Expression.Algebra<Double> {
        static final DoubleAlgebra INSTANCE = new DoubleAlgebra();

        private DoubleAlgebra() {
        }

        @Override
        public Double constant(double value) {
            return value;
        }

        @Override
        public Double add(Double a, Double b) {
            return finite(a + b, a, " + ", b);
        }

        @Override
        public Double sub(Double a, Double b) {
            return finite(a - b, a, " - ", b);
        }

        @Override
        public Double mul(Double a, Double b) {
            return finite(a * b, a, " * ", b);
        }

        @Override
        public Double div(Double a, Double b) {
            if (b == 0) {
                throw new EvaluationException("division by zero");
            }
            return finite(a / b, a, " / ", b);
        }

        @Override
        public Double neg(Double a) {
            return -a;
        }

        @Override
        public Double pow(Double base, double exponent) {
            if (base == 0 && exponent < 0) {
                throw new EvaluationException("division by zero (0 to the power " + show(exponent) + ")");
            }
            if (base < 0 && exponent != Math.rint(exponent)) {
                throw new EvaluationException("power of a negative number (" + show(base)
                        + ") with a non-integer exponent (" + show(exponent) + ")");
            }
            return finite(Math.pow(base, exponent), base, "^", exponent);
        }

        @Override
        public Double pow(Double base, Double exponent) {
            return pow(base, exponent.doubleValue());
        }

        @Override
        public Double function(String name, List<Double> args) {
            Func f = Func.byName(name).orElseThrow(() -> new IllegalArgumentException("unknown function '" + name + "'"));
            double x = args.get(0);
            return switch (f) {
                case EXP -> {
                    double r = Math.exp(x);
                    if (Double.isInfinite(r)) {
                        throw new EvaluationException("overflow: exp(" + show(x) + ") is too large for a double");
                    }
                    yield r;
                }
                case LOG -> {
                    if (x < 0) {
                        throw new EvaluationException("log of a negative number (" + show(x) + ")");
                    }
                    if (x == 0) {
                        throw new EvaluationException("log of zero");
                    }
                    yield Math.log(x);
                }
                case SQRT -> {
                    if (x < 0) {
                        throw new EvaluationException("sqrt of a negative number (" + show(x) + ")");
                    }
                    yield Math.sqrt(x);
                }
                case SIN -> Math.sin(x);
                case COS -> Math.cos(x);
                case TANH -> Math.tanh(x);
                case SIGMOID -> x >= 0 ? 1 / (1 + Math.exp(-x)) : Math.exp(x) / (1 + Math.exp(x));
                case RELU -> x > 0 ? x : 0.0;
                case ABS -> Math.abs(x);
                case MAX -> Math.max(x, args.get(1));
                case MIN -> Math.min(x, args.get(1));
                case STEP -> x > 0 ? 1.0 : 0.0;
                case SIGN -> Math.signum(x);
            };
        }

        private static double finite(double result, double a, String op, double b) {
            if (!Double.isFinite(result)) {
                throw new EvaluationException("overflow: " + show(a) + op + show(b) + " is too large for a double");
            }
            return result;
        }

        private static String show(double v) {
            return TextPrinter.number(v);
        }
    }
}
