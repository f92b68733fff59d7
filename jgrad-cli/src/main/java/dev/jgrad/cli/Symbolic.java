package dev.jgrad.cli;

import dev.jgrad.Tensor;
import dev.jgrad.symbolic.Expression;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/** Symbolic operations on user input, with their failures turned into input errors. */
final class Symbolic {
    private Symbolic() {}

    static Expression parse(String text) {
        try {
            return Expression.parse(text);
        } catch (IllegalArgumentException e) {
            throw new BadInputException("expression: " + e.getMessage(), e);
        }
    }

    static Expression derivative(Expression f, String variable) {
        try {
            return f.derivative(variable);
        } catch (IllegalArgumentException e) {
            throw new BadInputException("--wrt " + variable + ": " + e.getMessage(), e);
        }
    }

    static double evaluate(Expression f, Map<String, Double> point) {
        try {
            return f.evaluate(point);
        } catch (IllegalArgumentException e) {
            throw new BadInputException("evaluating " + f + ": " + e.getMessage(), e);
        }
    }

    /** The expression as tensor operations on the given leaves (recorded by autograd). */
    static Tensor fold(Expression f, Map<String, Tensor> leaves) {
        try {
            return f.toTensor(leaves);
        } catch (IllegalArgumentException e) {
            throw new BadInputException("evaluating " + f + " with tensors: " + e.getMessage(), e);
        }
    }

    /** Every variable of f has a value in the point; the message lists the missing ones. */
    static void requireValues(Expression f, Map<String, Double> point) {
        List<String> missing = new ArrayList<>();
        for (String v : f.variables()) if (!point.containsKey(v)) missing.add(v);
        if (!missing.isEmpty())
            throw new BadInputException("--at: no value for " + String.join(", ", missing)
                    + " (expression variables: " + String.join(", ", f.variables()) + ")");
    }

    static String point(Map<String, Double> point) {
        return point.entrySet().stream().map(e -> e.getKey() + "=" + Numbers.precise(e.getValue()))
                .collect(Collectors.joining(", "));
    }
}
