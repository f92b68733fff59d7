package dev.jgrad.viz;

import java.util.OptionalDouble;

/**
 * What one training epoch measured. Accuracies are fractions in [0, 1]. A diverged run may report
 * NaN or infinite losses; reports show them as gaps with a warning rather than failing. Unknown
 * values (no validation set, no timing) are empty or NaN.
 *
 * @param epoch              1-based epoch number
 * @param trainLoss          mean training loss
 * @param trainAccuracy      training accuracy, NaN if not measured
 * @param validationLoss     validation loss, empty without a validation set
 * @param validationAccuracy validation accuracy, empty without a validation set
 * @param learningRate       learning rate used in this epoch (the last one, with a schedule), NaN if unknown
 * @param samplesPerSecond   training throughput, NaN if unknown
 */
public record EpochStats(int epoch, double trainLoss, double trainAccuracy, OptionalDouble validationLoss,
                         OptionalDouble validationAccuracy, double learningRate, double samplesPerSecond) {

    public EpochStats {
        if (epoch < 0) {
            throw new IllegalArgumentException("EpochStats: epoch must be >= 0, got " + epoch);
        }
        if (validationLoss == null || validationAccuracy == null) {
            throw new IllegalArgumentException("EpochStats " + epoch + ": validation values must not be null (use OptionalDouble.empty())");
        }
        if (samplesPerSecond < 0) {
            throw new IllegalArgumentException("EpochStats " + epoch + ": samplesPerSecond must not be negative, got " + samplesPerSecond);
        }
    }

    /** An epoch without validation data. */
    public static EpochStats of(int epoch, double trainLoss, double trainAccuracy, double learningRate,
                                double samplesPerSecond) {
        return new EpochStats(epoch, trainLoss, trainAccuracy, OptionalDouble.empty(), OptionalDouble.empty(),
                learningRate, samplesPerSecond);
    }

    public EpochStats withValidation(double loss, double accuracy) {
        return new EpochStats(epoch, trainLoss, trainAccuracy, OptionalDouble.of(loss), OptionalDouble.of(accuracy),
                learningRate, samplesPerSecond);
    }
}
