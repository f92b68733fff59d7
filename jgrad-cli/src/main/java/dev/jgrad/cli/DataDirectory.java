package dev.jgrad.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Where the real datasets (mnist/, fashion-mnist/, cifar10/) are looked up: the --data-dir
 * option, else the environment variable JGRAD_DATA, else the system property jgrad.data, else
 * ../shared/data next to the project root (the launcher passes the root as jgrad.home).
 */
record DataDirectory(Path path, String source) {

    static Optional<DataDirectory> find(Path option) {
        if (option != null) return Optional.of(new DataDirectory(option, "--data-dir"));
        String env = System.getenv("JGRAD_DATA");
        if (env != null && !env.isBlank()) return Optional.of(new DataDirectory(Path.of(env), "JGRAD_DATA"));
        String prop = System.getProperty("jgrad.data");
        if (prop != null && !prop.isBlank()) return Optional.of(new DataDirectory(Path.of(prop), "-Djgrad.data"));
        String home = System.getProperty("jgrad.home");
        if (home != null) {
            Path shared = Path.of(home).resolve("../shared/data").normalize();
            if (Files.isDirectory(shared)) return Optional.of(new DataDirectory(shared, "project root"));
        }
        return Optional.empty();
    }

    /** The directory, which must exist; the message says how to give one. */
    static Path require(Path option) {
        var dir = find(option).orElseThrow(() -> new BadInputException(
                "--data-dir: no data directory given and ../shared/data next to the project root does not exist;"
                        + " pass --data-dir DIR (holding mnist/, fashion-mnist/ or cifar10/)"));
        if (!Files.isDirectory(dir.path()))
            throw new BadInputException("--data-dir: " + dir.path() + " (from " + dir.source() + ") is not a directory");
        return dir.path();
    }
}
