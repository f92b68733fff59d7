package dev.jgrad.data;

/** Argument checks shared by the feature scalers. */
final class ScalerChecks {

    private ScalerChecks() {
    }

    /** The number of samples in {@code features}, which must be a non-empty whole number of them. */
    static int sampleCount(float[] features, int featureSize) {
        if (featureSize <= 0) {
            throw new IllegalArgumentException("feature size must be positive, got " + featureSize);
        }
        if (features.length == 0 || features.length % featureSize != 0) {
            throw new IllegalArgumentException(features.length + " values are not a non-zero whole number of samples of "
                    + featureSize + " features");
        }
        return features.length / featureSize;
    }
}
