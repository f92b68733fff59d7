package dev.jgrad.symbolic;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.jgrad.symbolic.Expr.Add;
import dev.jgrad.symbolic.Expr.Call;
import dev.jgrad.symbolic.Expr.Div;
import dev.jgrad.symbolic.Expr.Mul;
import dev.jgrad.symbolic.Expr.Neg;
import dev.jgrad.symbolic.Expr.Num;
import dev.jgrad.symbolic.Expr.Pow;
import dev.jgrad.symbolic.Expr.Sub;
import dev.jgrad.symbolic.Expr.Var;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ParserTest {
    private static final Var X = new Var("x");
    private static final Var Y = new Var("y");
    private static final Var Z = new Var("z");

    private static Expr parse(String text) {
        return Parser.parse(text);
    }

    @Test
    void unaryMinusBindsLooserThanPower() {
        assertEquals(new Neg(new Pow(X, new Num(2))), parse("-x^2"));
        assertEquals(new Pow(new Neg(X), new Num(2)), parse("(-x)^2"));
        assertEquals(-4.0, Expression.parse("-2^2").evaluate(Map.of()));
    }

    @Test
    void powerIsRightAssociativeAndTakesASignedExponent() {
        assertEquals(new Pow(X, new Pow(Y, Z)), parse("x^y^z"));
        assertEquals(512.0, Expression.parse("2^3^2").evaluate(Map.of()));
        assertEquals(new Pow(X, new Neg(new Num(2))), parse("x^-2"));
        assertEquals(new Pow(X, new Neg(new Pow(Y, new Num(2)))), parse("x^-y^2"));
        assertEquals(parse("x^2"), parse("x**2"));
    }

    @Test
    void binaryOperatorsAreLeftAssociativeWithUsualPrecedence() {
        assertEquals(new Sub(new Sub(X, Y), Z), parse("x - y - z"));
        assertEquals(new Div(new Div(X, Y), Z), parse("x / y / z"));
        assertEquals(new Add(X, new Mul(Y, Z)), parse("x + y * z"));
        assertEquals(new Mul(new Add(X, Y), Z), parse("(x + y) * z"));
        assertEquals(new Mul(new Neg(X), Y), parse("-x * y"));
        assertEquals(new Sub(X, new Neg(Y)), parse("x - -y"));
        assertEquals(X, parse("+x"));
        assertEquals(X, parse(" \t( ( x ) ) "));
    }

    @Test
    void functionCalls() {
        assertEquals(new Call(Func.MAX, X, new Call(Func.SIN, Y)), parse("max(x, sin(y))"));
        assertEquals(new Pow(new Call(Func.SIGMOID, X), new Num(2)), parse("sigmoid(x)^2"));
        for (Func f : Func.values()) {
            String args = f.arity() == 1 ? "(x)" : "(x, y)";
            assertEquals(f, ((Call) parse(f.functionName() + args)).function());
        }
    }

    @ParameterizedTest(name = "{0} = {1}")
    @CsvSource({"2, 2", "2.5, 2.5", "1e-3, 0.001", "1E3, 1000", "2.5e+2, 250", ".5, 0.5", "007, 7"})
    void numbers(String text, double value) {
        assertEquals(new Num(value), parse(text));
    }

    @Test
    void namesMayHaveDigitsAndUnderscores() {
        assertEquals(new Mul(new Var("w_1"), new Var("x2")), parse("w_1*x2"));
        assertEquals(new Var("_t"), parse("_t"));
    }

    /** Input, 1-based column of the caret, and text the first line must contain. */
    @ParameterizedTest(name = "\"{0}\"")
    @CsvSource(delimiterString = "|", textBlock = """
            (x + 1      | 7  | expected ')' at column 7: found end of input; the '(' at column 1 is not closed
            sin(x + 1   | 10 | expected ')' at column 10: found end of input; the '(' of sin at column 4 is not closed
            2x          | 2  | expected an operator or end of input at column 2: found 'x' (implicit multiplication is not supported, write '*')
            (2x)        | 3  | expected ')' at column 3: found 'x' (implicit multiplication is not supported
            x (y)       | 1  | unknown function 'x' at column 1: known functions are abs, cos, exp, log, max, min, relu, sigmoid, sign, sin, sqrt, step, tanh; a product needs '*', as in x*(...)
            x*2 (z)     | 5  | found '(' (implicit multiplication is not supported
            3 4         | 3  | found '4' (implicit multiplication
            foo(x)      | 1  | unknown function 'foo' at column 1: known functions are abs, cos, exp, log, max, min, relu, sigmoid, sign, sin, sqrt, step, tanh
            x + bar(1)  | 5  | unknown function 'bar'
            max(x)      | 1  | function 'max' takes 2 arguments at column 1: found 1
            exp(x, y)   | 1  | function 'exp' takes 1 argument at column 1: found 2
            x + * 2     | 5  | expected a number, variable, function call or '(' at column 5: found '*'
            x +         | 4  | expected a number, variable, function call or '(' at column 4: found end of input
            x^          | 3  | found end of input
            sin()       | 5  | found ')'
            x $ y       | 3  | unexpected character '$' at column 3
            1e          | 3  | expected the digits of the exponent of 1e at column 3
            1.          | 3  | expected a digit after the decimal point
            sin x       | 5  | expected '(' after function 'sin' at column 5: found 'x'
            sin         | 4  | expected '(' after function 'sin'
            x)          | 2  | unmatched ')' at column 2
            x, y        | 2  | expected an operator or end of input at column 2: found ','
            1e999       | 1  | number 1e999 is too large for a double
            """)
    void errorsPointAtTheColumn(String input, int column, String expected) {
        ParseException e = assertThrows(ParseException.class, () -> Expression.parse(input));
        String[] lines = e.getMessage().split("\n", -1);
        assertEquals(3, lines.length, e.getMessage());
        assertTrue(lines[0].contains(expected), () -> "message was: " + lines[0]);
        assertEquals(input, lines[1]);
        assertEquals(" ".repeat(column - 1) + "^", lines[2]);
        assertEquals(column, e.column());
        assertEquals(input, e.input());
        assertTrue(e instanceof IllegalArgumentException);
    }

    @Test
    void emptyInputAsksForAnOperand() {
        ParseException e = assertThrows(ParseException.class, () -> Expression.parse(""));
        assertEquals("expected a number, variable, function call or '(' at column 1: found end of input\n\n^",
                e.getMessage());
    }

    @Test
    void tabsAreShownAsSpacesSoTheCaretLinesUp() {
        ParseException e = assertThrows(ParseException.class, () -> Expression.parse("x\t+\t#"));
        assertEquals("x + #\n    ^", e.getMessage().substring(e.getMessage().indexOf('\n') + 1));
    }

    @Test
    void tooDeepInputIsRejectedInsteadOfOverflowingTheStack() {
        String nested = "(".repeat(Parser.MAX_DEPTH + 5) + "x" + ")".repeat(Parser.MAX_DEPTH + 5);
        ParseException e = assertThrows(ParseException.class, () -> Expression.parse(nested));
        assertTrue(e.getMessage().startsWith("expression nested too deeply"), e.getMessage());

        String longSum = "x" + " + x".repeat(Parser.MAX_DEPTH + 5);
        e = assertThrows(ParseException.class, () -> Expression.parse(longSum));
        assertTrue(e.getMessage().startsWith("expression too deep"), e.getMessage());
    }

    @Test
    void theDeepestAcceptedExpressionsCanBeDifferentiatedAndSimplified() {
        Expression sum = Expression.parse("x" + " + x^2".repeat(Parser.MAX_DEPTH - 2));
        assertEquals(2 * (Parser.MAX_DEPTH - 2) + " * x + 1", sum.derivative("x").toString());
        Expression product = Expression.parse("x" + " * sin(x)".repeat(Parser.MAX_DEPTH - 2));
        assertEquals(1.0, product.derivative("x").evaluate(Map.of("x", Math.PI / 2)), 1e-12);
        // nested calls make every factor of the derivative deep: half the depth keeps this test quick
        int n = Parser.MAX_DEPTH / 2;
        Expression chain = Expression.parse("sin(".repeat(n) + "x" + ")".repeat(n));
        assertEquals(1.0, chain.derivative("x").evaluate(Map.of("x", 0.0)), 1e-12);
    }

    @Test
    void aThreadWithASmallStackGetsAClearErrorInsteadOfStackOverflowError() throws InterruptedException {
        Expression product = Expression.parse("x" + " * sin(x)".repeat(Parser.MAX_DEPTH - 3));
        Throwable[] thrown = new Throwable[1];
        Thread small = new Thread(null, () -> {
            try {
                product.derivative("x");
            } catch (Throwable t) {
                thrown[0] = t;
            }
        }, "small-stack", 64 * 1024);
        small.start();
        small.join();
        assertTrue(thrown[0] instanceof IllegalArgumentException, () -> "got " + thrown[0]);
        assertTrue(thrown[0].getMessage().contains("expression too deep"), thrown[0].getMessage());
    }
}
