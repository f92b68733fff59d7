package dev.jgrad.symbolic;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.jgrad.symbolic.Expr.Add;
import dev.jgrad.symbolic.Expr.Call;
import dev.jgrad.symbolic.Expr.Num;
import dev.jgrad.symbolic.Expr.Var;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ExpressionTest {

    @Test
    void theDocumentedExampleWorks() {
        Expression f = Expression.parse("sigmoid(w*x + b)");
        Expression dfdw = f.derivative("w");
        assertEquals("x * sigmoid(w * x + b) * (1 - sigmoid(w * x + b))", dfdw.toString());
        double s = 1 / (1 + Math.exp(-(0.5 * 2 - 1)));
        assertEquals(2 * s * (1 - s), dfdw.evaluate(Map.of("w", 0.5, "x", 2.0, "b", -1.0)), 1e-15);
        assertEquals("x \\cdot \\sigma\\left(w \\cdot x + b\\right) \\cdot \\left(1 - \\sigma\\left(w \\cdot x + b\\right)\\right)",
                dfdw.toLatex());
    }

    @Test
    void variablesAreSorted() {
        assertEquals(List.of("a", "x", "y", "z"), List.copyOf(Expression.parse("z + y*x + sin(a) - x").variables()));
        assertTrue(Expression.parse("2 + exp(1)").variables().isEmpty());
    }

    @Test
    void equalityIsStructural() {
        assertEquals(Expression.parse("x+1"), Expression.parse(" x + 1 "));
        assertEquals(Expression.parse("x+1").hashCode(), Expression.parse(" x + 1 ").hashCode());
        assertNotEquals(Expression.parse("x + 1"), Expression.parse("1 + x"));
        assertEquals(Expression.parse("x + 1").simplify(), Expression.parse("1 + x").simplify());
    }

    @Test
    void expressionsAreImmutable() {
        Expression f = Expression.parse("x^2 + 0");
        f.derivative("x");
        f.simplify();
        assertEquals("x^2 + 0", f.toString());
    }

    @Test
    void treesBuiltInCode() {
        Expression e = Expression.of(new Add(new Call(Func.SIN, new Var("x")), new Num(1)));
        assertEquals("sin(x) + 1", e.toString());
        assertEquals("cos(x)", e.derivative("x").toString());
        assertEquals(Expression.parse("sin(x) + 1"), e);
        Expr deep = new Var("x");
        for (int i = 0; i < Parser.MAX_DEPTH; i++) {
            deep = new Add(deep, new Num(1));
        }
        Expr tooDeep = deep;
        assertThrows(IllegalArgumentException.class, () -> Expression.of(tooDeep));
    }

    @Test
    void nodesValidateTheirParts() {
        assertEquals("expression number must be finite, got NaN",
                assertThrows(IllegalArgumentException.class, () -> new Num(Double.NaN)).getMessage());
        assertThrows(IllegalArgumentException.class, () -> new Var("x y"));
        assertEquals("function 'max' takes 2 argument(s), got 1",
                assertThrows(IllegalArgumentException.class, () -> new Call(Func.MAX, new Var("x"))).getMessage());
        assertThrows(NullPointerException.class, () -> new Add(null, new Num(1)));
    }

    @Test
    void functionsAreFoundByName() {
        for (Func f : Func.values()) {
            assertEquals(f, Func.byName(f.functionName()).orElseThrow());
        }
        assertTrue(Func.byName("Sin").isEmpty());
    }
}
