package dev.jgrad.symbolic;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Symbolic derivatives, raw and simplified, against central finite differences on a corpus of
 * expressions, at seeded random points, for every variable. Also checks that simplification
 * keeps the value and is a fixed point of simplify and of print-then-parse.
 */
class DerivativeCorpusTest {
    private static final int POINTS = 6;
    private static final double STEP = 1e-6;
    private static final double TOLERANCE = 1e-6;

    /** "expression | var:lo..hi, ..."; variables not listed are drawn from [-2, 2]. */
    static final List<String> CORPUS = List.of(
            // polynomials
            "x^3 - 2*x^2 + 5*x - 7",
            "3*x^4 - x/2 + 1",
            "(x + 1)*(x - 2)*(x + 3)",
            "(2*x + 1)^5",
            "-x^2 + x*y - y^2",
            "-(x - y)^3",
            "x*y*z + x^2*z - y*z^2",
            "w1*x1 + w2*x2 + b",
            // quotients
            "x^-2 + x^-1 | x:0.5..3",
            "1/(1 + x^2)",
            "(x^2 - 1)/(x^2 + 1)",
            "x/(x + y) | x:0.5..3, y:0.5..3",
            "(x*y + y^2)/(x - y) | x:2..3, y:0.1..1",
            "x*y*z + x^2*z - y/z | z:0.5..2",
            "sin(x)/x | x:0.5..3",
            // exp, log, sqrt
            "exp(x)",
            "exp(-x^2/2)",
            "log(x) | x:0.2..5",
            "log(x^2 + 1)",
            "log(1 + exp(x))",
            "sqrt(x) | x:0.2..5",
            "sqrt(x^2 + y^2) | x:0.5..2, y:-2..-0.5",
            "1/sqrt(x) + x^1.5 | x:0.3..3",
            "exp(x*y)/(1 + z^2)",
            "log(x)/log(y) | x:0.5..3, y:2..3",
            "exp(sin(x))*log(x) | x:0.5..3",
            "sqrt(1 + sigmoid(x)^2)",
            // trigonometric and hyperbolic
            "sin(x)*cos(x)",
            "sin(x^2)",
            "cos(3*x + 1)^2",
            "sin(cos(tanh(x)))",
            "tanh(x)",
            "tanh(w*x + b)",
            "tanh(x)^2 + sigmoid(-x)",
            // sigmoid and losses
            "sigmoid(x)",
            "sigmoid(w*x + b)",
            "-log(sigmoid(w*x + b))",
            "(sigmoid(w*x + b) - y)^2",
            "(1 - sigmoid(x))*sigmoid(x)",
            // variable exponents
            "x^y | x:0.5..3",
            "2^x",
            "x^x | x:0.5..3",
            "x^sin(x) | x:0.5..3",
            "x^2^0.5 | x:0.5..3",
            "(x^2 + 1)^(1/3)",
            // piecewise functions, away from their kinks
            "relu(x) | x:0.1..2",
            "relu(x - 1) + relu(-x) | x:-0.9..-0.1",
            "relu(w*x + b) | w:0.5..2, x:0.5..2, b:0..1",
            "abs(x - 1) | x:-2..0.9",
            "abs(sin(x)) | x:0.2..3",
            "max(x, y) | x:1..2, y:-1..0.5",
            "max(y, x) | x:1..2, y:-1..0.5",
            "min(x^2, y) | x:-1..1, y:1.5..3",
            "max(x, 0)*y | x:0.2..2",
            "relu(x)^2 + abs(x) | x:-2..-0.2",
            "max(sin(x), cos(x)) | x:1..2");

    record Case(String text, Map<String, double[]> ranges) {
        static Case of(String spec) {
            String[] parts = spec.split("\\|");
            Map<String, double[]> ranges = new HashMap<>();
            if (parts.length > 1) {
                for (String r : parts[1].split(",")) {
                    String[] nameRange = r.trim().split(":");
                    String[] bounds = nameRange[1].split("\\.\\.");
                    ranges.put(nameRange[0], new double[] {Double.parseDouble(bounds[0]), Double.parseDouble(bounds[1])});
                }
            }
            return new Case(parts[0].trim(), ranges);
        }

        Map<String, Double> randomPoint(Expression e, Random random) {
            Map<String, Double> point = new HashMap<>();
            for (String v : e.variables()) {
                double[] range = ranges.getOrDefault(v, new double[] {-2, 2});
                point.put(v, range[0] + (range[1] - range[0]) * random.nextDouble());
            }
            return point;
        }

