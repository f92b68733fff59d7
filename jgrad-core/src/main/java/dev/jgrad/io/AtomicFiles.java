package dev.jgrad.io;

import java.io.BufferedOutputStream;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.Objects;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Writes files so that readers (and a crash at any moment) see either the complete old content
 * or the complete new content, never a torn file: the data goes to a temporary file in the same
 * directory, is forced to disk, and is then renamed over the target in one atomic step.
 */
public final class AtomicFiles {

    private static final int BUFFER_SIZE = 1 << 16;

    private AtomicFiles() {
    }

    /**
     * Replaces (or creates) {@code target} with what {@code body} writes. If {@code body} or any
     * later step fails, the previous content of {@code target} is untouched and the temporary
     * file is deleted. {@code body} receives a buffered stream; closing it is allowed and has no
     * effect beyond a flush.
     */
    public static void write(Path target, IOConsumer<? super OutputStream> body) throws IOException {
        Objects.requireNonNull(body, "body");
        Path absolute = target.toAbsolutePath();
        Path dir = absolute.getParent();
        if (dir == null) {
            throw new IOException("cannot write " + target + " atomically: it has no parent directory");
        }
        if (!Files.isDirectory(dir)) {
            throw new java.nio.file.NoSuchFileException(absolute.toString(), null, "cannot write: directory " + dir + " does not exist");
        }
        Path temp = createTempSibling(absolute);
        try {
            try (FileChannel channel = FileChannel.open(temp, StandardOpenOption.WRITE)) {
                var buffered = new BufferedOutputStream(Channels.newOutputStream(channel), BUFFER_SIZE);
                body.accept(new UncloseableOutputStream(buffered));
                buffered.flush();
                // Data must be durable before the rename publishes it, or a crash could leave
                // the new name pointing at an empty or partial file.
                channel.force(true);
            }
            Files.move(temp, absolute, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (Throwable failure) {
            try {
                Files.deleteIfExists(temp);
            } catch (IOException cleanup) {
                failure.addSuppressed(cleanup);
            }
            throw failure;
        }
        forceDirectory(dir);
    }

    /** Atomically replaces {@code target} with {@code bytes}. */
    public static void write(Path target, byte[] bytes) throws IOException {
        Objects.requireNonNull(bytes, "bytes");
        write(target, out -> out.write(bytes));
    }

    /** Atomically replaces {@code target} with {@code text} encoded as UTF-8. */
    public static void writeString(Path target, String text) throws IOException {
        write(target, text.getBytes(StandardCharsets.UTF_8));
    }

    /**
     * The temporary name ends in ".tmp" plus a random suffix so that concurrent writers of the
     * same target never share a temporary file; CREATE_NEW keeps the default permissions (unlike
     * Files.createTempFile, which would make the final file owner-only).
     */
    private static Path createTempSibling(Path target) throws IOException {
        String prefix = target.getFileName() + ".tmp";
        for (int attempt = 0; ; attempt++) {
            Path candidate = target.resolveSibling(prefix + Long.toUnsignedString(ThreadLocalRandom.current().nextLong(), 36));
            try {
                Files.newByteChannel(candidate, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE).close();
                return candidate;
            } catch (FileAlreadyExistsException e) {
                if (attempt >= 100) {
                    throw e;
                }
            }
        }
    }

    /**
     * Makes the rename itself durable. Some platforms (Windows) cannot open a directory as a
     * channel; there the rename is still atomic, only its durability is up to the OS.
     */
    private static void forceDirectory(Path dir) {
        try (FileChannel channel = FileChannel.open(dir, StandardOpenOption.READ)) {
            channel.force(true);
        } catch (IOException | UnsupportedOperationException ignored) {
            // best effort, see above
        }
    }

    /** Lets the body close "its" stream without closing the channel before it is forced. */
    private static final class UncloseableOutputStream extends FilterOutputStream {

        UncloseableOutputStream(OutputStream out) {
            super(out);
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            out.write(b, off, len);
        }

        @Override
        public void close() throws IOException {
            out.flush();
        }
    }
}
