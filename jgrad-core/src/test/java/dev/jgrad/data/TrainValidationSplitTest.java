package dev.jgrad.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Arrays;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class TrainValidationSplitTest {

    /** n samples of one feature equal to the sample's index; label = index mod classes. */
    private static LabeledSamples indexed(int n, int classes) {
        float[] f = new float[n];
        int[] labels = new int[n];
        for (int i = 0; i < n; i++) {
            f[i] = i;
            labels[i] = i % classes;
        }
        var names = IntStream.range(0, classes).mapToObj(Integer::toString).toList();
        return new LabeledSamples(f, labels, new int[] {1}, names);
    }

    private static int[] ids(LabeledSamples d) {
        int[] ids = new int[d.count()];
        for (int i = 0; i < ids.length; i++) {
            ids[i] = (int) d.features()[i];
        }
        return ids;
    }

    private static void assertPartition(LabeledSamples data, TrainValidationSplit split) {
        int[] all = IntStream.concat(Arrays.stream(ids(split.train())), Arrays.stream(ids(split.validation()))).sorted().toArray();
        assertArrayEquals(ids(data), all, "every sample lands in exactly one part");
        for (var part : List.of(split.train(), split.validation())) {
            for (int i = 0; i < part.count(); i++) {
                assertEquals(data.labels()[ids(part)[i]], part.labels()[i], "labels travel with their samples");
            }
        }
    }

    @Test
    void randomSplitIsAShuffledPartitionOfTheRightSize() {
        var data = indexed(100, 3);
        var split = TrainValidationSplit.random(data, 0.2, 42);
        assertEquals(80, split.train().count());
        assertEquals(20, split.validation().count());
        assertPartition(data, split);
        int[] trainIds = ids(split.train());
        assertFalse(Arrays.equals(trainIds, Arrays.stream(trainIds).sorted().toArray()), "order is shuffled");
    }

    @Test
    void sameSeedSameSplitOtherSeedOtherSplit() {
        var data = indexed(50, 2);
        assertEquals(TrainValidationSplit.random(data, 0.3, 7), TrainValidationSplit.random(data, 0.3, 7));
        assertNotEquals(TrainValidationSplit.random(data, 0.3, 7), TrainValidationSplit.random(data, 0.3, 8));
        assertEquals(TrainValidationSplit.stratified(data, 0.3, 7), TrainValidationSplit.stratified(data, 0.3, 7));
    }

    /**
     * Pins the split for one seed (recorded once, identical on JDK 17 and 25): java.util.Random's
     * algorithm is fixed by the Java specification, so a change here means jgrad's shuffle changed
     * and every published seed would now give a different split.
     */
    @Test
    void splitForAGivenSeedIsPinned() {
        var split = TrainValidationSplit.random(indexed(10, 1), 0.3, 1);
        assertArrayEquals(new int[] {6, 9, 7}, ids(split.validation()));
        assertArrayEquals(new int[] {8, 4, 2, 0, 3, 1, 5}, ids(split.train()));
    }

    @Test
    void stratifiedSplitKeepsClassProportions() {
        // 60 samples of class 0, 30 of class 1, 10 of class 2 (labels by index bands).
        float[] f = new float[100];
        int[] labels = new int[100];
        for (int i = 0; i < 100; i++) {
            f[i] = i;
            labels[i] = i < 60 ? 0 : i < 90 ? 1 : 2;
        }
        var data = new LabeledSamples(f, labels, new int[] {1}, List.of("a", "b", "c"));
        var split = TrainValidationSplit.stratified(data, 0.2, 3);
        assertArrayEquals(new int[] {12, 6, 2}, split.validation().classCounts());
        assertArrayEquals(new int[] {48, 24, 8}, split.train().classCounts());
        assertPartition(data, split);
    }

    @Test
    void edgeFractionsAndValidation() {
        var data = indexed(10, 2);
        assertEquals(0, TrainValidationSplit.random(data, 0, 1).validation().count());
        assertEquals(10, TrainValidationSplit.random(data, 1, 1).validation().count());
        assertThrows(IllegalArgumentException.class, () -> TrainValidationSplit.random(data, 1.5, 1));
        assertThrows(IllegalArgumentException.class, () -> TrainValidationSplit.stratified(data, Double.NaN, 1));
    }
}
