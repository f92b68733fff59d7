package dev.jgrad.data;

import dev.jgrad.io.FileFormatException;
import dev.jgrad.io.InputFiles;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads CIFAR-10 binary batches ({@code data_batch_1.bin} ... {@code test_batch.bin}, raw or
 * gzipped): records of 1 label byte followed by 3072 pixel bytes, the red, green and blue 32x32
 * planes one after another. Samples have shape {@code [3, 32, 32]} with pixels scaled to [0, 1].
 */
public final class Cifar10Reader {

    public static final List<String> CLASS_NAMES = List.of(
            "airplane", "automobile", "bird", "cat", "deer", "dog", "frog", "horse", "ship", "truck");

    public static final int PIXELS = 3 * 32 * 32;
    public static final int RECORD_BYTES = 1 + PIXELS;

    /** Most records whose features still fit in one float array. */
    private static final int MAX_RECORDS = (Integer.MAX_VALUE - 8) / PIXELS;

    private Cifar10Reader() {
    }

    public static LabeledSamples read(Path... files) throws IOException {
        return read(List.of(files));
    }

    /** The records of all {@code files}, concatenated in order. */
    public static LabeledSamples read(List<Path> files) throws IOException {
        if (files.isEmpty()) {
            throw new IllegalArgumentException("no CIFAR-10 files given");
        }
        List<byte[]> contents = new ArrayList<>(files.size());
        long records = 0;
        for (Path file : files) {
            if (!InputFiles.isGzip(file)) {
                checkSize(file, Files.size(file)); // fail before reading a wrong file
            }
            long room = (MAX_RECORDS - records) * RECORD_BYTES;
            byte[] data = InputFiles.readAllBytes(file, (int) Math.min(room, Integer.MAX_VALUE - 9));
            checkSize(file, data.length);
            for (int r = 0; r < data.length / RECORD_BYTES; r++) {
                int label = data[r * RECORD_BYTES] & 0xff;
                if (label >= CLASS_NAMES.size()) {
                    throw new FileFormatException(file, "record " + r + " (byte offset " + (long) r * RECORD_BYTES
                            + "): label " + label + " is not in 0..9");
                }
            }
            contents.add(data);
            records += data.length / RECORD_BYTES;
        }

        float[] features = new float[(int) records * PIXELS];
        int[] labels = new int[(int) records];
        int sample = 0;
        for (byte[] data : contents) {
            for (int offset = 0; offset < data.length; offset += RECORD_BYTES, sample++) {
                labels[sample] = data[offset];
                int base = sample * PIXELS;
                for (int p = 0; p < PIXELS; p++) {
                    features[base + p] = (data[offset + 1 + p] & 0xff) / 255f;
                }
            }
        }
        return new LabeledSamples(features, labels, new int[] {3, 32, 32}, CLASS_NAMES);
    }

    private static void checkSize(Path file, long size) throws FileFormatException {
        if (size == 0) {
            throw new FileFormatException(file, "empty file, no CIFAR-10 records");
        }
        if (size % RECORD_BYTES != 0) {
            throw new FileFormatException(file, "size " + size + " bytes is not a multiple of the " + RECORD_BYTES
                    + "-byte CIFAR-10 record (1 label byte + " + PIXELS + " pixel bytes): " + size / RECORD_BYTES
                    + " whole records and " + size % RECORD_BYTES + " bytes left over");
        }
    }
}
