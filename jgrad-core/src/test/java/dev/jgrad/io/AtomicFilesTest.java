package dev.jgrad.io;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AtomicFilesTest {

    @TempDir
    Path dir;

    private List<Path> listDir() throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            return files.sorted().toList();
        }
    }

    @Test
    void createsFileWithContent() throws IOException {
        Path target = dir.resolve("new.bin");
        AtomicFiles.write(target, out -> {
            out.write(1);
            out.write(new byte[] {2, 3, 4}, 1, 2);
        });
        assertArrayEquals(new byte[] {1, 3, 4}, Files.readAllBytes(target));
        assertEquals(List.of(target), listDir());
    }

    @Test
    void replacesExistingFile() throws IOException {
        Path target = dir.resolve("model.safetensors");
        AtomicFiles.writeString(target, "old content that is longer");
        AtomicFiles.writeString(target, "new");
        assertEquals("new", Files.readString(target));
        assertEquals(List.of(target), listDir());
    }

    @Test
    void failureMidwayKeepsPreviousFileAndRemovesTempFile() throws IOException {
        Path target = dir.resolve("model.safetensors");
        AtomicFiles.writeString(target, "previous");
        var failure = new IOException("disk full (simulated)");
        var thrown = assertThrows(IOException.class, () -> AtomicFiles.write(target, out -> {
            out.write(new byte[300_000]); // more than the buffer, so bytes really reach the temp file
            throw failure;
        }));
        assertSame(failure, thrown);
        assertEquals("previous", Files.readString(target));
        assertEquals(List.of(target), listDir(), "no temporary file may be left behind");
    }

    @Test
    void runtimeExceptionInBodyAlsoCleansUp() throws IOException {
        Path target = dir.resolve("state.json");
        AtomicFiles.writeString(target, "{}");
        assertThrows(UncheckedIOException.class, () -> AtomicFiles.write(target, out -> {
            out.write('x');
            throw new UncheckedIOException(new IOException("boom"));
        }));
        assertEquals("{}", Files.readString(target));
        assertEquals(List.of(target), listDir());
    }

    @Test
    void failureWithoutPreviousFileLeavesNothing() throws IOException {
        Path target = dir.resolve("fresh.bin");
        assertThrows(IOException.class, () -> AtomicFiles.write(target, out -> {
            out.write(42);
            throw new IOException("fail");
        }));
        assertFalse(Files.exists(target));
        assertEquals(List.of(), listDir());
    }

    @Test
    void bodyMayCloseTheStream() throws IOException {
        Path target = dir.resolve("closed.txt");
        AtomicFiles.write(target, out -> {
            out.write("abc".getBytes());
            out.close();
        });
        assertEquals("abc", Files.readString(target));
    }

    @Test
    void missingDirectoryFailsWithoutCreatingAnything() {
        Path target = dir.resolve("no/such/dir/file.bin");
        assertThrows(IOException.class, () -> AtomicFiles.writeString(target, "x"));
        assertFalse(Files.exists(dir.resolve("no")));
    }
}
