package dev.jgrad.symbolic;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class DerivativeTest {

    private static double slope(String f, String variable, Map<String, Double> point) {
        return Expression.parse(f).derivative(variable).evaluate(point);
    }

    @ParameterizedTest(name = "d/dx {0} = {1}")
    @CsvSource(delimiterString = "|", textBlock = """
            7           | 0
            y^2 + 1     | 0
            x           | 1
            exp(x)      | exp(x)
            log(x)      | 1 / x
            sin(x)      | cos(x)
            cos(x)      | -sin(x)
            tanh(x)     | 1 - tanh(x)^2
            sigmoid(x)  | sigmoid(x) * (1 - sigmoid(x))
            relu(x)     | step(x)
            abs(x)      | sign(x)
            step(x)     | 0
            sign(x)     | 0
            max(x, y)   | 0.5 * sign(x - y) + 0.5
            min(x, y)   | 0.5 - 0.5 * sign(x - y)
            x^y         | x^(y - 1) * y
            y^x         | y^x * log(y)
            -x          | -1
            x - y       | 1
            x * y       | y
            x / y       | 1 / y
            """)
    void rules(String f, String expected) {
        assertEquals(expected, Expression.parse(f).derivative("x").toString());
    }

    @Test
    void kinksFollowPyTorchConventions() {
        assertEquals(0.0, slope("relu(x)", "x", Map.of("x", 0.0)));
        assertEquals(1.0, slope("relu(x)", "x", Map.of("x", 1e-9)));
        assertEquals(0.0, slope("relu(x)", "x", Map.of("x", -1e-9)));
        assertEquals(0.0, slope("abs(x)", "x", Map.of("x", 0.0)));
        assertEquals(-1.0, slope("abs(x)", "x", Map.of("x", -2.0)));
        assertEquals(2.0, slope("relu(2*x - 1)", "x", Map.of("x", 1.0)));
    }

    @Test
    void maxAndMinRouteTheGradientToTheWinnerAndSplitTiesEvenly() {
        Map<String, Double> xWins = Map.of("x", 2.0, "y", 1.0);
        Map<String, Double> tie = Map.of("x", 1.5, "y", 1.5);
        assertEquals(1.0, slope("max(x, y)", "x", xWins));
        assertEquals(0.0, slope("max(x, y)", "y", xWins));
        assertEquals(0.0, slope("min(x, y)", "x", xWins));
        assertEquals(1.0, slope("min(x, y)", "y", xWins));
        for (String f : new String[] {"max(x, y)", "min(x, y)"}) {
            assertEquals(0.5, slope(f, "x", tie), f);
            assertEquals(0.5, slope(f, "y", tie), f);
            // raw and simplified agree at the tie too
            assertEquals(0.5, Expression.parse(f).rawDerivative("x").evaluate(tie), f);
        }
        assertEquals(1.0, slope("max(x, x)", "x", Map.of("x", 3.0)));
        assertEquals(6.0, slope("max(x^2, 4)", "x", Map.of("x", 3.0)));
    }

    @Test
    void secondDerivatives() {
        assertEquals("6 * x", Expression.parse("x^3").derivative("x").derivative("x").toString());
        assertEquals("-sin(x)", Expression.parse("sin(x)").derivative("x").derivative("x").toString());
        assertEquals("2 / x^3", Expression.parse("1/x").derivative("x").derivative("x").toString());
        double s = 1 / (1 + Math.exp(-0.3));
        assertEquals(s * (1 - s) * (1 - 2 * s),
                Expression.parse("sigmoid(x)").derivative("x").derivative("x").evaluate(Map.of("x", 0.3)), 1e-15);
    }

    @Test
    void variableThatDoesNotOccurGivesZero() {
        assertEquals("0", Expression.parse("sin(x) * y").derivative("z").toString());
    }

    @Test
    void invalidVariableNamesAreRejected() {
        Expression f = Expression.parse("x");
        assertEquals("invalid variable name '2x': use letters, digits and '_', starting with a letter or '_'",
                assertThrows(IllegalArgumentException.class, () -> f.derivative("2x")).getMessage());
        assertEquals("invalid variable name 'sin': it is a function name",
                assertThrows(IllegalArgumentException.class, () -> f.derivative("sin")).getMessage());
    }

    @Test
    void gradientHasOneSimplifiedPartialPerVariable() {
        Map<String, Expression> g = Expression.parse("w*x + b").gradient();
        assertEquals("[b, w, x]", g.keySet().toString());
        assertEquals("1", g.get("b").toString());
        assertEquals("x", g.get("w").toString());
        assertEquals("w", g.get("x").toString());
    }
}
