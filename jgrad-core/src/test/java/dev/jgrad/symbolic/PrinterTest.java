package dev.jgrad.symbolic;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.jgrad.symbolic.Expr.Add;
import dev.jgrad.symbolic.Expr.Call;
import dev.jgrad.symbolic.Expr.Div;
import dev.jgrad.symbolic.Expr.Mul;
import dev.jgrad.symbolic.Expr.Neg;
import dev.jgrad.symbolic.Expr.Num;
import dev.jgrad.symbolic.Expr.Pow;
import dev.jgrad.symbolic.Expr.Sub;
import dev.jgrad.symbolic.Expr.Var;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class PrinterTest {
    private static final Var X = new Var("x");
    private static final Var Y = new Var("y");
    private static final Var Z = new Var("z");

    /** Texts that are already in printed form: parse then print gives them back unchanged. */
    @ParameterizedTest
    @ValueSource(strings = {
        "x + y * z", "(x + y) * z", "x - (y - z)", "x - (y + z)", "x - y - z", "x / (y * z)", "x * y / z",
        "x / y / z", "x * (y / z)", "-x^2", "(-x)^2", "-(x * y)", "-x * y", "x * (-y)", "x - (-y)", "-(-x)",
        "2^3^2", "(2^3)^2", "x^(-2)", "x^(y + 1)", "x^(-y^2)", "(x + 1)^2",
        "sin(x)^2", "max(x, min(y, 2))", "sigmoid(w * x + b) * (1 - sigmoid(w * x + b))", "(-2)^x",
        "exp(-x^2 / 2)", "1e-7 * x", "2.5 * x + 0.001", "1.5e20 * x", "relu(x) + abs(x) + step(x) + sign(x)"})
    void printingParsedTextGivesItBack(String text) {
        assertEquals(text, Expression.parse(text).toString());
    }

    @Test
    void parenthesesOnlyWhereNeeded() {
        assertEquals("x + y + z", TextPrinter.print(new Add(new Add(X, Y), Z)));
        assertEquals("x + (y + z)", TextPrinter.print(new Add(X, new Add(Y, Z))));
        assertEquals("x * y * z", TextPrinter.print(new Mul(new Mul(X, Y), Z)));
        assertEquals("x * (y * z)", TextPrinter.print(new Mul(X, new Mul(Y, Z))));
        assertEquals("x^y^z", TextPrinter.print(new Pow(X, new Pow(Y, Z))));
        assertEquals("(x^y)^z", TextPrinter.print(new Pow(new Pow(X, Y), Z)));
        assertEquals("(x * y)^2", TextPrinter.print(new Pow(new Mul(X, Y), new Num(2))));
        assertEquals("(x / y)^2", TextPrinter.print(new Pow(new Div(X, Y), new Num(2))));
        assertEquals("-(x + y)", TextPrinter.print(new Neg(new Add(X, Y))));
        assertEquals("(-3)^x", TextPrinter.print(new Pow(new Num(-3), X)));
        assertEquals("-3 * x", TextPrinter.print(new Mul(new Num(-3), X)));
        assertEquals("x * (-3)", TextPrinter.print(new Mul(X, new Num(-3))));
        assertEquals("x - (-3 * y)", TextPrinter.print(new Sub(X, new Mul(new Num(-3), Y))));
        assertEquals("max(x + y, -z)", TextPrinter.print(new Call(Func.MAX, new Add(X, Y), new Neg(Z))));
    }

    @ParameterizedTest(name = "{0} prints as {1}")
    @CsvSource({"3, 3", "-3, -3", "2.5, 2.5", "0.001, 0.001", "1e-7, 1e-7", "1.5e-7, 1.5e-7", "1e20, 1e20",
        "123456789012345, 123456789012345", "1e15, 1e15", "0.30000000000000004, 0.30000000000000004"})
    void numbersUseTheShortestTextThatReadsBack(double value, String text) {
        assertEquals(text, TextPrinter.number(value));
        assertEquals(value, Double.parseDouble(text));
    }

    @Test
    void negativeZeroIsZero() {
        assertEquals(new Num(0), new Num(-0.0));
        assertEquals("0", TextPrinter.print(new Num(-0.0)));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiterString = "|", textBlock = """
            x^3/3 + sin(x)               | \\frac{x^{3}}{3} + \\sin\\left(x\\right)
            3*x^2                        | 3 \\cdot x^{2}
            sigmoid(w*x + b)             | \\sigma\\left(w \\cdot x + b\\right)
            exp(-x^2)                    | \\exp\\left(-x^{2}\\right)
            log(x) - tanh(y) + cos(z)    | \\log\\left(x\\right) - \\tanh\\left(y\\right) + \\cos\\left(z\\right)
            sqrt(x^2 + 1)                | \\sqrt{x^{2} + 1}
            (x + 1)^2                    | \\left(x + 1\\right)^{2}
            (x/y)^2                      | \\left(\\frac{x}{y}\\right)^{2}
            x^(y + 1)                    | x^{y + 1}
            2^3^2                        | 2^{3^{2}}
            max(x, y) - min(x, y)        | \\max\\left(x, y\\right) - \\min\\left(x, y\\right)
            relu(x) + step(x) + sign(x)  | \\operatorname{relu}\\left(x\\right) + \\operatorname{step}\\left(x\\right) + \\operatorname{sign}\\left(x\\right)
            -x/3                         | -\\frac{x}{3}
            x - (-y)                     | x - \\left(-y\\right)
            (x + y) * z                  | \\left(x + y\\right) \\cdot z
            x * (y / z)                  | x \\cdot \\frac{y}{z}
            w1*x_2 + alpha*lr            | w_{1} \\cdot x_{2} + \\alpha \\cdot \\mathrm{lr}
            theta_max                    | \\theta_{\\mathrm{max}}
            1.5e-7*x                     | 1.5 \\cdot 10^{-7} \\cdot x
            """)
    void latex(String text, String latex) {
        assertEquals(latex, Expression.parse(text).toLatex());
    }

    @Test
    void latexAbsoluteValueUsesBars() {
        assertEquals("\\left|x - 1\\right|", Expression.parse("abs(x - 1)").toLatex());
    }

    @Test
    void latexOfASimplifiedDerivative() {
        assertEquals("x \\cdot \\sigma\\left(w \\cdot x + b\\right) \\cdot \\left(1 - \\sigma\\left(w \\cdot x + b\\right)\\right)",
                Expression.parse("sigmoid(w*x + b)").derivative("w").toLatex());
        assertEquals("\\frac{2 \\cdot x}{3 \\cdot \\left(x^{2} + 1\\right)^{\\frac{2}{3}}}",
                Expression.parse("(x^2 + 1)^(1/3)").derivative("x").toLatex());
    }
}
