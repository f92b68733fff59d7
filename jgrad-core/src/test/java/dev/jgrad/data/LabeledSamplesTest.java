package dev.jgrad.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.api.Test;

class LabeledSamplesTest {

    private static final List<String> ABC = List.of("a", "b", "c");

    /** Four samples of shape [2]: sample i is {10 i, 10 i + 1}, labels 0, 2, 2, 1. */
    private static LabeledSamples four() {
        return new LabeledSamples(new float[] {0, 1, 10, 11, 20, 21, 30, 31}, new int[] {0, 2, 2, 1}, new int[] {2}, ABC);
    }

    @Test
    void accessors() {
        var d = four();
        assertEquals(4, d.count());
        assertEquals(2, d.featureSize());
        assertEquals(3, d.numClasses());
        assertArrayEquals(new int[] {1, 1, 2}, d.classCounts());
        assertArrayEquals(new float[] {20, 21}, d.sample(2));
        assertEquals("LabeledSamples[4 samples of shape [2], 3 classes]", d.toString());
    }

    @Test
    void derivedDatasetsCopy() {
        var d = four();
        assertEquals(new LabeledSamples(new float[] {0, 1, 10, 11}, new int[] {0, 2}, new int[] {2}, ABC), d.head(2));
        assertEquals(d, d.head(10));
        var picked = d.select(new int[] {3, 0, 3});
        assertArrayEquals(new float[] {30, 31, 0, 1, 30, 31}, picked.features());
        assertArrayEquals(new int[] {1, 0, 1}, picked.labels());
        assertThrows(IndexOutOfBoundsException.class, () -> d.select(new int[] {4}));
        assertThrows(IndexOutOfBoundsException.class, () -> d.sample(-1));
    }

    @Test
    void constructorValidates() {
        var e = assertThrows(IllegalArgumentException.class,
                () -> new LabeledSamples(new float[7], new int[4], new int[] {2}, ABC));
        assertEquals("4 samples of shape [2] need 8 feature values, got 7", e.getMessage());
        e = assertThrows(IllegalArgumentException.class,
                () -> new LabeledSamples(new float[4], new int[] {0, 3}, new int[] {2}, ABC));
        assertEquals("label 3 of sample 1 is outside 0..2 (3 classes)", e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> new LabeledSamples(new float[0], new int[0], new int[] {0}, ABC));
        assertThrows(IllegalArgumentException.class, () -> new LabeledSamples(new float[0], new int[0], new int[] {1}, List.of()));
        assertThrows(IllegalArgumentException.class,
                () -> new LabeledSamples(new float[0], new int[0], new int[] {65536, 65536}, ABC));
    }
}
