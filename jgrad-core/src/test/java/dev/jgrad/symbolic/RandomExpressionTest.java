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
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Properties over seeded random trees: printing then parsing gives the same tree back,
 * simplification is idempotent, survives printing and re-parsing, and keeps the value wherever
 * the original has one.
 */
class RandomExpressionTest {
    private static final int COUNT = 1500;
    private static final String[] VARIABLES = {"x", "y", "z"};
    private static final double[] NUMBERS = {0, 1, 2, 3, 0.5, 1.5, 0.1, 10};
    private static final Func[] FUNCTIONS = Func.values();

    @Test
    void printThenParseGivesTheSameTree() {
        Random random = new Random(7);
        for (int i = 0; i < COUNT; i++) {
            Expr e = generate(random, 5);
            String text = TextPrinter.print(e);
            assertEquals(e, Parser.parse(text), () -> "parse(print(e)) differs for " + text);
        }
    }

    @Test
    void simplifyIsAFixedPointThatKeepsTheValue() {
        Random random = new Random(11);
        int compared = 0;
        for (int i = 0; i < COUNT; i++) {
            Expr e = generate(random, 4);
            Expr s = Simplifier.simplify(e);
            String text = TextPrinter.print(s);
            assertEquals(s, Simplifier.simplify(s), () -> "not idempotent: " + TextPrinter.print(e) + " -> " + text);
            assertEquals(s, Simplifier.simplify(Parser.parse(text)),
                    () -> "re-parsing " + text + " (from " + TextPrinter.print(e) + ") simplifies differently");
            for (int p = 0; p < 3; p++) {
                Map<String, Double> point = Map.of("x", value(random), "y", value(random), "z", value(random));
                double expected;
                try {
                    expected = Evaluator.evaluate(e, point);
                } catch (EvaluationException undefined) {
                    continue;
                }
                double actual = Evaluator.evaluate(s, point);
                DerivativeCorpusTest.assertClose(expected, actual, 1e-8,
                        "value of " + text + " vs " + TextPrinter.print(e) + " at " + point);
                compared++;
            }
        }
        // most random points must be inside the domain, or the value check proves little
        assertEquals(true, compared > COUNT, "only " + compared + " values compared");
    }

    @Test
    void derivativesOfRandomTreesSimplifyToFixedPoints() {
        Random random = new Random(13);
        for (int i = 0; i < COUNT / 3; i++) {
            Expr e = generate(random, 4);
            Expr d = Simplifier.simplify(Derivative.of(e, "x"));
            String text = TextPrinter.print(d);
            assertEquals(d, Simplifier.simplify(Parser.parse(text)), () -> "re-parsing " + text + " differs");
        }
    }

    private static double value(Random random) {
        return Math.round((random.nextDouble() * 4 - 2) * 1000) / 1000.0 + 1e-4;
    }

    static Expr generate(Random random, int depth) {
        if (depth <= 1 || random.nextInt(5) == 0) {
            return random.nextBoolean()
                    ? new Var(VARIABLES[random.nextInt(VARIABLES.length)])
                    : new Num(NUMBERS[random.nextInt(NUMBERS.length)]);
        }
        return switch (random.nextInt(9)) {
            case 0 -> new Neg(generate(random, depth - 1));
            case 1 -> new Add(generate(random, depth - 1), generate(random, depth - 1));
            case 2 -> new Sub(generate(random, depth - 1), generate(random, depth - 1));
            case 3 -> new Mul(generate(random, depth - 1), generate(random, depth - 1));
            case 4 -> new Div(generate(random, depth - 1), generate(random, depth - 1));
            case 5 -> new Pow(generate(random, depth - 1),
                    random.nextInt(3) == 0 ? generate(random, 2) : new Num(random.nextInt(4)));
            default -> {
                Func f = FUNCTIONS[random.nextInt(FUNCTIONS.length)];
                yield f.arity() == 1
                        ? new Call(f, generate(random, depth - 1))
                        : new Call(f, generate(random, depth - 1), generate(random, depth - 1));
            }
        };
    }
}
