package dev.jgrad.cli;

import dev.jgrad.Tensor;
import dev.jgrad.data.CsvReader;
import dev.jgrad.data.IdxReader;
import dev.jgrad.data.LabeledSamples;
import dev.jgrad.io.FileFormatException;
import dev.jgrad.io.InputFiles;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;

/**
 * Classifies inputs with a checkpoint: PNG (or other ImageIO) images, IDX image files and CSV
 * rows, each scaled and normalized exactly like the model's training data.
 */
@Command(name = "predict", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Prints the predicted class and its probability for each input: images (PNG, JPEG, ...; resized",
                "to the model's input), IDX image files (with their labels file next to them) or CSV rows."})
final class PredictCommand implements Callable<Integer> {
    @ParentCommand
    private Main main;

    @Option(names = "--model", required = true, paramLabel = "PATH", description = "A checkpoint written by jgrad train --save.")
    private Path modelFile;

    @Parameters(arity = "1..*", paramLabel = "INPUT", description = "Image, IDX images or CSV files.")
    private List<Path> inputs;

    @Option(names = "--top", paramLabel = "K", defaultValue = "3", description = "Probabilities shown per input (default: ${DEFAULT-VALUE}).")
    private int top;

    @Option(names = "--limit", paramLabel = "N", description = "Classify at most the first N samples of each IDX or CSV file.")
    private Integer limit;

    @Option(names = "--invert", paramLabel = "auto|yes|no", defaultValue = "auto",
            description = "Invert grayscale images; auto inverts dark-on-light pictures, since the training images are light-on-dark (default: ${DEFAULT-VALUE}).")
    private String invert;

    /** One sample to classify: its name, its raw features and, when known, its true class. */
    private record Sample(String name, float[] features, int label) {}

    @Override
    public Integer call() throws IOException {
        if (top < 1) throw new BadInputException("--top: must be at least 1, got " + top);
        if (limit != null && limit < 1) throw new BadInputException("--limit: must be at least 1, got " + limit);
        if (!List.of("auto", "yes", "no").contains(invert))
            throw new BadInputException("--invert: expected auto, yes or no, got '" + invert + "'");
        Checkpoint ck = Checkpoint.load(modelFile);
        var out = main.out();
        int correct = 0, labeled = 0;
        for (Path input : inputs) {
            List<Sample> samples = read(input, ck);
            float[] raw = new float[samples.size() * ck.featureSize()];
            for (int i = 0; i < samples.size(); i++)
                System.arraycopy(samples.get(i).features(), 0, raw, i * ck.featureSize(), ck.featureSize());
            float[] x = ck.normalization().apply(raw, ck.inputShape());
            Tensor probabilities;
            try (var g = Tensor.noGrad()) {
                probabilities = ck.model().forward(Tensor.of(x, samples.size(), ck.featureSize())).softmax(1);
            }
            double[] p = probabilities.toDoubleArray();
            int classes = ck.classes().size();
            for (int i = 0; i < samples.size(); i++) {
                double[] row = Arrays.copyOfRange(p, i * classes, (i + 1) * classes);
                int best = print(out, samples.get(i), row, ck.classes());
                if (samples.get(i).label() >= 0) {
                    labeled++;
                    if (best == samples.get(i).label()) correct++;
                }
            }
        }
        if (labeled > 0)
            out.printf(Locale.ROOT, "accuracy on the labeled inputs: %.2f%% (%d/%d)%n", 100.0 * correct / labeled, correct, labeled);
        return Main.OK;
    }

    /** Prints one prediction; returns the predicted class. */
    private int print(PrintWriter out, Sample s, double[] p, List<String> classes) {
        Integer[] order = new Integer[p.length];
        for (int c = 0; c < p.length; c++) order[c] = c;
        Arrays.sort(order, (a, b) -> Double.compare(p[b], p[a]));
        StringBuilder sb = new StringBuilder(String.format(Locale.ROOT, "%s: %s (%.2f%%)", s.name(), classes.get(order[0]), 100 * p[order[0]]));
        if (s.label() >= 0) sb.append(s.label() == order[0] ? "  correct" : "  WRONG, is " + classes.get(s.label()));
        sb.append("  [");
        for (int k = 0; k < Math.min(top, p.length); k++)
            sb.append(k == 0 ? "" : ", ").append(classes.get(order[k])).append(String.format(Locale.ROOT, " %.2f%%", 100 * p[order[k]]));
        out.println(sb.append(']'));
        return order[0];
    }

