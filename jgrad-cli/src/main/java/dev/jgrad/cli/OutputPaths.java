package dev.jgrad.cli;

import java.nio.file.Files;
import java.nio.file.Path;

/** Checks made before a long run that its output files can be written at all. */
final class OutputPaths {
    private OutputPaths() {}

    /** The file's directory exists and is writable, and the file is not a directory; the message names the option. */
    static void checkWritable(Path file, String option) {
        Path dir = file.toAbsolutePath().getParent();
        if (dir == null || !Files.isDirectory(dir))
            throw new BadInputException(option + " " + file + ": the directory " + dir + " does not exist");
        if (Files.isDirectory(file)) throw new BadInputException(option + " " + file + ": is a directory");
        if (!Files.isWritable(dir)) throw new BadInputException(option + " " + file + ": the directory " + dir + " is not writable");
    }
}
