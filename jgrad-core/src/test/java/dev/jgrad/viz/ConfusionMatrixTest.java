package dev.jgrad.viz;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class ConfusionMatrixTest {

    @Test
    void derivesPrecisionRecallAndF1() {
        var m = new ConfusionMatrix(Runs.CLASSES, Runs.COUNTS);
        assertEquals(90, m.total());
        assertEquals(82, m.correct());
        assertEquals(82 / 90.0, m.accuracy(), 1e-12);
        assertEquals(28 / 29.0, m.precision(0), 1e-12, "28 of the 29 predicted zeros are zeros");
        assertEquals(28 / 30.0, m.recall(0), 1e-12);
        assertEquals(27 / 32.0, m.precision(1), 1e-12);
        var p = m.precision(2);
        var r = m.recall(2);
        assertEquals(2 * p * r / (p + r), m.f1(2), 1e-12);
        assertEquals(30, m.support(1));
        assertEquals(29, m.predicted(2));
    }

    @Test
    void tallyFromPredictionsMatchesTheTable() {
        var actual = new int[] {0, 0, 1, 2, 2, 2};
        var predicted = new int[] {0, 1, 1, 2, 0, 2};
        var m = ConfusionMatrix.of(List.of("a", "b", "c"), actual, predicted);
        assertArrayEquals(new long[][] {{1, 1, 0}, {0, 1, 0}, {1, 0, 2}}, m.counts());
        assertEquals(m, new ConfusionMatrix(List.of("a", "b", "c"), m.counts()));
    }

    @Test
    void undefinedRatiosAreNaNNotErrors() {
        var m = new ConfusionMatrix(List.of("a", "b"), new long[][] {{3, 0}, {0, 0}});
        assertTrue(Double.isNaN(m.precision(1)), "b was never predicted");
        assertTrue(Double.isNaN(m.recall(1)), "b never occurs");
        assertTrue(Double.isNaN(m.f1(1)));
        assertEquals(1.0, m.f1(0));
        assertTrue(Double.isNaN(new ConfusionMatrix(List.of("a"), new long[][] {{0}}).accuracy()));
    }

    @Test
    void isImmutable() {
        var table = new long[][] {{1, 2}, {3, 4}};
        var m = new ConfusionMatrix(List.of("a", "b"), table);
        table[0][0] = 99;
        m.counts()[0][0] = 99;
        assertEquals(1, m.count(0, 0));
    }

    @Test
    void rejectsBadInputWithClearMessages() {
        var ragged = assertThrows(IllegalArgumentException.class,
                () -> new ConfusionMatrix(List.of("a", "b"), new long[][] {{1, 2}, {3}}));
        assertTrue(ragged.getMessage().contains("row 1 must have 2 columns"), ragged.getMessage());
        var negative = assertThrows(IllegalArgumentException.class,
                () -> new ConfusionMatrix(List.of("a"), new long[][] {{-1}}));
        assertTrue(negative.getMessage().contains("negative"), negative.getMessage());
        var outside = assertThrows(IllegalArgumentException.class,
                () -> ConfusionMatrix.of(List.of("a", "b"), new int[] {0, 2}, new int[] {0, 1}));
        assertTrue(outside.getMessage().contains("sample 1"), outside.getMessage());
        var lengths = assertThrows(IllegalArgumentException.class,
                () -> ConfusionMatrix.of(List.of("a"), new int[] {0}, new int[] {}));
        assertTrue(lengths.getMessage().contains("1 true labels but 0 predictions"), lengths.getMessage());
        assertThrows(IndexOutOfBoundsException.class, () -> new ConfusionMatrix(List.of("a"), new long[][] {{1}}).count(0, 1));
    }
}
