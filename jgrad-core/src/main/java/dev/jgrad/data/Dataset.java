package dev.jgrad.data;

import dev.jgrad.Tensor;
import dev.jgrad.tensor.Generator;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Indexed examples, like {@code torch.utils.data.Dataset}. {@link #batch} stacks examples one by
 * one; {@link TensorDataset} overrides it with row copies over dense arrays, the fast path for
 * training.
 */
public interface Dataset {

    int size();

    /** Example {@code index}: its features and its label (a 0-d int64 tensor for a class). */
    Example get(int index);

    record Example(Tensor features, Tensor label) {}

    /** The training and validation parts of a dataset. */
    record Split<D extends Dataset>(D train, D validation) {}

    /** The examples at {@code indices}, stacked along a new first dim. */
    default Batch batch(int[] indices) {
        if (indices.length == 0) throw new IllegalArgumentException("batch: no indices");
        List<Tensor> xs = new ArrayList<>(indices.length), ys = new ArrayList<>(indices.length);
        for (int i : indices) {
            checkIndex("batch", i, size());
            Example e = get(i);
            xs.add(e.features());
            ys.add(e.label());
        }
        return new Batch(Tensor.stack(xs, 0), Tensor.stack(ys, 0));
    }

    /** The examples at {@code indices}, in that order (a view that reads through to this dataset). */
    default Dataset subset(int[] indices) {
        int n = size();
        for (int i : indices) checkIndex("subset", i, n);
        Dataset base = this;
        int[] idx = indices.clone();
        return new Dataset() {
            @Override
            public int size() {
                return idx.length;
            }

            @Override
            public Example get(int index) {
                checkIndex("get", index, idx.length);
                return base.get(idx[index]);
            }
        };
    }

    /** A reproducible random split; see {@link #splitIndices}. */
    static Split<Dataset> split(Dataset dataset, double valFraction, long seed) {
        int[][] parts = splitIndices(dataset.size(), valFraction, seed);
        return new Split<>(dataset.subset(parts[0]), dataset.subset(parts[1]));
    }

    /**
     * Indices 0..n-1 split at random into {train, validation}, with round(n * valFraction)
     * validation examples; each part keeps the original order. Both parts must be non-empty.
     */
    static int[][] splitIndices(int n, double valFraction, long seed) {
        if (!(valFraction > 0 && valFraction < 1))
            throw new IllegalArgumentException("split: validation fraction must be in (0, 1), got " + valFraction);
        int val = (int) Math.round(n * valFraction);
        if (val == 0 || val == n)
            throw new IllegalArgumentException("split: a fraction of " + valFraction + " of " + n
                    + " examples leaves one part empty");
        int[] perm = new Generator(seed).permutation(n);
        int[] v = Arrays.copyOfRange(perm, 0, val), t = Arrays.copyOfRange(perm, val, n);
        Arrays.sort(v);
        Arrays.sort(t);
        return new int[][] {t, v};
    }

    private static void checkIndex(String op, int i, int n) {
        if (i < 0 || i >= n) throw new IndexOutOfBoundsException(op + ": index " + i + " is out of range for a dataset of " + n + " examples");
    }
}
