package dev.jgrad.io;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class InputFilesTest {

    @TempDir
    Path dir;

    private static byte[] gzip(byte[] data) throws IOException {
        var out = new ByteArrayOutputStream();
        try (var gz = new GZIPOutputStream(out)) {
            gz.write(data);
        }
        return out.toByteArray();
    }

    private static byte[] sample(int n) {
        byte[] data = new byte[n];
        for (int i = 0; i < n; i++) {
            data[i] = (byte) (i * 31 + i / 7);
        }
        return data;
    }

    @Test
    void detectsGzipByContentNotName() throws IOException {
        byte[] data = sample(100_000);
        Path gz = Files.write(dir.resolve("data.bin"), gzip(data));
        Path raw = Files.write(dir.resolve("data.gz"), data);
        assertTrue(InputFiles.isGzip(gz));
        assertFalse(InputFiles.isGzip(raw));
        try (InputStream a = InputFiles.open(gz); InputStream b = InputFiles.open(raw)) {
            assertArrayEquals(data, a.readAllBytes());
            assertArrayEquals(data, b.readAllBytes());
        }
        assertFalse(InputFiles.isGzip(Files.write(dir.resolve("one"), new byte[] {0x1f})));
        assertFalse(InputFiles.isGzip(Files.write(dir.resolve("empty"), new byte[0])));
    }

    @Test
    void corruptGzipNamesTheFile() throws IOException {
        byte[] packed = gzip(sample(50_000));
        Path truncated = Files.write(dir.resolve("truncated.gz"), Arrays.copyOf(packed, packed.length / 2));
        var e = assertThrows(FileFormatException.class, () -> InputFiles.readAllBytes(truncated, 1 << 20));
        assertEquals(truncated + ": corrupt or truncated gzip data (Unexpected end of ZLIB input stream)", e.getMessage());
        byte[] garbled = packed.clone();
        Arrays.fill(garbled, 12, 40, (byte) 0xff);
        Path bad = Files.write(dir.resolve("garbled.gz"), garbled);
        e = assertThrows(FileFormatException.class, () -> InputFiles.readAllBytes(bad, 1 << 20));
        assertTrue(e.getMessage().startsWith(bad + ": corrupt or truncated gzip data ("), e.getMessage());
        Path headerOnly = Files.write(dir.resolve("header.gz"), new byte[] {0x1f, (byte) 0x8b, 8});
        assertThrows(FileFormatException.class, () -> InputFiles.open(headerOnly).close());
    }

    @Test
    void readAllBytesEnforcesTheLimit() throws IOException {
        Path bomb = Files.write(dir.resolve("zeros.gz"), gzip(new byte[1 << 20])); // ~1 KB on disk
        var e = assertThrows(FileFormatException.class, () -> InputFiles.readAllBytes(bomb, 1000));
        assertEquals(bomb + ": content is larger than the limit of 1000 bytes", e.getMessage());
        assertEquals(1 << 20, InputFiles.readAllBytes(bomb, 1 << 20).length);
    }

    @Test
    void contentSizeBoundCoversDeflatesBestRatio() throws IOException {
        Path bomb = Files.write(dir.resolve("zeros.gz"), gzip(new byte[10 << 20]));
        long bound = InputFiles.contentSizeBound(bomb);
        assertTrue(bound >= 10 << 20, "bound " + bound + " for " + Files.size(bomb) + " compressed bytes");
        Path raw = Files.write(dir.resolve("raw"), new byte[123]);
        assertEquals(123, InputFiles.contentSizeBound(raw));
    }

    @Test
    void readUpToGrowsOnlyAsDataArrives() throws IOException {
        byte[] data = sample(100_000);
        assertArrayEquals(data, InputFiles.readUpTo(new ByteArrayInputStream(data), Integer.MAX_VALUE - 8, 0));
        assertArrayEquals(data, InputFiles.readUpTo(new ByteArrayInputStream(data), Integer.MAX_VALUE - 8, 10));
        assertArrayEquals(Arrays.copyOf(data, 70_000), InputFiles.readUpTo(new ByteArrayInputStream(data), 70_000, 1000));
        assertArrayEquals(new byte[0], InputFiles.readUpTo(new ByteArrayInputStream(data), 0, 100));
        // A claimed size far beyond the data costs only what arrives.
        assertEquals(5, InputFiles.readUpTo(new ByteArrayInputStream(new byte[5]), Integer.MAX_VALUE - 8, 5).length);
    }

    @Test
    void readUpToWithExactCapacityStopsAtTheEnd() throws IOException {
        byte[] data = sample(1000);
        var in = new ByteArrayInputStream(data);
        assertArrayEquals(data, InputFiles.readUpTo(in, 5000, 1000));
        assertEquals(-1, in.read());
        assertThrows(IllegalArgumentException.class, () -> InputFiles.readUpTo(in, -1, 0));
    }
}
