package dev.jgrad.io;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Objects;

/**
 * A file exists and could be read, but its content is not valid for the format expected
 * (truncated, wrong magic number, inconsistent sizes, bad values). The message starts with the
 * file so that errors from batch loads point at the culprit.
 */
public class FileFormatException extends IOException {

    private static final long serialVersionUID = 1L;

    private final transient Path file;
    private final String problem;

    public FileFormatException(Path file, String problem) {
        this(file, problem, null);
    }

    public FileFormatException(Path file, String problem, Throwable cause) {
        super(Objects.requireNonNull(file, "file") + ": " + Objects.requireNonNull(problem, "problem"), cause);
        this.file = file;
        this.problem = problem;
    }

    /** The offending file. */
    public Path file() {
        return file;
    }

    /** The message without the file name. */
    public String problem() {
        return problem;
    }
}
