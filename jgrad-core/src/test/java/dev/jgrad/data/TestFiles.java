package dev.jgrad.data;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Assumptions;

/** Helpers for tests that write small data files or need the shared real datasets. */
final class TestFiles {

    private TestFiles() {
    }

    /**
     * The shared real-data directory from {@code -Djgrad.data}; skips the calling test when it
     * is missing.
     */
    static Path realDataRoot() {
        String value = System.getProperty("jgrad.data");
        Assumptions.assumeTrue(value != null && Files.isDirectory(Path.of(value)),
                () -> "skipped: real datasets not found; run with -Djgrad.data=<dir with mnist/, fashion-mnist/, sklearn/>"
                        + " (jgrad.data is " + value + ")");
        return Path.of(value);
    }

    static byte[] gzip(byte[] data) {
        var out = new ByteArrayOutputStream();
        try (var gz = new GZIPOutputStream(out)) {
            gz.write(data);
        } catch (IOException e) {
            throw new AssertionError(e);
        }
        return out.toByteArray();
    }

    /** An IDX file: big-endian magic, the header ints, then {@code data}. */
    static byte[] idx(int magic, int[] header, byte[] data) {
        var buffer = ByteBuffer.allocate(4 + 4 * header.length + data.length);
        buffer.putInt(magic);
        for (int h : header) {
            buffer.putInt(h);
        }
        return buffer.put(data).array();
    }

    static Path write(Path file, byte[] content) throws IOException {
        Files.write(file, content);
        return file;
    }
}
