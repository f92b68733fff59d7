package dev.jgrad.data;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Loads the standard datasets from their conventional file names. Each loader takes either the
 * dataset's own directory or a data root holding the conventional subdirectory, so both
 * {@code mnist(Path.of("data/mnist"), TRAIN)} and {@code mnist(Path.of("data"), TRAIN)} work:
 *
 * <pre>
 * root/mnist/train-images-idx3-ubyte.gz   (or without .gz, or train-images.idx3-ubyte)
 * root/mnist/train-labels-idx1-ubyte.gz, t10k-images-idx3-ubyte.gz, t10k-labels-idx1-ubyte.gz
 * root/fashion-mnist/  (same four names)
 * root/sklearn/digits.csv.gz, root/sklearn/iris.csv  (gzipped or not)
 * </pre>
 */
public final class DataSources {

    /** Which half of a dataset with a fixed train/test division. */
    public enum Split {
        TRAIN("train"),
        TEST("t10k");

        private final String idxPrefix;

        Split(String idxPrefix) {
            this.idxPrefix = idxPrefix;
        }
    }

    public static final List<String> MNIST_CLASSES = List.of("0", "1", "2", "3", "4", "5", "6", "7", "8", "9");

    public static final List<String> FASHION_MNIST_CLASSES = List.of(
            "T-shirt/top", "Trouser", "Pullover", "Dress", "Coat", "Sandal", "Shirt", "Sneaker", "Bag", "Ankle boot");

    /** System property naming the data root, as set for jgrad's tests. */
    public static final String DATA_PROPERTY = "jgrad.data";
    /** Environment variable naming the data root when the property is not set. */
    public static final String DATA_ENV = "JGRAD_DATA";

    private DataSources() {
    }

    /**
     * The data root from {@code -Djgrad.data=...} or {@code $JGRAD_DATA}, if it names an
     * existing directory.
     */
    public static Optional<Path> defaultRoot() {
        String value = System.getProperty(DATA_PROPERTY);
        if (value == null || value.isBlank()) {
            value = System.getenv(DATA_ENV);
        }
        if (value == null || value.isBlank()) {
            return Optional.empty();
        }
        Path dir = Path.of(value);
        return Files.isDirectory(dir) ? Optional.of(dir) : Optional.empty();
    }

    /** MNIST handwritten digits, 28x28, classes "0".."9". */
    public static LabeledSamples mnist(Path dir, Split split) throws IOException {
        return mnist(dir, split, Integer.MAX_VALUE);
    }

    /** The first {@code limit} samples of MNIST. */
    public static LabeledSamples mnist(Path dir, Split split, int limit) throws IOException {
        return idx(dir, "mnist", "MNIST", split, MNIST_CLASSES, limit);
    }

    /** Fashion-MNIST, 28x28 clothing images in 10 classes. */
    public static LabeledSamples fashionMnist(Path dir, Split split) throws IOException {
        return fashionMnist(dir, split, Integer.MAX_VALUE);
    }

    /** The first {@code limit} samples of Fashion-MNIST. */
    public static LabeledSamples fashionMnist(Path dir, Split split, int limit) throws IOException {
        return idx(dir, "fashion-mnist", "Fashion-MNIST", split, FASHION_MNIST_CLASSES, limit);
    }

    /** scikit-learn's 8x8 digits (1797 samples of 64 features, 0..16), label in the last column. */
    public static LabeledSamples digits(Path dir) throws IOException {
        return CsvReader.create().read(find(dir, "sklearn", "digits", List.of("digits.csv.gz", "digits.csv")));
    }

    /** Fisher's iris (150 samples, 4 features, classes setosa, versicolor, virginica). */
    public static LabeledSamples iris(Path dir) throws IOException {
        return CsvReader.create().read(find(dir, "sklearn", "iris", List.of("iris.csv", "iris.csv.gz")));
    }

    private static LabeledSamples idx(Path dir, String subdir, String title, Split split, List<String> classes, int limit)
            throws IOException {
        String what = title + " " + split.name().toLowerCase(Locale.ROOT);
        Path images = find(dir, subdir, what + " images", idxNames(split.idxPrefix + "-images", "idx3-ubyte"));
        Path labels = find(dir, subdir, what + " labels", idxNames(split.idxPrefix + "-labels", "idx1-ubyte"));
        return IdxReader.read(images, labels, classes, limit);
    }

    /** The published names, plus the "train-images.idx3-ubyte" spelling of some mirrors. */
    private static List<String> idxNames(String stem, String suffix) {
        String published = stem + "-" + suffix;
        String dotted = stem + "." + suffix;
        return List.of(published + ".gz", published, dotted + ".gz", dotted);
    }

    private static Path find(Path dir, String subdir, String what, List<String> names) throws NoSuchFileException {
        List<Path> tried = new ArrayList<>();
        for (Path base : List.of(dir, dir.resolve(subdir))) {
            for (String name : names) {
                Path candidate = base.resolve(name);
                if (Files.isRegularFile(candidate)) {
                    return candidate;
                }
                tried.add(candidate);
            }
        }
        throw new NoSuchFileException(dir.toString(), null, "no " + what + " file; looked for " + tried);
    }
}
