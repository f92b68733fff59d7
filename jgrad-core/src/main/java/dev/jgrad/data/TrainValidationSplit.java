package dev.jgrad.data;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * A dataset divided into a training part and a held-out validation part. The division is a
 * seeded shuffle with {@link java.util.Random}, whose algorithm the Java specification fixes,
 * so a seed gives the same split on every JDK and platform.
 */
public record TrainValidationSplit(LabeledSamples train, LabeledSamples validation) {

    /**
     * Shuffles the samples and holds out {@code round(count * validationFraction)} of them.
     * Both parts are in shuffled order.
     */
    public static TrainValidationSplit random(LabeledSamples data, double validationFraction, long seed) {
        checkFraction(validationFraction);
        var random = new Random(seed);
        int[] order = identity(data.count());
        shuffle(order, random);
        int validationCount = (int) Math.round(data.count() * validationFraction);
        int[] validation = new int[validationCount];
        int[] train = new int[data.count() - validationCount];
        System.arraycopy(order, 0, validation, 0, validationCount);
        System.arraycopy(order, validationCount, train, 0, train.length);
        return new TrainValidationSplit(data.select(train), data.select(validation));
    }

    /**
     * Like {@link #random} but holds out {@code round(classCount * validationFraction)} samples
     * of every class, so both parts keep the class proportions (useful for small datasets).
     */
    public static TrainValidationSplit stratified(LabeledSamples data, double validationFraction, long seed) {
        checkFraction(validationFraction);
        var random = new Random(seed);
        List<List<Integer>> byClass = new ArrayList<>();
        for (int c = 0; c < data.numClasses(); c++) {
            byClass.add(new ArrayList<>());
        }
        int[] labels = data.labels();
        for (int i = 0; i < labels.length; i++) {
            byClass.get(labels[i]).add(i);
        }
        var train = new ArrayList<Integer>();
        var validation = new ArrayList<Integer>();
        for (List<Integer> members : byClass) {
            int[] indices = members.stream().mapToInt(Integer::intValue).toArray();
            shuffle(indices, random);
            int held = (int) Math.round(indices.length * validationFraction);
            for (int k = 0; k < indices.length; k++) {
                (k < held ? validation : train).add(indices[k]);
            }
        }
        int[] trainIndices = train.stream().mapToInt(Integer::intValue).toArray();
        int[] validationIndices = validation.stream().mapToInt(Integer::intValue).toArray();
        // Mix the classes, which are grouped at this point.
        shuffle(trainIndices, random);
        shuffle(validationIndices, random);
        return new TrainValidationSplit(data.select(trainIndices), data.select(validationIndices));
    }

    private static void checkFraction(double fraction) {
        if (!(fraction >= 0 && fraction <= 1)) {
            throw new IllegalArgumentException("validation fraction must be in [0, 1], got " + fraction);
        }
    }

    private static int[] identity(int n) {
        int[] a = new int[n];
        for (int i = 0; i < n; i++) {
            a[i] = i;
        }
        return a;
    }

    /** Fisher-Yates. */
    private static void shuffle(int[] a, Random random) {
        for (int i = a.length - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            int t = a[i];
            a[i] = a[j];
            a[j] = t;
        }
    }
}
