package dev.jgrad.data;

import dev.jgrad.Tensor;
import dev.jgrad.tensor.DType;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** TensorDataset, DataLoader batching and shuffling, and train/validation splits. */
class DataLoaderTest {

    /** Row i holds features 10i, 10i+1, 10i+2 and label i, so a batch shows which rows it took. */
    static TensorDataset rows(int n) {
        float[] x = new float[n * 3];
        for (int i = 0; i < x.length; i++) x[i] = 10 * (i / 3) + i % 3;
        long[] y = new long[n];
        Arrays.setAll(y, i -> i);
        return new TensorDataset(Tensor.of(x, n, 3), Tensor.of(y));
    }

    /** The example ids of a batch, checking that features and labels stay aligned. */
    static long[] ids(Batch b) {
        long[] y = b.y().toLongArray();
        float[] x = b.x().toFloatArray();
        for (int j = 0; j < y.length; j++)
            for (int k = 0; k < 3; k++) assertEquals(10 * y[j] + k, x[j * 3 + k], "row " + j + " of the batch");
        return y;
    }

    static List<Long> epoch(DataLoader loader) {
        List<Long> seen = new ArrayList<>();
        for (Batch b : loader) for (long id : ids(b)) seen.add(id);
        return seen;
    }

    @Test
    void batchesInOrderWithShortLastBatch() {
        DataLoader loader = new DataLoader(rows(10), 4);
        assertEquals(3, loader.numBatches());
        List<long[]> batches = new ArrayList<>();
        for (Batch b : loader) {
            batches.add(ids(b));
            assertEquals(DType.FLOAT32, b.x().dtype());
            assertEquals(DType.INT64, b.y().dtype());
        }
        assertEquals(3, batches.size());
        assertArrayEquals(new long[] {0, 1, 2, 3}, batches.get(0));
        assertArrayEquals(new long[] {4, 5, 6, 7}, batches.get(1));
        assertArrayEquals(new long[] {8, 9}, batches.get(2));
    }

    @Test
    void dropLastSkipsTheShortBatch() {
        DataLoader loader = new DataLoader(rows(10), 4, true, true, 1);
        assertEquals(2, loader.numBatches());
        int count = 0;
        for (Batch b : loader) {
            assertEquals(4, b.size());
            count++;
        }
        assertEquals(2, count);
        assertEquals(0, new DataLoader(rows(3), 4, false, true, 0).numBatches());
    }

    @Test
    void shufflingVisitsEveryExampleOncePerEpochAndDiffersBetweenEpochs() {
        DataLoader loader = new DataLoader(rows(50), 8, true, false, 42);
        List<Long> e0 = epoch(loader), e1 = epoch(loader);
        assertEquals(2, loader.epoch());
        for (List<Long> e : List.of(e0, e1)) {
            assertEquals(50, e.size());
            assertEquals(50, e.stream().distinct().count());
        }
        assertFalse(e0.equals(e1), "each epoch has its own order");
        List<Long> sorted = new ArrayList<>(e0);
        sorted.sort(null);
        assertFalse(e0.equals(sorted), "the order is shuffled");

        // reproducible: the same seed gives the same epochs; setEpoch replays one
        DataLoader again = new DataLoader(rows(50), 8, true, false, 42);
        assertEquals(e0, epoch(again));
        assertEquals(e1, epoch(again));
        assertEquals(e1, epoch(again.setEpoch(1)));
        assertFalse(e0.equals(epoch(new DataLoader(rows(50), 8, true, false, 43))), "another seed, another order");
    }

    @Test
    void genericDatasetGivesTheSameBatches() {
        TensorDataset dense = rows(7);
        Dataset generic = new Dataset() {
            @Override
            public int size() {
                return dense.size();
            }

            @Override
            public Example get(int index) {
                return dense.get(index);
            }
        };
        DataLoader fast = new DataLoader(dense, 3, true, false, 5), slow = new DataLoader(generic, 3, true, false, 5);
        var a = fast.iterator();
        var b = slow.iterator();
        while (a.hasNext()) {
            Batch x = a.next(), y = b.next();
            assertTrue(x.x().allClose(y.x(), 0, 0));
            assertArrayEquals(x.y().toLongArray(), y.y().toLongArray());
            assertArrayEquals(x.y().shape(), y.y().shape());
        }
        assertFalse(b.hasNext());
        assertThrows(java.util.NoSuchElementException.class, a::next);

        // the generic subset is a view reading through to the base dataset
        Dataset.Split<Dataset> split = Dataset.split(generic, 0.3, 9);
        long[] expected = TensorDataset.split(dense, 0.3, 9).validation().labels().toLongArray();
        assertEquals(expected.length, split.validation().size());
        for (int i = 0; i < expected.length; i++) assertEquals(expected[i], split.validation().get(i).label().item());
        assertThrows(IndexOutOfBoundsException.class, () -> split.validation().get(expected.length));
    }

