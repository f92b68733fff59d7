package dev.jgrad.viz;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Objects;

/** Writes a file so that readers see either the old or the complete new content, never a partial one. */
final class AtomicFiles {

    private AtomicFiles() {
    }

    static void writeString(Path target, String content, String what) throws IOException {
        Objects.requireNonNull(target, what + ": path is null");
        var absolute = target.toAbsolutePath();
        var dir = absolute.getParent();
        if (dir == null || !Files.isDirectory(dir)) {
            throw new IOException(what + ": directory of " + absolute + " does not exist");
        }
        // Same directory as the target, so the rename stays within one file system and can be atomic.
        var temp = Files.createTempFile(dir, "." + absolute.getFileName(), ".tmp");
        try {
            Files.writeString(temp, content, StandardCharsets.UTF_8);
            // Temp files start private (0600); a drawing or report is meant to be shared like any output file.
            if (Files.getFileStore(temp).supportsFileAttributeView(PosixFileAttributeView.class)) {
                Files.setPosixFilePermissions(temp, PosixFilePermissions.fromString("rw-r--r--"));
            }
            Files.move(temp, absolute, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            Files.deleteIfExists(temp);
            throw new IOException(what + ": cannot write " + absolute + ": " + e.getMessage(), e);
        } catch (RuntimeException e) {
            Files.deleteIfExists(temp);
            throw e;
        }
    }
}
