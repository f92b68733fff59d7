package dev.jgrad.symbolic;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class EvaluatorTest {

    private static double eval(String text, Map<String, Double> point) {
        return Expression.parse(text).evaluate(point);
    }

    @Test
    void values() {
        assertEquals(-7.0, eval("x^3 - 2*x^2 + 5*x - 7", Map.of("x", 0.0)));
        assertEquals(Math.exp(1) * Math.log(2), eval("exp(x) * log(y)", Map.of("x", 1.0, "y", 2.0)), 1e-15);
        assertEquals(0.5, eval("sigmoid(0)", Map.of()));
        assertEquals(1.0, eval("sigmoid(1000)", Map.of()));
        assertEquals(0.0, eval("sigmoid(-1000)", Map.of()));
        assertEquals(3.0, eval("relu(x) + abs(y) + max(x, y) - min(x, y)", Map.of("x", -1.0, "y", 1.0)));
        assertEquals(1.0, eval("step(x) + sign(y) + step(0)", Map.of("x", 2.0, "y", 0.0)));
        assertEquals(-8.0, eval("x^3", Map.of("x", -2.0)));
        assertEquals(0.25, eval("x^-2", Map.of("x", -2.0)));
        assertEquals(1.0, eval("0^0", Map.of()));
    }

    /** Expression, point, and the complete message. */
    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiterString = "|", textBlock = """
            log(x - 3)      | x=1        | log of a negative number (-2) in log(x - 3) at x=1
            log(x * y)      | x=0, y=2   | log of zero in log(x * y) at x=0, y=2
            sqrt(x) + 1     | x=-4       | sqrt of a negative number (-4) in sqrt(x) at x=-4
            1 / (x - 1)     | x=1        | division by zero in 1 / (x - 1) at x=1
            x^-1            | x=0        | division by zero (0 to the power -1) in x^(-1) at x=0
            x^0.5           | x=-2       | power of a negative number (-2) with a non-integer exponent (0.5) in x^0.5 at x=-2
            x^y             | x=-8, y=0.5 | power of a negative number (-8) with a non-integer exponent (0.5) in x^y at x=-8, y=0.5
            exp(x) * 2      | x=1000     | overflow: exp(1000) is too large for a double in exp(x) at x=1000
            x * 1e308 * 10  | x=1        | overflow: 1e308 * 10 is too large for a double in x * 1e308 * 10 at x=1
            2 * log(x^2 - y) | x=1, y=1.5 | log of a negative number (-0.5) in log(x^2 - y) at x=1, y=1.5
            """)
    void domainErrorsNameTheSubExpressionAndThePoint(String text, String point, String message) {
        Map<String, Double> values = new HashMap<>();
        for (String pair : point.split(",")) {
            String[] kv = pair.trim().split("=");
            values.put(kv[0], Double.parseDouble(kv[1]));
        }
        EvaluationException e = assertThrows(EvaluationException.class, () -> eval(text, values));
        assertEquals(message, e.getMessage());
    }

    @Test
    void undefinedVariableIsNamed() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> eval("x * y", Map.of("x", 1.0)));
        assertEquals("undefined variable 'y' (values given for: x)", e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> eval("x", Map.of()));
        assertEquals("undefined variable 'x' (values given for: none)", e.getMessage());
    }

    @Test
    void nonFiniteInputIsRejected() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> eval("x + 1", Map.of("x", Double.NaN)));
        assertEquals("evaluate: variable 'x' is NaN; values must be finite", e.getMessage());
    }

    @Test
    void evaluationIsAFoldWithTheDoubleAlgebra() {
        Expression f = Expression.parse("sigmoid(w*x + b) * log(1 + x^2) - max(w, b)^y");
        Map<String, Double> point = Map.of("w", 0.3, "x", -1.2, "b", 0.7, "y", 2.0);
        assertEquals(f.evaluate(point), f.fold(Evaluator.DoubleAlgebra.INSTANCE, point));
    }

    /** Forward-mode automatic differentiation as a fold: the fourth way to differentiate. */
    record Dual(double value, double derivative) {
    }

    static final class DualAlgebra implements Expression.Algebra<Dual> {
        @Override
        public Dual constant(double value) {
            return new Dual(value, 0);
        }

        @Override
        public Dual add(Dual a, Dual b) {
            return new Dual(a.value() + b.value(), a.derivative() + b.derivative());
        }

        @Override
        public Dual sub(Dual a, Dual b) {
            return new Dual(a.value() - b.value(), a.derivative() - b.derivative());
        }

        @Override
        public Dual mul(Dual a, Dual b) {
            return new Dual(a.value() * b.value(), a.derivative() * b.value() + a.value() * b.derivative());
        }

        @Override
        public Dual div(Dual a, Dual b) {
            return new Dual(a.value() / b.value(),
                    (a.derivative() * b.value() - a.value() * b.derivative()) / (b.value() * b.value()));
        }

        @Override
        public Dual pow(Dual base, double k) {
            return new Dual(Math.pow(base.value(), k), k * Math.pow(base.value(), k - 1) * base.derivative());
        }

        @Override
        public Dual pow(Dual base, Dual k) {
            double v = Math.pow(base.value(), k.value());
            return new Dual(v, v * (k.derivative() * Math.log(base.value()) + k.value() * base.derivative() / base.value()));
        }

        @Override
        public Dual neg(Dual a) {
            return new Dual(-a.value(), -a.derivative());
        }

        @Override
        public Dual function(String name, List<Dual> args) {
            double u = args.get(0).value();
            double du = args.get(0).derivative();
            return switch (name) {
                case "exp" -> new Dual(Math.exp(u), Math.exp(u) * du);
                case "log" -> new Dual(Math.log(u), du / u);
                case "sqrt" -> new Dual(Math.sqrt(u), du / (2 * Math.sqrt(u)));
                case "sin" -> new Dual(Math.sin(u), Math.cos(u) * du);
                case "cos" -> new Dual(Math.cos(u), -Math.sin(u) * du);
                case "tanh" -> new Dual(Math.tanh(u), (1 - Math.tanh(u) * Math.tanh(u)) * du);
                case "sigmoid" -> {
                    double s = 1 / (1 + Math.exp(-u));
                    yield new Dual(s, s * (1 - s) * du);
                }
                default -> throw new IllegalArgumentException("no dual rule for " + name);
            };
        }
    }

    @Test
    void forwardModeThroughFoldAgreesWithTheSymbolicDerivative() {
        Random random = new Random(3);
        for (String text : List.of("sigmoid(w*x + b) * log(1 + x^2)", "x^x * tanh(x) / sqrt(x)",
                "exp(sin(x)) - cos(x)^3 + 2^x", "(x^2 + 1)^(1/3) / (x + 3)")) {
            Expression f = Expression.parse(text);
            for (int i = 0; i < 5; i++) {
                double x = 0.2 + 2 * random.nextDouble();
                Map<String, Dual> point = Map.of("x", new Dual(x, 1), "w", new Dual(0.7, 0), "b", new Dual(-0.2, 0));
                Dual forward = f.fold(new DualAlgebra(), point);
                Map<String, Double> values = Map.of("x", x, "w", 0.7, "b", -0.2);
                assertEquals(f.evaluate(values), forward.value(), 1e-12 * Math.max(1, Math.abs(forward.value())));
                double symbolic = f.derivative("x").evaluate(values);
                assertEquals(symbolic, forward.derivative(), 1e-10 * Math.max(1, Math.abs(symbolic)), text);
            }
        }
    }

    @Test
    void foldVisitsEqualSubTreesOnceAndPassesConstantExponentsAsDoubles() {
        List<String> calls = new ArrayList<>();
        Expression.Algebra<String> recording = new Expression.Algebra<>() {
            @Override
            public String constant(double value) {
                return TextPrinter.number(value);
            }

            @Override
            public String add(String a, String b) {
                return "(" + a + "+" + b + ")";
            }

            @Override
            public String sub(String a, String b) {
                return "(" + a + "-" + b + ")";
            }

            @Override
            public String mul(String a, String b) {
                return "(" + a + "*" + b + ")";
            }

            @Override
            public String div(String a, String b) {
                return "(" + a + "/" + b + ")";
            }

            @Override
            public String pow(String base, double exponent) {
                calls.add("pow-double " + exponent);
                return "pow(" + base + "," + exponent + ")";
            }

            @Override
            public String pow(String base, String exponent) {
                calls.add("pow-value");
                return "pow(" + base + "," + exponent + ")";
            }

            @Override
            public String neg(String a) {
                return "(-" + a + ")";
            }

            @Override
            public String function(String name, List<String> args) {
                calls.add(name);
                return name + args;
            }
        };
        String folded = Expression.parse("sigmoid(u) * (1 - sigmoid(u)) + u^(1/4) + u^v")
                .fold(recording, Map.of("u", "U", "v", "V"));
        assertEquals("(((sigmoid[U]*(1-sigmoid[U]))+pow(U,0.25))+pow(U,V))", folded);
        assertEquals(List.of("sigmoid", "pow-double 0.25", "pow-value"), calls);
    }

    @Test
    void anAlgebraCanReportDomainErrorsThatFoldLocates() {
        Expression.Algebra<Double> strict = new Expression.Algebra<>() {
            private final Evaluator.DoubleAlgebra plain = Evaluator.DoubleAlgebra.INSTANCE;

            @Override
            public Double constant(double value) {
                return value;
            }

            @Override
            public Double add(Double a, Double b) {
                return plain.add(a, b);
            }

            @Override
            public Double sub(Double a, Double b) {
                return plain.sub(a, b);
            }

            @Override
            public Double mul(Double a, Double b) {
                if (a > 100 || b > 100) {
                    throw new EvaluationException("factor above 100");
                }
                return a * b;
            }

            @Override
            public Double div(Double a, Double b) {
                return plain.div(a, b);
            }

            @Override
            public Double pow(Double base, double exponent) {
                return plain.pow(base, exponent);
            }

            @Override
            public Double pow(Double base, Double exponent) {
                return plain.pow(base, exponent);
            }

            @Override
            public Double neg(Double a) {
                return -a;
            }

            @Override
            public Double function(String name, List<Double> args) {
                return plain.function(name, args);
            }
        };
        EvaluationException e = assertThrows(EvaluationException.class,
                () -> Expression.parse("1 + 2 * (x * y)").fold(strict, Map.of("x", 200.0, "y", 1.0)));
        assertEquals("factor above 100 in x * y", e.getMessage());
        assertEquals("factor above 100", e.problem());
        assertEquals("x * y", e.location());
        assertTrue(e instanceof IllegalArgumentException);
    }
}
