package dev.jgrad.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.jgrad.data.DataSources.Split;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Checks the readers against the real files and the facts in the shared data README. */
class RealDatasetsTest {

    private static void assertPixelRange(LabeledSamples d) {
        float min = Float.MAX_VALUE;
        float max = -Float.MAX_VALUE;
        for (float v : d.features()) {
            min = Math.min(min, v);
            max = Math.max(max, v);
        }
        assertEquals(0f, min);
        assertEquals(1f, max);
    }

    @Test
    void mnistTrain() throws IOException {
        Path root = TestFiles.realDataRoot();
        long start = System.nanoTime();
        LabeledSamples train = DataSources.mnist(root, Split.TRAIN);
        System.out.printf("MNIST train (60000 x 784, gzipped) read in %d ms%n", (System.nanoTime() - start) / 1_000_000);
        assertEquals(60_000, train.count());
        assertArrayEquals(new int[] {1, 28, 28}, train.sampleShape());
        assertEquals(DataSources.MNIST_CLASSES, train.classNames());
        assertArrayEquals(new int[] {5923, 6742, 5958, 6131, 5842, 5421, 5918, 6265, 5851, 5949}, train.classCounts());
        assertEquals(5, train.labels()[0]);
        assertPixelRange(train);
        assertEquals(train.head(100), DataSources.mnist(root, Split.TRAIN, 100), "a limited read is the same prefix");
    }

    @Test
    void mnistTest() throws IOException {
        LabeledSamples test = DataSources.mnist(TestFiles.realDataRoot(), Split.TEST);
        assertEquals(10_000, test.count());
        assertArrayEquals(new int[] {980, 1135, 1032, 1010, 982, 892, 958, 1028, 974, 1009}, test.classCounts());
        assertEquals(7, test.labels()[0]);
        assertPixelRange(test);
    }

    @Test
    void datasetDirectoryMayBeGivenDirectly() throws IOException {
        Path mnist = TestFiles.realDataRoot().resolve("mnist");
        LabeledSamples few = DataSources.mnist(mnist, Split.TEST, 3);
        assertEquals(3, few.count());
        assertEquals(7, few.labels()[0]);
    }

    @Test
    void fashionMnist() throws IOException {
        Path root = TestFiles.realDataRoot();
        LabeledSamples train = DataSources.fashionMnist(root, Split.TRAIN);
        assertEquals(60_000, train.count());
        assertArrayEquals(new int[] {6000, 6000, 6000, 6000, 6000, 6000, 6000, 6000, 6000, 6000}, train.classCounts());
        assertEquals("Ankle boot", train.classNames().get(train.labels()[0]));
        assertPixelRange(train);
        LabeledSamples test = DataSources.fashionMnist(root, Split.TEST);
        assertArrayEquals(new int[] {1000, 1000, 1000, 1000, 1000, 1000, 1000, 1000, 1000, 1000}, test.classCounts());
        assertEquals(List.of("T-shirt/top", "Trouser", "Pullover", "Dress", "Coat", "Sandal", "Shirt", "Sneaker", "Bag",
                "Ankle boot"), test.classNames());
    }

    @Test
    void digits() throws IOException {
        LabeledSamples digits = DataSources.digits(TestFiles.realDataRoot());
        assertEquals(1797, digits.count());
        assertArrayEquals(new int[] {64}, digits.sampleShape());
        assertArrayEquals(new int[] {178, 182, 177, 183, 181, 182, 181, 179, 174, 180}, digits.classCounts());
        assertEquals(DataSources.MNIST_CLASSES, digits.classNames());
        for (float v : digits.features()) {
            assertTrue(v >= 0 && v <= 16 && v == Math.rint(v), "pixel " + v);
        }
        // First row of the file: 0,0,5,13,9,1,0,0,... label 0.
        assertArrayEquals(new float[] {0, 0, 5, 13, 9, 1, 0, 0}, java.util.Arrays.copyOf(digits.sample(0), 8));
        assertEquals(0, digits.labels()[0]);
    }

    @Test
    void iris() throws IOException {
        LabeledSamples iris = DataSources.iris(TestFiles.realDataRoot());
        assertEquals(150, iris.count());
        assertEquals(4, iris.featureSize());
        assertEquals(List.of("setosa", "versicolor", "virginica"), iris.classNames());
        assertArrayEquals(new int[] {50, 50, 50}, iris.classCounts());
        assertArrayEquals(new float[] {5.1f, 3.5f, 1.4f, 0.2f}, iris.sample(0));
    }

    @Test
    void standardizeWithTrainingStatisticsOnly() throws IOException {
        LabeledSamples iris = DataSources.iris(TestFiles.realDataRoot());
        var split = TrainValidationSplit.stratified(iris, 0.2, 2024);
        assertArrayEquals(new int[] {40, 40, 40}, split.train().classCounts());
        assertArrayEquals(new int[] {10, 10, 10}, split.validation().classCounts());
        var scaler = Standardizer.fit(split.train());
        LabeledSamples train = scaler.apply(split.train());
        var check = Standardizer.fit(train);
        for (int j = 0; j < 4; j++) {
            assertEquals(0, check.mean()[j], 1e-5);
            assertEquals(1, check.std()[j], 1e-5);
        }
        LabeledSamples validation = scaler.apply(split.validation());
        assertEquals(split.validation().count(), validation.count());
    }
}
