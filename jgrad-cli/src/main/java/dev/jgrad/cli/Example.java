package dev.jgrad.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.util.List;
import java.util.Optional;

/** A worked example from the lecture on backpropagation, runnable as {@code jgrad example NAME}. */
interface Example {
    /** The name on the command line, e.g. "add-mul". */
    String name();

    /** One line for {@code jgrad example list}. */
    String title();

    /** Runs the example, explaining each step on {@code out}. Deterministic except for timings. */
    void run(PrintWriter out) throws IOException;

    /** All examples, in lecture order. */
    static List<Example> all() {
        return List.of(new AddMulExample(), new GatesExample(), new NumericalGradientExample(),
                new LinearRegressionExample(), new PerceptronExample(), new SoftmaxRegressionExample(),
                new TwoLayerNetExample());
    }

    static Optional<Example> byName(String name) {
        return all().stream().filter(e -> e.name().equals(name)).findFirst();
    }
}