    @Test
    void tensorDatasetAccess() {
        TensorDataset d = rows(5);
        Dataset.Example e = d.get(3);
        assertArrayEquals(new float[] {30, 31, 32}, e.features().toFloatArray());
        assertEquals(3, e.label().item());
        assertEquals(0, e.label().dim());
        // non-contiguous features are made dense once
        Tensor t = Tensor.of(new float[] {0, 1, 2, 3, 4, 5}, 3, 2).t();
        TensorDataset td = new TensorDataset(t, Tensor.of(new int[] {7, 8}));
        assertArrayEquals(new float[] {1, 3, 5, 0, 2, 4}, td.batch(new int[] {1, 0}).x().toFloatArray());
        // a view with an offset into a larger storage
        TensorDataset view = new TensorDataset(rows(6).features().narrow(0, 2, 3), Tensor.of(new int[] {2, 3, 4}));
        assertEquals(2, ids(view.batch(new int[] {0}))[0]);
        assertArrayEquals(new float[] {40, 41, 42}, view.batch(new int[] {2}).x().toFloatArray());
    }

    @Test
    void errorsNameTheProblem() {
        var e = assertThrows(IllegalArgumentException.class, () -> new TensorDataset(Tensor.zeros(4, 2), Tensor.of(new int[] {1, 2, 3})));
        assertTrue(e.getMessage().contains("4 feature rows [4, 2] but 3 labels [3]"), e.getMessage());
        var oob = assertThrows(IndexOutOfBoundsException.class, () -> rows(5).batch(new int[] {1, 5}));
        assertTrue(oob.getMessage().contains("index 5 is out of range for a dataset of 5 examples"), oob.getMessage());
        assertThrows(IllegalArgumentException.class, () -> new DataLoader(rows(5), 0));
        assertThrows(IllegalArgumentException.class, () -> new Batch(Tensor.zeros(3, 2), Tensor.zeros(2)));
    }

    @Test
    void splitIsDisjointCompleteAndReproducible() {
        TensorDataset d = rows(20);
        Dataset.Split<TensorDataset> s = TensorDataset.split(d, 0.25, 7);
        assertEquals(15, s.train().size());
        assertEquals(5, s.validation().size());
        long[] train = s.train().labels().toLongArray(), val = s.validation().labels().toLongArray();
        List<Long> all = new ArrayList<>();
        for (long v : train) all.add(v);
        for (long v : val) all.add(v);
        assertEquals(20, all.stream().distinct().count(), "every example lands in exactly one part");
        long[] sortedVal = val.clone();
        Arrays.sort(sortedVal);
        assertArrayEquals(sortedVal, val, "each part keeps the original order");
        ids(s.train().batch(new int[] {0, 14}));

        assertArrayEquals(val, TensorDataset.split(d, 0.25, 7).validation().labels().toLongArray());
        assertFalse(Arrays.equals(val, TensorDataset.split(d, 0.25, 8).validation().labels().toLongArray()));

        Dataset.Split<Dataset> generic = Dataset.split(d, 0.25, 7);
        assertEquals(5, generic.validation().size());
        for (int i = 0; i < 5; i++) assertEquals(val[i], generic.validation().get(i).label().item());
        assertInstanceOf(TensorDataset.class, generic.validation(), "TensorDataset.subset copies rows into a new TensorDataset");

        assertThrows(IllegalArgumentException.class, () -> TensorDataset.split(d, 0, 1));
        assertThrows(IllegalArgumentException.class, () -> TensorDataset.split(d, 1, 1));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> TensorDataset.split(rows(3), 0.01, 1))
                .getMessage().contains("leaves one part empty"));
    }
}
