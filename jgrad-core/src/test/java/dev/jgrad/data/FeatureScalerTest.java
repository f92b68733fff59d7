package dev.jgrad.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.api.Test;

class FeatureScalerTest {

    /** Three samples of 3 features; feature 2 is constant. */
    private static final float[] TRAIN = {
        1, 10, 5,
        2, 20, 5,
        3, 60, 5,
    };

    @Test
    void standardizerUsesTrainingMeanAndPopulationStd() {
        var s = Standardizer.fit(TRAIN, 3);
        assertArrayEquals(new float[] {2, 30, 5}, s.mean());
        assertArrayEquals(new float[] {(float) Math.sqrt(2.0 / 3), (float) Math.sqrt(1400.0 / 3), 0}, s.std(), 1e-6f);
        float[] scaled = s.apply(TRAIN);
        assertEquals(1f, TRAIN[0], "apply copies");
        for (int j = 0; j < 2; j++) {
            double mean = 0;
            double sq = 0;
            for (int i = 0; i < 3; i++) {
                mean += scaled[3 * i + j] / 3.0;
                sq += scaled[3 * i + j] * scaled[3 * i + j] / 3.0;
            }
            assertEquals(0, mean, 1e-6);
            assertEquals(1, sq, 1e-5);
        }
        assertEquals(0f, scaled[2], "constant feature is centred, not divided by zero");
        // Other splits use the training statistics.
        float[] test = {2, 30, 7};
        s.applyInPlace(test);
        assertArrayEquals(new float[] {0, 0, 2}, test);
    }

    @Test
    void standardizerIsAccurateForLargeOffsets() {
        float[] values = new float[1000];
        for (int i = 0; i < values.length; i++) {
            values[i] = 1e6f + (i % 2 == 0 ? 1 : -1);
        }
        var s = Standardizer.fit(values, 1);
        assertEquals(1e6f, s.mean()[0]);
        assertEquals(1f, s.std()[0], 1e-6f);
    }

    @Test
    void minMaxMapsTrainingRangeToUnitInterval() {
        var m = MinMaxScaler.fit(TRAIN, 3);
        assertArrayEquals(new float[] {1, 10, 5}, m.min());
        assertArrayEquals(new float[] {3, 60, 5}, m.max());
        assertArrayEquals(new float[] {0, 0, 0, 0.5f, 0.2f, 0, 1, 1, 0}, m.apply(TRAIN), 1e-6f);
        assertArrayEquals(new float[] {1.5f, -0.2f, 1}, m.apply(new float[] {4, 0, 6}), 1e-6f);
    }

    @Test
    void scalersApplyToDatasets() {
        var data = new LabeledSamples(TRAIN.clone(), new int[] {0, 1, 0}, new int[] {3}, List.of("x", "y"));
        LabeledSamples scaled = MinMaxScaler.fit(data).apply(data);
        assertArrayEquals(data.labels(), scaled.labels());
        assertEquals(0.5f, scaled.features()[3], 1e-6f);
        var other = new LabeledSamples(new float[2], new int[1], new int[] {2}, List.of("x"));
        var e = assertThrows(IllegalArgumentException.class, () -> Standardizer.fit(data).apply(other));
        assertEquals("scaler fitted on 3 features cannot rescale samples of 2", e.getMessage());
    }

    @Test
    void rejectsBadInput() {
        assertThrows(IllegalArgumentException.class, () -> Standardizer.fit(new float[0], 3));
        var e = assertThrows(IllegalArgumentException.class, () -> MinMaxScaler.fit(new float[5], 3));
        assertEquals("5 values are not a non-zero whole number of samples of 3 features", e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> MinMaxScaler.fit(new float[] {1, Float.NaN}, 1));
        assertThrows(IllegalArgumentException.class, () -> Standardizer.of(new float[] {0}, new float[] {-1}));
        assertArrayEquals(new float[] {2}, Standardizer.of(new float[] {1}, new float[] {0.5f}).apply(new float[] {2}));
    }
}
