package dev.jgrad.data;

import dev.jgrad.Tensor;

import java.util.Arrays;

/**
 * Examples held in two dense tensors: features [N, ...] and labels [N, ...] (class labels are
 * int64 [N]). Batches and subsets are gathered with one array copy per row.
 */
public final class TensorDataset implements Dataset {
    private final Tensor features;
    private final Tensor labels;

    public TensorDataset(Tensor features, Tensor labels) {
        if (features == null || labels == null) throw new IllegalArgumentException("TensorDataset: features and labels must not be null");
        if (features.dim() == 0 || labels.dim() == 0)
            throw new IllegalArgumentException("TensorDataset: features " + Arrays.toString(features.shape()) + " and labels "
                    + Arrays.toString(labels.shape()) + " need a first (example) dimension");
        if (features.size(0) != labels.size(0))
            throw new IllegalArgumentException("TensorDataset: " + features.size(0) + " feature rows " + Arrays.toString(features.shape())
                    + " but " + labels.size(0) + " labels " + Arrays.toString(labels.shape()));
        this.features = dense(features);
        this.labels = dense(labels);
    }

    private static Tensor dense(Tensor t) {
        Tensor d = t.detach();
        return d.isContiguous() ? d : d.contiguousCopy();
    }

    public Tensor features() {
        return features;
    }

    public Tensor labels() {
        return labels;
    }

    @Override
    public int size() {
        return features.size(0);
    }

    @Override
    public Example get(int index) {
        check("get", index);
        return new Example(features.select(0, index), labels.select(0, index));
    }

    @Override
    public Batch batch(int[] indices) {
        if (indices.length == 0) throw new IllegalArgumentException("batch: no indices");
        return new Batch(rows(features, indices), rows(labels, indices));
    }

    /** A new dataset holding copies of the rows at {@code indices}. */
    @Override
    public TensorDataset subset(int[] indices) {
        return new TensorDataset(rows(features, indices), rows(labels, indices));
    }

    /** A reproducible random split into copied train and validation datasets; see {@link Dataset#splitIndices}. */
    public static Split<TensorDataset> split(TensorDataset dataset, double valFraction, long seed) {
        int[][] parts = Dataset.splitIndices(dataset.size(), valFraction, seed);
        return new Split<>(dataset.subset(parts[0]), dataset.subset(parts[1]));
    }

    private Tensor rows(Tensor src, int[] indices) {
        int[] shape = src.shape();
        int n = shape[0];
        int row = n == 0 ? 0 : src.numel() / n;
        shape[0] = indices.length;
        Tensor out = Tensor.empty(src.dtype(), shape);
        Object from = src.storage().array(), to = out.storage().array();
        int base = src.storageOffset();
        for (int j = 0; j < indices.length; j++) {
            check("batch", indices[j]);
            System.arraycopy(from, base + indices[j] * row, to, j * row, row);
        }
        return out;
    }

    private void check(String op, int i) {
        if (i < 0 || i >= size())
            throw new IndexOutOfBoundsException(op + ": index " + i + " is out of range for a dataset of " + size() + " examples");
    }

    @Override
    public String toString() {
        return "TensorDataset(" + size() + " examples, features " + features.dtype() + " " + Arrays.toString(features.shape())
                + ", labels " + labels.dtype() + " " + Arrays.toString(labels.shape()) + ")";
    }
}
