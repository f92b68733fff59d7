package dev.jgrad.cli;

import dev.jgrad.data.Cifar10Reader;
import dev.jgrad.data.CsvReader;
import dev.jgrad.data.DataSources;
import dev.jgrad.data.LabeledSamples;
import dev.jgrad.data.TrainValidationSplit;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;

/**
 * Loads a {@link DataSpec} as train and test samples. MNIST, Fashion-MNIST and CIFAR-10 come
 * with their published test sets; the bundled digits and CSV files are divided 80/20, stratified,
 * with a fixed seed, so that a checkpoint is always evaluated on the rows it never saw.
 */
final class Datasets {
    static final double TEST_FRACTION = 0.2;
    /** Fixed (not --seed): eval and predict must see the same test rows as the training run. */
    static final long TEST_SPLIT_SEED = 20_180_101L;

    private static final String BUNDLED_DIGITS = "data/digits.csv.gz";

    private Datasets() {}

    /** Train and test parts; a pixel range is known for images (for PNG input), 0 for tabular data. */
    record Loaded(DataSpec spec, LabeledSamples train, LabeledSamples test, double pixelMax) {}

    /**
     * @param limit  use only the first {@code limit} training samples (0: all)
     * @param train  false when only the test part is needed (it skips reading big training files)
     */
    static Loaded load(DataSpec spec, Path dataDirOption, int limit, boolean train) throws IOException {
        return switch (spec.kind()) {
            case DIGITS -> divided(spec, asImages(bundledDigits(), 8), limit, 16);
            case CSV -> divided(spec, readCsv(spec.csv()), limit, 0);
            case MNIST, FASHION_MNIST -> {
                Path dir = DataDirectory.require(dataDirOption);
                boolean mnist = spec.kind() == DataSpec.Kind.MNIST;
                int n = limit > 0 ? limit : Integer.MAX_VALUE;
                LabeledSamples tr = !train ? null : mnist ? DataSources.mnist(dir, DataSources.Split.TRAIN, n)
                        : DataSources.fashionMnist(dir, DataSources.Split.TRAIN, n);
                LabeledSamples te = mnist ? DataSources.mnist(dir, DataSources.Split.TEST)
                        : DataSources.fashionMnist(dir, DataSources.Split.TEST);
                yield new Loaded(spec, tr, te, 1);
            }
            case CIFAR10 -> {
                Path dir = cifarDirectory(DataDirectory.require(dataDirOption));
                List<Path> trainFiles = new ArrayList<>();
                for (int i = 1; i <= 5; i++) {
                    Path f = existing(dir, "data_batch_" + i + ".bin");
                    if (f != null) trainFiles.add(f);
                }
                Path testFile = existing(dir, "test_batch.bin");
                if (trainFiles.isEmpty() || testFile == null)
                    throw new NoSuchFileException(dir.toString(), null,
                            "CIFAR-10 needs data_batch_1.bin ... data_batch_5.bin and test_batch.bin (binary version) here");
                LabeledSamples tr = train ? head(Cifar10Reader.read(trainFiles), limit) : null;
                yield new Loaded(spec, tr, Cifar10Reader.read(testFile), 1);
            }
        };
    }

    /** The stratified fixed 80/20 division of a single-file dataset. */
    private static Loaded divided(DataSpec spec, LabeledSamples all, int limit, double pixelMax) {
        if (all.count() < 2)
            throw new BadInputException(spec + ": " + all.count() + " sample(s) cannot be divided into train and test parts");
        var split = TrainValidationSplit.stratified(all, TEST_FRACTION, TEST_SPLIT_SEED);
        return new Loaded(spec, head(split.train(), limit), split.validation(), pixelMax);
    }

    private static LabeledSamples head(LabeledSamples samples, int limit) {
        return limit > 0 && limit < samples.count() ? samples.head(limit) : samples;
    }

    /** The 64 digit features as a 1x8x8 image, so they are normalized and resized like other images. */
    private static LabeledSamples asImages(LabeledSamples flat, int side) {
        return new LabeledSamples(flat.features(), flat.labels(), new int[] {1, side, side}, flat.classNames());
    }

    private static LabeledSamples readCsv(Path file) throws IOException {
        try {
            return CsvReader.create().read(file);
        } catch (IllegalArgumentException e) {
            throw new BadInputException(file + ": " + e.getMessage(), e);
        }
    }

    /** The bundled digits, read through a temporary copy because the CSV reader takes files. */
    private static LabeledSamples bundledDigits() throws IOException {
        Path temp = Files.createTempFile("jgrad-digits", ".csv.gz");
        try {
            try (InputStream in = Datasets.class.getResourceAsStream(BUNDLED_DIGITS)) {
                if (in == null) throw new IllegalStateException("the bundled " + BUNDLED_DIGITS + " is missing from the jar");
                Files.copy(in, temp, StandardCopyOption.REPLACE_EXISTING);
            }
            return CsvReader.create().read(temp);
        } finally {
            Files.deleteIfExists(temp);
        }
    }

    private static Path cifarDirectory(Path root) {
        for (Path dir : List.of(root.resolve("cifar10"), root.resolve("cifar-10-batches-bin"), root.resolve("cifar10/cifar-10-batches-bin"), root))
            if (existing(dir, "test_batch.bin") != null) return dir;
        return root.resolve("cifar10");
    }

    private static Path existing(Path dir, String name) {
        for (String n : List.of(name, name + ".gz")) {
            Path p = dir.resolve(n);
            if (Files.isRegularFile(p)) return p;
        }
        return null;
    }
}
