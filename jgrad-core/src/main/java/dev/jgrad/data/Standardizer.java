package dev.jgrad.data;

/**
 * Standardizes each feature to zero mean and unit variance: x' = (x - mean) / std, with the
 * population standard deviation of the training data. A constant feature (std 0) is only
 * centred, since dividing by zero would turn it into NaN.
 */
public final class Standardizer implements FeatureScaler {

    private final float[] mean;
    private final float[] std;
    private final float[] inverseStd;

    private Standardizer(float[] mean, float[] std) {
        this.mean = mean;
        this.std = std;
        this.inverseStd = new float[std.length];
        for (int j = 0; j < std.length; j++) {
            inverseStd[j] = std[j] > 0 ? 1f / std[j] : 1f;
        }
    }

    /** Fits on the features of {@code train}. */
    public static Standardizer fit(LabeledSamples train) {
        return fit(train.features(), train.featureSize());
    }

    /** Fits on row-major samples of {@code featureSize} values each. */
    public static Standardizer fit(float[] features, int featureSize) {
        int n = ScalerChecks.sampleCount(features, featureSize);
        // Two passes in double: the one-pass sum-of-squares formula loses all precision when
        // the mean is large compared with the spread.
        double[] sum = new double[featureSize];
        for (int i = 0, base = 0; i < n; i++, base += featureSize) {
            for (int j = 0; j < featureSize; j++) {
                sum[j] += features[base + j];
            }
        }
        double[] mean = new double[featureSize];
        for (int j = 0; j < featureSize; j++) {
            mean[j] = sum[j] / n;
        }
        double[] squares = new double[featureSize];
        for (int i = 0, base = 0; i < n; i++, base += featureSize) {
            for (int j = 0; j < featureSize; j++) {
                double d = features[base + j] - mean[j];
                squares[j] += d * d;
            }
        }
        float[] m = new float[featureSize];
        float[] s = new float[featureSize];
        for (int j = 0; j < featureSize; j++) {
            m[j] = (float) mean[j];
            s[j] = (float) Math.sqrt(squares[j] / n);
        }
        return new Standardizer(m, s);
    }

    /** Creates a standardizer from known statistics (e.g. saved with a model). */
    public static Standardizer of(float[] mean, float[] std) {
        if (mean.length != std.length) {
            throw new IllegalArgumentException(mean.length + " means but " + std.length + " standard deviations");
        }
        for (int j = 0; j < std.length; j++) {
            if (!(std[j] >= 0) || !Float.isFinite(std[j]) || !Float.isFinite(mean[j])) {
                throw new IllegalArgumentException("feature " + j + ": mean " + mean[j] + " and std " + std[j]
                        + " must be finite with std >= 0");
            }
        }
        return new Standardizer(mean.clone(), std.clone());
    }

    public float[] mean() {
        return mean.clone();
    }

    public float[] std() {
        return std.clone();
    }

    @Override
    public int featureSize() {
        return mean.length;
    }

    @Override
    public void applyInPlace(float[] features) {
        int n = ScalerChecks.sampleCount(features, mean.length);
        int size = mean.length;
        for (int i = 0, base = 0; i < n; i++, base += size) {
            for (int j = 0; j < size; j++) {
                features[base + j] = (features[base + j] - mean[j]) * inverseStd[j];
            }
        }
    }

    @Override
    public String toString() {
        return "Standardizer[" + mean.length + " features]";
    }
}