    private List<Sample> read(Path input, Checkpoint ck) throws IOException {
        if (!Files.isRegularFile(input)) throw new NoSuchFileException(input.toString(), null, "no such file");
        String name = input.getFileName().toString().toLowerCase(Locale.ROOT);
        if (name.endsWith(".csv") || name.endsWith(".csv.gz")) return csv(input, ck);
        if (isIdxImages(input)) return idx(input, ck);
        float[] image = Images.read(input, ck, invert);
        return List.of(new Sample(input.toString(), image, -1));
    }

    private static boolean isIdxImages(Path file) throws IOException {
        try (InputStream in = InputFiles.open(file)) {
            byte[] head = in.readNBytes(4);
            return head.length == 4 && ByteBuffer.wrap(head).getInt() == IdxReader.IMAGES_MAGIC;
        }
    }

    /** IDX images and their labels file (train-images-idx3-ubyte next to train-labels-idx1-ubyte). */
    private List<Sample> idx(Path images, Checkpoint ck) throws IOException {
        String name = images.getFileName().toString();
        Path labels = images.resolveSibling(name.replace("images-idx3", "labels-idx1").replace("images.idx3", "labels.idx1"));
        if (labels.equals(images) || !Files.isRegularFile(labels))
            throw new FileFormatException(images, "IDX images need their labels file next to them (looked for "
                    + (labels.equals(images) ? "a name with 'labels-idx1' for 'images-idx3'" : labels) + ")");
        LabeledSamples s = IdxReader.read(images, labels, ck.classes(), limit == null ? Integer.MAX_VALUE : limit);
        requireShape(images, s.sampleShape(), ck);
        List<Sample> out = new ArrayList<>();
        for (int i = 0; i < s.count(); i++) out.add(new Sample(images.getFileName() + "#" + i, s.sample(i), s.labels()[i]));
        return out;
    }

    /** Rows of features, with or without a label in the last column. */
    private List<Sample> csv(Path file, Checkpoint ck) throws IOException {
        int features = ck.featureSize();
        int columns = firstRowColumns(file);
        List<Sample> out = new ArrayList<>();
        if (columns == features + 1) {
            LabeledSamples s;
            try {
                s = CsvReader.create().read(file);
            } catch (IllegalArgumentException e) {
                throw new BadInputException(file + ": " + e.getMessage(), e);
            }
            for (int i = 0; i < s.count() && (limit == null || i < limit); i++) {
                if (s.labels()[i] >= ck.classes().size())
                    throw new FileFormatException(file, "row " + (i + 1) + ": label " + s.labels()[i] + " is not one of the model's "
                            + ck.classes().size() + " classes");
                out.add(new Sample(file.getFileName() + "#" + (i + 1), s.sample(i), s.labels()[i]));
            }
            return out;
        }
        if (columns != features)
            throw new FileFormatException(file, "rows have " + columns + " columns; the model takes " + features
                    + " features (optionally followed by a label)");
        try (var reader = new BufferedReader(new InputStreamReader(InputFiles.open(file), StandardCharsets.UTF_8))) {
            int line = 0;
            boolean headerSeen = false;
            for (String text; (text = reader.readLine()) != null && (limit == null || out.size() < limit); ) {
                line++;
                if (text.isBlank()) continue;
                String[] cells = text.split(",", -1);
                if (cells.length != features)
                    throw new FileFormatException(file, "row " + line + " has " + cells.length + " columns, expected " + features);
                float[] v = new float[features];
                boolean header = out.isEmpty() && !headerSeen;
                headerSeen = true;
                for (int c = 0; c < features; c++) {
                    try {
                        v[c] = Float.parseFloat(cells[c].strip());
                    } catch (NumberFormatException e) {
                        if (header) break; // a first row with names is a header
                        throw new FileFormatException(file, "row " + line + ", column " + (c + 1) + ": '" + cells[c].strip() + "' is not a number");
                    }
                    header = false;
                    if (!Float.isFinite(v[c]))
                        throw new FileFormatException(file, "row " + line + ", column " + (c + 1) + ": '" + cells[c].strip() + "' is not finite");
                }
                if (!header) out.add(new Sample(file.getFileName() + "#" + line, v, -1));
            }
        }
        return out;
    }

    private static int firstRowColumns(Path file) throws IOException {
        try (var reader = new BufferedReader(new InputStreamReader(InputFiles.open(file), StandardCharsets.UTF_8))) {
            for (String text; (text = reader.readLine()) != null; )
                if (!text.isBlank()) return text.split(",", -1).length;
        }
        throw new FileFormatException(file, "empty file");
    }

    private void requireShape(Path file, int[] shape, Checkpoint ck) throws FileFormatException {
        if (!Arrays.equals(shape, ck.inputShape()))
            throw new FileFormatException(file, "samples of shape " + Arrays.toString(shape) + " do not fit the model, which takes "
                    + Arrays.toString(ck.inputShape()));
    }
}
