package dev.jgrad.data;

import static dev.jgrad.data.TestFiles.gzip;
import static dev.jgrad.data.TestFiles.idx;
import static dev.jgrad.data.TestFiles.write;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.jgrad.io.FileFormatException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class IdxReaderTest {

    private static final List<String> DIGITS = DataSources.MNIST_CLASSES;

    @TempDir
    Path dir;

    /** Five 2x3 images; image i has pixels 51*i + p (mod 256) for p = 0..5. */
    private static byte[] pixels(int count) {
        byte[] p = new byte[count * 6];
        for (int i = 0; i < p.length; i++) {
            p[i] = (byte) (51 * (i / 6) + i % 6);
        }
        return p;
    }

    private Path images(String name, int count, boolean gzipped) throws IOException {
        byte[] raw = idx(IdxReader.IMAGES_MAGIC, new int[] {count, 2, 3}, pixels(count));
        return write(dir.resolve(name), gzipped ? gzip(raw) : raw);
    }

    private Path labels(String name, byte[] values, boolean gzipped) throws IOException {
        byte[] raw = idx(IdxReader.LABELS_MAGIC, new int[] {values.length}, values);
        return write(dir.resolve(name), gzipped ? gzip(raw) : raw);
    }

    private String problem(Path images, Path labels) {
        var e = assertThrows(FileFormatException.class, () -> IdxReader.read(images, labels, DIGITS));
        return e.getMessage();
    }

    @Test
    void readsRawAndGzippedFilesAlike() throws IOException {
        byte[] labelBytes = {3, 0, 9, 1, 1};
        LabeledSamples raw = IdxReader.read(images("i", 5, false), labels("l", labelBytes, false), DIGITS);
        // Names deliberately misleading: compression is detected by content.
        LabeledSamples gz = IdxReader.read(images("i.raw", 5, true), labels("l.idx", labelBytes, true), DIGITS);
        assertEquals(raw, gz);
        assertEquals(5, raw.count());
        assertArrayEquals(new int[] {1, 2, 3}, raw.sampleShape());
        assertArrayEquals(new int[] {3, 0, 9, 1, 1}, raw.labels());
        assertEquals(DIGITS, raw.classNames());
        float[] f = raw.features();
        assertEquals(0f, f[0]);
        assertEquals(1 / 255f, f[1]);
        assertEquals(0.2f, f[6]); // 51 / 255
        assertEquals(204 / 255f, f[4 * 6]); // image 4, pixel 0: 51 * 4
        for (float v : f) {
            assertEquals(true, v >= 0 && v <= 1);
        }
    }

    @Test
    void readsAPrefixWithALimit() throws IOException {
        byte[] labelBytes = {3, 0, 9, 1, 1};
        for (boolean gzipped : new boolean[] {false, true}) {
            Path i = images("i" + gzipped, 5, gzipped);
            Path l = labels("l" + gzipped, labelBytes, gzipped);
            LabeledSamples all = IdxReader.read(i, l, DIGITS);
            assertEquals(all.head(2), IdxReader.read(i, l, DIGITS, 2));
            assertEquals(0, IdxReader.read(i, l, DIGITS, 0).count());
            assertEquals(all, IdxReader.read(i, l, DIGITS, 1000));
        }
    }

    @Test
    void wrongMagicNumbersAreShownInHex() throws IOException {
        Path l = labels("train-labels", new byte[] {1}, false);
        assertEquals(l + ": bad magic number 0x00000801, expected 0x00000803 (IDX unsigned-byte images, 3 dimensions);"
                + " this is a labels file", problem(l, l));
        Path i = images("train-images", 1, true);
        assertEquals(i + ": bad magic number 0x00000803, expected 0x00000801 (IDX unsigned-byte labels, 1 dimension);"
                + " this is an images file", problem(i, i));
        Path csv = write(dir.resolve("data.csv"), "1,2,3\n".getBytes(StandardCharsets.US_ASCII));
        assertEquals(csv + ": bad magic number 0x312C322C, expected 0x00000803 (IDX unsigned-byte images, 3 dimensions);"
                + " not an IDX file", problem(csv, l));
        Path floats = write(dir.resolve("floats"), idx(0x00000D03, new int[] {0, 1, 1}, new byte[0]));
        assertEquals(floats + ": bad magic number 0x00000D03, expected 0x00000803 (IDX unsigned-byte images, 3 dimensions)",
                problem(floats, l));
    }

    @Test
    void shortOrEmptyFiles() throws IOException {
        Path l = labels("l", new byte[] {1}, false);
        Path empty = write(dir.resolve("empty"), new byte[0]);
        assertEquals(empty + ": only 0 bytes; an IDX file starts with a 4-byte magic number", problem(empty, l));
        Path shortHeader = write(dir.resolve("short"), Arrays.copyOf(idx(IdxReader.IMAGES_MAGIC, new int[] {1, 2, 3}, new byte[0]), 10));
        assertEquals(shortHeader + ": truncated IDX header: 10 of 16 bytes", problem(shortHeader, l));
    }

    @Test
    void invalidHeaderValues() throws IOException {
        Path l = labels("l", new byte[] {1}, false);
        Path negative = write(dir.resolve("neg"), idx(IdxReader.IMAGES_MAGIC, new int[] {-1, 28, 28}, new byte[0]));
        assertEquals(negative + ": negative item count -1 in the header", problem(negative, l));
        Path zeroRows = write(dir.resolve("zero"), idx(IdxReader.IMAGES_MAGIC, new int[] {1, 0, 28}, new byte[0]));
        assertEquals(zeroRows + ": dimension 2 in the header is 0, not positive", problem(zeroRows, l));
    }

    @Test
    void truncatedOrOverlongRawFilesReportBothSizes() throws IOException {
        Path l = labels("l", new byte[] {1, 2, 3, 4, 5}, false);
        Path truncated = write(dir.resolve("truncated"), idx(IdxReader.IMAGES_MAGIC, new int[] {5, 2, 3}, pixels(4)));
        assertEquals(truncated + ": header declares 5 images of 2x3 = 30 bytes, but 24 bytes follow the 16-byte header"
                + " (truncated file?)", problem(truncated, l));
        Path trailing = write(dir.resolve("trailing"), idx(IdxReader.IMAGES_MAGIC, new int[] {4, 2, 3}, pixels(5)));
        assertEquals(trailing + ": header declares 4 images of 2x3 = 24 bytes, but 30 bytes follow the 16-byte header"
                + " (unexpected trailing data)", problem(trailing, l));
    }

    @Test
    void truncatedGzippedFiles() throws IOException {
        Path l = labels("l", new byte[] {1, 2, 3, 4, 5}, true);
        Path truncated = write(dir.resolve("truncated.gz"), gzip(idx(IdxReader.IMAGES_MAGIC, new int[] {5, 2, 3}, pixels(4))));
        assertEquals(truncated + ": header declares 5 images of 2x3 = 30 bytes after the header, but the data ends after"
                + " 24 bytes (truncated file?)", problem(truncated, l));
        Path trailing = write(dir.resolve("trailing.gz"), gzip(idx(IdxReader.IMAGES_MAGIC, new int[] {4, 2, 3}, pixels(5))));
        assertEquals(trailing + ": unexpected data after the 4 images of 2x3 declared in the header", problem(trailing, l));
        byte[] whole = gzip(idx(IdxReader.IMAGES_MAGIC, new int[] {5, 2, 3}, pixels(5)));
        Path cut = write(dir.resolve("cut.gz"), Arrays.copyOf(whole, whole.length - 12));
        var e = assertThrows(FileFormatException.class, () -> IdxReader.read(cut, l, DIGITS));
        assertEquals(cut + ": corrupt or truncated gzip data (Unexpected end of ZLIB input stream)", e.getMessage());
    }

    @Test
    void hugeDeclaredCountsInTinyFilesFailWithoutAllocating() throws IOException {
        Path l = labels("l", new byte[] {1}, false);
        byte[] hostile = idx(IdxReader.IMAGES_MAGIC, new int[] {Integer.MAX_VALUE, 28, 28}, new byte[10]);
        Path raw = write(dir.resolve("hostile"), hostile);
        assertEquals(raw + ": header declares 2147483647 images of 28x28 = 1683627179248 bytes, but 10 bytes follow the"
                + " 16-byte header (truncated file?)", problem(raw, l));
        Path gz = write(dir.resolve("hostile.gz"), gzip(hostile));
        assertEquals(gz + ": header declares 2147483647 images of 28x28; 2147483647 of them need 1683627179248 bytes,"
                + " more than one array can hold (read fewer with a limit)", problem(gz, l));
        var e = assertThrows(FileFormatException.class, () -> IdxReader.read(gz, l, DIGITS, 1000));
        assertEquals(gz + ": header declares 2147483647 images of 28x28 = 1683627179248 bytes after the header, but the data"
                + " ends after 10 bytes (truncated file?)", e.getMessage());
        Path hugeDims = write(dir.resolve("dims"), idx(IdxReader.IMAGES_MAGIC,
                new int[] {Integer.MAX_VALUE, Integer.MAX_VALUE, Integer.MAX_VALUE}, new byte[4]));
        assertEquals(hugeDims + ": header declares 2147483647 images of 2147483647x2147483647, more bytes than any file can hold",
                problem(hugeDims, l));
        Path labelsGz = write(dir.resolve("labels.gz"), gzip(idx(IdxReader.LABELS_MAGIC, new int[] {Integer.MAX_VALUE - 9},
                new byte[3])));
        Path images = images("i", 1, false);
        assertEquals(labelsGz + ": header declares 2147483638 labels = 2147483638 bytes after the header, but the data ends"
                + " after 3 bytes (truncated file?)", problem(images, labelsGz));
    }

    @Test
    void imageAndLabelCountsMustAgree() throws IOException {
        Path i = images("images", 5, false);
        Path l = labels("labels", new byte[] {1, 2, 3, 4}, false);
        assertEquals(l + ": declares 4 labels but " + i + " declares 5 images", problem(i, l));
    }

    @Test
    void labelsMustBeValidClasses() throws IOException {
        Path i = images("images", 5, false);
        Path l = labels("labels", new byte[] {1, 2, 3, 10, 4}, false);
        assertEquals(l + ": label 10 at index 3 is out of range 0..9", problem(i, l));
        Path l255 = labels("labels255", new byte[] {1, 2, 3, (byte) 255, 4}, false);
        assertEquals(l255 + ": label 255 at index 3 is out of range 0..9", problem(i, l255));
    }
}
