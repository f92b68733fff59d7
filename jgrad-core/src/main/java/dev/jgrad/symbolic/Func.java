package dev.jgrad.symbolic;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The functions an expression may call. {@code step} and {@code sign} are not meant to be typed
 * often: they appear in derivatives of {@code relu}, {@code abs}, {@code max} and {@code min}.
 */
public enum Func {
    EXP(1), LOG(1), SQRT(1), SIN(1), COS(1), TANH(1), SIGMOID(1), RELU(1), ABS(1),
    MAX(2), MIN(2),
    /** Heaviside step: 1 for x > 0, else 0 (so relu'(0) = 0, like PyTorch). */
    STEP(1),
    /** -1, 0 or 1 (so abs'(0) = 0, and max/min split the gradient 0.5/0.5 at ties). */
    SIGN(1);

    private final int arity;
    private final String functionName;

    Func(int arity) {
        this.arity = arity;
        this.functionName = name().toLowerCase(Locale.ROOT);
    }

    public int arity() {
        return arity;
    }

    /** The name as written in expressions, e.g. "sigmoid". */
    public String functionName() {
        return functionName;
    }

    public static Optional<Func> byName(String name) {
        return Arrays.stream(values()).filter(f -> f.functionName.equals(name)).findFirst();
    }

    /** "abs, cos, exp, ..." for error messages. */
    static String knownNames() {
        return Arrays.stream(values()).map(Func::functionName).sorted().collect(Collectors.joining(", "));
    }
}
