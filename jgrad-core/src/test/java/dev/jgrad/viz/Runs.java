package dev.jgrad.viz;

import java.util.List;

/** Training runs for the report tests, with synthetic but recognisable images. */
final class Runs {

    static final List<String> CLASSES = List.of("zero", "one", "two");
    /** Rows are true classes: 28 + 2 + 0 zeros, 1 + 27 + 2 ones, 0 + 3 + 27 twos. */
    static final long[][] COUNTS = {{28, 2, 0}, {1, 27, 2}, {0, 3, 27}};

    private Runs() {
    }

    static RunRecord.Builder full(int epochs) {
        var builder = RunRecord.builder("MLP on toy digits")
                .config("optimizer", "SGD(momentum=0.9)")
                .config("learning rate", 0.1)
                .config("batch size", 32)
                .config("seed", 7)
                .modelSummary("Sequential(\n  (0): Linear(64 -> 32)\n  (1): ReLU\n  (2): Linear(32 -> 3)\n)\n2,211 parameters")
                .confusion(new ConfusionMatrix(CLASSES, COUNTS))
                .graph(Graphs.mlp().collapseGroups(1));
        for (var e = 1; e <= epochs; e++) {
            var train = 1.1 * Math.exp(-e / 2.5) + 0.05;
            builder.epoch(EpochStats.of(e, train, 1 - train / 1.3, 0.1 * Math.pow(0.5, e - 1), 5000 + 37 * e)
                    .withValidation(train * 1.15, 1 - train / 1.25));
        }
        builder.misclassified(new MisclassifiedImage(ring(28), 28, 28, "zero", "one"));
        builder.misclassified(new MisclassifiedImage(bar(28), 28, 28, "one", "two"));
        return builder;
    }

    /** A "0": bright ring on black. */
    static float[] ring(int size) {
        var pixels = new float[size * size];
        var c = (size - 1) / 2.0;
        for (var y = 0; y < size; y++) {
            for (var x = 0; x < size; x++) {
                var r = Math.hypot((x - c) / 0.7, y - c);
                pixels[y * size + x] = (float) Math.max(0, 1 - Math.abs(r - size * 0.33) / 2.5);
            }
        }
        return pixels;
    }

    /** A "1": vertical bar with a soft edge. */
    static float[] bar(int size) {
        var pixels = new float[size * size];
        for (var y = 3; y < size - 3; y++) {
            for (var x = 0; x < size; x++) {
                pixels[y * size + x] = (float) Math.max(0, 1 - Math.abs(x - size / 2.0) / 3);
            }
        }
        return pixels;
    }
}
