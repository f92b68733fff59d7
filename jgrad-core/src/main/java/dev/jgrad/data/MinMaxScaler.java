package dev.jgrad.data;

/**
 * Maps each feature linearly so that the training minimum becomes 0 and the maximum 1:
 * x' = (x - min) / (max - min). Other splits may fall outside [0, 1]; they are not clipped, so
 * the mapping stays the same affine function for all data. A constant feature is only shifted.
 */
public final class MinMaxScaler implements FeatureScaler {

    private final float[] min;
    private final float[] max;
    private final float[] inverseRange;

    private MinMaxScaler(float[] min, float[] max) {
        this.min = min;
        this.max = max;
        this.inverseRange = new float[min.length];
        for (int j = 0; j < min.length; j++) {
            inverseRange[j] = max[j] > min[j] ? (float) (1.0 / ((double) max[j] - min[j])) : 1f;
        }
    }

    /** Fits on the features of {@code train}. */
    public static MinMaxScaler fit(LabeledSamples train) {
        return fit(train.features(), train.featureSize());
    }

    /** Fits on row-major samples of {@code featureSize} values each. */
    public static MinMaxScaler fit(float[] features, int featureSize) {
        int n = ScalerChecks.sampleCount(features, featureSize);
        float[] lo = new float[featureSize];
        float[] hi = new float[featureSize];
        System.arraycopy(features, 0, lo, 0, featureSize);
        System.arraycopy(features, 0, hi, 0, featureSize);
        for (int i = 1, base = featureSize; i < n; i++, base += featureSize) {
            for (int j = 0; j < featureSize; j++) {
                float x = features[base + j];
                lo[j] = Math.min(lo[j], x);
                hi[j] = Math.max(hi[j], x);
            }
        }
        for (int j = 0; j < featureSize; j++) {
            if (!Float.isFinite(lo[j]) || !Float.isFinite(hi[j])) {
                throw new IllegalArgumentException("feature " + j + " has non-finite values (range " + lo[j] + ".." + hi[j] + ")");
            }
        }
        return new MinMaxScaler(lo, hi);
    }

    public float[] min() {
        return min.clone();
    }

    public float[] max() {
        return max.clone();
    }

    @Override
    public int featureSize() {
        return min.length;
    }

    @Override
    public void applyInPlace(float[] features) {
        int n = ScalerChecks.sampleCount(features, min.length);
        int size = min.length;
        for (int i = 0, base = 0; i < n; i++, base += size) {
            for (int j = 0; j < size; j++) {
                features[base + j] = (features[base + j] - min[j]) * inverseRange[j];
            }
        }
    }

    @Override
    public String toString() {
        return "MinMaxScaler[" + min.length + " features]";
    }
}