        @Override
        public String toString() {
            return text;
        }
    }

    static Stream<Arguments> corpus() {
        return IntStream.range(0, CORPUS.size()).mapToObj(i -> Arguments.of(i, Case.of(CORPUS.get(i))));
    }

    @Test
    void corpusIsLargeEnough() {
        assertTrue(CORPUS.size() >= 40, "corpus has " + CORPUS.size() + " expressions");
    }

    @ParameterizedTest(name = "{1}")
    @MethodSource("corpus")
    void derivativesMatchCentralDifferences(int index, Case c) {
        Expression f = Expression.parse(c.text());
        Random random = new Random(1000 + index);
        for (String v : f.variables()) {
            Expression raw = f.rawDerivative(v);
            Expression simplified = f.derivative(v);
            for (int p = 0; p < POINTS; p++) {
                Map<String, Double> point = c.randomPoint(f, random);
                double numeric = centralDifference(f, point, v);
                double rawValue = raw.evaluate(point);
                double simplifiedValue = simplified.evaluate(point);
                String where = "d/d" + v + " " + c.text() + " at " + point + ": simplified " + simplified;
                assertClose(numeric, rawValue, TOLERANCE, "raw " + where);
                assertClose(numeric, simplifiedValue, TOLERANCE, where);
                assertClose(rawValue, simplifiedValue, 1e-9, "raw vs " + where);
            }
        }
    }

    /** The same corpus through autograd: the expression folded into tensor ops and backpropagated. */
    @ParameterizedTest(name = "{1}")
    @MethodSource("corpus")
    void autogradAgreesWithSymbolicDerivatives(int index, Case c) {
        Expression f = Expression.parse(c.text());
        Random random = new Random(3000 + index);
        for (int p = 0; p < POINTS; p++) {
            Map<String, Double> point = c.randomPoint(f, random);
            Map<String, dev.jgrad.Tensor> leaves = new HashMap<>();
            point.forEach((name, value) -> leaves.put(name, dev.jgrad.Tensor.scalar(value).requiresGrad(true)));
            dev.jgrad.Tensor y = f.toTensor(leaves);
            assertClose(f.evaluate(point), y.item(), 1e-12, "value of " + c.text() + " at " + point);
            if (!y.requiresGrad()) continue; // a constant expression
            y.backward();
            for (String v : f.variables()) {
                dev.jgrad.Tensor g = leaves.get(v).grad();
                double autograd = g == null ? 0 : g.item();
                assertClose(f.derivative(v).evaluate(point), autograd, 1e-9, "d/d" + v + " " + c.text() + " at " + point);
            }
        }
    }

    @ParameterizedTest(name = "{1}")
    @MethodSource("corpus")
    void simplificationKeepsValueAndIsAFixedPoint(int index, Case c) {
        Expression f = Expression.parse(c.text());
        Random random = new Random(2000 + index);
        List<Expression> forms = Stream.concat(Stream.of(f), f.variables().stream().map(f::rawDerivative)).toList();
        for (Expression e : forms) {
            Expression s = e.simplify();
            assertEquals(s, s.simplify(), () -> "simplify is not idempotent on " + e);
            Expression reparsed = Expression.parse(s.toString());
            assertEquals(s, reparsed.simplify(), () -> "print/parse round trip of " + s + " gives " + reparsed.simplify());
            for (int p = 0; p < POINTS; p++) {
                Map<String, Double> point = c.randomPoint(f, random);
                assertClose(e.evaluate(point), s.evaluate(point), 1e-9, "value of " + s + " vs " + e + " at " + point);
            }
        }
    }

    private static double centralDifference(Expression f, Map<String, Double> point, String v) {
        double x = point.get(v);
        double h = STEP * Math.max(1, Math.abs(x));
        Map<String, Double> plus = new HashMap<>(point);
        Map<String, Double> minus = new HashMap<>(point);
        plus.put(v, x + h);
        minus.put(v, x - h);
        // the actual distance between the two points, which rounding may make differ from 2h
        return (f.evaluate(plus) - f.evaluate(minus)) / ((x + h) - (x - h));
    }

    static void assertClose(double expected, double actual, double relative, String message) {
        double tolerance = relative * Math.max(1, Math.max(Math.abs(expected), Math.abs(actual)));
        assertTrue(Math.abs(expected - actual) <= tolerance,
                () -> message + ": expected " + expected + " but got " + actual + " (difference "
                        + Math.abs(expected - actual) + ")");
    }
}
