package dev.jgrad.io;

import java.io.BufferedInputStream;
import java.io.EOFException;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.zip.GZIPInputStream;
import java.util.zip.ZipException;

/**
 * Opens data files for reading, decompressing gzip transparently. Compression is recognised by
 * the gzip magic bytes (1f 8b), not by the file name, so renamed or re-compressed files work.
 */
public final class InputFiles {

    private static final int BUFFER_SIZE = 1 << 16;
    private static final int GZIP_MAGIC_1 = 0x1f;
    private static final int GZIP_MAGIC_2 = 0x8b;
    private static final long MAX_DEFLATE_RATIO = 1032;

    private InputFiles() {
    }

    /** True if {@code file} starts with the gzip magic bytes. */
    public static boolean isGzip(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            return in.read() == GZIP_MAGIC_1 && in.read() == GZIP_MAGIC_2;
        }
    }

    /**
     * A buffered stream over the (decompressed) content of {@code file}. Corrupt or truncated
     * gzip data surfaces as a {@link FileFormatException} naming the file.
     */
    public static InputStream open(Path file) throws IOException {
        var raw = new BufferedInputStream(Files.newInputStream(file), BUFFER_SIZE);
        try {
            raw.mark(2);
            boolean gzip = raw.read() == GZIP_MAGIC_1 && raw.read() == GZIP_MAGIC_2;
            raw.reset();
            if (!gzip) {
                return raw;
            }
            return new GzipContent(file, raw);
        } catch (IOException | RuntimeException e) {
            try {
                raw.close();
            } catch (IOException suppressed) {
                e.addSuppressed(suppressed);
            }
            throw e;
        }
    }

    /**
     * Reads the whole (decompressed) content, refusing more than {@code maxBytes} so that a
     * decompression bomb cannot exhaust memory.
     */
    public static byte[] readAllBytes(Path file, int maxBytes) throws IOException {
        if (maxBytes < 0 || maxBytes == Integer.MAX_VALUE) {
            throw new IllegalArgumentException("maxBytes must be in [0, Integer.MAX_VALUE), got " + maxBytes);
        }
        long bound = contentSizeBound(file);
        try (InputStream in = open(file)) {
            byte[] bytes = readUpTo(in, maxBytes + 1, (int) Math.min(maxBytes + 1L, bound));
            if (bytes.length > maxBytes) {
                throw new FileFormatException(file, "content is larger than the limit of " + maxBytes + " bytes");
            }
            return bytes;
        }
    }

    /**
     * An upper bound on the size of the content {@link #open} delivers: the file size, or for
     * gzip 1032 times it, deflate's maximum compression ratio. Sizes declared inside a file can
     * be checked against this before anything is allocated.
     */
    public static long contentSizeBound(Path file) throws IOException {
        long size = Files.size(file);
        return isGzip(file) ? size * MAX_DEFLATE_RATIO : size;
    }

    /**
     * Reads until {@code max} bytes or the end of the stream. The array starts at
     * {@code initialCapacity} and grows only as data actually arrives, so a size claimed by the
     * data itself can be passed as {@code max} without trusting it; when the capacity is exact
     * the array is returned without a copy.
     */
    public static byte[] readUpTo(InputStream in, int max, int initialCapacity) throws IOException {
        if (max < 0 || initialCapacity < 0) {
            throw new IllegalArgumentException("negative size: max " + max + ", initialCapacity " + initialCapacity);
        }
        byte[] buffer = new byte[Math.min(max, initialCapacity)];
        int n = 0;
        while (n < max) {
            if (n == buffer.length) {
                // Probe before growing: an exactly sized buffer then needs no trimming copy.
                int next = in.read();
                if (next < 0) {
                    break;
                }
                buffer = Arrays.copyOf(buffer, (int) Math.min(max, Math.max(2L * buffer.length, BUFFER_SIZE)));
                buffer[n++] = (byte) next;
                continue;
            }
            int read = in.read(buffer, n, buffer.length - n);
            if (read < 0) {
                break;
            }
            n += read;
        }
        return n == buffer.length ? buffer : Arrays.copyOf(buffer, n);
    }

    /** Turns the JDK's bare gzip errors ("invalid stored block lengths") into ones naming the file. */
    private static final class GzipContent extends FilterInputStream {

        private final Path file;

        GzipContent(Path file, InputStream compressed) throws IOException {
            super(null);
            this.file = file;
            try {
                this.in = new GZIPInputStream(compressed, BUFFER_SIZE);
            } catch (ZipException | EOFException e) {
                throw corrupt(e);
            }
        }

        @Override
        public int read() throws IOException {
            try {
                return in.read();
            } catch (ZipException | EOFException e) {
                throw corrupt(e);
            }
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            try {
                return in.read(b, off, len);
            } catch (ZipException | EOFException e) {
                throw corrupt(e);
            }
        }

        @Override
        public long skip(long n) throws IOException {
            try {
                return in.skip(n);
            } catch (ZipException | EOFException e) {
                throw corrupt(e);
            }
        }

        private FileFormatException corrupt(IOException e) {
            return new FileFormatException(file, "corrupt or truncated gzip data (" + e.getMessage() + ")", e);
        }
    }
}
