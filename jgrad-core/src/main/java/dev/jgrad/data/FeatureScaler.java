package dev.jgrad.data;

/**
 * A per-feature affine rescaling fitted on a training split and then applied, unchanged, to
 * every split (fitting on validation or test data would leak information about them).
 */
public sealed interface FeatureScaler permits Standardizer, MinMaxScaler {

    /** Number of features per sample the scaler was fitted on. */
    int featureSize();

    /** Rescales {@code features} (row-major samples of {@link #featureSize()} values) in place. */
    void applyInPlace(float[] features);

    /** A rescaled copy of {@code features}. */
    default float[] apply(float[] features) {
        float[] copy = features.clone();
        applyInPlace(copy);
        return copy;
    }

    /** {@code data} with rescaled (copied) features. */
    default LabeledSamples apply(LabeledSamples data) {
        if (data.featureSize() != featureSize()) {
            throw new IllegalArgumentException("scaler fitted on " + featureSize() + " features cannot rescale samples of "
                    + data.featureSize());
        }
        return data.withFeatures(apply(data.features()));
    }
}
