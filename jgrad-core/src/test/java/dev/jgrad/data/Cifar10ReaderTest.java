package dev.jgrad.data;

import static dev.jgrad.data.TestFiles.gzip;
import static dev.jgrad.data.TestFiles.write;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.jgrad.io.FileFormatException;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class Cifar10ReaderTest {

    @TempDir
    Path dir;

    /** Records with the given labels; pixel p of record r (numbered from {@code first}) is (r * 7 + p) mod 256. */
    private static byte[] batch(int first, int... labels) {
        byte[] data = new byte[labels.length * Cifar10Reader.RECORD_BYTES];
        for (int r = 0; r < labels.length; r++) {
            int base = r * Cifar10Reader.RECORD_BYTES;
            data[base] = (byte) labels[r];
            for (int p = 0; p < Cifar10Reader.PIXELS; p++) {
                data[base + 1 + p] = (byte) ((first + r) * 7 + p);
            }
        }
        return data;
    }

    @Test
    void readsAndConcatenatesBatches() throws IOException {
        Path one = write(dir.resolve("data_batch_1.bin"), batch(0, 6, 9, 0));
        Path two = write(dir.resolve("data_batch_2.bin"), gzip(batch(3, 4, 1)));
        LabeledSamples data = Cifar10Reader.read(one, two);
        assertEquals(5, data.count());
        assertArrayEquals(new int[] {6, 9, 0, 4, 1}, data.labels());
        assertArrayEquals(new int[] {3, 32, 32}, data.sampleShape());
        assertEquals(List.of("airplane", "automobile", "bird", "cat", "deer", "dog", "frog", "horse", "ship", "truck"),
                data.classNames());
        for (int r = 0; r < 5; r++) {
            float[] sample = data.sample(r);
            for (int p = 0; p < Cifar10Reader.PIXELS; p++) {
                assertEquals(((r * 7 + p) & 0xff) / 255f, sample[p], "record " + r + " pixel " + p);
            }
        }
        // Channel-major: green plane of record 0 starts at pixel 1024.
        assertEquals(((1024) & 0xff) / 255f, data.features()[1024]);
    }

    @Test
    void sizeMustBeAWholeNumberOfRecords() throws IOException {
        Path bad = write(dir.resolve("bad.bin"), Arrays.copyOf(batch(0, 1), Cifar10Reader.RECORD_BYTES + 1));
        var e = assertThrows(FileFormatException.class, () -> Cifar10Reader.read(bad));
        assertEquals(bad + ": size 3074 bytes is not a multiple of the 3073-byte CIFAR-10 record (1 label byte + 3072 pixel"
                + " bytes): 1 whole records and 1 bytes left over", e.getMessage());
        Path badGz = write(dir.resolve("bad.bin.gz"), gzip(Arrays.copyOf(batch(0, 1, 2), 2 * Cifar10Reader.RECORD_BYTES - 5)));
        e = assertThrows(FileFormatException.class, () -> Cifar10Reader.read(badGz));
        assertEquals(badGz + ": size 6141 bytes is not a multiple of the 3073-byte CIFAR-10 record (1 label byte + 3072 pixel"
                + " bytes): 1 whole records and 3068 bytes left over", e.getMessage());
        Path empty = write(dir.resolve("empty.bin"), new byte[0]);
        e = assertThrows(FileFormatException.class, () -> Cifar10Reader.read(empty));
        assertEquals(empty + ": empty file, no CIFAR-10 records", e.getMessage());
    }

    @Test
    void labelsMustBeZeroToNine() throws IOException {
        Path good = write(dir.resolve("good.bin"), batch(0, 1));
        Path bad = write(dir.resolve("bad.bin"), batch(0, 1, 12, 3));
        var e = assertThrows(FileFormatException.class, () -> Cifar10Reader.read(good, bad));
        assertEquals(bad + ": record 1 (byte offset 3073): label 12 is not in 0..9", e.getMessage());
    }

    @Test
    void needsAtLeastOneFile() {
        assertThrows(IllegalArgumentException.class, () -> Cifar10Reader.read(List.of()));
    }
}
