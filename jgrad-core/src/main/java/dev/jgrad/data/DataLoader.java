package dev.jgrad.data;

import dev.jgrad.tensor.Generator;

import java.util.Arrays;
import java.util.Iterator;
import java.util.NoSuchElementException;

/**
 * Mini-batches over a dataset, like {@code torch.utils.data.DataLoader}:
 * {@code for (Batch b : loader) {...}} visits one epoch. With shuffling, each epoch's order
 * comes from the seed mixed with the epoch number, so epochs differ yet a run is reproducible.
 * Each iteration uses the current epoch and then advances it; {@link #setEpoch} sets it
 * explicitly (e.g. when resuming from a checkpoint).
 */
public final class DataLoader implements Iterable<Batch> {
    private final Dataset dataset;
    private final int batchSize;
    private final boolean shuffle;
    private final boolean dropLast;
    private final long seed;
    private long epoch;

    /** In order, keeping a short last batch. */
    public DataLoader(Dataset dataset, int batchSize) {
        this(dataset, batchSize, false, false, 0);
    }

    public DataLoader(Dataset dataset, int batchSize, boolean shuffle, boolean dropLast, long seed) {
        if (dataset == null) throw new IllegalArgumentException("DataLoader: dataset is null");
        if (batchSize <= 0) throw new IllegalArgumentException("DataLoader: batch size must be positive, got " + batchSize);
        this.dataset = dataset;
        this.batchSize = batchSize;
        this.shuffle = shuffle;
        this.dropLast = dropLast;
        this.seed = seed;
    }

    public Dataset dataset() {
        return dataset;
    }

    public int batchSize() {
        return batchSize;
    }

    /** The number of batches in one epoch. */
    public int numBatches() {
        int n = dataset.size();
        return dropLast ? n / batchSize : (n + batchSize - 1) / batchSize;
    }

    /** The epoch the next iteration will use. */
    public long epoch() {
        return epoch;
    }

    public DataLoader setEpoch(long epoch) {
        if (epoch < 0) throw new IllegalArgumentException("DataLoader: epoch must be >= 0, got " + epoch);
        this.epoch = epoch;
        return this;
    }

    /** The order in which an epoch visits the examples. */
    public int[] order(long epoch) {
        int n = dataset.size();
        if (!shuffle) {
            int[] identity = new int[n];
            Arrays.setAll(identity, i -> i);
            return identity;
        }
        return new Generator(mix(seed, epoch)).permutation(n);
    }

    /** SplitMix64's finalizer over seed and epoch, so nearby seeds and epochs give unrelated orders. */
    private static long mix(long seed, long epoch) {
        long z = seed + 0x9E3779B97F4A7C15L * (epoch + 1);
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }

    /** One epoch of batches; advances the epoch counter. */
    @Override
    public Iterator<Batch> iterator() {
        int[] order = order(epoch++);
        int batches = numBatches();
        return new Iterator<>() {
            private int next;

            @Override
            public boolean hasNext() {
                return next < batches;
            }

            @Override
            public Batch next() {
                if (!hasNext()) throw new NoSuchElementException("DataLoader: the epoch has no more batches");
                int from = next++ * batchSize, to = Math.min(from + batchSize, order.length);
                return dataset.batch(Arrays.copyOfRange(order, from, to));
            }
        };
    }

    @Override
    public String toString() {
        return "DataLoader(" + dataset.size() + " examples, batch " + batchSize + (shuffle ? ", shuffled" : "")
                + (dropLast ? ", drop last" : "") + ")";
    }
}
