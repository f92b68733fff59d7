package dev.jgrad.optim;

import dev.jgrad.Tensor;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** Schedules at chosen steps against their closed forms. */
class LearningRateScheduleTest {

    @Test
    void constant() {
        assertEquals(0.1, LearningRateSchedule.constant().at(0.1, 0));
        assertEquals(0.1, LearningRateSchedule.constant().at(0.1, 1000));
    }

    @Test
    void stepDecay() {
        LearningRateSchedule s = LearningRateSchedule.step(10, 0.5);
        assertEquals(1.0, s.at(1, 0));
        assertEquals(1.0, s.at(1, 9));
        assertEquals(0.5, s.at(1, 10));
        assertEquals(0.25, s.at(1, 25));
    }

    @Test
    void cosine() {
        LearningRateSchedule s = LearningRateSchedule.cosine(100, 0.001);
        assertEquals(0.1, s.at(0.1, 0), 1e-15);
        assertEquals((0.1 + 0.001) / 2, s.at(0.1, 50), 1e-15);
        assertEquals(0.001 + 0.099 * (1 + Math.cos(Math.PI * 0.25)) / 2, s.at(0.1, 25), 1e-15);
        assertEquals(0.001, s.at(0.1, 100), 1e-15);
        assertEquals(0.001, s.at(0.1, 150), 1e-15);
    }

    @Test
    void warmupThenAnotherSchedule() {
        LearningRateSchedule s = LearningRateSchedule.warmup(4, LearningRateSchedule.cosine(10, 0));
        assertEquals(0.25, s.at(1, 0));
        assertEquals(0.5, s.at(1, 1));
        assertEquals(1.0, s.at(1, 3));
        assertEquals(1.0, s.at(1, 4), 1e-15); // cosine at its step 0
        assertEquals(0.5, s.at(1, 9), 1e-15); // cosine at its step 5
        assertEquals(0.0, s.at(1, 14), 1e-15);
        assertEquals(0.5, LearningRateSchedule.warmup(0, LearningRateSchedule.constant()).at(0.5, 0));
    }

    @Test
    void applySetsTheOptimizerRate() {
        SGD sgd = new SGD(List.of(Tensor.zeros(2).requiresGrad(true)), 0.1);
        LearningRateSchedule.step(1, 0.1).apply(sgd, 0.1, 2);
        assertEquals(0.001, sgd.learningRate(), 1e-15);
    }

    @Test
    void invalidArguments() {
        assertThrows(IllegalArgumentException.class, () -> LearningRateSchedule.step(0, 0.5));
        assertThrows(IllegalArgumentException.class, () -> LearningRateSchedule.step(5, 0));
        assertThrows(IllegalArgumentException.class, () -> LearningRateSchedule.cosine(0, 0));
        assertThrows(IllegalArgumentException.class, () -> LearningRateSchedule.cosine(10, -1));
        assertThrows(IllegalArgumentException.class, () -> LearningRateSchedule.warmup(-1, LearningRateSchedule.constant()));
        assertThrows(IllegalArgumentException.class, () -> LearningRateSchedule.warmup(3, null));
    }
}
