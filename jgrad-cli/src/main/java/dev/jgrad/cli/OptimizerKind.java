package dev.jgrad.cli;

import dev.jgrad.Tensor;
import dev.jgrad.optim.Adam;
import dev.jgrad.optim.AdamW;
import dev.jgrad.optim.Optimizer;
import dev.jgrad.optim.RMSProp;

import java.util.List;
import java.util.Locale;

/** The optimizers --optimizer offers, with the learning rate each starts from by default. */
enum OptimizerKind {
    SGD(0.1), MOMENTUM(0.05), NESTEROV(0.05), ADAM(1e-3), ADAMW(1e-3), RMSPROP(1e-3);

    private final double defaultLearningRate;

    OptimizerKind(double defaultLearningRate) {
        this.defaultLearningRate = defaultLearningRate;
    }

    double defaultLearningRate() {
        return defaultLearningRate;
    }

    Optimizer create(List<Tensor> params, double lr, double weightDecay) {
        return switch (this) {
            case SGD -> new dev.jgrad.optim.SGD(params, lr, 0, 0, false, weightDecay);
            case MOMENTUM -> new dev.jgrad.optim.SGD(params, lr, 0.9, 0, false, weightDecay);
            case NESTEROV -> new dev.jgrad.optim.SGD(params, lr, 0.9, 0, true, weightDecay);
            case ADAM -> new Adam(params, lr, 0.9, 0.999, 1e-8, weightDecay);
            case ADAMW -> new AdamW(params, lr, 0.9, 0.999, 1e-8, weightDecay);
            case RMSPROP -> new RMSProp(params, lr, 0.99, 1e-8, weightDecay, 0, false);
        };
    }

    /** The name on the command line and in checkpoints. */
    String label() {
        return name().toLowerCase(Locale.ROOT);
    }

    static OptimizerKind parse(String text) {
        for (OptimizerKind k : values()) if (k.label().equalsIgnoreCase(text.strip())) return k;
        throw new BadInputException("--optimizer: unknown optimizer '" + text
                + "'; expected sgd, momentum, nesterov, adam, adamw or rmsprop");
    }
}
