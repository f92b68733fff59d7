package dev.jgrad.data;

import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * A classification dataset in plain arrays: {@code count()} samples, each a row-major block of
 * {@code featureSize()} floats in {@code features} (sample i occupies
 * {@code [i * featureSize(), (i + 1) * featureSize())}), with an integer class label in
 * {@code [0, classNames.size())}.
 *
 * <p>The arrays are held without copying because datasets are large (MNIST's training set is
 * 188 MB of floats): do not modify them after construction. Methods that derive new datasets
 * always allocate new arrays.
 *
 * @param features    row-major sample data, {@code count() * featureSize()} values
 * @param labels      one class index per sample
 * @param sampleShape shape of one sample, e.g. {@code [28, 28]} or {@code [3, 32, 32]} or {@code [4]}
 * @param classNames  class names in label order
 */
public record LabeledSamples(float[] features, int[] labels, int[] sampleShape, List<String> classNames) {

    public LabeledSamples {
        Objects.requireNonNull(features, "features");
        Objects.requireNonNull(labels, "labels");
        Objects.requireNonNull(sampleShape, "sampleShape");
        classNames = List.copyOf(classNames);
        sampleShape = sampleShape.clone();
        if (classNames.isEmpty()) {
            throw new IllegalArgumentException("a labeled dataset needs at least one class name");
        }
        long featureSize = 1;
        for (int d : sampleShape) {
            if (d <= 0) {
                throw new IllegalArgumentException("sample shape " + Arrays.toString(sampleShape) + " has a non-positive dimension");
            }
            featureSize *= d;
            if (featureSize > Integer.MAX_VALUE) {
                throw new IllegalArgumentException("sample shape " + Arrays.toString(sampleShape) + " is too large");
            }
        }
        if ((long) labels.length * featureSize != features.length) {
            throw new IllegalArgumentException(labels.length + " samples of shape " + Arrays.toString(sampleShape)
                    + " need " + labels.length * featureSize + " feature values, got " + features.length);
        }
        for (int i = 0; i < labels.length; i++) {
            if (labels[i] < 0 || labels[i] >= classNames.size()) {
                throw new IllegalArgumentException("label " + labels[i] + " of sample " + i + " is outside 0.."
                        + (classNames.size() - 1) + " (" + classNames.size() + " classes)");
            }
        }
    }

    /** Number of samples. */
    public int count() {
        return labels.length;
    }

    /** Number of feature values per sample: the product of {@link #sampleShape()}. */
    public int featureSize() {
        int size = 1;
        for (int d : sampleShape) {
            size *= d;
        }
        return size;
    }

    @Override
    public int[] sampleShape() {
        return sampleShape.clone();
    }

    public int numClasses() {
        return classNames.size();
    }

    /** How many samples each class has, indexed by label. */
    public int[] classCounts() {
        int[] counts = new int[classNames.size()];
        for (int label : labels) {
            counts[label]++;
        }
        return counts;
    }

    /** A copy of sample {@code i}'s features. */
    public float[] sample(int i) {
        Objects.checkIndex(i, count());
        int size = featureSize();
        return Arrays.copyOfRange(features, i * size, (i + 1) * size);
    }

    /** The first {@code n} samples (copied), or all of them if there are fewer. */
    public LabeledSamples head(int n) {
        if (n < 0) {
            throw new IllegalArgumentException("negative sample count " + n);
        }
        int kept = Math.min(n, count());
        return new LabeledSamples(Arrays.copyOf(features, kept * featureSize()), Arrays.copyOf(labels, kept),
                sampleShape, classNames);
    }

    /** The samples at {@code indices}, in that order (copied; repeats allowed). */
    public LabeledSamples select(int[] indices) {
        int size = featureSize();
        float[] f = new float[Math.multiplyExact(indices.length, size)];
        int[] l = new int[indices.length];
        for (int k = 0; k < indices.length; k++) {
            int i = Objects.checkIndex(indices[k], count());
            System.arraycopy(features, i * size, f, k * size, size);
            l[k] = labels[i];
        }
        return new LabeledSamples(f, l, sampleShape, classNames);
    }

    /** The same samples with different feature values (e.g. normalised), same layout. */
    public LabeledSamples withFeatures(float[] newFeatures) {
        return new LabeledSamples(newFeatures, labels, sampleShape, classNames);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof LabeledSamples other && Arrays.equals(features, other.features)
                && Arrays.equals(labels, other.labels) && Arrays.equals(sampleShape, other.sampleShape)
                && classNames.equals(other.classNames);
    }

    @Override
    public int hashCode() {
        return Objects.hash(Arrays.hashCode(features), Arrays.hashCode(labels), Arrays.hashCode(sampleShape), classNames);
    }

    @Override
    public String toString() {
        return "LabeledSamples[" + count() + " samples of shape " + Arrays.toString(sampleShape) + ", "
                + classNames.size() + " classes]";
    }
}
