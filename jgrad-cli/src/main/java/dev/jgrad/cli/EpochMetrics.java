package dev.jgrad.cli;

/**
 * One line of the training log. Validation values are NaN without a validation split; seconds
 * and throughput are wall-clock measurements, the only values that differ between identical runs.
 */
record EpochMetrics(int epoch, double trainLoss, double trainAccuracy, double valLoss, double valAccuracy,
                    double learningRate, double seconds, double samplesPerSecond) {

    boolean hasValidation() {
        return !Double.isNaN(valLoss);
    }
}
